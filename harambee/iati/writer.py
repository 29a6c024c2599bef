"""Writing IATI 2.03 activity XML from the dataclasses: elements in the order of the schema, deterministic bytes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal

from lxml import etree

from .model import IATI_VERSION, XML_LANG, IatiActivity, IndicatorValue, Narratives, Value

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
    return b"".join(activities_xml_chunks(activities, generated_datetime=generated_datetime))


#: The end of an ``<iati-activities>`` document as lxml's pretty printer writes it.
_TAIL = b"</iati-activities>\n"


def _document(activity: IatiActivity, generated_datetime: datetime) -> bytes:
    root = etree.Element("iati-activities")
    root.set("version", IATI_VERSION)
    root.set("generated-datetime", generated_datetime.isoformat())
    _write_activity(root, activity)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def activities_xml_chunks(activities: Iterable[IatiActivity], *, generated_datetime: datetime) -> Iterator[bytes]:
    """The bytes of :func:`activities_to_xml` in pieces: the declaration and the root's start tag, one
    piece per activity, the end tag; so that a file of thousands of activities is written (or sent) as
    the activities come, one in memory at a time. The pieces joined are exactly ``activities_to_xml``'s
    bytes: each activity is pretty-printed inside the same root and cut out of it. Raises ``ValueError``
    before the first piece when there is no activity."""
    started = False
    for activity in activities:
        document = _document(activity, generated_datetime)
        head_end = document.index(b">\n", document.index(b"<iati-activities")) + 2
        if not document.endswith(_TAIL):  # pragma: no cover - lxml's pretty printer always ends so
            raise ValueError("unexpected serialisation of an IATI activity")
        if not started:
            started = True
            yield document[:head_end]
        yield document[head_end : -len(_TAIL)]
    if not started:
        raise ValueError("an IATI activity file holds at least one activity")
    yield _TAIL
