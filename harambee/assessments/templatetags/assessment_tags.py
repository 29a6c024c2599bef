"""``{% member_readiness member %}``: the radar of a member's latest public validated assessment on its
country page, so that the registry's views need not import this app (like ``member_activity``)."""

from django import template

from harambee.assessments.reading import radar_for
from harambee.assessments.selectors import latest_public
from harambee.registry.models import MemberKind

register = template.Library()


@register.inclusion_tag("assessments/member_readiness.html", takes_context=True)
def member_readiness(context, member):
    # only States are assessed: other members' pages cost no query
    assessment = latest_public(member) if member.kind == MemberKind.STATE else None
    return {
        "member": member,
        "assessment": assessment,
        "radar": radar_for(assessment) if assessment is not None else None,
        "request": context.get("request"),
    }
