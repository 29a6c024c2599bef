"""Reading IATI 2.03 activity XML back into the dataclasses, safely and all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from lxml import etree

from .model import (
    IATI_VERSION,
    XML_LANG,
    Budget,
    IatiActivity,
    Indicator,
    IndicatorValue,
    Narratives,
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
from .safe_xml import load, schema_messages
from .validation import activity_problems, decimal_or_none, identifier_of, iso_date, latest_today, quantitative_measures


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


class _Reader:
    """Reads one schema-valid iati-activity element; collects what it cannot represent."""

    def __init__(self, activity: etree._Element) -> None:
        self.identifier = identifier_of(activity)
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
        number = decimal_or_none(text)
        if number is None:
            self._say(self.errors, element, f"{text!r} is not a number")
            return Decimal(0)
        return number

    def read_date(self, element: etree._Element | None) -> date:
        value = iso_date(element)
        if value is None:
            # The schema guarantees an xsd:date; this only catches years outside 0001–9999.
            if element is not None:
                self._say(self.errors, element, "the iso-date cannot be read as a date")
            return date.min
        return value

    def value(self, element: etree._Element) -> Value:
        value_date = iso_date(element, "value-date")
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
        if measure not in quantitative_measures():
            read = quantitative_measures()
            self._say(
                self.errors,
                element,
                f"measure {measure!r}: only quantitative indicators ({read[0]}–{read[-1]}) are read",
            )
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
            baseline_value=decimal_or_none(baseline_value),
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
        return IndicatorValue(value=decimal_or_none(element.get("value")) or Decimal(0), dimensions=dimensions)


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
    root, errors = load(data)
    if root is None:
        return ParseReport(errors=errors)
    errors = schema_messages(root)
    if errors:
        return ParseReport(errors=errors)
    report = ParseReport()
    if root.get("version") != IATI_VERSION:
        report.warnings.append(f"line {root.sourceline}: version {root.get('version')!r} read as {IATI_VERSION}")
    today = today or latest_today()
    seen: set[str] = set()
    for element in root.findall("iati-activity"):
        problems = activity_problems(element, today=today)
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
