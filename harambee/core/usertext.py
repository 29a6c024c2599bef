"""Text people type: what is removed before it is stored, in one place for every channel.

Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) let a
writer reorder what readers see ("Invoice U+202E gpj.exe" shows as "Invoice exe.jpg"), and control
characters (C0 but tab and line breaks, DEL, C1, a stray byte-order mark, unpaired surrogates)
have no place in text either: they are removed. The directional marks LRM, RLM and ALM, and the
zero-width joiners that Arabic and other scripts need, are kept. One-line fields (names, titles)
also turn line breaks and tabs into spaces.

Pages show user text with direction isolation (``dir="auto"`` or ``<bdi>``), so that a Latin title
on an Arabic page keeps its full stop and figures where its writer put them.
"""

import re
from typing import Any

from django.db import models

_REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029]")
_ONE_LINE = re.compile("[\t\n\r\u2028\u2029]+")


def clean_text(value: str, *, multiline: bool = True) -> str:
    """``value`` without bidi controls and control characters; one line unless ``multiline``."""
    if not multiline:
        value = _ONE_LINE.sub(" ", value)
    else:
        value = _NEWLINES.sub("\n", value)
    return _REMOVED.sub("", value)


def clean_value(value: Any) -> Any:
    """``clean_text`` applied to every string inside a JSON-like value (dict keys included)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    return value


class _UserText:
    """Cleans on validation (``full_clean``), on save (the instance keeps the cleaned value) and on
    every write to the database, ``QuerySet.update`` and ``bulk_update`` included.

    The database column is the plain Django field's: ``deconstruct`` names the plain field, so this
    behaviour needs no migration and historical models in migrations stay plain.
    """

    multiline = True
    plain_path = ""

    def _clean(self, value):
        return clean_text(value, multiline=self.multiline) if isinstance(value, str) else value

    def to_python(self, value):
        return self._clean(super().to_python(value))

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        cleaned = self._clean(value)
        if cleaned is not value:
            setattr(model_instance, self.attname, cleaned)
        return cleaned

    def get_prep_value(self, value):
        return super().get_prep_value(self._clean(value))

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, self.plain_path, args, kwargs


class UserCharField(_UserText, models.CharField):
    """One line of text a person typed (a name, a title)."""

    multiline = False
    plain_path = "django.db.models.CharField"


class UserTextField(_UserText, models.TextField):
    """Free text a person typed (a description, a message), line breaks kept."""

    plain_path = "django.db.models.TextField"


class UserJSONField(models.JSONField):
    """JSON holding text people typed (e.g. names in other languages): every string cleaned."""

    def pre_save(self, model_instance, add):
        value = clean_value(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        return super().get_prep_value(clean_value(value))

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.JSONField", args, kwargs
