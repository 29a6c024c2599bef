"""The framework-free IATI core (harambee/iati): no Django, vendored codelists read once, the mapping in step."""

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from harambee.iati import codelists, mapping
from harambee.iati.codelists import FOLDER

CORE_MODULES = [
    "harambee.iati",
    "harambee.iati.codelists",
    "harambee.iati.defaults",
    "harambee.iati.model",
    "harambee.iati.reader",
    "harambee.iati.safe_xml",
    "harambee.iati.validation",
    "harambee.iati.writer",
]


def test_importing_the_core_and_using_it_imports_no_django():
    # given a fresh interpreter without DJANGO_SETTINGS_MODULE
    script = (
        "import sys\n" + "".join(f"import {name}\n" for name in CORE_MODULES) + "from harambee import iati\n"
        "iati.iati_defaults(modality='training', themes=['skills'], sectors=[], channel='south_south')\n"
        "iati.codelist('AidType').name_of('D02')\n"
        "iati.validate_activities_xml(b'<iati-activities version=\"2.03\"/>')\n"
        "leaked = sorted(m for m in sys.modules if m == 'django' or m.startswith(('django.', 'harambee.')) "
        "and not m.startswith('harambee.iati') and m != 'harambee')\n"
        "print(leaked)\n"
    )
    # when every core module is imported and used
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={},
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    # then neither Django nor another part of the platform was imported
    assert result.stdout.strip() == "[]", result.stderr


def test_a_codelist_gives_codes_english_and_french_names_withdrawal_and_category():
    # given the vendored AidType and FinanceType codelists
    aid_types = codelists.codelist("AidType")
    finance_types = codelists.codelist("FinanceType")
    # when codes are looked up
    d02, standard_grant, withdrawn = aid_types.get("D02"), finance_types.get("110"), finance_types.get("111")
    # then they carry the file's names, category and status
    assert (d02.code, d02.name, d02.name_in("fr"), d02.category) == (
        "D02",
        "Other technical assistance",
        "Autres formes d’assistance technique",
        "D",
    )
    assert codelists.codelist("AidType-category").name_of(d02.category) == "Experts and other technical assistance"
    assert (standard_grant.name, standard_grant.withdrawn) == ("Standard grant", False)
    assert (withdrawn.name, withdrawn.withdrawn) == ("Subsidies to national private investors", True)
    assert finance_types.is_current("110") and not finance_types.is_current("111") and "111" in finance_types
    assert "111" not in finance_types.codes() and "D021" not in aid_types
    assert codelists.codelist("FlowType").is_current("20") is False  # withdrawn by date (2017-03-17)
    assert codelists.codelist("ActivityStatus").codes() == ("1", "2", "3", "4", "5", "6")
    assert [codelists.codes_hint(n) for n in ("TransactionType", "ResultType")] == ["1–13", "1, 2, 3, 9"]


def test_codelists_are_read_once_per_process_and_unknown_ones_are_refused():
    # when the same codelist is asked for twice
    # then it is the same object (parsed once), and a codelist that is not vendored is an error
    assert codelists.codelist("Sector") is codelists.codelist("Sector")
    with pytest.raises(LookupError, match="not vendored"):
        codelists.codelist("Country")


def test_the_vendored_files_are_the_ones_the_readme_lists_byte_for_byte():
    # given the README's table of files and sha256 sums
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"\| `([\w-]+\.xml)` \| `([0-9a-f]{64})` \|", readme))
    # when the files are hashed
    actual = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in FOLDER.glob("*.xml")}
    # then every file is listed with its sum (an update changes both), and the required ones are there
    assert actual == listed
    required = {
        "AidType",
        "AidType-category",
        "FinanceType",
        "FinanceType-category",
        "FlowType",
        "CollaborationType",
        "ActivityStatus",
        "ActivityDateType",
        "TransactionType",
        "OrganisationType",
        "OrganisationRole",
        "Sector",
        "SectorCategory",
        "BudgetType",
        "BudgetStatus",
        "ResultType",
        "IndicatorMeasure",
        "RegionVocabulary",
    }
    assert required <= set(codelists.available())
    assert "IATI-Codelists, version 2.03, as shipped in pyIATI 0.4.1 on PyPI" in readme
    assert "Creative Commons Attribution 4.0" in readme and "How to update" in readme


def test_every_taxonomy_code_has_a_mapping_and_nothing_else_does():
    # given the posting taxonomy (the one place it is defined) and the registry's organisation types
    from harambee.postings.choices import CHANNELS, MODALITIES, SECTORS, THEMES
    from harambee.registry.models import OrganisationType

    table = mapping()
    # then the mapping file covers exactly those codes
    assert set(table.aid_type) == set(MODALITIES)
    assert set(table.aid_type_in_provider_country) <= set(MODALITIES)
    assert set(table.collaboration_type) == set(CHANNELS)
    assert set(table.theme_sectors) == set(THEMES)
    assert set(table.sector_codes) == set(SECTORS)
    assert set(table.organisation_types) == set(OrganisationType.values) | {"state"}


def test_every_iati_code_of_the_mapping_is_in_use_on_its_codelist():
    # given the mapping file
    table = mapping()
    used = [
        ("FinanceType", [table.finance_type]),
        ("FlowType", [table.flow_type]),
        ("ActivityStatus", [table.activity_status]),
        ("CollaborationType", [table.collaboration_type_default, *table.collaboration_type.values()]),
        ("OrganisationType", [table.organisation_type, *table.organisation_types.values()]),
        ("OrganisationRole", [role for roles in table.roles.values() for role in roles]),
        ("TransactionType", list(table.delivered_transaction_types)),
        ("AidType", [*table.aid_type.values(), *table.aid_type_in_provider_country.values()]),
        ("Sector", [*table.sector_codes.values(), *(c for codes in table.theme_sectors.values() for c in codes)]),
    ]
    # then no code is unknown or withdrawn (an update of the codelists that withdraws one fails here)
    problems = [(name, code) for name, codes in used for code in codes if not codelists.codelist(name).is_current(code)]
    assert problems == []


def test_no_module_outside_the_core_types_a_list_of_iati_codes():
    # given the application code outside the core and the vendored data
    root = Path(__file__).resolve().parent.parent / "harambee"
    pattern = re.compile(r'"(?:A01|B03|C01|D01|D02|E01|H01)"\s*,\s*"|"110"\s*,\s*"210"|"11430":\s*"')
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "iati" not in path.parts[-2:-1]
        and "migrations" not in path.parts
        and path.name != "synthetic.py"
        and pattern.search(path.read_text())
    ]
    # then nobody copies codelist entries by hand
    assert offenders == []
