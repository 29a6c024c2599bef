"""IATI 2.03 activity XML: export, XSD + ruleset validation, safe parsing and the platform defaults (no DB)."""

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from lxml import etree

from harambee import iati
from harambee.iati import (
    Budget,
    IatiActivity,
    Indicator,
    IndicatorValue,
    ParticipatingOrg,
    RecipientCountry,
    RecipientRegion,
    ReportingOrg,
    Result,
    ResultPeriod,
    Sector,
    Transaction,
    Value,
)

TODAY = date(2026, 3, 1)
GENERATED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
CHINA = "CN-GOV-1"  # an illustrative reporting-org ref


def south_south_training() -> IatiActivity:
    """A workshop for Zambian officials, delivered in Zambia by a Chinese ministry (South-South)."""
    defaults = iati.iati_defaults(modality="training", themes=["skills"], sectors=["education"], channel="south_south")
    return IatiActivity(
        identifier=iati.iati_identifier(reporting_org_ref=CHINA, suffix="COOP-42"),
        reporting_org=ReportingOrg(ref=CHINA, type="10", names={"en": "Ministry of Foreign Affairs", "zh": "外交部"}),
        title={"en": "AI literacy workshop for civil servants", "zh": "公务员人工智能素养研讨班"},
        description={"en": "Two weeks of hands-on training for 30 officials."},
        participating_orgs=[
            ParticipatingOrg(role="1", ref=CHINA, type="10", names={"en": "Ministry of Foreign Affairs"}),
            ParticipatingOrg(role="3", ref=CHINA, type="10", names={"en": "Ministry of Foreign Affairs"}),
            ParticipatingOrg(role="4", type="80", names={"en": "University of Zambia"}),
        ],
        planned_start=date(2026, 1, 1),
        actual_start=date(2026, 1, 12),
        planned_end=date(2026, 12, 31),
        recipient_countries=[RecipientCountry(code="ZM")],
        default_currency="USD",
        default_language="en",
        budgets=[
            Budget(
                period_start=date(2026, 1, 1),
                period_end=date(2026, 12, 31),
                value=Value(amount=Decimal("120000.00"), value_date=date(2026, 1, 1)),
            )
        ],
        transactions=[
            Transaction(
                transaction_type="2",
                transaction_date=date(2026, 1, 12),
                value=Value(amount=Decimal("120000.00"), value_date=date(2026, 1, 12)),
                description={"en": "Commitment"},
            ),
            Transaction(
                transaction_type="3",
                transaction_date=date(2026, 2, 2),
                value=Value(amount=Decimal("400000"), value_date=date(2026, 2, 2), currency="CNY"),
            ),
        ],
        results=[
            Result(
                type="1",
                title={"en": "Officials trained"},
                indicators=[
                    Indicator(
                        title={"en": "Number of officials trained"},
                        baseline_year=2025,
                        baseline_value=Decimal(0),
                        periods=[
                            ResultPeriod(
                                period_start=date(2026, 1, 1),
                                period_end=date(2026, 12, 31),
                                targets=[IndicatorValue(value=Decimal(30))],
                                actuals=[
                                    IndicatorValue(value=Decimal(14), dimensions={"sex": "female"}),
                                    IndicatorValue(value=Decimal(12), dimensions={"sex": "male"}),
                                ],
                            )
                        ],
                    )
                ],
            )
        ],
        last_updated_datetime=datetime(2026, 2, 20, 8, 0, tzinfo=UTC),
        **defaults,
    )


