"""IATI activity standard 2.03: write, validate and read activity XML (pure Python, no ORM).

The module works on plain dataclasses (:class:`IatiActivity` and its parts) so that the Django
side only has to map its models onto them, and so that everything here is testable without a
database. Import it as a module (``from harambee.cooperation import iati``) because several class
names (``Budget``, ``Transaction``, ``Result``) are also model names.

Three entry points:

* :func:`activities_to_xml` writes an ``<iati-activities version="2.03">`` document, elements in the
  order of the ``xsd:sequence`` of ``iati-activity`` in the vendored schema, deterministic bytes.
* :func:`validate_activities_xml` checks a document against the vendored 2.03 XSD (never the
  network) and against the IATI Standard ruleset items listed in :func:`_activity_problems`.
* :func:`parse_activities_xml` reads a document back into the dataclasses with a hardened parser.
  It refuses any DOCTYPE or entity declaration before the XML parser sees the bytes, so entity
  bombs and external entities are neither expanded nor resolved.

Scope decisions (what the platform needs; documented so nobody is surprised by a rejected file):

* Recipients and sectors are read and written at activity level only. IATI also allows them on
  every transaction instead; this module requires them on the activity (the rules report it).
* Recipient regions: vocabulary 1 (OECD DAC) and 2 (UN M49, per the IATI RegionVocabulary
  codelist: 1 OECD DAC, 2 UN, 99 Reporting Organisation). Vocabulary 99 is not supported.
* Narratives are ``dict[language, text]``. The writer puts ``xml:lang`` on every narrative (a
  consumer that ignores inheritance still gets the language right); the reader gives a narrative
  without ``xml:lang`` the activity's default language.
* Indicators are quantitative (IndicatorMeasure 1–4); qualitative indicators (5) are not read.
* Only UTF-8 documents are read (the byte scan for DTDs relies on a known encoding).
* Codes are strings exactly as in the IATI codelists ("2", "D02", "11430"), never ints.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path

from babel import Locale
from babel.numbers import list_currencies
from lxml import etree

__all__ = [
    "ActivityStatus",
    "Budget",
    "Indicator",
    "IndicatorValue",
    "IatiActivity",
    "Narratives",
    "OrgRole",
    "ParseReport",
    "ParticipatingOrg",
    "RecipientCountry",
    "RecipientRegion",
    "ReportingOrg",
    "Result",
    "ResultPeriod",
    "Sector",
    "Transaction",
    "Value",
    "activities_to_xml",
    "iati_defaults",
    "iati_identifier",
    "parse_activities_xml",
    "validate_activities_xml",
]

IATI_VERSION = "2.03"
SCHEMA_PATH = Path(__file__).resolve().parent / "iati_schema" / "2.03" / "iati-activities-schema.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: language code → text, one narrative per language.
Narratives = dict[str, str]


# --------------------------------------------------------------------------------------------------
# Codes (IATI codelists, version 2.03)
# --------------------------------------------------------------------------------------------------


class OrgRole(StrEnum):
    """IATI OrganisationRole."""

    FUNDING = "1"
    ACCOUNTABLE = "2"
    EXTENDING = "3"
    IMPLEMENTING = "4"


class ActivityStatus(StrEnum):
    """IATI ActivityStatus."""

    PIPELINE = "1"
    IMPLEMENTATION = "2"
    FINALISATION = "3"
    CLOSED = "4"
    CANCELLED = "5"
    SUSPENDED = "6"


ACTIVITY_STATUSES = frozenset(status.value for status in ActivityStatus)
ACTIVITY_DATE_TYPES = {"1": "planned start", "2": "actual start", "3": "planned end", "4": "actual end"}
ORG_ROLES = frozenset(role.value for role in OrgRole)
TRANSACTION_TYPES = frozenset(str(code) for code in range(1, 14))
BUDGET_TYPES = frozenset({"1", "2"})  # 1 original, 2 revised
BUDGET_STATUSES = frozenset({"1", "2"})  # 1 indicative, 2 committed
RESULT_TYPES = frozenset({"1", "2", "3", "9"})  # output, outcome, impact, other
QUANTITATIVE_MEASURES = frozenset({"1", "2", "3", "4"})  # unit, percentage, nominal, ordinal
COLLABORATION_TYPES = frozenset({"1", "2", "3", "4", "6", "7", "8"})
FLOW_TYPES = frozenset({"10", "21", "22", "30", "35", "36", "37", "40", "50"})
REGION_VOCABULARIES = {"1": re.compile(r"\d{2,3}"), "2": re.compile(r"\d{3}")}  # OECD DAC, UN M49
DAC_SECTOR_CODE = re.compile(r"\d{5}")
IDENTIFIER_FORBIDDEN = re.compile(r"[/&|?\s]")  # ruleset 1.3.13 (whitespace too: it breaks URLs)

# --------------------------------------------------------------------------------------------------
# Dataclasses
# --------------------------------------------------------------------------------------------------


@dataclass(kw_only=True)
class ReportingOrg:
    """The publisher: ``ref`` is its IATI organisation identifier, ``type`` an OrganisationType code."""

    ref: str
    type: str
    names: Narratives


@dataclass(kw_only=True)
class ParticipatingOrg:
    """An organisation taking part: role 1 funding, 2 accountable, 3 extending, 4 implementing."""

    role: str
    ref: str | None = None
    type: str | None = None
    names: Narratives = field(default_factory=dict)


@dataclass(kw_only=True)
class RecipientCountry:
    """ISO 3166-1 alpha-2 code; the percentage is needed once there is more than one recipient."""

    code: str
    percentage: Decimal | None = None


@dataclass(kw_only=True)
class RecipientRegion:
    """A region: vocabulary 1 = OECD DAC region code, vocabulary 2 = UN M49 code (e.g. "002")."""

    code: str
    vocabulary: str = "1"
    percentage: Decimal | None = None


@dataclass(kw_only=True)
class Sector:
    """A sector; vocabulary 1 = OECD DAC CRS 5-digit purpose code."""

    code: str
    vocabulary: str = "1"
    percentage: Decimal | None = None


@dataclass(kw_only=True)
class Value:
    """An amount; ``currency`` None means the activity's default currency."""

    amount: Decimal
    value_date: date
    currency: str | None = None


