"""The transparency dashboard's figures, computed by aggregate queries only (values().annotate()):
no query loads needs, offers, matches, cooperations or pledges row by row, so the number of
queries is fixed whatever the number of rows, and the rows summed in Python are already
aggregated (at most one per country, region, group, theme… and per quarter).

What counts (docs/transparency.md):
- only public things: needs and offers of active members in a public status (open ones for the
  "open needs / offers" figures), accepted matches, public cooperations, public pledges, and
  delegates checked in at published events;
- a figure belongs to a country through the member: a State is its country, an organisation its
  home country, except regional bodies and UN entities, which are shown apart (`REGIONAL_TYPES`);
- a need is placed at its member, an offer at its provider, a match and a cooperation at the
  beneficiary (who receives the capacity), people trained at the delegate's member.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Case, Count, F, Q, Sum, When
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.cooperation.models import Cooperation, Pledge, PledgeUnit, Transaction
from harambee.cooperation.selectors import freshness_expression, pledges_with_delivery
from harambee.events.choices import EventStatus
from harambee.events.models import Attendance
from harambee.iati import mapping
from harambee.matching.models import Match, MatchStatus
from harambee.postings.choices import CHANNELS, MODALITIES, OPEN_STATUSES, PUBLIC_STATUSES, THEMES, PostingKind
from harambee.postings.models import Posting, PostingFacet
from harambee.registry.models import Country, CountryGroup, Member, MemberStatus, OrganisationType, Region

from .models import FigureSnapshot

#: Organisations shown as regional aggregates rather than at their seat's country.
REGIONAL_TYPES = (OrganisationType.REGIONAL_BODY, OrganisationType.UN_ENTITY)
#: The country groups the dashboard breaks figures down by.
GROUPS = ("LDC", "LLDC", "SIDS")
#: The measures the map can show.
MEASURES = ("needs", "offers", "matches", "cooperations", "people", "amount")
#: How long computed figures are reused (seconds).
CACHE_SECONDS = 300
#: The first year of the reports (and of the snapshots kept for them).
FIRST_YEAR = 2024
#: A snapshot older than this (or computed on another day) is not shown: the figures are computed instead.
SNAPSHOT_MAX_AGE = timedelta(hours=1)

PERIOD = re.compile(r"^(?P<year>20\d\d)(?:-Q(?P<quarter>[1-4]))?$")


class FilterError(ValueError):
    """A filter value the dashboard does not know; the message says which and why."""


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    quarter: int | None = None
    region: str = ""
    group: str = ""
    theme: str = ""
    modality: str = ""

    @property
    def key(self) -> str:
        return f"{self.year}-{self.quarter}-{self.region}-{self.group}-{self.theme}-{self.modality}"

    @property
    def period(self) -> str:
        if self.year is None:
            return ""
        return f"{self.year}-Q{self.quarter}" if self.quarter else str(self.year)

    def as_query(self) -> dict[str, str]:
        values = {
            "period": self.period,
            "region": self.region,
            "group": self.group,
            "theme": self.theme,
            "modality": self.modality,
        }
        return {k: v for k, v in values.items() if v}

    def bounds(self) -> tuple[date, date] | None:
        """The first day of the period and the first day after it."""
        if self.year is None:
            return None
        if self.quarter:
            start = date(self.year, 3 * self.quarter - 2, 1)
            end = date(self.year + (self.quarter == 4), 1 if self.quarter == 4 else 3 * self.quarter + 1, 1)
            return start, end
        return date(self.year, 1, 1), date(self.year + 1, 1, 1)


def parse_filters(query) -> tuple[Filters, list[str]]:
    """The filters of a query string (a QueryDict or a dict), and a message for each bad value
    (whose filter is then left out)."""
    errors: list[str] = []
    values: dict = {}
    period = (query.get("period") or "").strip()
    if period:
        found = PERIOD.match(period)
        if found:
            values["year"] = int(found["year"])
            values["quarter"] = int(found["quarter"]) if found["quarter"] else None
        else:
            errors.append(_("The period must be a year (2026) or a quarter (2026-Q1)."))
    region = (query.get("region") or "").strip()
    if region:
        if Region.objects.filter(code=region).exists():
            values["region"] = region
        else:
            errors.append(_("There is no M49 region with the code “%(code)s”.") % {"code": region[:20]})
    group = (query.get("group") or "").strip().upper()
    if group:
        if group in GROUPS:
            values["group"] = group
        else:
            errors.append(_("The country group must be one of LDC, LLDC or SIDS."))
    theme = (query.get("theme") or "").strip()
    if theme:
        if theme in THEMES:
            values["theme"] = theme
        else:
            errors.append(_("There is no theme with the code “%(code)s”.") % {"code": theme[:40]})
    modality = (query.get("modality") or "").strip()
    if modality:
        if modality in MODALITIES:
            values["modality"] = modality
        else:
            errors.append(_("There is no modality with the code “%(code)s”.") % {"code": modality[:40]})
    return Filters(**values), errors


def parse_measure(value: str | None) -> tuple[str, str | None]:
    value = (value or "").strip()
    if not value:
        return "needs", None
    if value in MEASURES:
        return value, None
    return "needs", _("The map cannot show “%(measure)s”; it shows open needs.") % {"measure": value[:40]}


# --- the pieces of each query ---------------------------------------------------------------


def _place(prefix: str, filters: Filters) -> Q:
    """Members that count on the map, of active status, in the filtered region and group."""
    q = Q(**{f"{prefix}status": MemberStatus.ACTIVE}) & ~Q(**{f"{prefix}organisation_type__in": REGIONAL_TYPES})
    return q & _region_group(prefix, filters)


def _region_group(prefix: str, filters: Filters) -> Q:
    q = Q()
    if filters.region:
        q &= (
            Q(**{f"{prefix}country__region_id": filters.region})
            | Q(**{f"{prefix}country__subregion_id": filters.region})
            | Q(**{f"{prefix}country__intermediate_region_id": filters.region})
        )
    if filters.group:
        q &= Q(**{f"{prefix}country__in": Country.objects.filter(groups__code=filters.group)})
    return q


def _in_period(field_name: str, filters: Filters, *, moments: bool = True) -> Q:
    """In the filtered period: a moment (``moments``) from the first midnight of the period, in the
    platform's time zone, to the first after it; else a date."""
    bounds = filters.bounds()
    if bounds is None:
        return Q()
    if moments:
        zone = timezone.get_current_timezone()
        bounds = tuple(datetime(day.year, day.month, day.day, tzinfo=zone) for day in bounds)
    return Q(**{f"{field_name}__gte": bounds[0], f"{field_name}__lt": bounds[1]})


