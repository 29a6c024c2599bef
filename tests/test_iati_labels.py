"""IATI code names shown to people: translatable msgids for what the UI offers, the codelists' own
French otherwise, and every form and page using only codelists whose names are msgids."""

import re
from pathlib import Path

import pytest
from django import forms as django_forms
from django.utils import translation

from harambee.core.iati import (
    MSGIDS_PATH,
    UI_CODELISTS,
    CodeChoiceField,
    code_choices,
    code_label,
    code_with_label,
    msgids_module,
)
from harambee.iati import codelists

ROOT = Path(__file__).resolve().parent.parent / "harambee"


def test_the_msgids_module_is_generated_from_the_vendored_codelists():
    # given the committed module of msgids and the codelists as vendored now
    # when the module is generated again
    # then it is the same (run `uv run python -m harambee.core.iati` and makemessages when this fails)
    assert MSGIDS_PATH.read_text(encoding="utf-8") == msgids_module()


def test_every_name_the_ui_offers_is_a_msgid():
    # given the English names of every choice the UI codelists give
    msgids = set(re.findall(r'gettext_noop\("((?:[^"\\]|\\.)*)"\)', MSGIDS_PATH.read_text(encoding="utf-8")))
    offered = set()
    for name in UI_CODELISTS:
        for value, label in code_choices(name, grouped=True):
            if isinstance(label, list):  # a category and its codes
                offered.add(value)
                offered |= {text.split(" — ", 1)[1] for _code, text in label}
            else:
                offered.add(label.split(" — ", 1)[1])
    # then each is in the module makemessages reads
    assert offered - msgids == set()
    assert "Other technical assistance" in msgids and "Experts and other technical assistance" in msgids


def _code_fields():
    from harambee.cooperation import forms as cooperation_forms
    from harambee.registry import forms as registry_forms

    for module in (cooperation_forms, registry_forms):
        for form in vars(module).values():
            if isinstance(form, type) and issubclass(form, django_forms.BaseForm):
                for field in form.base_fields.values():
                    if isinstance(field, CodeChoiceField):
                        yield field


def test_forms_and_pages_offer_only_codelists_whose_names_are_msgids():
    # given every codelist a form field offers and every codelist a template names with its code
    used = {field.codelist for field in _code_fields()}
    used |= {codelists.codelist(name).category_codelist for name in set(used)} - {None}
    for template in ROOT.rglob("templates/**/*.html"):
        used |= set(re.findall(r'{% iati_code [^%]*"([\w-]+)" %}', template.read_text(encoding="utf-8")))
    # then all of them are UI codelists (their names are translatable)
    assert used - set(UI_CODELISTS) == set()
    assert {"AidType", "FinanceType", "TransactionType", "ResultType", "OrganisationType"} <= used


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Advanced technical and managerial training"),
        ("fr", "Formation technique supérieure de gestion"),
        ("ar", "Advanced technical and managerial training"),
    ],
)
def test_a_name_outside_the_catalogue_is_the_codelists_own_in_that_language_else_english(language, expected):
    # given a sector code (sector names are not msgids; the codelist has English and French)
    # when its label is asked in a language
    with translation.override(language):
        label = code_label("Sector", "11430")
    # then it is the codelist's name in that language, or English
    assert label == expected


def test_labels_read_well_and_unknown_codes_stay_visible():
    # given codes of the UI codelists and codes the codelists do not have
    # then a paragraph-long name is cut at its colon, capitals become a sentence, and an unknown
    # code is shown bare (nothing invented), an empty one as a dash
    assert code_with_label("CollaborationType", "8") == "8 — Bilateral, triangular co-operation"
    assert code_label("FinanceType-category", "100") == "Grants"
    assert code_label("FlowType", "10") == "ODA"
    assert code_with_label("AidType", "D021") == "D021"
    assert code_with_label("AidType", "") == "—"
    assert code_label("AidType", None) == ""


def test_choices_leave_out_withdrawn_codes_and_group_by_category():
    # given the FinanceType codelist, with withdrawn codes
    flat = dict(code_choices("FinanceType", blank=True))
    grouped = code_choices("FinanceType", grouped=True)
    # then only codes in use are offered, under their category names
    assert "111" not in flat and flat["110"] == "110 — Standard grant" and flat[""] == "—"
    assert [code for code, _label in flat.items() if code] == list(codelists.codelist("FinanceType").codes())
    assert grouped[0] == ("Grants", [("110", "110 — Standard grant")] + grouped[0][1][1:])
    assert "Loan" not in [group for group, _items in grouped]  # a withdrawn category has no code in use
