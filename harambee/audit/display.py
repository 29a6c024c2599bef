"""Showing recorded changes: fields by their labels, codes by their names, ids by what they name.

The audit app depends on no other app, so the apps that record entries tell it, from their
`AppConfig.ready`, how to read what they record (`register`, `register_names`), and the registry
gives it the one rule for naming people (`register_people`, see `registry.access.people_names`).
`prepare` reads a page of entries in a fixed number of queries, whatever the page's length.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from babel.lists import format_list
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext, to_locale
from django.utils.translation import gettext as _

from harambee.core.formats import format_day, format_moment, format_number

# A code list (code → label) or a function that shows one recorded value.
Codes = Mapping[str, Any] | Callable[[Any], Any]

EMAIL_ADDRESS = re.compile(r"[^\s@<>()\[\]\"',;]+@[^\s@<>()\[\]\"',;]+")
# "zmb × 3": a member's code and a number of units, as services record requests.
MEMBER_COUNT = re.compile(r"^\s*([\w-]{1,64})\s*×\s*(\d{1,9})\s*$")


@dataclass
class _Reading:
    labels: dict[str, Any] = field(default_factory=dict)
    codes: dict[str, Codes] = field(default_factory=dict)
    refers: dict[str, type[models.Model]] = field(default_factory=dict)
    sentences: set[str] = field(default_factory=set)
    member_counts: set[str] = field(default_factory=set)


_READINGS: dict[type[models.Model], _Reading] = {}
_NAMERS: dict[type[models.Model], Callable[[list], dict[str, str]]] = {}
_PEOPLE: list[Callable[..., list[str]]] = []
_MEMBER_CODES: list[Callable[[list[str]], dict[str, str]]] = []


def register(
    model: type[models.Model],
    *,
    labels: Mapping[str, Any] | None = None,
    codes: Mapping[str, Codes] | None = None,
    refers: Mapping[str, type[models.Model]] | None = None,
    sentences: Iterable[str] = (),
    member_counts: Iterable[str] = (),
) -> None:
    """How to read `model`'s entries: `labels` of keys that are not fields, `codes` of values held
    without Django choices (a code list, or a function of one value), the model whose ids a
    key `refers` to when it is not a foreign key, the keys whose lists read as a sentence
    (`sentences`: "English and French", Babel's format_list) and the keys that hold a member's code
    with a number of units (`member_counts`: "zmb × 3" reads "Zambia: 3 units")."""
    reading = _READINGS.setdefault(model, _Reading())
    reading.labels.update(labels or {})
    reading.codes.update(codes or {})
    reading.refers.update(refers or {})
    reading.sentences.update(sentences)
    reading.member_counts.update(member_counts)


def register_names(model: type[models.Model], namer: Callable[[list], dict[str, str]]) -> None:
    """`namer(pks)` → {str(pk): name} names many objects of `model` in one query (pks already valid)."""
    _NAMERS[model] = namer


def register_member_codes(namer: Callable[[list[str]], dict[str, str]]) -> None:
    """`namer(codes)` → {code: name} names many members by their codes in one query (the registry's)."""
    _MEMBER_CODES[:] = [namer]


def _member_names(codes: set[str]) -> dict[str, str]:
    codes = {c for c in codes if c and "\x00" not in c}
    if not codes or not _MEMBER_CODES:
        return {}
    return _MEMBER_CODES[0](sorted(codes))


def register_people(rule: Callable[..., list[str]]) -> None:
    """`rule(pairs, viewer=…)` names each (person or None, member code); the only way people are shown."""
    _PEOPLE[:] = [rule]


def _people(pairs: list[tuple[Any, str]], viewer) -> list[str]:
    if not pairs:
        return []
    if not _PEOPLE:  # no rule registered: name nobody
        return [_("A registered user") if person is not None else _("Harambee (automatic)") for person, _c in pairs]
    return _PEOPLE[0](pairs, viewer=viewer)


@dataclass(frozen=True)
class _Key:
    """How one key of one model's changes reads."""

    label: str
    field: models.Field | None
    codes: Codes | None
    refers: type[models.Model] | None
    sentence: bool = False
    member_count: bool = False


def _key(model: type[models.Model] | None, name: str) -> _Key:
    reading = _READINGS.get(model, _Reading()) if model else _Reading()
    found = None
    if model is not None:
        opts = model._meta
        try:
            found = opts.get_field(name)
        except FieldDoesNotExist:
            # `provider_id` names the foreign key `provider`; `read` the time `read_at`
            found = next((f for f in opts.concrete_fields if f.attname == name), None)
            if found is None:
                try:
                    found = opts.get_field(f"{name}_at")
                except FieldDoesNotExist:
                    found = None
    concrete = found is not None and (found.concrete or found.many_to_many) and not found.auto_created
    if name in reading.labels:
        label = reading.labels[name]
    elif found is not None and not concrete and found.is_relation and found.related_model is not None:
        label = found.related_model._meta.verbose_name_plural  # a round's requests, a posting's translations
    elif found is not None and hasattr(found, "verbose_name"):
        label = found.verbose_name
    else:
        label = name.replace("_", " ")
    refers = reading.refers.get(name)
    if refers is None and concrete and found.is_relation:
        refers = found.related_model
    return _Key(
        label=capfirst(str(label)),
        field=found if concrete else None,
        codes=reading.codes.get(name),
        refers=refers,
        sentence=name in reading.sentences,
        member_count=name in reading.member_counts,
    )


def _ids(value) -> list:
    """The ids a recorded value refers to (one, or a list of them)."""
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str | int) and not isinstance(v, bool)]
    if isinstance(value, str | int) and not isinstance(value, bool):
        return [value]
    return []


