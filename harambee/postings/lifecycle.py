"""The lifecycle of a posting as an explicit state machine: transitions and who may take them.

draft → submitted → published → partially matched → fulfilled | closed | withdrawn | expired.
With pre-moderation off (the default), submitting publishes at once.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .choices import PostingStatus as S


class Who(StrEnum):
    OWNER = "owner"  # an editor or manager of the posting's member
    SECRETARIAT = "secretariat"
    SYSTEM = "system"  # scheduled jobs (expiry) and other services (match acceptance)


@dataclass(frozen=True)
class Transition:
    action: str
    label: object
    sources: tuple[str, ...]
    target: str
    who: frozenset[Who]
    reason_required: bool = False


ALL = frozenset(Who)
PEOPLE = frozenset({Who.OWNER, Who.SECRETARIAT})

TRANSITIONS = {
    t.action: t
    for t in [
        Transition("submit", _("Submit"), (S.DRAFT,), S.SUBMITTED, PEOPLE),
        Transition("publish", _("Publish"), (S.SUBMITTED,), S.PUBLISHED, frozenset({Who.SECRETARIAT, Who.SYSTEM})),
        Transition("return", _("Return to the author"), (S.SUBMITTED,), S.DRAFT, frozenset({Who.SECRETARIAT}), True),
        Transition("mark_partially_matched", _("Mark as partially matched"), (S.PUBLISHED,), S.PARTIALLY_MATCHED, ALL),
        Transition("fulfil", _("Mark as fulfilled"), (S.PUBLISHED, S.PARTIALLY_MATCHED), S.FULFILLED, ALL),
        Transition("close", _("Close"), (S.PUBLISHED, S.PARTIALLY_MATCHED), S.CLOSED, PEOPLE),
        Transition(
            "withdraw", _("Withdraw"), (S.DRAFT, S.SUBMITTED, S.PUBLISHED, S.PARTIALLY_MATCHED), S.WITHDRAWN, PEOPLE
        ),
        Transition("expire", _("Expire"), (S.PUBLISHED, S.PARTIALLY_MATCHED), S.EXPIRED, frozenset({Who.SYSTEM})),
        Transition("reopen", _("Reopen as draft"), (S.WITHDRAWN, S.CLOSED, S.EXPIRED), S.DRAFT, PEOPLE),
    ]
}


def premoderation() -> bool:
    return bool(getattr(settings, "HARAMBEE_POSTING_PREMODERATION", False))


def target_of(transition: Transition) -> str:
    """Where the transition leads; without pre-moderation, submitting publishes."""
    if transition.action == "submit" and not premoderation():
        return S.PUBLISHED
    return transition.target


def available(status: str, who: set[Who]) -> list[Transition]:
    """The transitions someone with these capacities may take from `status`."""
    return [t for t in TRANSITIONS.values() if status in t.sources and who & t.who]
