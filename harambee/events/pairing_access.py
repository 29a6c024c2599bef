"""Who may do what in an event's knowledge-exchange pairing; used by the pages and the services.

- a **participant** is an approved delegate; the delegate themself (their account is the
  registration's) and the managers of their member fill in the profile, read the schedule, accept
  a meeting or ask for a swap; the secretariat may do it for anyone;
- the **host** (whoever may edit the event: the host's editors and managers, the secretariat) sets
  up and runs pairings and reads the whole grid, the figures and the swap requests.

Someone who may not see a delegate gets 404 (their existence is not revealed); someone who sees the
event but is not its host gets 403 on the host's pages.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied
from harambee.registry.access import is_secretariat
from harambee.registry.models import MemberRole

from .access import EventAction, event_can
from .choices import RegistrationStatus
from .models import Event, PairingMeeting, PairingRun, Registration


def _managed_members(user) -> list[int]:
    return [pk for pk, role in user.member_roles().items() if role == MemberRole.MANAGER]


def registration_can_act(user, registration: Registration) -> bool:
    """Whether `user` speaks for the delegate: the delegate, their member's managers, the secretariat."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if is_secretariat(user) or registration.user_id == user.pk:
        return True
    return registration.member_id in _managed_members(user)


def pairing_registrations_for_user(*, user, event: Event) -> QuerySet[Registration]:
    """The approved delegates of `event` that `user` speaks for (the delegate, their member's
    managers; the secretariat too, like a manager, only for members it belongs to)."""
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    return (
        Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED)
        .filter(Q(user=user) | Q(member_id__in=_managed_members(user)))
        .select_related("member__country")
        .order_by("member__code", "full_name", "pk")
    )


def pairing_registration_get(*, user, event: Event, registration_id: int) -> Registration:
    """An approved delegate of `event` that `user` speaks for; 404 otherwise."""
    registration = (
        Registration.objects.select_related("member__country", "event")
        .filter(pk=registration_id, event=event, status=RegistrationStatus.APPROVED)
        .first()
    )
    if registration is None or not registration_can_act(user, registration):
        raise Http404(_("No such delegate."))
    return registration


def pairing_is_host(user, event: Event) -> bool:
    return event_can(user, event, EventAction.EDIT)


def pairing_check_host(user, event: Event) -> None:
    """For the services and pages: refuse unless `user` hosts the event (`user=None`: the platform)."""
    if user is not None and not pairing_is_host(user, event):
        raise PermissionDenied(_("Only the event's hosts run the pairing."))


def pairing_check_participant(user, registration: Registration) -> None:
    if user is not None and not registration_can_act(user, registration):
        raise PermissionDenied(_("You do not speak for this delegate."))


def pairing_run_get_for_host(*, user, event: Event, run_id: int) -> PairingRun:
    pairing_check_host(user, event)
    run = PairingRun.objects.select_related("event", "session").filter(pk=run_id, event=event).first()
    if run is None:
        raise Http404(_("No such pairing."))
    return run


def pairing_meeting_get(*, user, event: Event, meeting_id: int, registration: Registration) -> PairingMeeting:
    """A meeting of `registration` (whom `user` speaks for) in a run of `event`; 404 otherwise."""
    meeting = (
        PairingMeeting.objects.select_related("run__event", "run__session", "a", "b")
        .filter(pk=meeting_id, run__event=event)
        .filter(Q(a=registration) | Q(b=registration))
        .first()
    )
    if meeting is None:
        raise Http404(_("No such meeting."))
    return meeting
