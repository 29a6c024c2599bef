"""Dates, moments, numbers and money in the page's language (``core/formats.py``).

Loaded in every template (a built-in, see settings)::

    {{ posting.start|day }}                 1 Oct 2026 · 1 oct. 2026 · 2026年10月1日
    {{ round.deadline|moment }}             1 Jan 2027, 2:33 pm UTC
    {{ session.starts_at|clock:event.time_zone }}  9:00 am (at the venue)
    {{ event.start_date|day_range:event.end_date }}  12–17 May 2025
    {{ day|long_day }}                      Monday, 12 May 2025
    {{ event.time_zone|zone_label }}        China (Shanghai) Time
    {{ posting.apply_by|end_of_day }}       1 Oct 2026 (until the end of the day, UTC)
    {{ value|number }} {{ score|number:2 }} 8 · 2.5 · 0.83
    {{ share|percent }}                     12.5%
    {{ budget.value|money:budget.currency }} US$120,000 · 120 000 $US
    {% quantity posting.capacity_value posting.capacity_unit posting.currency %}  8 seats
    {{ labels|listing }}                    Training, Research and Grants · Formation, Recherche et Subventions
    {{ groups|listing:"or" }}               LDCs, SIDS or Africa
"""

from django import template

from harambee.core import formats

register = template.Library()


@register.filter
def day(value) -> str:
    return formats.format_day(value)


@register.filter
def moment(value) -> str:
    return formats.format_moment(value)


@register.filter
def long_day(value) -> str:
    return formats.format_long_day(value)


@register.filter
def day_range(start, end) -> str:
    return formats.format_day_range(start, end)


@register.filter
def clock(value, zone=None) -> str:
    return formats.format_clock(value, zone or None)


@register.filter
def zone_label(zone) -> str:
    return formats.time_zone_label(zone) if zone else ""


@register.filter
def end_of_day(value) -> str:
    return formats.format_end_of_day(value)


@register.filter
def number(value, places=None) -> str:
    return formats.format_number(value, None if places in (None, "") else int(places))


@register.filter
def percent(value) -> str:
    return formats.format_percentage(value)


@register.filter
def money(value, currency) -> str:
    return formats.format_money(value, currency or "")


@register.simple_tag
def quantity(value, unit, currency="") -> str:
    return formats.format_quantity(value, unit or "", currency or "")


@register.filter
def listing(items, style="") -> str:
    """``{{ labels|listing }}`` "A, B and C"; ``{{ groups|listing:"or" }}`` "A, B or C"."""
    return formats.format_listing(items or [], alternatives=style == "or")
