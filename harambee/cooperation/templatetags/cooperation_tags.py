"""``{{ state|freshness_label }}``: a cooperation's freshness state in words (`models.FRESHNESS_LABELS`)."""

from django import template

from harambee.cooperation.models import FRESHNESS_LABELS

register = template.Library()


@register.filter
def freshness_label(state: str) -> str:
    return str(FRESHNESS_LABELS.get(state, FRESHNESS_LABELS["inactive"]))
