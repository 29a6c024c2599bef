"""The IATI Standard rules and codelist checks this package enforces on activity XML."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import list_currencies
from lxml import etree

from . import codelists
from .model import XML_LANG
from .safe_xml import load, schema_messages

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


def latest_today() -> date:
    # The date in UTC+14, the earliest time zone: a date that is today anywhere is not "future".
    return (datetime.now(UTC) + timedelta(hours=14)).date()


def iso_date(element: etree._Element | None, attribute: str = "iso-date") -> date | None:
    if element is None:
        return None
    match = _ISO_DATE.fullmatch((element.get(attribute) or "").strip())
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def decimal_or_none(text: str | None) -> Decimal | None:
    try:
        number = Decimal((text or "").strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _total_text(total: Decimal) -> str:
    return format(total.normalize(), "f")


def identifier_of(activity: etree._Element) -> str:
    return (activity.findtext("iati-identifier") or "").strip() or "(no iati-identifier)"


def _one_year_after(start: date) -> date:
    try:
        return start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        return date(start.year + 1, 3, 1)


class _Problems:
    """Collects messages that name the activity, the element and its line."""

    def __init__(self, activity: etree._Element) -> None:
        self.identifier = identifier_of(activity)
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
    values = [decimal_or_none(element.get("percentage")) for element in given]
    for element, value in zip(given, values, strict=True):
        if value is not None and not Decimal(0) <= value <= Decimal(100):
            problems.add(element, f"percentage {element.get('percentage')} is not between 0 and 100")
    known = [value for value in values if value is not None]
    if not missing and len(known) == len(values):
        total = sum(known, Decimal(0))
        if total != 100:
            problems.add(activity, f"{what} percentages sum to {_total_text(total)}, not 100")


# Region vocabularies the platform reads and the shape of their codes (1 OECD DAC, 2 UN M49);
# vocabulary 99 (the reporting organisation's own) is not supported.
_REGION_CODE_SHAPES = {"1": re.compile(r"\d{2,3}"), "2": re.compile(r"\d{3}")}
_DAC_SECTOR_CODE = re.compile(r"\d{5}")
# The start and end date types (ActivityDateType) whose order is checked: planned, then actual.
_START_END = (("1", "3"), ("2", "4"))
_ACTUAL_DATE_TYPES = ("2", "4")
# IndicatorMeasure 5 is "qualitative"; the other measures in use are quantitative (the ones read).
QUALITATIVE_MEASURE = "5"


@functools.cache
def quantitative_measures() -> tuple[str, ...]:
    return tuple(code for code in codelists.codelist("IndicatorMeasure").codes() if code != QUALITATIVE_MEASURE)


def _date_type_name(code: str) -> str:
    return codelists.codelist("ActivityDateType").name_of(code).lower()


def _check_code(problems: _Problems, element: etree._Element, attribute: str, name: str, what: str) -> None:
    """The attribute's code is one in use on the codelist ``name`` (reported as ``what``)."""
    code = element.get(attribute)
    if not codelists.codelist(name).is_current(code):
        problems.add(element, f"{what} {code!r} is not a{'n' if name[0] in 'AEIOU' else ''} {name}{_hint(name)}")


def _hint(name: str) -> str:
    hint = codelists.codes_hint(name)
    return f" ({hint})" if len(hint) <= 20 else ""


