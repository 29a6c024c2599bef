"""``{% follow_button kind target … %}``: the Follow / Unfollow button of a search, a member or a posting,
so that the pages of other apps show it without importing the follows app."""

from django import template

from harambee.follows.selectors import follow_of

register = template.Library()


@register.inclusion_tag("follows/follow_button.html", takes_context=True)
def follow_button(context, kind: str, target: str, *, member=None, posting=None, search_kind="", search_query=""):
    request = context["request"]
    follow = follow_of(
        user=request.user, kind=kind, member=member, posting=posting, search_kind=search_kind, search_query=search_query
    )
    return {
        "follow": follow, "follow_kind": kind, "follow_target": target, "follow_query": search_query,
        "user": request.user, "request": request,
    }  # fmt: skip