def triangular_financial_support() -> IatiActivity:
    """Germany funds a joint compute facility that Brazil builds for African and Asian partners."""
    defaults = iati.iati_defaults(
        modality="financial_support", themes=["infrastructure", "data"], sectors=[], channel="triangular"
    )
    return IatiActivity(
        identifier="DE-1-TRI-7",
        reporting_org=ReportingOrg(ref="DE-1", type="10", names={"en": "Federal Ministry", "fr": "Ministère fédéral"}),
        title={"en": "Shared GPU facility", "fr": "Installation GPU partagée"},
        description={"en": "Triangular co-operation on compute and data."},
        participating_orgs=[
            ParticipatingOrg(role="1", ref="DE-1", type="10", names={"en": "Federal Ministry"}),
            ParticipatingOrg(role="4", type="10", names={"en": "Brazilian Cooperation Agency"}),
        ],
        planned_start=date(2025, 7, 1),
        planned_end=date(2027, 6, 30),
        recipient_countries=[RecipientCountry(code="KE", percentage=Decimal(40))],
        recipient_regions=[RecipientRegion(code="142", vocabulary="2", percentage=Decimal(60))],
        default_currency="EUR",
        default_language="en",
        budgets=[
            Budget(
                period_start=date(2025, 7, 1),
                period_end=date(2026, 6, 30),
                value=Value(amount=Decimal("500000"), value_date=date(2025, 7, 1)),
                status="2",
            ),
            Budget(
                period_start=date(2026, 7, 1),
                period_end=date(2027, 6, 30),
                value=Value(amount=Decimal("450000"), value_date=date(2026, 7, 1)),
                type="2",
                status="1",
            ),
        ],
        **defaults,
    )


def export(*activities: IatiActivity) -> bytes:
    return iati.activities_to_xml(list(activities), generated_datetime=GENERATED)


def test_the_file_in_pieces_is_byte_for_byte_the_one_tree_serialised_at_once():
    # given three activities serialised the plain way: one tree, pretty-printed at once
    from harambee.iati.writer import _write_activity

    activities = [south_south_training(), triangular_financial_support(), south_south_training()]
    root = etree.Element("iati-activities")
    root.set("version", "2.03")
    root.set("generated-datetime", GENERATED.isoformat())
    for activity in activities:
        _write_activity(root, activity)
    whole = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    # when written in pieces, one per activity
    pieces = list(iati.activities_xml_chunks(iter(activities), generated_datetime=GENERATED))
    # then the pieces are the head, one per activity and the tail, and joined they are the same bytes
    assert len(pieces) == 5 and pieces[-1] == b"</iati-activities>\n"
    assert b"".join(pieces) == whole == export(*activities)
    # and with no activity nothing is written: the schema wants at least one
    with pytest.raises(ValueError, match="at least one activity"):
        next(iati.activities_xml_chunks(iter([]), generated_datetime=GENERATED))


def line_of(data: bytes, xpath: str) -> int:
    """The line of the first element an XPath finds in exported bytes (rule messages carry lines)."""
    return etree.fromstring(data).xpath(xpath)[0].sourceline


# --------------------------------------------------------------------------------------------------
# Export and validation of good activities
# --------------------------------------------------------------------------------------------------


def test_south_south_and_triangular_activities_are_valid():
    # given activities built with the platform defaults
    data = export(south_south_training(), triangular_financial_support())

    # when the document is validated against the XSD and the rules
    messages = iati.validate_activities_xml(data, today=TODAY)

    # then there is nothing to report
    assert messages == []


def test_export_writes_the_xsd_sequence_and_document_attributes():
    # given the South-South activity
    data = export(south_south_training())

    # when it is exported
    root = etree.fromstring(data)
    activity = root[0]

    # then the document and the activity carry the expected attributes and the XSD's element order
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<iati-activities version=\"2.03\"")
    assert dict(root.attrib) == {"version": "2.03", "generated-datetime": "2026-03-01T09:30:00+00:00"}
    assert dict(activity.attrib) == {
        "last-updated-datetime": "2026-02-20T08:00:00+00:00",
        "{http://www.w3.org/XML/1998/namespace}lang": "en",
        "default-currency": "USD",
        "humanitarian": "0",
        "hierarchy": "1",
    }
    assert [child.tag for child in activity] == [
        "iati-identifier",
        "reporting-org",
        "title",
        "description",
        "participating-org",
        "participating-org",
        "participating-org",
        "activity-status",
        "activity-date",
        "activity-date",
        "activity-date",
        "recipient-country",
        "sector",
        "sector",
        "collaboration-type",
        "default-flow-type",
        "default-finance-type",
        "default-aid-type",
        "budget",
        "transaction",
        "transaction",
        "result",
    ]
    assert activity.findtext("iati-identifier") == "CN-GOV-1-COOP-42"
    assert [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")] == [
        ("1", "2026-01-01"),
        ("2", "2026-01-12"),
        ("3", "2026-12-31"),
    ]
    assert dict(activity.find("default-aid-type").attrib) == {"code": "D02", "vocabulary": "1"}
    actuals = activity.findall("result/indicator/period/actual")
    assert [(a.get("value"), [dict(d.attrib) for d in a]) for a in actuals] == [
        ("14", [{"name": "sex", "value": "female"}]),
        ("12", [{"name": "sex", "value": "male"}]),
    ]


