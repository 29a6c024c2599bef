"""Showing text people typed: `{{ value|bdi }}` isolates it from the text around it.

Loaded in every template (a built-in, see settings). Inline user text in a sentence of the page's
language goes through ``bdi``; an element that holds only user text carries ``dir="auto"`` instead.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter(is_safe=True)
def bdi(value) -> str:
    """``<bdi>value</bdi>``, escaped: its direction comes from its own first strong character."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.filter(is_safe=True)
def email(value) -> str:
    """An e-mail address, escaped, isolated left to right in its own box (class ``email``): on a narrow
    screen it wraps inside that box, never mixing its pieces with the words around it."""
    if not value:
        return ""
    return format_html('<bdi dir="ltr" class="email">{}</bdi>', value)
