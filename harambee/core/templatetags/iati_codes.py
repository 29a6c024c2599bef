"""``{% iati_code value "AidType" %}`` → "D02 — Other technical assistance", the name in the active language."""

from django import template
from django.utils.html import format_html

from harambee.core.iati import code_label

register = template.Library()


@register.simple_tag
def iati_code(code: str | None, codelist: str) -> str:
    """The code (isolated, it reads left to right) and its name; "—" when there is no code."""
    if not code:
        return "—"
    label = code_label(codelist, code)
    if not label:
        return format_html("<bdi>{}</bdi>", code)
    return format_html("<bdi>{}</bdi> — {}", code, label)


@register.simple_tag
def iati_label(code: str | None, codelist: str) -> str:
    """The name of the code alone, in the active language ("" for a code the codelist does not have)."""
    return code_label(codelist, code)
