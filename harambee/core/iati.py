"""IATI codes as people see them: translated labels and form choices, from the vendored codelists.

The codelists (:mod:`harambee.iati.codelists`) are English, with French for some items. The names
of the codelists the UI offers (:data:`UI_CODELISTS`) are gettext msgids, listed in the generated
module :mod:`harambee.core.iati_msgids` so that ``makemessages`` finds them; a test fails when that
module is out of step with the codelists. Regenerate it with ``uv run python -m harambee.core.iati``.

A label is, in order: the catalogue's translation of the display name; else the codelist's own
name in the active language (French where the file has one); else the English name.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext, gettext_lazy

from harambee.iati import codelists
from harambee.iati.codelists import Code

#: The codelists whose codes the UI offers or shows; their names are msgids (iati_msgids.py).
UI_CODELISTS = (
    "ActivityStatus",
    "AidType",
    "AidType-category",
    "BudgetType",
    "CollaborationType",
    "FinanceType",
    "FinanceType-category",
    "FlowType",
    "OrganisationType",
    "ResultType",
    "TransactionType",
)

MSGIDS_PATH = Path(__file__).resolve().parent / "iati_msgids.py"
# A name longer than this is a definition rather than a name (CollaborationType 8 in 2.03 is a
# paragraph): it is shown up to its first colon.
_LONG_NAME = 100


def _shown(name: str, codelist_name: str) -> str:
    if len(name) > _LONG_NAME and ": " in name:
        name = name.split(": ", 1)[0]
    if codelist_name.endswith("-category") and name.isupper():
        name = name.capitalize()
    return name[:1].upper() + name[1:]


def display_name(item: Code, codelist_name: str) -> str:
    """The English name as the UI shows it (and the msgid): category names in capitals (FinanceType
    categories) in sentence case; a paragraph-long name (CollaborationType 8) up to its first colon."""
    return _shown(item.name, codelist_name)


def code_label(codelist_name: str, code: str | None) -> str:
    """The name of ``code`` for the active language; "" for a code the codelist does not have."""
    item = codelists.codelist(codelist_name).get(code)
    if item is None:
        return ""
    name = display_name(item, codelist_name)
    translated = gettext(name)
    if translated != name:
        return translated
    own = item.name_in((get_language() or "en").split("-")[0])
    return _shown(own, codelist_name) if own else name


def invalid_code_message(code: str | None, codelist_name: str) -> str:
    """What forms, services and imports say about a code that is not in use on a codelist."""
    return gettext("%(code)s is not a code of the IATI %(codelist)s codelist.") % {
        "code": code or "—",
        "codelist": codelist_name,
    }


def check_code(value: str | None, codelist_name: str, field: str) -> None:
    """Raise a ValidationError on ``field`` unless ``value`` is a code in use on the codelist."""
    if not codelists.codelist(codelist_name).is_current(value):
        raise ValidationError({field: [invalid_code_message(value, codelist_name)]})


def code_with_label(codelist_name: str, code: str | None) -> str:
    """ "D02 — Other technical assistance"; the bare code when the codelist does not have it; "—" for none."""
    if not code:
        return "—"
    label = code_label(codelist_name, code)
    return f"{code} — {label}" if label else code


def code_choices(codelist_name: str, *, blank: bool = False, grouped: bool = False) -> list:
    """Form choices of the codes in use (withdrawn ones left out), labelled "code — name".

    ``grouped`` puts them under their categories (AidType under AidType-category…); ``blank``
    adds an empty first choice for an optional field. Call it per request (e.g. as a callable
    ``choices``) so the labels follow the active language.
    """
    source = codelists.codelist(codelist_name)
    choices: list = [("", "—")] if blank else []
    if grouped and source.category_codelist:
        groups: dict[str | None, list] = {}
        for item in source.current():
            groups.setdefault(item.category, []).append((item.code, code_with_label(codelist_name, item.code)))
        for category, items in groups.items():
            choices.append((code_label(source.category_codelist, category) or category or "—", items))
        return choices
    return choices + [(item.code, code_with_label(codelist_name, item.code)) for item in source.current()]


class CodeChoiceField(forms.ChoiceField):
    """A select of the codes in use on an IATI codelist, labelled "D02 — Other technical assistance"
    in the active language (optionally under their categories). A code that is not in use gets the
    message the services give (invalid_code_message). A list longer than a few codes gets a search
    box (harambee.js: it keeps the options whose code or name matches; without JavaScript the
    select works as any other)."""

    SEARCH_FROM = 8  # codes in use from which a search box helps

    def __init__(self, *, codelist: str, grouped: bool = False, required: bool = True, **kwargs):
        self.codelist = codelist
        choices = partial(code_choices, codelist, blank=not required, grouped=grouped)
        super().__init__(choices=choices, required=required, **kwargs)
        if len(list(codelists.codelist(codelist).current())) >= self.SEARCH_FROM:
            self.widget.attrs["data-search"] = gettext_lazy("Search by code or name")

    def validate(self, value):
        forms.Field.validate(self, value)
        if value and not codelists.codelist(self.codelist).is_current(value):
            raise ValidationError(invalid_code_message(value, self.codelist), code="invalid_choice")


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def msgids_module() -> str:
    """The text of iati_msgids.py: one ``gettext_noop`` per display name of the UI codelists."""
    lines = [
        '"""The names of the IATI codes the UI offers, as gettext msgids (generated; do not edit).',
        "",
        "Regenerate with ``uv run python -m harambee.core.iati`` after updating the vendored codelists;",
        "tests/test_iati_labels.py fails while this file is out of step. The names are the English ones",
        f"of the IATI codelists {codelists.CODELISTS_VERSION} (harambee/iati/codelists/), as",
        "harambee.core.iati.display_name shows them.",
        '"""',
        "",
        "from django.utils.translation import gettext_noop",
        "",
        "NAMES = (",
    ]
    seen: set[str] = set()
    for name in UI_CODELISTS:
        for item in codelists.codelist(name):
            text = display_name(item, name)
            if item.withdrawn or not text or text in seen:
                continue
            seen.add(text)
            french = item.name_in("fr")
            hint = f"; French in the codelist: {french}" if french and len(french) <= 80 else ""
            lines.append(f"    # Translators: IATI {name} {item.code}{hint}")
            lines.append(f"    gettext_noop({_quoted(text)}),")
    lines.append(")")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # uv run python -m harambee.core.iati
    MSGIDS_PATH.write_text(msgids_module(), encoding="utf-8")
    print(f"wrote {MSGIDS_PATH}")
