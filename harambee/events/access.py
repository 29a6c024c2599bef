"""Who may see and change which event; used by web views and the API alike.

The public sees published (and cancelled) events of active hosts; the host member's editors and
managers see and change its events, drafts included (its viewers see them); the secretariat does
everything. Co-hosts are named on the page but do not edit (the host decides the agenda).
"""

from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied
from harambee.registry.access import (
    MANAGING_ROLES,
    MemberAction,
    is_secretariat,
    member_can,
    member_can_act_for,
    member_check_can_act_for,
    members_user_may_act_for,
    rows_visible_to,
)
from harambee.registry.models import Member, MemberStatus

from .choices import PUBLIC_STATUSES
from .models import Event, Registration


class EventAction(StrEnum):
    VIEW = "view"
    EDIT = "edit"  # the event, its agenda, speakers and materials, its lifecycle
    MANAGE_DELEGATES = "manage_delegates"  # invitations, decisions on nominations, seats (host's managers)


def event_can(user, event: Event, action: EventAction) -> bool:
    if is_secretariat(user):
        return True
    host = event.host
    if action == EventAction.VIEW:
        if event.status in PUBLIC_STATUSES and host.status == MemberStatus.ACTIVE:
            return True
        return member_can(user, host, MemberAction.VIEW_PRIVATE)
    if action in _HOST_ROLES:
        return member_can_act_for(user, host, roles=_HOST_ROLES[action])
    return member_can(user, host, MemberAction.EDIT)


def event_get_for_user(*, user, slug: str, action: EventAction = EventAction.VIEW) -> Event:
    """The event if `user` may perform `action`; 404 when it may not even see it, else 403."""
    event = (
        Event.objects.select_related("host__country", "series", "country")
        .prefetch_related("translations", "co_hosts__country")
        .filter(slug=slug)
        .first()
    )
    if event is None or not event_can(user, event, EventAction.VIEW):
        raise Http404(_("No such event."))
    if not event_can(user, event, action):
        raise PermissionDenied(_("You may not change this event."))
    return event


def event_list_for_user(*, user) -> QuerySet[Event]:
    """Events the user may see (before any filter)."""
    public = Q(status__in=PUBLIC_STATUSES, host__status=MemberStatus.ACTIVE)
    return rows_visible_to(Event.objects.all(), user=user, public=public, member_fields=("host",))


def members_user_may_host_for(user) -> QuerySet[Member]:
    """The members `user` may create events for: the active members it acts for (editors and
    managers); every active member for the secretariat."""
    return members_user_may_act_for(user, secretariat=True)


def event_check_create(user, member: Member) -> None:
    """For the services: refuse unless `user` may create events for `member`; `user=None` is the
    platform itself (the demo loader, commands)."""
    if user is None:
        return
    member_check_can_act_for(user, member, refused=_("You may not create events for this member."), secretariat=True)


def event_check_edit(user, event: Event) -> None:
    """For the services: refuse unless `user` may change `event` (`user=None`: the platform)."""
    if user is not None and not event_can(user, event, EventAction.EDIT):
        raise PermissionDenied(_("You may not change this event."))


# ---------------------------------------------------------------------------------------------------
# Invitations, nominations and delegates' personal data (docs/events.md, "Invitations and nominations")

#: Which roles of the host an event action needs (beyond `EDIT`): the host's managers invite members,
#: decide on nominations and share out seats; the secretariat does everything (`event_can`).
_HOST_ROLES = {EventAction.MANAGE_DELEGATES: MANAGING_ROLES}


def members_user_may_nominate_for(user) -> QuerySet[Member]:
    """The members for which `user` nominates and withdraws delegates: THE members it may act for
    (`members_user_may_act_for`: editors and managers of active members; every member for the
    secretariat, which enters nominations on a member's behalf)."""
    return members_user_may_act_for(user, secretariat=True)


def delegation_check_nominate(user, member: Member) -> None:
    """For the services: refuse unless `user` may nominate for `member` (`user=None`: the platform)."""
    if user is None:
        return
    member_check_can_act_for(
        user, member, refused=_("You may not nominate delegates for this member."), secretariat=True
    )


def delegation_can_view(user, event: Event, member: Member) -> bool:
    """Whether `user` sees `member`'s delegation to `event` (statuses and reasons): the member's own
    people (any role) and the host's managers (and the secretariat)."""
    return member_can(user, member, MemberAction.VIEW_PRIVATE) or event_can(user, event, EventAction.MANAGE_DELEGATES)


def _is_the_delegate(user, registration: Registration) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    # the account linked when the delegate was nominated (an account with the nominated e-mail then); an
    # account made later with that address is not trusted with the delegate's data: e-mails are not verified
    return registration.user_id is not None and registration.user_id == user.pk


def registration_personal_visible(user, registration: Registration) -> bool:
    """THE rule for a delegate's personal data (passport details, date of birth, dietary and
    accessibility needs, nomination letter): the host's managers, the people of the delegate's own
    member and the delegate. Not the public, not other members, and not the secretariat as such
    (it sees decisions, not passports, unless it holds a role in the host or the member)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    roles = user.member_roles()
    host = registration.event.host
    return (
        roles.get(host.pk) in MANAGING_ROLES or registration.member_id in roles or _is_the_delegate(user, registration)
    )


def registration_can_view(user, registration: Registration) -> bool:
    """Whether `user` sees one nomination (its status and reason): its delegation's viewers and the delegate."""
    return delegation_can_view(user, registration.event, registration.member) or _is_the_delegate(user, registration)


def registration_can_complete(user, registration: Registration) -> bool:
    """Who completes an approved delegate's registration (visa letter, needs, consent): the delegate
    (the account linked at nomination) or the people acting for the delegate's member."""
    return _is_the_delegate(user, registration) or member_can_act_for(user, registration.member)


def registration_check_complete(user, registration: Registration) -> None:
    if user is not None and not registration_can_complete(user, registration):
        raise PermissionDenied(_("You may not complete this registration."))


def registration_check_decide(user, registration: Registration) -> None:
    if user is not None and not event_can(user, registration.event, EventAction.MANAGE_DELEGATES):
        raise PermissionDenied(_("Only the host's managers decide on nominations."))


def event_check_manage_delegates(user, event: Event) -> None:
    if user is not None and not event_can(user, event, EventAction.MANAGE_DELEGATES):
        raise PermissionDenied(_("Only the host's managers invite members and decide on nominations."))
