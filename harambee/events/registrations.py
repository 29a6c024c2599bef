"""Where a delegate's nomination can go, as a declarative table (like `lifecycle.py` for events):

nominated → approved / waitlisted / declined (the host's managers; a reason for waitlisting and
declining); waitlisted → approved / declined; nominated, waitlisted or approved → withdrawn (the
member). Approving gives the delegate a badge code.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .choices import RegistrationStatus as S

HOST = "host"  # the host's managers (access.EventAction.MANAGE_DELEGATES)
MEMBER = "member"  # the people acting for the delegate's member (access.members_user_may_nominate_for)


@dataclass(frozen=True)
class Transition:
    action: str
    label: object
    sources: tuple[str, ...]
    target: str
    by: str
    reason_required: bool = False


TRANSITIONS = {
    t.action: t
    for t in [
        Transition("approve", _("Approve"), (S.NOMINATED, S.WAITLISTED), S.APPROVED, HOST),
        Transition("waitlist", _("Put on the waiting list"), (S.NOMINATED,), S.WAITLISTED, HOST, True),
        Transition("decline", _("Decline"), (S.NOMINATED, S.WAITLISTED), S.DECLINED, HOST, True),
        Transition("withdraw", _("Withdraw"), (S.NOMINATED, S.WAITLISTED, S.APPROVED), S.WITHDRAWN, MEMBER),
    ]
}


def available(status: str, *, by: str) -> list[Transition]:
    """The moves from `status` that `by` (HOST or MEMBER) may make."""
    return [t for t in TRANSITIONS.values() if status in t.sources and t.by == by]