@dataclass(kw_only=True)
class Budget:
    """A budget for a period of at most one year: type 1 original / 2 revised, status 1 indicative / 2 committed."""

    period_start: date
    period_end: date
    value: Value
    type: str = "1"
    status: str = "1"


@dataclass(kw_only=True)
class Transaction:
    """A transaction (TransactionType code 1–13, e.g. 2 outgoing commitment, 3 disbursement, 4 expenditure)."""

    transaction_type: str
    transaction_date: date
    value: Value
    description: Narratives = field(default_factory=dict)


@dataclass(kw_only=True)
class IndicatorValue:
    """A target or actual value, optionally disaggregated: ``dimensions={"sex": "female"}``."""

    value: Decimal
    dimensions: dict[str, str] = field(default_factory=dict)


@dataclass(kw_only=True)
class ResultPeriod:
    """A reporting period of an indicator with its targets and actuals (one per dimension combination)."""

    period_start: date
    period_end: date
    targets: list[IndicatorValue] = field(default_factory=list)
    actuals: list[IndicatorValue] = field(default_factory=list)


@dataclass(kw_only=True)
class Indicator:
    """A quantitative indicator; measure 1 = unit. ``ascending`` True means higher is better.

    The baseline is written when ``baseline_year`` is set, and then needs ``baseline_value`` too
    (the rules require a value on every baseline, target and actual of a quantitative indicator).
    """

    title: Narratives
    measure: str = "1"
    ascending: bool = True
    baseline_year: int | None = None
    baseline_value: Decimal | None = None
    periods: list[ResultPeriod] = field(default_factory=list)


@dataclass(kw_only=True)
class Result:
    """A result: type 1 output, 2 outcome (3 impact, 9 other), measured by at least one indicator."""

    type: str
    title: Narratives
    indicators: list[Indicator] = field(default_factory=list)


@dataclass(kw_only=True)
class IatiActivity:
    """One IATI activity. ``identifier`` is the full iati-identifier (see :func:`iati_identifier`).

    Dates: ``planned_start`` (activity-date type 1), ``actual_start`` (2), ``planned_end`` (3),
    ``actual_end`` (4). ``default_aid_type`` is a vocabulary-1 (OECD DAC) AidType code.
    """

    identifier: str
    reporting_org: ReportingOrg
    title: Narratives
    description: Narratives
    participating_orgs: list[ParticipatingOrg]
    activity_status: str
    planned_start: date | None = None
    actual_start: date | None = None
    planned_end: date | None = None
    actual_end: date | None = None
    recipient_countries: list[RecipientCountry] = field(default_factory=list)
    recipient_regions: list[RecipientRegion] = field(default_factory=list)
    sectors: list[Sector] = field(default_factory=list)
    collaboration_type: str | None = None
    default_flow_type: str | None = None
    default_finance_type: str | None = None
    default_aid_type: str | None = None
    default_currency: str | None = None
    default_language: str | None = None
    budgets: list[Budget] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    last_updated_datetime: datetime | None = None
    hierarchy: int = 1
    humanitarian: bool = False


@dataclass(kw_only=True)
class ParseReport:
    """What :func:`parse_activities_xml` found.

    ``activities`` holds the activities without errors, ``errors`` every problem. Imports are all
    or nothing: a caller imports nothing at all while ``errors`` is not empty, so a file is never
    half imported. ``warnings`` lists what was valid IATI but not read (elements this module does
    not cover), so a user knows what an import leaves out.
    """

    activities: list[IatiActivity] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def iati_identifier(*, reporting_org_ref: str, suffix: str) -> str:
    """The activity identifier ``<reporting-org ref>-<suffix>`` (ruleset 1.1.21), e.g. ``CN-GOV-1-C42``.

    Raises ``ValueError`` for an empty part or a character the ruleset forbids (``/ & | ?``) or
    whitespace, because such identifiers cannot be used in registry URLs.
    """
    for part in (reporting_org_ref, suffix):
        if not part or IDENTIFIER_FORBIDDEN.search(part):
            raise ValueError(f"{part!r} cannot be part of an IATI identifier")
    return f"{reporting_org_ref}-{suffix}"


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all, not even escaped; lxml would raise on them.
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    return _XML_ILLEGAL.sub("", value)


def _date_text(value: date) -> str:
    # date(...) drops a time part: a datetime passed by mistake would otherwise not be an xsd:date.
    return date(value.year, value.month, value.day).isoformat()


def _decimal_text(value: Decimal | int) -> str:
    number = value if isinstance(value, Decimal) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return format(number, "f")


def _bool_text(value: bool) -> str:
    return "1" if value else "0"


def _sub(parent: etree._Element, tag: str, **attributes: str | None) -> etree._Element:
    """A child element; attributes keep the keyword order (deterministic bytes) and None is left out."""
    element = etree.SubElement(parent, tag)
    for name, value in attributes.items():
        if value is not None:
            element.set(name.replace("_", "-"), _text(str(value)))
    return element


def _write_narratives(parent: etree._Element, narratives: Narratives, default_language: str | None) -> None:
    # Default language first, then by code, so that equal dicts in any insertion order give equal bytes.
    for language in sorted(narratives, key=lambda code: (code != default_language, code)):
        narrative = etree.SubElement(parent, "narrative")
        narrative.set(XML_LANG, language)
        narrative.text = _text(narratives[language])


def _write_value(parent: etree._Element, value: Value) -> None:
    element = _sub(parent, "value", currency=value.currency, value_date=_date_text(value.value_date))
    element.text = _decimal_text(value.amount)


