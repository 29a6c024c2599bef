"""Reads of cooperations and pledges."""

import calendar
from datetime import UTC
from decimal import Decimal

from django.db.models import Case, CharField, DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.db.models.lookups import GreaterThan

from harambee.iati import mapping
from harambee.postings.reading import reading_prefetch_of

from .models import (
    FRESHNESS_BANDS,
    Cooperation,
    CooperationStatus,
    Indicator,
    Milestone,
    Pledge,
    PledgeUnit,
    Transaction,
)

#: The statuses of a cooperation that still reports: progress updates and milestones fall due.
REPORTING_STATUSES = (CooperationStatus.AGREED, CooperationStatus.ONGOING)


def pledges_with_delivery(qs=None):
    """Pledges with ``delivered``: units of the cooperations that draw them down (seats, expert-days),
    or their disbursements and expenditures in the pledge's currency (amounts). Two subqueries."""
    qs = qs if qs is not None else Pledge.objects.all()
    money = DecimalField(max_digits=18, decimal_places=2)
    units = (
        Cooperation.objects.filter(pledge=OuterRef("pk")).values("pledge").annotate(total=Sum("units")).values("total")
    )
    spent = (
        Transaction.objects.filter(
            cooperation__pledge=OuterRef("pk"),
            type__in=mapping().delivered_transaction_types,
            currency=OuterRef("currency"),
        )
        .values("cooperation__pledge")
        .annotate(total=Sum("value"))
        .values("total")
    )
    return qs.select_related("member__country").annotate(
        delivered_units=Coalesce(Subquery(units, output_field=money), Value(Decimal(0)), output_field=money),
        delivered_money=Coalesce(Subquery(spent, output_field=money), Value(Decimal(0)), output_field=money),
    )


def delivered(pledge) -> Decimal:
    return pledge.delivered_money if pledge.unit == PledgeUnit.AMOUNT else pledge.delivered_units


def cooperations_of_members(qs: QuerySet[Cooperation], member_ids) -> QuerySet[Cooperation]:
    """Those of `qs` where one of the members is the provider or the beneficiary."""
    return qs.filter(Q(provider_id__in=member_ids) | Q(beneficiary_id__in=member_ids))


def cooperations_of_member_code(qs: QuerySet[Cooperation], code: str) -> QuerySet[Cooperation]:
    """Those of `qs` where the member with this code is the provider or the beneficiary."""
    return qs.filter(Q(provider__code=code) | Q(beneficiary__code=code))


def milestones_open(cooperations, *, limit: int = 50) -> QuerySet[Milestone]:
    """The milestones of these cooperations not done yet, soonest due first."""
    return (
        Milestone.objects.filter(cooperation__in=cooperations, done_at__isnull=True)
        .select_related("cooperation__beneficiary__country")
        .order_by("due")[:limit]
    )


def indicator_of(cooperation: Cooperation, pk) -> Indicator | None:
    """The cooperation's indicator with this id, or None (also when it belongs to another cooperation)."""
    return Indicator.objects.filter(pk=pk, result__cooperation=cooperation).first()


def cooperations_reporting(member_ids, *, limit: int = 200) -> QuerySet[Cooperation]:
    """The cooperations of these members (either side) that still report, oldest report first."""
    return (
        cooperations_of_members(Cooperation.objects.filter(status__in=REPORTING_STATUSES), list(member_ids))
        .select_related("provider__country", "beneficiary__country", "offer")
        .prefetch_related(*reading_prefetch_of("offer"))
        .order_by("last_progress_at", "created_at", "pk")[:limit]
    )


def milestones_due(member_ids, *, until, limit: int = 50) -> QuerySet[Milestone]:
    """The milestones not done yet, due by ``until`` (overdue ones too), of the cooperations of these
    members that still report, soonest due first."""
    cooperations = cooperations_of_members(Cooperation.objects.filter(status__in=REPORTING_STATUSES), list(member_ids))
    return (
        Milestone.objects.filter(cooperation__in=cooperations, done_at__isnull=True, due__lte=until)
        .select_related("cooperation__offer", "cooperation__beneficiary__country")
        .prefetch_related(*reading_prefetch_of("cooperation__offer"))
        .order_by("due", "pk")[:limit]
    )


def _months_before(day, months: int):
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def freshness_expression(today):
    """`Cooperation.freshness` as an SQL expression (same bands, `FRESHNESS_BANDS`), for counting
    cooperations by freshness in one aggregate query: a report less than N months old is one
    made after the same day N months ago."""
    since = Coalesce(TruncDate("last_progress_at", tzinfo=UTC), "actual_start", TruncDate("created_at", tzinfo=UTC))
    closed = Q(status__in=(CooperationStatus.COMPLETED, CooperationStatus.CANCELLED))
    whens = [When(closed, then=Value("closed"))]
    whens += [
        When(GreaterThan(since, Value(_months_before(today, limit))), then=Value(state))
        for limit, state in FRESHNESS_BANDS
    ]
    return Case(*whens, default=Value("inactive"), output_field=CharField())
