"""`{% workshop_origin obj %}`: on the page of a need, offer, cooperation or pledge that came from an
event's action item (origin "workshop"), the link back to that action item in the event's report.
No query for anything else."""

from django import template
from django.urls import reverse

from harambee.events.access import EventAction, event_can
from harambee.events.outcomes_selectors import action_item_for_result

register = template.Library()


@register.inclusion_tag("events/outcomes/origin_link.html", takes_context=True)
def workshop_origin(context, obj):
    if getattr(obj, "origin", "") != "workshop":
        return {"item": None}
    item = action_item_for_result(obj)
    request = context.get("request")
    user = getattr(request, "user", None)
    if item is None or not event_can(user, item.event, EventAction.VIEW):
        return {"item": None}
    url = f"{reverse('events:report', args=[item.event.slug])}#action-{item.pk}"
    return {"item": item, "url": url, "event_title": item.event.translation_for()[0]}
