"""Amounts in the reader's language, by Babel: money with its currency, units with their name, shares."""

from decimal import Decimal

from babel.numbers import format_currency, format_decimal, format_percent
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()


def _locale() -> str:
    return to_locale(get_language() or "en")


@register.simple_tag
def amount(value, currency: str = "", unit: str = "") -> str:
    """``value`` as money in ``currency`` ("US$1,500.00", "1 500,00 $US"), else as a number followed by
    ``unit`` (the unit's translated name, e.g. "seats")."""
    value = Decimal(value or 0)
    if currency:
        return format_currency(value, currency, locale=_locale())
    number = format_decimal(value, format="#,##0.##", locale=_locale())
    return f"{number} {unit}".strip()


@register.simple_tag
def share(part, whole) -> str:
    """``part`` as a share of ``whole`` ("40%", "40 %", "٪40"); "—" when ``whole`` is nothing."""
    whole = Decimal(whole or 0)
    if not whole:
        return "—"
    return format_percent(Decimal(part or 0) / whole, locale=_locale())