def test_export_is_deterministic_whatever_the_narrative_insertion_order():
    # given the same activity twice, once with its title languages inserted in another order
    first = south_south_training()
    second = south_south_training()
    second.title = dict(reversed(list(second.title.items())))

    # when both are exported
    # then the bytes are identical
    assert export(first) == export(second)
    assert export(first) == export(south_south_training())


def test_round_trip_export_parse_export_gives_identical_bytes_and_equal_activities():
    # given an exported document of both activities
    activities = [south_south_training(), triangular_financial_support()]
    data = export(*activities)

    # when it is parsed and exported again
    report = iati.parse_activities_xml(data, today=TODAY)

    # then nothing is lost and the bytes are identical
    assert report.errors == []
    assert report.warnings == []
    assert report.activities == activities
    assert export(*report.activities) == data


def test_arabic_and_chinese_narratives_survive_the_round_trip_with_xml_lang():
    # given an activity titled in Arabic, Chinese and English
    activity = south_south_training()
    activity.title = {"en": "AI for all", "ar": "الذكاء الاصطناعي للجميع", "zh": "人工智能普惠"}
    data = export(activity)

    # when it is parsed back
    report = iati.parse_activities_xml(data, today=TODAY)

    # then each narrative is raw UTF-8 with its language, and the dataclass comes back equal
    assert '<narrative xml:lang="ar">الذكاء الاصطناعي للجميع</narrative>'.encode() in data
    assert '<narrative xml:lang="zh">人工智能普惠</narrative>'.encode() in data
    assert report.errors == []
    assert report.activities[0].title == {"en": "AI for all", "ar": "الذكاء الاصطناعي للجميع", "zh": "人工智能普惠"}
    assert report.activities == [activity]


def test_a_narrative_without_xml_lang_takes_the_activity_default_language():
    # given a document whose title narrative carries no xml:lang
    data = export(south_south_training()).replace(
        '<narrative xml:lang="zh">公务员人工智能素养研讨班</narrative>'.encode(), b""
    )
    data = data.replace(
        b'<narrative xml:lang="en">AI literacy workshop for civil servants</narrative>',
        b"<narrative>AI literacy workshop for civil servants</narrative>",
    )

    # when it is parsed
    report = iati.parse_activities_xml(data, today=TODAY)

    # then the narrative is English, the activity's xml:lang
    assert report.errors == []
    assert report.activities[0].title == {"en": "AI literacy workshop for civil servants"}


# --------------------------------------------------------------------------------------------------
# Rules: one violation, one message naming the identifier, the element and its line
# --------------------------------------------------------------------------------------------------


def _sectors_60_30(activity: IatiActivity) -> None:
    activity.sectors = [
        Sector(code="11430", percentage=Decimal(60)),
        Sector(code="11110", percentage=Decimal(30)),
    ]


def _no_start_date(activity: IatiActivity) -> None:
    activity.planned_start = None
    activity.actual_start = None


def _budget_of_18_months(activity: IatiActivity) -> None:
    activity.budgets[0].period_end = date(2027, 6, 30)


def _no_recipient(activity: IatiActivity) -> None:
    activity.recipient_countries = []


def _identifier_of_another_org(activity: IatiActivity) -> None:
    activity.identifier = "ZM-GOV-COOP-42"


def _identifier_equal_to_ref(activity: IatiActivity) -> None:
    activity.identifier = CHINA


