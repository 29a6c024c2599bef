"""The data of an IATI 2.03 activity as plain dataclasses (what the writer writes and the reader reads).

Several class names (``Budget``, ``Transaction``, ``Result``) are also model names of the
cooperation app, so import the package as a module: ``from harambee import iati``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

IATI_VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IDENTIFIER_FORBIDDEN = re.compile(r"[/&|?\s]")  # ruleset 1.3.13 (whitespace too: it breaks URLs)

#: language code → text, one narrative per language.
Narratives = dict[str, str]


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


def iati_identifier(*, reporting_org_ref: str, suffix: str) -> str:
    """The activity identifier ``<reporting-org ref>-<suffix>`` (ruleset 1.1.21), e.g. ``CN-GOV-1-C42``.

    Raises ``ValueError`` for an empty part or a character the ruleset forbids (``/ & | ?``) or
    whitespace, because such identifiers cannot be used in registry URLs.
    """
    for part in (reporting_org_ref, suffix):
        if not part or IDENTIFIER_FORBIDDEN.search(part):
            raise ValueError(f"{part!r} cannot be part of an IATI identifier")
    return f"{reporting_org_ref}-{suffix}"