def _posting_q(filters: Filters, prefix: str = "") -> Q:
    q = Q()
    for facet, code in (("theme", filters.theme), ("modality", filters.modality)):
        if code:
            q &= Q(
                **{
                    f"{prefix}pk__in": PostingFacet.objects.filter(facet=facet, code=code).values("posting_id"),
                }
            )
    return q


def _cooperation_q(filters: Filters, prefix: str = "") -> Q:
    q = Q(**{f"{prefix}is_public": True})
    if filters.theme:
        q &= Q(**{f"{prefix}themes__icontains": f'"{filters.theme}"'})
    if filters.modality:
        q &= Q(**{f"{prefix}modality": filters.modality})
    return q


def postings_open(filters: Filters):
    return Posting.objects.filter(
        _place("member__", filters), _posting_q(filters), _in_period("published_at", filters), status__in=OPEN_STATUSES
    )


def matches_accepted(filters: Filters):
    """Accepted matches (each started a cooperation), placed at the need's member."""
    return Match.objects.filter(
        _place("need__member__", filters),
        _posting_q(filters, "need__"),
        _in_period("decided_at", filters),
        status=MatchStatus.ACCEPTED,
    )


def cooperations_public(filters: Filters):
    return Cooperation.objects.filter(
        _place("beneficiary__", filters), _cooperation_q(filters), _in_period("created_at", filters)
    )


def attendances(filters: Filters):
    """Check-ins at published events (the event's own, or a session's), placed at the delegation."""
    return Attendance.objects.filter(
        _place("registration__member__", filters),
        _in_period("registration__event__start_date", filters, moments=False),
        registration__event__status=EventStatus.PUBLISHED,
    )


def delivered_money(filters: Filters):
    """Disbursements and expenditures of public cooperations (IATI transaction types the platform
    counts as delivered), placed at the beneficiary."""
    return Transaction.objects.filter(
        _place("cooperation__beneficiary__", filters),
        _cooperation_q(filters, "cooperation__"),
        _in_period("date", filters, moments=False),
        type__in=mapping().delivered_transaction_types,
    )


# --- the figures --------------------------------------------------------------------------------


