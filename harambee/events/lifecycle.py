"""The lifecycle of an event as an explicit state machine: draft → published → (cancelled).

A draft is seen by its hosts only; publishing shows it to everyone; a cancelled event stays public,
marked as cancelled, so that links and calendars learn of it; it can be reopened as a draft.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import EventStatus as S


@dataclass(frozen=True)
class Transition:
    action: str
    label: object
    sources: tuple[str, ...]
    target: str
    reason_required: bool = False


TRANSITIONS = {
    t.action: t
    for t in [
        Transition("publish", _("Publish"), (S.DRAFT,), S.PUBLISHED),
        Transition("unpublish", _("Return to draft"), (S.PUBLISHED,), S.DRAFT, True),
        Transition("cancel", _("Cancel the event"), (S.DRAFT, S.PUBLISHED), S.CANCELLED, True),
        Transition("reopen", _("Reopen as draft"), (S.CANCELLED,), S.DRAFT),
    ]
}


def available(status: str) -> list[Transition]:
    """The transitions from `status` (who may take them is `access.event_can(EDIT)`)."""
    return [t for t in TRANSITIONS.values() if status in t.sources]
