"""How many filters a list's filter panel has switched on (core/inc/filter_panel.html): shown in the
folded panel's summary, so a person on a phone knows filters apply without unfolding them."""

from django import template

register = template.Library()


@register.filter
def active_filters(form, skip: str = "q") -> int:
    """Fields of a bound filter form, other than those named in `skip`, that have a value."""
    if not getattr(form, "is_bound", False):
        return 0
    skipped = set(skip.split(","))
    return sum(
        1
        for name in form.fields
        if name not in skipped and any(value.strip() for value in form.data.getlist(form.add_prefix(name)))
    )


def _get(thing, name: str):
    return thing.get(name) if isinstance(thing, dict) else getattr(thing, name)


@register.filter
def checked_options(groups) -> int:
    """Options checked across facet groups (each with `options` that have `checked`; dicts or objects)."""
    return sum(1 for group in groups for option in _get(group, "options") if _get(option, "checked"))