@dataclass
class Figures:
    """Everything the dashboard and the report show, as plain numbers keyed by codes."""

    totals: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, dict[str, float]] = field(default_factory=dict)  # m49 → measure → value
    by_region: dict[str, dict[str, int]] = field(default_factory=dict)  # region code → measure → n
    by_group: dict[str, dict[str, int]] = field(default_factory=dict)
    by_theme: dict[str, dict[str, int]] = field(default_factory=dict)
    by_modality: dict[str, dict[str, int]] = field(default_factory=dict)
    by_channel: dict[str, dict[str, int]] = field(default_factory=dict)
    by_quarter: dict[str, dict[str, int]] = field(default_factory=dict)  # "2026-Q1" → measure → n
    freshness: dict[str, int] = field(default_factory=dict)
    pledges: list[dict] = field(default_factory=list)  # unit, currency, pledged, delivered
    amounts: dict[str, Decimal] = field(default_factory=dict)  # currency → delivered
    currency: str = ""  # the currency the map's "amount" shows (the one with most delivered)
    organisations: list[dict] = field(default_factory=list)  # code, name, type, needs, offers, given, received
    quarters: list[str] = field(default_factory=list)  # the trend's quarters ("2026-Q1"), oldest first
    computed_at: datetime | None = None

    def as_json(self) -> dict:
        """The figures as JSON values (amounts as decimal strings), for `models.FigureSnapshot`."""
        data = asdict(self)
        data["amounts"] = {currency: str(value) for currency, value in self.amounts.items()}
        data["pledges"] = [
            {**row, **{k: None if row[k] is None else str(row[k]) for k in ("pledged", "delivered")}}
            for row in self.pledges
        ]
        data.pop("computed_at")
        return data

    @classmethod
    def from_json(cls, data: dict, computed_at: datetime) -> Figures:
        figures = cls(**{**data, "computed_at": computed_at})
        figures.amounts = {currency: Decimal(value) for currency, value in data["amounts"].items()}
        figures.pledges = [
            {**row, **{k: None if row[k] is None else Decimal(row[k]) for k in ("pledged", "delivered")}}
            for row in data["pledges"]
        ]
        return figures


def _add(table: dict, key, measure: str, n) -> None:
    if key in (None, ""):
        return
    table.setdefault(str(key), {}).setdefault(measure, 0)
    table[str(key)][measure] += n


def _quarter_key(year, quarter) -> str:
    return f"{year}-Q{quarter}"


#: How many quarters the trend shows (without a period filter).
TREND_QUARTERS = 12


def quarters_shown(filters: Filters, today: date) -> list[tuple[str, datetime, datetime]]:
    """The quarters of the trend, oldest first: those of the filtered period, else the last
    `TREND_QUARTERS` up to today's; each with its first moment and the first moment after it."""
    if filters.year is not None:
        numbers = [filters.quarter] if filters.quarter else [1, 2, 3, 4]
        pairs = [(filters.year, q) for q in numbers]
    else:
        index = today.year * 4 + (today.month - 1) // 3
        pairs = [divmod(i, 4) for i in range(index - TREND_QUARTERS + 1, index + 1)]
        pairs = [(year, q + 1) for year, q in pairs]
    zone = timezone.get_current_timezone()
    out = []
    for year, q in pairs:
        start = datetime(year, 3 * q - 2, 1, tzinfo=zone)
        end = datetime(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1, tzinfo=zone)
        out.append((_quarter_key(year, q), start, end))
    return out


def _quarter_counts(field_name: str, quarters) -> dict:
    """One conditional count per quarter (plain comparisons: no date function per row)."""
    return {
        f"q{i}": Count("id", filter=Q(**{f"{field_name}__gte": start, f"{field_name}__lt": end}))
        for i, (_key, start, end) in enumerate(quarters)
    }


def _spread(table: dict, row: dict, quarters, measure: str) -> None:
    for i, (key, _start, _end) in enumerate(quarters):
        if row.get(f"q{i}"):
            _add(table, key, measure, row[f"q{i}"])


def country_groups() -> dict[str, tuple[str, ...]]:
    """M49 code → the dashboard's groups (LDC, LLDC, SIDS) the country is in (one query)."""
    out: dict[str, tuple[str, ...]] = {}
    through = CountryGroup.countries.through.objects.filter(countrygroup_id__in=GROUPS)
    for m49, group in through.values_list("country__m49", "countrygroup_id"):
        out[m49] = (*out.get(m49, ()), group)
    return out