def _write_percentage(value: Decimal | None) -> str | None:
    return None if value is None else _decimal_text(value)


def _write_indicator_value(parent: etree._Element, tag: str, item: IndicatorValue) -> None:
    element = _sub(parent, tag, value=_decimal_text(item.value))
    for name in sorted(item.dimensions):
        _sub(element, "dimension", name=name, value=item.dimensions[name])


def _write_activity(root: etree._Element, activity: IatiActivity) -> None:
    language = activity.default_language
    element = etree.SubElement(root, "iati-activity")
    if activity.last_updated_datetime is not None:
        element.set("last-updated-datetime", activity.last_updated_datetime.isoformat())
    if language:
        element.set(XML_LANG, language)
    if activity.default_currency:
        element.set("default-currency", activity.default_currency)
    element.set("humanitarian", _bool_text(activity.humanitarian))
    element.set("hierarchy", str(activity.hierarchy))

    # The order below is the xsd:sequence of iati-activity in iati-activities-schema.xsd (2.03).
    _sub(element, "iati-identifier").text = _text(activity.identifier)
    org = activity.reporting_org
    _write_narratives(_sub(element, "reporting-org", ref=org.ref, type=org.type), org.names, language)
    _write_narratives(_sub(element, "title"), activity.title, language)
    if activity.description:
        _write_narratives(_sub(element, "description", type="1"), activity.description, language)
    for participant in activity.participating_orgs:
        node = _sub(element, "participating-org", ref=participant.ref, type=participant.type, role=participant.role)
        _write_narratives(node, participant.names, language)
    _sub(element, "activity-status", code=activity.activity_status)
    for date_type, value in (
        ("1", activity.planned_start),
        ("2", activity.actual_start),
        ("3", activity.planned_end),
        ("4", activity.actual_end),
    ):
        if value is not None:
            _sub(element, "activity-date", type=date_type, iso_date=_date_text(value))
    for country in activity.recipient_countries:
        _sub(element, "recipient-country", code=country.code, percentage=_write_percentage(country.percentage))
    for region in activity.recipient_regions:
        _sub(
            element,
            "recipient-region",
            code=region.code,
            vocabulary=region.vocabulary,
            percentage=_write_percentage(region.percentage),
        )
    for sector in activity.sectors:
        _sub(
            element,
            "sector",
            vocabulary=sector.vocabulary,
            code=sector.code,
            percentage=_write_percentage(sector.percentage),
        )
    if activity.collaboration_type:
        _sub(element, "collaboration-type", code=activity.collaboration_type)
    if activity.default_flow_type:
        _sub(element, "default-flow-type", code=activity.default_flow_type)
    if activity.default_finance_type:
        _sub(element, "default-finance-type", code=activity.default_finance_type)
    if activity.default_aid_type:
        _sub(element, "default-aid-type", code=activity.default_aid_type, vocabulary="1")
    for budget in activity.budgets:
        node = _sub(element, "budget", type=budget.type, status=budget.status)
        _sub(node, "period-start", iso_date=_date_text(budget.period_start))
        _sub(node, "period-end", iso_date=_date_text(budget.period_end))
        _write_value(node, budget.value)
    for transaction in activity.transactions:
        node = _sub(element, "transaction")
        _sub(node, "transaction-type", code=transaction.transaction_type)
        _sub(node, "transaction-date", iso_date=_date_text(transaction.transaction_date))
        _write_value(node, transaction.value)
        if transaction.description:
            _write_narratives(_sub(node, "description"), transaction.description, language)
    for result in activity.results:
        node = _sub(element, "result", type=result.type)
        _write_narratives(_sub(node, "title"), result.title, language)
        for indicator in result.indicators:
            ind = _sub(node, "indicator", measure=indicator.measure, ascending=_bool_text(indicator.ascending))
            _write_narratives(_sub(ind, "title"), indicator.title, language)
            if indicator.baseline_year is not None:
                baseline_value = indicator.baseline_value
                _sub(
                    ind,
                    "baseline",
                    year=str(indicator.baseline_year),
                    value=None if baseline_value is None else _decimal_text(baseline_value),
                )
            for period in indicator.periods:
                per = _sub(ind, "period")
                _sub(per, "period-start", iso_date=_date_text(period.period_start))
                _sub(per, "period-end", iso_date=_date_text(period.period_end))
                for target in period.targets:
                    _write_indicator_value(per, "target", target)
                for actual in period.actuals:
                    _write_indicator_value(per, "actual", actual)


def activities_to_xml(activities: Iterable[IatiActivity], *, generated_datetime: datetime) -> bytes:
    """An IATI 2.03 ``<iati-activities>`` document, UTF-8 with an XML declaration.

    Deterministic: the same activities and ``generated_datetime`` always give the same bytes
    (attribute order is fixed, narratives are sorted default language first). The output is not
    validated here; call :func:`validate_activities_xml` on it. Raises ``ValueError`` for an empty
    list (the schema requires at least one activity) or a non-finite amount.
    """
    activities = list(activities)
    if not activities:
        raise ValueError("an IATI activity file holds at least one activity")
    root = etree.Element("iati-activities")
    root.set("version", IATI_VERSION)
    root.set("generated-datetime", generated_datetime.isoformat())
    for activity in activities:
        _write_activity(root, activity)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --------------------------------------------------------------------------------------------------
# Safe loading
# --------------------------------------------------------------------------------------------------

