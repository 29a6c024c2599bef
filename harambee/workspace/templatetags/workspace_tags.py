"""``{% member_activity member %}``: a member's activity on its country or organisation page
(``workspace/activity.py``), so that the registry's views need not import the apps it summarises."""

from django import template

from harambee.workspace.activity import member_activity as activity_of

register = template.Library()


@register.inclusion_tag("workspace/member_activity.html", takes_context=True)
def member_activity(context, member):
    request = context["request"]
    return {"member": member, "activity": activity_of(user=request.user, member=member), "request": request}
