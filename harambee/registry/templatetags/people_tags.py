"""`{% person_name person member %}`: a person as the reader may see them (registry.access.person_name)."""

from django import template

from harambee.registry.access import person_name as _person_name

register = template.Library()


@register.simple_tag(takes_context=True)
def person_name(context, person, member):
    """The person's name if the reader may see it, else the member they act for; never an e-mail."""
    request = context.get("request")
    return _person_name(person, member=member, viewer=getattr(request, "user", None))