# A DTD is the only place where entities can be declared, so refusing "<!DOCTYPE" and "<!ENTITY"
# (in any case) before parsing rules out entity expansion bombs and external entities altogether.
_DTD_MARKUP = re.compile(r"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _safe_parser() -> etree.XMLParser:
    # One parser per call: lxml parsers are not meant to be shared between threads. The encoding is
    # forced to the UTF-8 that was checked, so a declared UTF-7 cannot smuggle in a hidden DOCTYPE.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, encoding="utf-8")


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _load(data: bytes) -> tuple[etree._Element | None, list[str]]:
    """The parsed root, or None and the reasons the document was refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [f"line {line}: the document is not UTF-8; IATI files are read as UTF-8 only"]
    markup = _DTD_MARKUP.search(text)
    if markup:
        return None, [
            f"line {_line_at(text, markup.start())}: the document declares a {markup.group(1).upper()}; "
            "documents with a DTD or entity declarations are refused (protection against XML bombs "
            "and external entities)"
        ]
    return _parse_xml(data)


def _parse_xml(data: bytes) -> tuple[etree._Element | None, list[str]]:
    try:
        root = etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as error:
        return None, [f"line {error.lineno}: the XML is not well-formed: {error.msg}"]
    # Defence in depth: the byte scan above should make this unreachable.
    if root.getroottree().docinfo.doctype:
        return None, ["line 1: the document has a DOCTYPE; documents with a DTD are refused"]
    return root, []


@functools.cache
def _schema() -> etree.XMLSchema:
    """The vendored 2.03 activity schema, loaded once; its includes are resolved from the folder."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH), _safe_parser()))


# An XMLSchema keeps the error log of its last run on the object, so runs from two threads at
# once would mix their messages.
_SCHEMA_LOCK = threading.Lock()


def _schema_messages(root: etree._Element) -> list[str]:
    schema = _schema()
    with _SCHEMA_LOCK:
        if schema.validate(root):
            return []
        return [f"line {entry.line}: {entry.message}" for entry in schema.error_log]


# --------------------------------------------------------------------------------------------------
# Rules (IATI Standard ruleset and codelists)
# --------------------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?")


@functools.cache
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


# CLDR territory codes that are not ISO 3166-1 countries (reserved, unions, pseudo and unknown);
# Kosovo "XK" stays because the IATI Country codelist carries it.
_NOT_ISO_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"})


@functools.cache
def _countries() -> frozenset[str]:
    # Babel's CLDR territories give the ISO 3166-1 alpha-2 list without a new dependency; numeric
    # keys are UN M49 regions and are left out.
    territories = Locale("en").territories
    return frozenset(code for code in territories if re.fullmatch("[A-Z]{2}", code)) - _NOT_ISO_COUNTRIES


def _latest_today() -> date:
    # The date in UTC+14, the earliest time zone: a date that is today anywhere is not "future".
    return (datetime.now(UTC) + timedelta(hours=14)).date()


def _iso_date(element: etree._Element | None, attribute: str = "iso-date") -> date | None:
    if element is None:
        return None
    match = _ISO_DATE.fullmatch((element.get(attribute) or "").strip())
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _decimal(text: str | None) -> Decimal | None:
    try:
        number = Decimal((text or "").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _total_text(total: Decimal) -> str:
    return format(total.normalize(), "f")


def _identifier_of(activity: etree._Element) -> str:
    return (activity.findtext("iati-identifier") or "").strip() or "(no iati-identifier)"


def _one_year_after(start: date) -> date:
    try:
        return start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        return date(start.year + 1, 3, 1)


class _Problems:
    """Collects messages that name the activity, the element and its line."""

    def __init__(self, activity: etree._Element) -> None:
        self.identifier = _identifier_of(activity)
        self.messages: list[str] = []

    def add(self, element: etree._Element, text: str) -> None:
        tag = element.tag if isinstance(element.tag, str) else "?"
        self.messages.append(f"{self.identifier}: <{tag}> line {element.sourceline}: {text}")


def _check_percentages(
    problems: _Problems, activity: etree._Element, elements: Sequence[etree._Element], what: str
) -> None:
    """Percentages sum to 100 once there is more than one element or any percentage is given."""
    given = [element for element in elements if element.get("percentage") is not None]
    if len(elements) < 2 and not given:
        return
    missing = [element for element in elements if element.get("percentage") is None]
    for element in missing:
        problems.add(element, f"a percentage is required when there is more than one {what}")
    values = [_decimal(element.get("percentage")) for element in given]
    for element, value in zip(given, values, strict=True):
        if value is not None and not Decimal(0) <= value <= Decimal(100):
            problems.add(element, f"percentage {element.get('percentage')} is not between 0 and 100")
    known = [value for value in values if value is not None]
    if not missing and len(known) == len(values):
        total = sum(known, Decimal(0))
        if total != 100:
            problems.add(activity, f"{what} percentages sum to {_total_text(total)}, not 100")


def _activity_problems(activity: etree._Element, *, today: date) -> list[str]:
    """The IATI Standard rules this module enforces for one activity.

    Ruleset: 1.1.3/1.1.21 identifier prefixed by and different from the reporting-org ref; 6.11.1 a
    planned or actual start date; 11.1.x start not after end, no actual date in the future; 2.1.2
    sector percentages per vocabulary; 3.1.2 recipient percentages; 3.7.x a recipient; 6.2.2 a sector;
    7.8.1 a currency for every value; value-date on every value; 7.5.3/8.6.3 budget periods of at most
    one year that do not end before they start; 4.1.1 a language for every narrative; a value for
    quantitative indicators. Codelists: ISO 4217 currencies (babel), ISO 3166 countries, DAC 5-digit
    sectors, ActivityStatus 1–6, TransactionType 1–13 and the other small codelists used here.
    """
    problems = _Problems(activity)
    identifier_element = activity.find("iati-identifier")
    reporting_org = activity.find("reporting-org")
    identifier = (activity.findtext("iati-identifier") or "").strip()
    ref = (reporting_org.get("ref") or "").strip() if reporting_org is not None else ""
    if identifier_element is not None and not identifier:
        problems.add(identifier_element, "the iati-identifier is empty")
    elif identifier_element is not None and ref:
        if identifier == ref:
            problems.add(identifier_element, f"the iati-identifier is the reporting-org ref {ref!r} itself")
        elif not identifier.startswith(ref):
            problems.add(identifier_element, f"the iati-identifier does not start with the reporting-org ref {ref!r}")

    # Dates: one of each type at most, a start, order, and no actual date in the future.
    dates: dict[str, tuple[etree._Element, date]] = {}
    for element in activity.findall("activity-date"):
        date_type = element.get("type", "")
        if date_type not in ACTIVITY_DATE_TYPES:
            problems.add(element, f"type {date_type!r} is not an ActivityDateType (1–4)")
            continue
        if date_type in dates:
            problems.add(element, f"more than one {ACTIVITY_DATE_TYPES[date_type]} date")
            continue
        value = _iso_date(element)
        if value is not None:
            dates[date_type] = (element, value)
    if not activity.xpath("activity-date[@type='1' or @type='2']"):
        problems.add(activity, "no activity-date of type 1 (planned start) or 2 (actual start)")
    for start_type, end_type in (("1", "3"), ("2", "4")):
        if start_type in dates and end_type in dates and dates[end_type][1] < dates[start_type][1]:
            problems.add(
                dates[end_type][0],
                f"{ACTIVITY_DATE_TYPES[end_type]} {dates[end_type][1]} is before "
                f"{ACTIVITY_DATE_TYPES[start_type]} {dates[start_type][1]}",
            )
    for actual_type in ("2", "4"):
        if actual_type in dates and dates[actual_type][1] > today:
            problems.add(
                dates[actual_type][0], f"{ACTIVITY_DATE_TYPES[actual_type]} {dates[actual_type][1]} is in the future"
            )

    status = activity.find("activity-status")
    if status is not None and status.get("code") not in ACTIVITY_STATUSES:
        problems.add(status, f"code {status.get('code')!r} is not an ActivityStatus (1–6)")

    # Recipients.
    countries = activity.findall("recipient-country")
    regions = activity.findall("recipient-region")
    if not countries and not regions:
        problems.add(activity, "no recipient-country or recipient-region")
    for country in countries:
        if country.get("code") not in _countries():
            problems.add(country, f"code {country.get('code')!r} is not an ISO 3166-1 alpha-2 country code")
    for region in regions:
        vocabulary = region.get("vocabulary", "1")
        pattern = REGION_VOCABULARIES.get(vocabulary)
        if pattern is None:
            problems.add(region, f"region vocabulary {vocabulary!r} is not supported (1 OECD DAC, 2 UN M49)")
        elif not pattern.fullmatch(region.get("code", "")):
            problems.add(region, f"code {region.get('code')!r} is not a region code of vocabulary {vocabulary}")
    _check_percentages(problems, activity, countries + regions, "recipient (country or region)")

    # Sectors, percentages per vocabulary.
    sectors = activity.findall("sector")
    if not sectors:
        problems.add(activity, "no sector")
    by_vocabulary: dict[str, list[etree._Element]] = {}
    for sector in sectors:
        vocabulary = sector.get("vocabulary", "1")
        by_vocabulary.setdefault(vocabulary, []).append(sector)
        if vocabulary == "1" and not DAC_SECTOR_CODE.fullmatch(sector.get("code", "")):
            problems.add(sector, f"code {sector.get('code')!r} is not a 5-digit DAC sector code (vocabulary 1)")
    for vocabulary, group in by_vocabulary.items():
        _check_percentages(problems, activity, group, f"vocabulary {vocabulary} sector")

    collaboration = activity.find("collaboration-type")
    if collaboration is not None and collaboration.get("code") not in COLLABORATION_TYPES:
        problems.add(collaboration, f"code {collaboration.get('code')!r} is not a CollaborationType")
    flow = activity.find("default-flow-type")
    if flow is not None and flow.get("code") not in FLOW_TYPES:
        problems.add(flow, f"code {flow.get('code')!r} is not a FlowType")

    # Money: a known currency and a value-date on every value.
    default_currency = activity.get("default-currency")
    if default_currency is not None and default_currency not in _currencies():
        problems.add(activity, f"default-currency {default_currency!r} is not an ISO 4217 currency")
    for value in activity.xpath("budget/value | planned-disbursement/value | transaction/value"):
        currency = value.get("currency")
        if currency is None and default_currency is None:
            problems.add(value, "no currency and the activity has no default-currency")
        elif currency is not None and currency not in _currencies():
            problems.add(value, f"currency {currency!r} is not an ISO 4217 currency")
        if value.get("value-date") is None:
            problems.add(value, "no value-date")

    for budget in activity.findall("budget"):
        if budget.get("type", "1") not in BUDGET_TYPES:
            problems.add(budget, f"type {budget.get('type')!r} is not a BudgetType (1 original, 2 revised)")
        if budget.get("status", "1") not in BUDGET_STATUSES:
            problems.add(budget, f"status {budget.get('status')!r} is not a BudgetStatus (1 indicative, 2 committed)")
        start, end = _iso_date(budget.find("period-start")), _iso_date(budget.find("period-end"))
        if start is None or end is None:
            continue
        if end < start:
            problems.add(budget, f"period-end {end} is before period-start {start}")
        elif end >= _one_year_after(start):
            problems.add(budget, f"the period {start} to {end} is longer than one year")

    for transaction_type in activity.xpath("transaction/transaction-type"):
        if transaction_type.get("code") not in TRANSACTION_TYPES:
            problems.add(transaction_type, f"code {transaction_type.get('code')!r} is not a TransactionType (1–13)")

    for participant in activity.findall("participating-org"):
        if participant.get("role") not in ORG_ROLES:
            problems.add(participant, f"role {participant.get('role')!r} is not an OrganisationRole (1–4)")

    for result in activity.findall("result"):
        if result.get("type") not in RESULT_TYPES:
            problems.add(result, f"type {result.get('type')!r} is not a ResultType (1, 2, 3, 9)")
        for indicator in result.findall("indicator"):
            if indicator.get("measure") not in QUANTITATIVE_MEASURES:
                continue
            for element in indicator.xpath("baseline | period/target | period/actual"):
                if _decimal(element.get("value")) is None:
                    problems.add(element, "a quantitative indicator needs a numeric value here")
            for period in indicator.findall("period"):
                start, end = _iso_date(period.find("period-start")), _iso_date(period.find("period-end"))
                if start is not None and end is not None and end < start:
                    problems.add(period, f"period-end {end} is before period-start {start}")

    if not activity.get(XML_LANG):
        for narrative in activity.iter("narrative"):
            if not narrative.get(XML_LANG):
                problems.add(narrative, "no xml:lang and the activity has no default language (xml:lang)")
    return problems.messages


def _document_problems(root: etree._Element, *, today: date) -> list[str]:
    messages: list[str] = []
    seen: set[str] = set()
    for activity in root.findall("iati-activity"):
        identifier = (activity.findtext("iati-identifier") or "").strip()
        if identifier and identifier in seen:
            element = activity.find("iati-identifier")
            messages.append(f"{identifier}: <iati-identifier> line {element.sourceline}: appears more than once")
        seen.add(identifier)
        messages.extend(_activity_problems(activity, today=today))
    return messages


def validate_activities_xml(data: bytes, *, today: date | None = None) -> list[str]:
    """Problems of an IATI 2.03 activity document; an empty list means valid.

    First the document must be UTF-8, free of DTDs and entity declarations, and well-formed (one
    message, nothing else checked). Then the vendored XSD (messages ``line N: …``) and the IATI
    rules (messages ``<iati-identifier>: <element> line N: …``), see :func:`_activity_problems`.
    ``today`` decides what an actual date "in the future" is (default: today in UTC+14).
    """
    root, messages = _load(data)
    if root is None:
        return messages
    return _schema_messages(root) + _document_problems(root, today=today or _latest_today())


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------


class _Reader:
    """Reads one schema-valid iati-activity element; collects what it cannot represent."""

    def __init__(self, activity: etree._Element) -> None:
        self.identifier = _identifier_of(activity)
        self.language = activity.get(XML_LANG) or None
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def _say(self, messages: list[str], element: etree._Element, text: str) -> None:
        tag = element.tag if isinstance(element.tag, str) else "?"
        messages.append(f"{self.identifier}: <{tag}> line {element.sourceline}: {text}")

    def skip_others(self, element: etree._Element, known: set[str]) -> None:
        for child in element.iterchildren(etree.Element):
            if child.tag not in known:
                self._say(self.warnings, child, "not imported (not covered by this module)")

    def narratives(self, element: etree._Element | None) -> Narratives:
        texts: Narratives = {}
        if element is None:
            return texts
        for narrative in element.findall("narrative"):
            language = narrative.get(XML_LANG) or self.language
            if language is None:
                continue  # reported by the rules
            if language in texts:
                self._say(self.errors, narrative, f"a second narrative in language {language!r}")
                continue
            texts[language] = narrative.text or ""
        return texts

    def decimal(self, element: etree._Element, text: str | None) -> Decimal:
        number = _decimal(text)
        if number is None:
            self._say(self.errors, element, f"{text!r} is not a number")
            return Decimal(0)
        return number

    def read_date(self, element: etree._Element | None) -> date:
        value = _iso_date(element)
        if value is None:
            # The schema guarantees an xsd:date; this only catches years outside 0001–9999.
            if element is not None:
                self._say(self.errors, element, "the iso-date cannot be read as a date")
            return date.min
        return value

    def value(self, element: etree._Element) -> Value:
        value_date = _iso_date(element, "value-date")
        return Value(
            amount=self.decimal(element, element.text),
            value_date=date.min if value_date is None else value_date,  # a missing one is reported by the rules
            currency=element.get("currency"),
        )

    def percentage(self, element: etree._Element) -> Decimal | None:
        text = element.get("percentage")
        return None if text is None else self.decimal(element, text)

    def activity(self, element: etree._Element) -> IatiActivity:
        self.skip_others(
            element,
            {
                "iati-identifier",
                "reporting-org",
                "title",
                "description",
                "participating-org",
                "activity-status",
                "activity-date",
                "recipient-country",
                "recipient-region",
                "sector",
                "collaboration-type",
                "default-flow-type",
                "default-finance-type",
                "default-aid-type",
                "budget",
                "transaction",
                "result",
            },
        )
        reporting = element.find("reporting-org")
        description: Narratives = {}
        for node in element.findall("description"):
            if node.get("type", "1") == "1" and not description:
                description = self.narratives(node)
            else:
                self._say(self.warnings, node, f"description of type {node.get('type', '1')} not imported")
        dates: dict[str, date] = {}
        for node in element.findall("activity-date"):
            dates.setdefault(node.get("type", ""), self.read_date(node))
        aid_type = None
        for node in element.findall("default-aid-type"):
            if node.get("vocabulary", "1") == "1" and aid_type is None:
                aid_type = node.get("code")
            else:
                self._say(self.warnings, node, "only one default-aid-type of vocabulary 1 is imported")
        hierarchy = element.get("hierarchy", "1")
        last_updated = element.get("last-updated-datetime")
        return IatiActivity(
            identifier=(element.findtext("iati-identifier") or "").strip(),
            reporting_org=ReportingOrg(
                ref=reporting.get("ref", ""), type=reporting.get("type", ""), names=self.narratives(reporting)
            ),
            title=self.narratives(element.find("title")),
            description=description,
            participating_orgs=[
                ParticipatingOrg(
                    role=node.get("role", ""), ref=node.get("ref"), type=node.get("type"), names=self.narratives(node)
                )
                for node in element.findall("participating-org")
            ],
            activity_status=element.find("activity-status").get("code", ""),
            planned_start=dates.get("1"),
            actual_start=dates.get("2"),
            planned_end=dates.get("3"),
            actual_end=dates.get("4"),
            recipient_countries=[
                RecipientCountry(code=node.get("code", ""), percentage=self.percentage(node))
                for node in element.findall("recipient-country")
            ],
            recipient_regions=[
                RecipientRegion(
                    code=node.get("code", ""), vocabulary=node.get("vocabulary", "1"), percentage=self.percentage(node)
                )
                for node in element.findall("recipient-region")
            ],
            sectors=[
                Sector(
                    code=node.get("code", ""), vocabulary=node.get("vocabulary", "1"), percentage=self.percentage(node)
                )
                for node in element.findall("sector")
            ],
            collaboration_type=_code(element, "collaboration-type"),
            default_flow_type=_code(element, "default-flow-type"),
            default_finance_type=_code(element, "default-finance-type"),
            default_aid_type=aid_type,
            default_currency=element.get("default-currency"),
            default_language=self.language,
            budgets=[self.budget(node) for node in element.findall("budget")],
            transactions=[self.transaction(node) for node in element.findall("transaction")],
            results=[self.result(node) for node in element.findall("result")],
            last_updated_datetime=self.read_datetime(element, last_updated) if last_updated else None,
            hierarchy=int(hierarchy) if hierarchy.strip().lstrip("+-").isdigit() else 1,
            humanitarian=(element.get("humanitarian") or "0").strip() in ("1", "true"),
        )

    def read_datetime(self, element: etree._Element, text: str) -> datetime | None:
        try:
            return datetime.fromisoformat(text.strip())
        except ValueError:
            self._say(self.errors, element, f"last-updated-datetime {text!r} cannot be read")
            return None

    def budget(self, element: etree._Element) -> Budget:
        self.skip_others(element, {"period-start", "period-end", "value"})
        return Budget(
            period_start=self.read_date(element.find("period-start")),
            period_end=self.read_date(element.find("period-end")),
            value=self.value(element.find("value")),
            type=element.get("type", "1"),
            status=element.get("status", "1"),
        )

    def transaction(self, element: etree._Element) -> Transaction:
        self.skip_others(element, {"transaction-type", "transaction-date", "value", "description"})
        return Transaction(
            transaction_type=element.find("transaction-type").get("code", ""),
            transaction_date=self.read_date(element.find("transaction-date")),
            value=self.value(element.find("value")),
            description=self.narratives(element.find("description")),
        )

    def result(self, element: etree._Element) -> Result:
        self.skip_others(element, {"title", "indicator"})
        return Result(
            type=element.get("type", ""),
            title=self.narratives(element.find("title")),
            indicators=[self.indicator(node) for node in element.findall("indicator")],
        )

    def indicator(self, element: etree._Element) -> Indicator:
        self.skip_others(element, {"title", "baseline", "period"})
        measure = element.get("measure", "")
        if measure not in QUANTITATIVE_MEASURES:
            self._say(self.errors, element, f"measure {measure!r}: only quantitative indicators (1–4) are read")
        baselines = element.findall("baseline")
        for extra in baselines[1:]:
            self._say(self.warnings, extra, "only the first baseline is imported")
        baseline = baselines[0] if baselines else None
        year = baseline.get("year") if baseline is not None else None
        baseline_value = baseline.get("value") if baseline is not None else None
        return Indicator(
            title=self.narratives(element.find("title")),
            measure=measure,
            ascending=(element.get("ascending") or "1").strip() in ("1", "true"),
            baseline_year=int(year) if year and year.strip().isdigit() else None,
            baseline_value=_decimal(baseline_value),
            periods=[self.period(node) for node in element.findall("period")],
        )

    def period(self, element: etree._Element) -> ResultPeriod:
        self.skip_others(element, {"period-start", "period-end", "target", "actual"})
        return ResultPeriod(
            period_start=self.read_date(element.find("period-start")),
            period_end=self.read_date(element.find("period-end")),
            targets=[self.indicator_value(node) for node in element.findall("target")],
            actuals=[self.indicator_value(node) for node in element.findall("actual")],
        )

    def indicator_value(self, element: etree._Element) -> IndicatorValue:
        self.skip_others(element, {"dimension"})
        dimensions: dict[str, str] = {}
        for node in element.findall("dimension"):
            name = node.get("name", "")
            if name in dimensions:
                self._say(self.errors, node, f"a second dimension named {name!r}")
            dimensions[name] = node.get("value", "")
        return IndicatorValue(value=_decimal(element.get("value")) or Decimal(0), dimensions=dimensions)


def _code(activity: etree._Element, tag: str) -> str | None:
    element = activity.find(tag)
    return None if element is None else element.get("code")


def parse_activities_xml(data: bytes, *, today: date | None = None) -> ParseReport:
    """Read IATI 2.03 activity XML into :class:`IatiActivity` objects, safely and all or nothing.

    Refused outright, with one message and no activities: a document that is not UTF-8, has a
    DOCTYPE/DTD or an entity declaration (never expanded, no file or URL read), is not well-formed
    (message with the line), or fails the XSD. Otherwise every activity is checked with the rules of
    :func:`validate_activities_xml` (unknown codes, dates out of order, …) and read; messages name
    the iati-identifier, the element and its line. ``activities`` holds only the activities without
    errors, and callers import nothing while ``errors`` is not empty.
    """
    root, errors = _load(data)
    if root is None:
        return ParseReport(errors=errors)
    errors = _schema_messages(root)
    if errors:
        return ParseReport(errors=errors)
    report = ParseReport()
    if root.get("version") != IATI_VERSION:
        report.warnings.append(f"line {root.sourceline}: version {root.get('version')!r} read as {IATI_VERSION}")
    today = today or _latest_today()
    seen: set[str] = set()
    for element in root.findall("iati-activity"):
        problems = _activity_problems(element, today=today)
        reader = _Reader(element)
        if reader.identifier in seen:
            node = element.find("iati-identifier")
            problems.append(f"{reader.identifier}: <iati-identifier> line {node.sourceline}: appears more than once")
        seen.add(reader.identifier)
        activity = reader.activity(element)
        report.errors.extend(problems + reader.errors)
        report.warnings.extend(reader.warnings)
        if not problems and not reader.errors:
            report.activities.append(activity)
    return report


# --------------------------------------------------------------------------------------------------
# Platform defaults (taxonomy.md, "IATI mappings")
# --------------------------------------------------------------------------------------------------

MODALITIES = ("policy_exchange", "technical_assistance", "financial_support", "training", "joint_research")
CHANNELS = ("north_south", "south_south", "triangular")

#: Theme → DAC CRS purpose code (taxonomy.md). "applications" has no code of its own: an AI
#: application is reported under the sector it serves (the ``sectors`` argument).
THEME_SECTORS: dict[str, str | None] = {
    "infrastructure": "22040",  # Information and communication technology (ICT)
    "data": "16062",  # Statistical capacity building (incl. data innovation)
    "skills": "11430",  # Advanced technical and managerial training
    # taxonomy.md allows 32182/43082; research/scientific institutions fits joint labs and
    # research partnerships best, and 32182 already stands for safety (testing, standards).
    "research_models": "43082",
    "governance": "15110",  # Public sector policy and administrative management
    "safety": "32182",  # Technological research and development (standards, testing, certification)
    "applications": None,
}

#: Platform sector → DAC CRS purpose code (checked against the CRS purpose codes; all twelve of the
#: proposed codes are correct, with the nearest general code where the CRS has no exact match).
SECTOR_CODES: dict[str, str] = {
    "agriculture": "31120",  # Agricultural development
    "health": "12110",  # Health policy and administrative management
    "education": "11110",  # Education policy and administrative management
    # The CRS has no climate purpose code (climate is tracked with Rio markers / policy markers
    # 6 and 7); environmental policy and administrative management is the general code.
    "climate": "41010",
    "public_services": "15110",  # Public sector policy and administrative management (incl. e-government)
    "finance": "24010",  # Financial policy and administrative management
    "manufacturing": "32110",  # Industrial policy and administrative management
    "language_culture": "16061",  # Culture and recreation
    "disaster_risk": "43060",  # Disaster risk reduction
    "justice": "15130",  # Legal and judicial development
    "transport": "21010",  # Transport policy and administrative management
    "energy": "23110",  # Energy policy and administrative management
}


def _aid_type(*, modality: str, channel: str, in_provider_country: bool) -> str:
    if modality == "training":
        # E01 "Scholarships/training in donor country" describes where training happens, so it
        # wins over the channel; D021 "Training" is the South-South-only sub-code of D02.
        if in_provider_country:
            return "E01"
        return "D021" if channel == "south_south" else "D02"
    if modality == "financial_support":
        # C01 project-type interventions; B03 (pooled programmes run by partners) is set by hand.
        return "C01"
    # technical_assistance: D01 (donor country personnel) applies only when experts are deployed,
    # which the platform does not record; D02 "Other technical assistance" is always true.
    # joint_research: D02 covers "collaborative research between donor and recipient universities";
    # C01 is set by hand for a research project with its own budget.
    # policy_exchange: D02 covers "conferences, seminars and workshops, exchange visits".
    return "D02"


def _equal_percentages(count: int) -> list[Decimal]:
    # In hundredths of a percent so the parts are exact and sum to exactly 100.
    share, remainder = divmod(10000, count)
    return [Decimal(share + (remainder if index == 0 else 0)) / 100 for index in range(count)]


def iati_defaults(
    *, modality: str, themes: list[str], sectors: list[str], channel: str, in_provider_country: bool = False
) -> dict:
    """Default IATI codes for a cooperation (taxonomy.md "IATI mappings"); the user may edit them.

    Returns keyword arguments of :class:`IatiActivity`::

        {"default_aid_type": "D021", "sectors": [Sector(code="11430", vocabulary="1", percentage=Decimal("100"))],
         "default_finance_type": "110", "default_flow_type": "10", "collaboration_type": "1",
         "activity_status": "2"}

    * aid type (vocabulary 1) by modality: training → E01 when delivered in the provider's
      country, else D021 for South-South, else D02; technical_assistance, joint_research and
      policy_exchange → D02; financial_support → C01 (see ``_aid_type`` for why).
    * sectors (vocabulary 1): the themes' codes, then the platform sectors' codes, in the order
      given, without duplicates (governance and public_services are both 15110); equal
      percentages summing to exactly 100, the rounding remainder to the first. Empty when only
      "applications" and no sector is given (the validator then reports the missing sector).
    * finance type 110 (standard grant): the platform's cooperation is grants and in-kind help.
    * flow type 10 (ODA).
    * collaboration type 8 (bilateral, triangular co-operation) for triangular, else 1 (bilateral).
    * activity status 2 (implementation): a cooperation starts when it is agreed.

    Raises ``ValueError`` for a modality, channel, theme or sector outside taxonomy.md.
    """
    if modality not in MODALITIES:
        raise ValueError(f"unknown modality {modality!r}")
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    codes: list[str] = []
    for theme in themes:
        if theme not in THEME_SECTORS:
            raise ValueError(f"unknown theme {theme!r}")
        code = THEME_SECTORS[theme]
        if code is not None and code not in codes:
            codes.append(code)
    for sector in sectors:
        if sector not in SECTOR_CODES:
            raise ValueError(f"unknown sector {sector!r}")
        if SECTOR_CODES[sector] not in codes:
            codes.append(SECTOR_CODES[sector])
    percentages = _equal_percentages(len(codes)) if codes else []
    return {
        "default_aid_type": _aid_type(modality=modality, channel=channel, in_provider_country=in_provider_country),
        "sectors": [
            Sector(code=code, vocabulary="1", percentage=percentage)
            for code, percentage in zip(codes, percentages, strict=True)
        ],
        "default_finance_type": "110",
        "default_flow_type": "10",
        "collaboration_type": "8" if channel == "triangular" else "1",
        "activity_status": ActivityStatus.IMPLEMENTATION.value,
    }
