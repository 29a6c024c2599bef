"""Who may do what with an event's outcomes (survey, session notes, action items, report); used by the
web views and the services alike. The event's own rule (`access.event_can`) is called, never copied.

- The report: whoever may see the event (the public for a published event); hosts see more.
- The survey: an approved delegate whose registration carries their account, once the event has
  started at the venue; the results (counts, means, comments): the host's editors and managers and
  the secretariat, never who answered what unless the delegate signed.
- Session notes and action items: written by the host's editors and managers (and the secretariat).
- Turning an action item into a need, offer, pledge or cooperation: the hosts, or the owner member's
  editors and managers; the target's own service then applies its own rule (who may post, pledge or
  enter a cooperation for that member).
"""

from enum import StrEnum

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied
from harambee.registry.access import MemberAction, member_can, member_can_act_for

from .access import EventAction, event_can
from .choices import RegistrationStatus
from .models import ActionItem, Event, Registration


class OutcomeAction(StrEnum):
    REPORT = "report"  # read the report
    HOST = "host"  # the fuller report, survey results, notes, action items
    ANSWER = "answer"  # answer the survey


def event_has_started(event: Event) -> bool:
    """Whether the event's first day has come at the venue."""
    return timezone.localdate(timezone=event.zone) >= event.start_date


def outcome_can(user, event: Event, action: OutcomeAction) -> bool:
    if action == OutcomeAction.REPORT:
        return event_can(user, event, EventAction.VIEW)
    if action == OutcomeAction.HOST:
        return event_can(user, event, EventAction.EDIT)
    return survey_registration_for(user, event) is not None


def survey_registration_for(user, event: Event) -> Registration | None:
    """The approved registration of `user` for `event`, or None: one that carries their account, or
    (none carrying an account) one made out to their account's e-mail address."""
    if not getattr(user, "is_authenticated", False):
        return None
    mine = Q(user=user) | Q(user__isnull=True, email__iexact=user.email)
    return (
        Registration.objects.filter(mine, event=event, status=RegistrationStatus.APPROVED)
        .select_related("member")
        .order_by(F("user").asc(nulls_last=True), "pk")
        .first()
    )


def outcome_check(user, event: Event, action: OutcomeAction) -> None:
    """For the services: refuse unless `user` may; `user=None` is the platform (demo, commands)."""
    if user is None or outcome_can(user, event, action):
        return
    if action == OutcomeAction.ANSWER:
        raise PermissionDenied(_("Only the event's approved delegates answer its survey."))
    raise PermissionDenied(_("Only the event's hosts may do this."))


def action_may_see_person(user, item: ActionItem) -> bool:
    """Whether `user` sees the name of the person responsible: the hosts and the owner member's people."""
    return event_can(user, item.event, EventAction.EDIT) or member_can(user, item.owner, MemberAction.VIEW_PRIVATE)


def action_can_convert(user, item: ActionItem) -> bool:
    """Whether `user` may turn `item` into a need, offer, pledge or cooperation (the target's service
    decides the rest): the event's hosts, or the owner member's editors and managers."""
    return event_can(user, item.event, EventAction.EDIT) or member_can_act_for(user, item.owner, secretariat=True)


def action_check_convert(user, item: ActionItem) -> None:
    if user is not None and not action_can_convert(user, item):
        raise PermissionDenied(_("Only the event's hosts or the owner's editors and managers may do this."))