def _valid_pks(model: type[models.Model], ids: Iterable) -> list:
    """The ids a database can look up as `model`'s primary key (others name nothing)."""
    pk_field, valid = model._meta.pk, []
    for value in ids:
        try:
            pk = pk_field.to_python(value)
        except (ValidationError, ValueError, TypeError):
            continue
        if isinstance(pk, int) and not -(2**63) <= pk < 2**63 or isinstance(pk, str) and "\x00" in pk:
            continue
        valid.append(pk)
    return valid


def _default_names(model: type[models.Model], ids: list) -> dict[str, str]:
    return {str(pk): str(obj) for pk, obj in model._default_manager.in_bulk(ids).items()}


def _load_people(refs: set) -> dict[str, Any]:
    """Users by id and, in entries recorded before ids were, by e-mail address: {str(ref): user}."""
    user_model = get_user_model()
    pks = _valid_pks(user_model, [r for r in refs if not (isinstance(r, str) and "@" in r)])
    emails = [r.lower() for r in refs if isinstance(r, str) and "@" in r and "\x00" not in r]
    email_field = user_model.get_email_field_name()
    found = {}
    if pks or emails:
        query = models.Q(pk__in=pks) | models.Q(**{f"{email_field}__in": emails})
        for user in user_model._default_manager.filter(query):
            found[str(user.pk)] = user
            found[getattr(user, email_field).lower()] = user
    return found