def _planned_end_before_start(activity: IatiActivity) -> None:
    activity.planned_end = date(2025, 12, 1)


def _actual_end_in_future(activity: IatiActivity) -> None:
    activity.actual_end = date(2026, 3, 5)


def _two_recipients_without_percentages(activity: IatiActivity) -> None:
    activity.recipient_countries = [RecipientCountry(code="ZM"), RecipientCountry(code="MW", percentage=Decimal(50))]


@pytest.mark.parametrize(
    ("change", "identifier", "xpath", "message"),
    [
        (
            _sectors_60_30,
            "CN-GOV-1-COOP-42",
            "/iati-activities/iati-activity",
            "vocabulary 1 sector percentages sum to 90, not 100",
        ),
        (
            _no_start_date,
            "CN-GOV-1-COOP-42",
            "/iati-activities/iati-activity",
            "no activity-date of type 1 (planned start) or 2 (actual start)",
        ),
        (
            _budget_of_18_months,
            "CN-GOV-1-COOP-42",
            "//budget",
            "the period 2026-01-01 to 2027-06-30 is longer than one year",
        ),
        (
            _no_recipient,
            "CN-GOV-1-COOP-42",
            "/iati-activities/iati-activity",
            "no recipient-country or recipient-region",
        ),
        (
            _identifier_of_another_org,
            "ZM-GOV-COOP-42",
            "//iati-identifier",
            "the iati-identifier does not start with the reporting-org ref 'CN-GOV-1'",
        ),
        (
            _identifier_equal_to_ref,
            "CN-GOV-1",
            "//iati-identifier",
            "the iati-identifier is the reporting-org ref 'CN-GOV-1' itself",
        ),
        (
            _planned_end_before_start,
            "CN-GOV-1-COOP-42",
            "//activity-date[@type='3']",
            "planned end 2025-12-01 is before planned start 2026-01-01",
        ),
        (
            _actual_end_in_future,
            "CN-GOV-1-COOP-42",
            "//activity-date[@type='4']",
            "actual end 2026-03-05 is in the future",
        ),
        (
            _two_recipients_without_percentages,
            "CN-GOV-1-COOP-42",
            "//recipient-country",
            "a percentage is required when there is more than one recipient (country or region)",
        ),
    ],
    ids=lambda value: value.__name__.strip("_") if callable(value) else "",
)
def test_each_rule_violation_gives_its_message(change, identifier, xpath, message):
    # given a valid activity with exactly one rule broken
    activity = south_south_training()
    change(activity)
    data = export(activity)

    # when the document is validated
    messages = iati.validate_activities_xml(data, today=TODAY)

    # then the one message names the identifier, the element and its line
    tag = etree.fromstring(data).xpath(xpath)[0].tag
    assert messages == [f"{identifier}: <{tag}> line {line_of(data, xpath)}: {message}"]


def test_a_missing_currency_is_reported_for_every_value_without_one():
    # given an activity without default currency where only one transaction names its currency
    activity = south_south_training()
    activity.default_currency = None
    data = export(activity)

    # when it is validated
    messages = iati.validate_activities_xml(data, today=TODAY)

    # then the budget and the first transaction are reported, not the CNY transaction
    assert messages == [
        f"CN-GOV-1-COOP-42: <value> line {line_of(data, '//budget/value')}: "
        "no currency and the activity has no default-currency",
        f"CN-GOV-1-COOP-42: <value> line {line_of(data, '//transaction[1]/value')}: "
        "no currency and the activity has no default-currency",
    ]


def test_schema_errors_come_with_their_line():
    # given an activity whose title has no narrative (the XSD requires one)
    activity = south_south_training()
    activity.title = {}
    data = export(activity)

    # when it is validated
    messages = iati.validate_activities_xml(data, today=TODAY)

    # then the XSD message names the line
    assert messages == [
        f"line {line_of(data, '//iati-activity/title')}: Element 'title': Missing child element(s). "
        "Expected is ( narrative )."
    ]


