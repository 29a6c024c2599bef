"""Reads of cooperations and pledges."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from harambee.iati import mapping

from .models import Cooperation, Pledge, PledgeUnit, Transaction


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