def compute_figures(filters: Filters, *, today: date | None = None) -> Figures:
    """All figures for these filters: a fixed number of aggregate queries."""
    today = today or timezone.localdate()
    f = Figures(computed_at=timezone.now())
    country = "member__country__m49"

    groups_of = country_groups()
    # needs and offers: per country (with region and channel; groups from the countries), per theme and modality
    rows = postings_open(filters).values("kind", country, "member__country__region_id", "channel")
    for row in rows.annotate(n=Count("id")):
        measure = "needs" if row["kind"] == PostingKind.NEED else "offers"
        _add(f.by_country, row[country], measure, row["n"])
        _add(f.by_region, row["member__country__region_id"], measure, row["n"])
        _add(f.by_channel, row["channel"], measure, row["n"])
        for group in groups_of.get(row[country], ()):
            _add(f.by_group, group, measure, row["n"])
        f.totals[measure] = f.totals.get(measure, 0) + row["n"]
    facets = PostingFacet.objects.filter(
        facet__in=("theme", "modality"), posting__in=postings_open(filters).values("pk")
    ).values("kind", "facet", "code")
    for row in facets.annotate(n=Count("posting_id")):
        table = f.by_theme if row["facet"] == "theme" else f.by_modality
        _add(table, row["code"], "needs" if row["kind"] == "need" else "offers", row["n"])
    published = Posting.objects.filter(
        _place("member__", filters),
        _posting_q(filters),
        _in_period("published_at", filters),
        status__in=PUBLIC_STATUSES,
        published_at__isnull=False,
    )
    quarters = quarters_shown(filters, today)
    f.quarters = [key for key, _start, _end in quarters]
    for row in published.values("kind").annotate(**_quarter_counts("published_at", quarters)):
        _spread(f.by_quarter, row, quarters, row["kind"] + "s")

    # matches
    m_country = "need__member__country__m49"
    for row in matches_accepted(filters).values(m_country, "need__member__country__region_id").annotate(n=Count("id")):
        _add(f.by_country, row[m_country], "matches", row["n"])
        _add(f.by_region, row["need__member__country__region_id"], "matches", row["n"])
        f.totals["matches"] = f.totals.get("matches", 0) + row["n"]
    _spread(
        f.by_quarter,
        matches_accepted(filters).aggregate(**_quarter_counts("decided_at", quarters)),
        quarters,
        "matches",
    )

    # cooperations
    c_country = "beneficiary__country__m49"
    coops = cooperations_public(filters)
    for row in coops.values(c_country, "beneficiary__country__region_id").annotate(n=Count("id")):
        _add(f.by_country, row[c_country], "cooperations", row["n"])
        for group in groups_of.get(row[c_country], ()):
            _add(f.by_group, group, "cooperations", row["n"])
        _add(f.by_region, row["beneficiary__country__region_id"], "cooperations", row["n"])
        f.totals["cooperations"] = f.totals.get("cooperations", 0) + row["n"]
    for row in coops.values("channel").annotate(n=Count("id")):
        _add(f.by_channel, row["channel"], "cooperations", row["n"])
    for row in coops.values("modality").annotate(n=Count("id")):
        _add(f.by_modality, row["modality"], "cooperations", row["n"])
    theme_counts = coops.aggregate(**{t: Count("id", filter=Q(themes__icontains=f'"{t}"')) for t in THEMES})
    for theme, n in theme_counts.items():
        if n:
            _add(f.by_theme, theme, "cooperations", n)
    _spread(f.by_quarter, coops.aggregate(**_quarter_counts("created_at", quarters)), quarters, "cooperations")
    for row in coops.values(state=freshness_expression(today)).annotate(n=Count("id")):
        f.freshness[row["state"]] = row["n"]

    # people trained: delegates checked in at published events (each delegate once)
    a_country = "registration__member__country__m49"
    people = attendances(filters).values(a_country, "registration__member__country__region_id")
    for row in people.annotate(n=Count("registration_id", distinct=True)):
        _add(f.by_country, row[a_country], "people", row["n"])
        _add(f.by_region, row["registration__member__country__region_id"], "people", row["n"])
        f.totals["people"] = f.totals.get("people", 0) + row["n"]

    # money delivered, by currency (the platform converts no currencies)
    t_country = "cooperation__beneficiary__country__m49"
    per_currency: dict[str, dict[str, Decimal]] = {}
    for row in delivered_money(filters).values("currency", t_country).annotate(total=Sum("value")):
        f.amounts[row["currency"]] = f.amounts.get(row["currency"], Decimal(0)) + row["total"]
        per_currency.setdefault(row["currency"], {})[row[t_country]] = row["total"]
    if f.amounts:
        f.currency = max(f.amounts, key=lambda c: (f.amounts[c], c))
        for m49, total in per_currency[f.currency].items():
            _add(f.by_country, m49, "amount", float(total))

    # pledged against delivered, by unit and currency (`cooperation.selectors.pledges_with_delivery`)
    pledges = Pledge.objects.filter(
        _region_group("member__", filters),
        is_public=True,
        member__status=MemberStatus.ACTIVE,
        **({"theme": filters.theme} if filters.theme else {}),
    )
    if filters.bounds():
        start, end = filters.bounds()
        pledges = pledges.filter(period_start__lt=end, period_end__gte=start)
    f.pledges = pledge_totals(pledges)

    # regional bodies and UN entities, apart: one grouped query per figure (a join of all would multiply rows)
    orgs = Member.objects.filter(status=MemberStatus.ACTIVE, organisation_type__in=REGIONAL_TYPES).filter(
        _region_group("", filters)
    )
    counts: dict[int, dict[str, int]] = {}
    open_postings = Posting.objects.filter(
        _posting_q(filters), _in_period("published_at", filters), member__in=orgs, status__in=OPEN_STATUSES
    )
    for row in open_postings.values("member_id", "kind").annotate(n=Count("id")):
        counts.setdefault(row["member_id"], {})["needs" if row["kind"] == PostingKind.NEED else "offers"] = row["n"]
    public = Cooperation.objects.filter(_cooperation_q(filters), _in_period("created_at", filters))
    for side, key in (("provider_id", "given"), ("beneficiary_id", "received")):
        for row in public.filter(**{f"{side}__in": orgs.values("pk")}).values(side).annotate(n=Count("id")):
            counts.setdefault(row[side], {})[key] = row["n"]
    rows = orgs.filter(pk__in=list(counts)).values("pk", "code", "name", "name_translations", "organisation_type")
    f.organisations = [
        {**row, **{k: counts[row["pk"]].get(k, 0) for k in ("needs", "offers", "given", "received")}}
        for row in rows.order_by("code")
    ]
    return f