def _blank(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _hide_emails(text: str) -> str:
    return EMAIL_ADDRESS.sub(_("(e-mail address hidden)"), text)


class _Reader:
    """Shows the values of a page of entries once their ids are resolved."""

    def __init__(self, *, names: dict, people: dict, show_emails: bool, members: dict | None = None):
        self.names, self.people, self.show_emails = names, people, show_emails
        self.members = members or {}

    def show(self, value, key: _Key, member_code: str):
        if _blank(value):
            return None
        if isinstance(value, list):
            shown = [str(item) for item in (self.show(item, key, member_code) for item in value) if item is not None]
            if not shown:
                return None
            if key.sentence:
                return format_list(shown, locale=to_locale(get_language() or "en"))
            return ", ".join(shown)
        if key.member_count and isinstance(value, str) and MEMBER_COUNT.match(value):
            code, count = MEMBER_COUNT.match(value).groups()
            units = ngettext("%(count)s unit", "%(count)s units", int(count)) % {"count": count}
            return _("%(member)s: %(units)s") % {"member": self.members.get(code, code), "units": units}
        if isinstance(value, dict):
            if callable(key.codes):
                return str(key.codes(value))
            return "; ".join(f"{self._code(k, key)}: {self._nested(v)}" for k, v in value.items()) or None
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if key.refers is not None:
            return self._referred(value, key, member_code)
        if callable(key.codes):
            return str(key.codes(value))
        if key.codes is not None:
            return str(key.codes.get(str(value), value))
        return self._scalar(value, key.field)

    def _code(self, code, key: _Key) -> str:
        if isinstance(key.codes, Mapping) and str(code) in key.codes:
            return str(key.codes[str(code)])
        return str(code).replace("_", " ")

    def _nested(self, value) -> str:
        if isinstance(value, dict):
            return "(" + ", ".join(f"{str(k).replace('_', ' ')}: {self._nested(v)}" for k, v in value.items()) + ")"
        if isinstance(value, list):
            return ", ".join(self._nested(v) for v in value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        return "∅" if value is None else str(value)

    def _referred(self, value, key: _Key, member_code: str) -> str:
        if key.refers is get_user_model():
            name = self.people.get((str(value).lower(), member_code))
            if name is not None:
                return name
            return str(value) if self.show_emails else _("A former user")
        name = self.names.get(key.refers, {}).get(str(value))
        return name if name is not None else _("No. %(id)s") % {"id": value}

    def _scalar(self, value, field: models.Field | None):
        if field is not None and field.flatchoices:
            return str(dict((str(k), v) for k, v in field.flatchoices).get(str(value), value))
        if field is not None and not isinstance(field, models.CharField | models.TextField) and value == "None":
            return None  # entries once recorded str(None) for an empty number
        if isinstance(field, models.EmailField) and not self.show_emails:
            return _("(e-mail address hidden)")
        if isinstance(field, models.DateTimeField) and isinstance(value, str):
            moment = parse_datetime(value)
            if moment is not None:
                return format_moment(moment)
        elif isinstance(field, models.DateField) and isinstance(value, str):
            day = parse_date(value)
            if day is not None:
                return format_day(day)
        if isinstance(value, datetime | date):
            return format_moment(value) if isinstance(value, datetime) else format_day(value)
        if isinstance(field, models.DecimalField | models.FloatField) or isinstance(value, float):
            return _number(value)
        if isinstance(field, models.IntegerField) and not isinstance(value, bool):
            return _number(value)
        return str(value)


def _number(value) -> str:
    """A recorded number ("60000.00", 0.5, 40) in the reader's language: "60,000", "0.5", "40"
    ("60 000", "0,5" in French); anything else as it was recorded."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    if not number.is_finite() or abs(number) >= 10**18:  # no number a service records; shown as it is
        return str(value)
    return format_number(number)


def prepare(entries: Iterable, *, viewer=None, show_emails: bool = False) -> list:
    """The entries with `who`, `object_label` and `change_rows` ready for `viewer`, in a fixed
    number of queries (one per kind of object named, one for people). E-mail addresses are shown
    only with `show_emails` (the secretariat's audit trail)."""
    entries = list(entries)
    user_model = get_user_model()
    planned = []
    wanted: dict[type[models.Model], set] = {}
    people_refs: set = set()
    member_codes: set[str] = set()
    for entry in entries:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        keys = []
        changes = entry.changes if isinstance(entry.changes, dict) else {"changes": [None, entry.changes]}
        for name, pair in changes.items():
            key = _key(model, name)
            before, after = pair if isinstance(pair, list | tuple) and len(pair) == 2 else (None, pair)
            if key.member_count:
                counted = (MEMBER_COUNT.match(v) for v in (before, after) if isinstance(v, str))
                member_codes.update(match.group(1) for match in counted if match)
            if key.refers is user_model:
                people_refs.update(str(v).lower() for v in _ids(before) + _ids(after))
            elif key.refers is not None:
                wanted.setdefault(key.refers, set()).update(_ids(before) + _ids(after))
            keys.append((key, before, after))
        planned.append((entry, keys))
    names = {
        model: _NAMERS.get(model, partial(_default_names, model))(_valid_pks(model, ids))
        for model, ids in wanted.items()
    }
    users = _load_people(people_refs)
    # One call of the people rule for every actor and every person a change refers to.
    pairs, slots = [], []
    for entry, keys in planned:
        if entry.actor_id is not None or entry.actor_label in ("", "system"):
            pairs.append((entry.actor if entry.actor_id else None, entry.member_code))
            slots.append(("actor", entry.pk))
        for key, before, after in keys:
            if key.refers is user_model:
                for ref in _ids(before) + _ids(after):
                    user = users.get(str(ref).lower())
                    if user is not None:
                        pairs.append((user, entry.member_code))
                        slots.append(((str(ref).lower(), entry.member_code), None))
    named = _people(pairs, viewer)
    actors, people = {}, {}
    for (slot, pk), name in zip(slots, named, strict=True):
        if slot == "actor":
            actors[pk] = name
        else:
            people[slot] = name
    members = _member_names({entry.member_code for entry in entries} | member_codes)
    reader = _Reader(names=names, people=people, show_emails=show_emails, members=members)
    for entry, keys in planned:
        entry.member_label = members.get(entry.member_code, entry.member_code)
        entry.who_label = actors.get(entry.pk, _("A former user"))
        entry.object_label = entry.object_repr if show_emails else _hide_emails(entry.object_repr)
        rows = []
        for key, before, after in keys:
            shown = (reader.show(before, key, entry.member_code), reader.show(after, key, entry.member_code))
            if shown != (None, None):  # a field recorded empty on both sides says nothing
                rows.append((key.label, *shown))
        entry.prepared_rows = rows
    return entries