def test_a_missing_value_date_fails_the_schema_and_the_rule():
    # given a budget value without value-date
    data = export(south_south_training()).replace(b' value-date="2026-01-01">120000.00', b">120000.00")

    # when the document is validated
    messages = iati.validate_activities_xml(data, today=TODAY)

    # then both the XSD and the rule report it
    line = line_of(data, "//budget/value")
    assert messages == [
        f"line {line}: Element 'value': The attribute 'value-date' is required but missing.",
        f"CN-GOV-1-COOP-42: <value> line {line}: no value-date",
    ]


# --------------------------------------------------------------------------------------------------
# Parsing: hostile and broken documents
# --------------------------------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE iati-activities [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity>
</iati-activities>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity>
</iati-activities>
"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>

<!DOCTYPE iati-activities SYSTEM "http://example.org/iati-activities.dtd">
<iati-activities version="2.03"/>
"""

REFUSED = (
    "the document declares a DOCTYPE; documents with a DTD or entity declarations are refused "
    "(protection against XML bombs and external entities)"
)


@pytest.mark.parametrize(
    ("data", "line"),
    [(BILLION_LAUGHS, 2), (EXTERNAL_ENTITY, 2), (EXTERNAL_DTD, 3)],
    ids=["billion-laughs", "external-entity-etc-passwd", "external-dtd"],
)
def test_documents_with_a_dtd_are_refused_before_any_parsing(monkeypatch, data, line):
    # given an XML parser that fails the test if it is ever reached
    def parser_reached(data):
        raise AssertionError("the XML parser saw a document with a DTD")

    monkeypatch.setattr(iati.safe_xml, "_parse_xml", parser_reached)

    # when the hostile document is parsed and validated
    report = iati.parse_activities_xml(data, today=TODAY)
    messages = iati.validate_activities_xml(data, today=TODAY)

    # then it is refused with one message, nothing expanded and nothing read from disk
    assert report == iati.ParseReport(errors=[f"line {line}: {REFUSED}"])
    assert messages == [f"line {line}: {REFUSED}"]
    assert "lollollol" not in repr(report)
    assert "root:" not in repr(report)


def test_the_parser_itself_neither_reads_external_entities_nor_expands_entities(tmp_path):
    # given a secret file on disk and documents pointing at it or expanding entities, past the byte scan
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    pointing = EXTERNAL_ENTITY.replace(b"file:///etc/passwd", secret.as_uri().encode())

    # when they reach the hardened lxml parser directly (defence in depth)
    results = [iati.safe_xml._parse_xml(pointing), iati.safe_xml._parse_xml(BILLION_LAUGHS)]

    # then both are refused (libxml2 stops the bomb at its amplification limit) and the secret never appears
    assert results[0] == (None, ["line 1: the document has a DOCTYPE; documents with a DTD are refused"])
    assert results[1][0] is None
    assert results[1][1][0].startswith("line 1: the XML is not well-formed: Maximum entity amplification factor")
    assert "TOP-SECRET-MARKER" not in repr(results)


def test_malformed_xml_reports_its_line():
    # given a document whose title is never closed
    data = (
        b'<?xml version="1.0"?>\n<iati-activities version="2.03">\n  <iati-activity>\n    <title>\n  </iati-activity>\n'
    )

    # when it is parsed
    report = iati.parse_activities_xml(data)

    # then one error names the line
    assert report == iati.ParseReport(
        errors=[
            "line 5: the XML is not well-formed: Opening and ending tag mismatch: title line 4 and iati-activity, "
            "line 5, column 19"
        ]
    )


def test_a_document_that_is_not_utf8_is_refused():
    # given a Latin-1 document
    data = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<iati-activities version="2.03">Bogotá</iati-activities>'

    # when it is parsed
    report = iati.parse_activities_xml(data.encode("latin-1"))

    # then it is refused
    assert report.errors == ["line 2: the document is not UTF-8; IATI files are read as UTF-8 only"]
    assert report.activities == []


def test_unknown_codes_are_reported_with_the_identifier_and_nothing_is_imported():
    # given an activity with an unknown currency, a 4-digit DAC sector and activity status 9
    activity = south_south_training()
    activity.default_currency = "XYZ"
    activity.sectors = [Sector(code="1143", percentage=Decimal(50)), Sector(code="11110", percentage=Decimal(50))]
    activity.activity_status = "9"
    data = export(activity)

    # when it is parsed
    report = iati.parse_activities_xml(data, today=TODAY)

    # then each problem names the identifier and the element, and no activity is returned
    assert report.activities == []
    assert report.errors == [
        f"CN-GOV-1-COOP-42: <activity-status> line {line_of(data, '//activity-status')}: "
        "code '9' is not an ActivityStatus (1–6)",
        f"CN-GOV-1-COOP-42: <sector> line {line_of(data, '//sector')}: "
        "code '1143' is not a 5-digit DAC sector code (vocabulary 1)",
        f"CN-GOV-1-COOP-42: <iati-activity> line {line_of(data, '//iati-activity')}: "
        "default-currency 'XYZ' is not an ISO 4217 currency",
    ]


def test_transaction_type_and_dates_out_of_order_are_reported_by_the_parser():
    # given a transaction of type 14 and a planned end before the planned start
    activity = south_south_training()
    activity.transactions[0].transaction_type = "14"
    activity.planned_end = date(2025, 6, 30)
    data = export(activity)

    # when it is parsed
    report = iati.parse_activities_xml(data, today=TODAY)

    # then both are reported
    assert report.activities == []
    assert report.errors == [
        f"CN-GOV-1-COOP-42: <activity-date> line {line_of(data, '//activity-date[@type=3]')}: "
        "planned end 2025-06-30 is before planned start 2026-01-01",
        f"CN-GOV-1-COOP-42: <transaction-type> line {line_of(data, '//transaction-type')}: "
        "code '14' is not a TransactionType (1–13)",
    ]


def test_only_activities_without_errors_are_returned_and_the_errors_name_the_bad_one():
    # given a document with a valid activity and one with a bad currency
    bad = triangular_financial_support()
    bad.budgets[0].value.currency = "EURO"
    data = export(south_south_training(), bad)

    # when it is parsed
    report = iati.parse_activities_xml(data, today=TODAY)

    # then the good activity is read, the bad one reported (and the caller imports nothing)
    assert report.activities == [south_south_training()]
    assert report.errors == [
        f"DE-1-TRI-7: <value> line {line_of(data, '//iati-activity[2]/budget/value')}: "
        "currency 'EURO' is not an ISO 4217 currency"
    ]


def test_elements_this_module_does_not_cover_are_listed_as_warnings():
    # given a valid document with a contact-info element
    data = export(south_south_training()).replace(
        b'<recipient-country code="ZM"/>', b'<contact-info type="1"/>\n    <recipient-country code="ZM"/>'
    )

    # when it is parsed
    report = iati.parse_activities_xml(data, today=TODAY)

    # then the activity is read and the skipped element is named
    assert report.errors == []
    assert report.activities == [south_south_training()]
    assert report.warnings == [
        f"CN-GOV-1-COOP-42: <contact-info> line {line_of(data, '//contact-info')}: "
        "not imported (not covered by this module)"
    ]


def test_a_duplicate_identifier_is_an_error():
    # given the same activity twice in a document
    data = export(south_south_training(), south_south_training())

    # when it is validated
    messages = iati.validate_activities_xml(data, today=TODAY)

    # then the second occurrence is reported
    assert messages == [
        f"CN-GOV-1-COOP-42: <iati-identifier> line {line_of(data, '//iati-activity[2]/iati-identifier')}: "
        "appears more than once"
    ]


# --------------------------------------------------------------------------------------------------
# Platform defaults (taxonomy.md "IATI mappings")
# --------------------------------------------------------------------------------------------------


def test_defaults_for_south_south_training():
    # given a South-South training on skills for the education sector
    # when the defaults are computed
    defaults = iati.iati_defaults(modality="training", themes=["skills"], sectors=["education"], channel="south_south")

    # then aid type D02 (the AidType codelist has no D021), two DAC sectors 50/50, grant, ODA,
    # bilateral, implementation
    assert defaults == {
        "default_aid_type": "D02",
        "sectors": [
            Sector(code="11430", vocabulary="1", percentage=Decimal("50")),
            Sector(code="11110", vocabulary="1", percentage=Decimal("50")),
        ],
        "default_finance_type": "110",
        "default_flow_type": "10",
        "collaboration_type": "1",
        "activity_status": "2",
    }


def test_defaults_for_triangular_financial_support_with_two_themes():
    # given a triangular financial support on infrastructure and data
    # when the defaults are computed
    defaults = iati.iati_defaults(
        modality="financial_support", themes=["infrastructure", "data"], sectors=[], channel="triangular"
    )

    # then C01, ICT and statistical capacity 50/50, collaboration type 8
    assert defaults == {
        "default_aid_type": "C01",
        "sectors": [
            Sector(code="22040", vocabulary="1", percentage=Decimal("50")),
            Sector(code="16062", vocabulary="1", percentage=Decimal("50")),
        ],
        "default_finance_type": "110",
        "default_flow_type": "10",
        "collaboration_type": "8",
        "activity_status": "2",
    }


@pytest.mark.parametrize(
    ("modality", "channel", "in_provider_country", "aid_type"),
    [
        ("training", "south_south", True, "E01"),
        ("training", "south_south", False, "D02"),
        ("training", "north_south", False, "D02"),
        ("training", "triangular", False, "D02"),
        ("technical_assistance", "south_south", False, "D02"),
        ("joint_research", "north_south", False, "D02"),
        ("policy_exchange", "south_south", False, "D02"),
        ("financial_support", "north_south", False, "C01"),
    ],
)
def test_aid_type_by_modality(modality, channel, in_provider_country, aid_type):
    # given a modality, a channel and where it is delivered
    # when the defaults are computed
    defaults = iati.iati_defaults(
        modality=modality, themes=["skills"], sectors=[], channel=channel, in_provider_country=in_provider_country
    )

    # then the aid type is the documented one
    assert defaults["default_aid_type"] == aid_type


def test_sector_codes_are_deduplicated_and_the_remainder_goes_to_the_first():
    # given governance and public services (both 15110), research and an application in health
    # when the defaults are computed
    defaults = iati.iati_defaults(
        modality="policy_exchange",
        themes=["governance", "research_models", "applications"],
        sectors=["public_services", "health"],
        channel="north_south",
    )

    # then three codes share 100 exactly, 33.34 first
    assert defaults["sectors"] == [
        Sector(code="15110", percentage=Decimal("33.34")),
        Sector(code="43082", percentage=Decimal("33.33")),
        Sector(code="12110", percentage=Decimal("33.33")),
    ]
    assert sum(sector.percentage for sector in defaults["sectors"]) == Decimal(100)


def test_unknown_taxonomy_codes_are_refused():
    # given a misspelt modality, channel, theme and sector
    # when the defaults are computed
    # then each is refused
    good = {"modality": "training", "themes": ["skills"], "sectors": [], "channel": "south_south"}
    for name, value in [("modality", "trainings"), ("channel", "south-south"), ("themes", ["ai"]), ("sectors", ["x"])]:
        with pytest.raises(ValueError, match="unknown"):
            iati.iati_defaults(**{**good, name: value})


def test_identifier_helper_joins_ref_and_suffix_and_refuses_forbidden_characters():
    # given a reporting-org ref and suffixes
    # when identifiers are built
    # then the ref and suffix are joined with "-", and "/" is refused (ruleset 1.3.13)
    assert iati.iati_identifier(reporting_org_ref="CN-GOV-1", suffix="C42") == "CN-GOV-1-C42"
    with pytest.raises(ValueError, match="cannot be part of an IATI identifier"):
        iati.iati_identifier(reporting_org_ref="CN-GOV-1", suffix="C/42")


def test_dataclasses_are_keyword_only():
    # given the activity dataclass
    # when it is inspected
    # then every field is keyword-only (mapping code names each field)
    assert all(f.kw_only for f in dataclasses.fields(IatiActivity))