def snapshot_filters(today: date | None = None) -> list[Filters]:
    """The combinations of filters whose figures the background task keeps in `FigureSnapshot`: the
    unfiltered page and each report's year."""
    this_year = (today or timezone.localdate()).year
    return [Filters(), *(Filters(year=year) for year in range(this_year, FIRST_YEAR - 1, -1))]


def snapshot(filters: Filters, *, now: datetime | None = None) -> Figures | None:
    """The stored figures of these filters if they are fresh (computed less than `SNAPSHOT_MAX_AGE`
    ago, on today's date), else None (one query)."""
    now = now or timezone.now()
    found = FigureSnapshot.objects.filter(key=filters.key, computed_at__gt=now - SNAPSHOT_MAX_AGE).first()
    if found is None or timezone.localdate(found.computed_at) != timezone.localdate(now):
        return None
    try:
        return Figures.from_json(found.data, found.computed_at)
    except (TypeError, KeyError, ValueError, ArithmeticError):  # stored by another version of `Figures`
        return None


def figures_cache_key(filters: Filters) -> str:
    return f"transparency:figures:{filters.key}:{timezone.localdate().isoformat()}"


def pledge_totals(pledges) -> list[dict]:
    """Pledged against delivered of these pledges (`cooperation.selectors.pledges_with_delivery`), one
    row per unit and currency (unit, currency, pledged, delivered, n), in one aggregate query."""
    delivered = Case(When(unit=PledgeUnit.AMOUNT, then=F("delivered_money")), default=F("delivered_units"))
    rows = (
        pledges_with_delivery(pledges)
        .order_by()
        .values("unit", "currency")
        .annotate(pledged=Sum("value"), delivered=Sum(delivered), n=Count("id"))
    )
    return sorted(rows, key=lambda r: (r["unit"], r["currency"]))


def figures(filters: Filters) -> Figures:
    """The figures of these filters: the fresh snapshot if there is one, else `compute_figures`; either
    reused for `CACHE_SECONDS` (the same for every reader and language)."""
    key = figures_cache_key(filters)
    found = cache.get(key)
    if found is None:
        found = snapshot(filters) or compute_figures(filters)
        cache.set(key, found, CACHE_SECONDS)
    return found


def country_codes() -> dict[str, str]:
    """M49 code → ISO alpha-2 of every country (one query), for names in the reader's language."""
    return dict(Country.objects.values_list("m49", "iso2"))


def top_regions() -> list[Region]:
    return list(Region.objects.filter(level=Region.Level.REGION).order_by("code"))


def region_choices() -> list[Region]:
    return list(Region.objects.filter(level__lte=Region.Level.SUBREGION).order_by("code"))


def group_codes() -> list[str]:
    return [code for code in CountryGroup.objects.filter(code__in=GROUPS).values_list("code", flat=True)]


CHANNEL_CODES = tuple(CHANNELS)