def activity_problems(activity: etree._Element, *, today: date) -> list[str]:
    """The IATI Standard rules this module enforces for one activity.

    Ruleset: 1.1.3/1.1.21 identifier prefixed by and different from the reporting-org ref; 6.11.1 a
    planned or actual start date; 11.1.x start not after end, no actual date in the future; 2.1.2
    sector percentages per vocabulary; 3.1.2 recipient percentages; 3.7.x a recipient; 6.2.2 a sector;
    7.8.1 a currency for every value; value-date on every value; 7.5.3/8.6.3 budget periods of at most
    one year that do not end before they start; 4.1.1 a language for every narrative; a value for
    quantitative indicators. Codes: ISO 4217 currencies (babel), ISO 3166 countries (babel), and
    the vendored IATI codelists (:mod:`harambee.iati.codelists`) for ActivityDateType,
    ActivityStatus, RegionVocabulary, Sector (vocabulary 1), CollaborationType, FlowType,
    BudgetType, BudgetStatus, TransactionType, OrganisationRole and ResultType — withdrawn codes
    are refused like unknown ones. AidType and FinanceType are checked by the platform's services
    on import (``harambee.cooperation.tracking``), so that a file and the web form give one message.
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
        if not codelists.codelist("ActivityDateType").is_current(date_type):
            _check_code(problems, element, "type", "ActivityDateType", "type")
            continue
        if date_type in dates:
            problems.add(element, f"more than one {_date_type_name(date_type)} date")
            continue
        value = iso_date(element)
        if value is not None:
            dates[date_type] = (element, value)
    if not activity.xpath("activity-date[@type='1' or @type='2']"):
        problems.add(
            activity,
            f"no activity-date of type 1 ({_date_type_name('1')}) or 2 ({_date_type_name('2')})",
        )
    for start_type, end_type in _START_END:
        if start_type in dates and end_type in dates and dates[end_type][1] < dates[start_type][1]:
            problems.add(
                dates[end_type][0],
                f"{_date_type_name(end_type)} {dates[end_type][1]} is before "
                f"{_date_type_name(start_type)} {dates[start_type][1]}",
            )
    for actual_type in _ACTUAL_DATE_TYPES:
        if actual_type in dates and dates[actual_type][1] > today:
            problems.add(
                dates[actual_type][0], f"{_date_type_name(actual_type)} {dates[actual_type][1]} is in the future"
            )

    status = activity.find("activity-status")
    if status is not None:
        _check_code(problems, status, "code", "ActivityStatus", "code")

    # Recipients.
    countries = activity.findall("recipient-country")
    regions = activity.findall("recipient-region")
    if not countries and not regions:
        problems.add(activity, "no recipient-country or recipient-region")
    for country in countries:
        if country.get("code") not in _countries():
            problems.add(country, f"code {country.get('code')!r} is not an ISO 3166-1 alpha-2 country code")
    vocabularies = codelists.codelist("RegionVocabulary")
    for region in regions:
        vocabulary = region.get("vocabulary", "1")
        shape = _REGION_CODE_SHAPES.get(vocabulary)
        if shape is None:
            supported = ", ".join(f"{code} {vocabularies.name_of(code)}" for code in _REGION_CODE_SHAPES)
            problems.add(region, f"region vocabulary {vocabulary!r} is not supported ({supported})")
        elif not shape.fullmatch(region.get("code", "")):
            problems.add(region, f"code {region.get('code')!r} is not a region code of vocabulary {vocabulary}")
    _check_percentages(problems, activity, countries + regions, "recipient (country or region)")

    # Sectors, percentages per vocabulary.
    sectors = activity.findall("sector")
    if not sectors:
        problems.add(activity, "no sector")
    by_vocabulary: dict[str, list[etree._Element]] = {}
    dac_sectors = codelists.codelist("Sector")
    for sector in sectors:
        vocabulary = sector.get("vocabulary", "1")
        by_vocabulary.setdefault(vocabulary, []).append(sector)
        code = sector.get("code", "")
        if vocabulary != "1":
            continue
        if not _DAC_SECTOR_CODE.fullmatch(code):
            problems.add(sector, f"code {code!r} is not a 5-digit DAC sector code (vocabulary 1)")
        elif not dac_sectors.is_current(code):
            problems.add(sector, f"code {code!r} is not on the DAC 5 digit Sector codelist {dac_sectors.version}")
    for vocabulary, group in by_vocabulary.items():
        _check_percentages(problems, activity, group, f"vocabulary {vocabulary} sector")

    for tag, name in (("collaboration-type", "CollaborationType"), ("default-flow-type", "FlowType")):
        element = activity.find(tag)
        if element is not None:
            _check_code(problems, element, "code", name, "code")

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
        for attribute, name in (("type", "BudgetType"), ("status", "BudgetStatus")):
            if budget.get(attribute) is not None:
                _check_code(problems, budget, attribute, name, attribute)
        start, end = iso_date(budget.find("period-start")), iso_date(budget.find("period-end"))
        if start is None or end is None:
            continue
        if end < start:
            problems.add(budget, f"period-end {end} is before period-start {start}")
        elif end >= _one_year_after(start):
            problems.add(budget, f"the period {start} to {end} is longer than one year")

    for transaction_type in activity.xpath("transaction/transaction-type"):
        _check_code(problems, transaction_type, "code", "TransactionType", "code")

    for participant in activity.findall("participating-org"):
        _check_code(problems, participant, "role", "OrganisationRole", "role")

    for result in activity.findall("result"):
        _check_code(problems, result, "type", "ResultType", "type")
        for indicator in result.findall("indicator"):
            if indicator.get("measure") not in quantitative_measures():
                continue
            for element in indicator.xpath("baseline | period/target | period/actual"):
                if decimal_or_none(element.get("value")) is None:
                    problems.add(element, "a quantitative indicator needs a numeric value here")
            for period in indicator.findall("period"):
                start, end = iso_date(period.find("period-start")), iso_date(period.find("period-end"))
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
        messages.extend(activity_problems(activity, today=today))
    return messages


def validate_activities_xml(data: bytes, *, today: date | None = None) -> list[str]:
    """Problems of an IATI 2.03 activity document; an empty list means valid.

    First the document must be UTF-8, free of DTDs and entity declarations, and well-formed (one
    message, nothing else checked). Then the vendored XSD (messages ``line N: …``) and the IATI
    rules (messages ``<iati-identifier>: <element> line N: …``), see :func:`activity_problems`.
    ``today`` decides what an actual date "in the future" is (default: today in UTC+14).
    """
    root, messages = load(data)
    if root is None:
        return messages
    return schema_messages(root) + _document_problems(root, today=today or latest_today())
