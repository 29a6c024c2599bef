"""A member's own public figures, for its country or organisation page (``{% member_figures member %}``):
what the dashboard counts (docs/transparency.md's table), narrowed to one member, by aggregate queries
only — a fixed number of them, whatever the number of rows.

The definitions are the dashboard's: only public things, and only while the member is active (a
pending member's postings and cooperations count nowhere yet):
- open needs and offers: the member's postings in an open status (`postings.choices.OPEN_STATUSES`);
  by theme from the postings' facet index; by year of publication (postings in a public status);
- cooperations: public ones, *received* where the member is the beneficiary (where the dashboard
  places them) and *given* where it is the provider; by theme from their own field, by the year they
  were created (started on the platform), and by freshness (`cooperation.selectors.freshness_expression`);
- people trained: the member's delegates checked in at published events, each delegate once;
- amounts delivered: disbursements and expenditures (`iati.mapping().delivered_transaction_types`) of
  its public cooperations, received and given, per currency, never converted;
- pledged against delivered: its public pledges with what their cooperations delivered
  (`cooperation.selectors.pledges_with_delivery`), per unit and currency.

The figures are the member's own, never its country's: an organisation (a regional body or UN entity
too) has its own, and a State's page does not add the organisations of its country. They are the same
for every reader and kept in the cache like the dashboard's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from harambee.cooperation.models import FRESHNESS_STATES, Cooperation, Pledge, Transaction
from harambee.cooperation.selectors import freshness_expression
from harambee.events.choices import EventStatus
from harambee.events.models import Attendance
from harambee.iati import mapping
from harambee.postings.choices import OPEN_STATUSES, PUBLIC_STATUSES, THEMES, PostingKind
from harambee.postings.models import Posting, PostingFacet
from harambee.registry.models import Member, MemberStatus

from .selectors import CACHE_SECONDS, pledge_totals

#: The measures of a member's figures (the keys of `MemberFigures.totals` and of its tables).
MEASURES = ("needs", "offers", "received", "given", "people")
SIDES = ("received", "given")


@dataclass
class MemberFigures:
    """A member's public figures as plain numbers keyed by codes (see the module's docstring)."""

    totals: dict[str, int] = field(default_factory=dict)  # measure → n (every measure, zeros included)
    by_theme: dict[str, dict[str, int]] = field(default_factory=dict)  # theme → measure → n
    by_year: dict[int, dict[str, int]] = field(default_factory=dict)  # year → measure → n
    freshness: dict[str, int] = field(default_factory=dict)  # state → public cooperations (either side)
    amounts: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # currency → side → delivered
    pledges: list[dict] = field(default_factory=list)  # unit, currency, pledged, delivered, n

    @property
    def is_empty(self) -> bool:
        return not (any(self.totals.values()) or self.by_year or self.amounts or self.pledges)


def _add(table: dict, key, measure: str, n) -> None:
    if key in (None, "") or not n:
        return
    table.setdefault(key, {}).setdefault(measure, 0)
    table[key][measure] += n


def compute_member_figures(member: Member, *, today=None) -> MemberFigures:
    """The member's figures: nine aggregate queries (none when the member is not active)."""
    today = today or timezone.localdate()
    f = MemberFigures(totals=dict.fromkeys(MEASURES, 0))
    if member.status != MemberStatus.ACTIVE:
        return f
    kind_measure = {PostingKind.NEED: "needs", PostingKind.OFFER: "offers"}

    # needs and offers: open ones (totals), by theme, and published by year
    open_postings = Posting.objects.filter(member=member, status__in=OPEN_STATUSES)
    for row in open_postings.values("kind").annotate(n=Count("id")):
        f.totals[kind_measure[row["kind"]]] = row["n"]
    facets = PostingFacet.objects.filter(facet="theme", posting__in=open_postings.values("pk"))
    for row in facets.values("kind", "code").annotate(n=Count("posting_id")):
        _add(f.by_theme, row["code"], kind_measure[row["kind"]], row["n"])
    published = Posting.objects.filter(member=member, status__in=PUBLIC_STATUSES, published_at__isnull=False)
    for row in published.values("kind", year=ExtractYear("published_at")).annotate(n=Count("id")).order_by():
        _add(f.by_year, row["year"], kind_measure[row["kind"]], row["n"])

    # public cooperations, received (the member is the beneficiary) and given (the provider)
    public = Cooperation.objects.filter(Q(beneficiary=member) | Q(provider=member), is_public=True)
    side = {"received": Q(beneficiary=member), "given": Q(provider=member)}
    per_side = {name: Count("id", filter=q) for name, q in side.items()}
    for row in public.values(year=ExtractYear("created_at")).annotate(**per_side).order_by():
        for name in SIDES:
            _add(f.by_year, row["year"], name, row[name])
            f.totals[name] += row[name]
    themes = public.aggregate(
        **{
            f"{t}__{name}": Count("id", filter=q & Q(themes__icontains=f'"{t}"'))
            for t in THEMES
            for name, q in side.items()
        }
    )
    for key, n in themes.items():
        theme, name = key.split("__")
        _add(f.by_theme, theme, name, n)
    for row in public.values(state=freshness_expression(today)).annotate(n=Count("id")).order_by():
        f.freshness[row["state"]] = row["n"]

    # people trained: delegates checked in at published events (each delegate once)
    f.totals["people"] = Attendance.objects.filter(
        registration__member=member, registration__event__status=EventStatus.PUBLISHED
    ).aggregate(n=Count("registration_id", distinct=True))["n"]

    # amounts delivered, received and given, per currency
    money = Transaction.objects.filter(
        Q(cooperation__beneficiary=member) | Q(cooperation__provider=member),
        cooperation__is_public=True,
        type__in=mapping().delivered_transaction_types,
    )
    sums = {
        name: Sum("value", filter=Q(**{f"cooperation__{k}": member}))
        for name, k in (("received", "beneficiary"), ("given", "provider"))
    }
    for row in money.values("currency").annotate(**sums).order_by("currency"):
        f.amounts[row["currency"]] = {name: row[name] for name in SIDES if row[name]}

    # pledged against delivered, per unit and currency (as on the dashboard)
    f.pledges = pledge_totals(Pledge.objects.filter(member=member, is_public=True))
    f.freshness = {state: f.freshness[state] for state in FRESHNESS_STATES if f.freshness.get(state)}
    return f


def member_figures(member: Member) -> MemberFigures:
    """`compute_member_figures`, reused for the dashboard's `CACHE_SECONDS` (the same for every reader)."""
    key = f"transparency:member:{member.pk}:{member.status}:{timezone.localdate().isoformat()}"
    found = cache.get(key)
    if found is None:
        found = compute_member_figures(member)
        cache.set(key, found, CACHE_SECONDS)
    return found
