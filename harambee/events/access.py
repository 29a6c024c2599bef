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
# Delegates and check-in (issue 13, items 5 and 9)


def may_see_delegate_private(user, registration) -> bool:
    """THE rule for a delegate's private fields (e-mail, status and reasons, dietary and accessibility
    needs, passport details, badge code, attendance): the host's editors and managers (who run the
    event), the people of the delegate's own member (any role: its viewers read private information),
    the delegate's own account, and the secretariat. Everyone else sees only what the participant list
    shows (`registration_is_listed`). Uses the user's cached roles: no query per delegate."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if registration.user_id is not None and registration.user_id == user.pk:
        return True
    if event_can(user, registration.event, EventAction.EDIT):
        return True
    return member_can(user, registration.member, MemberAction.VIEW_PRIVATE)


def registration_is_listed(registration) -> bool:
    """Whether the public participant list names this delegate: approved and consented."""
    from .choices import RegistrationStatus  # lazy: keeps this appended block self-contained for the merge

    return registration.status == RegistrationStatus.APPROVED and registration.consent_participant_list


def may_check_in(user, event: Event) -> bool:
    """Whether `user` checks delegates in at `event` (and undoes a check-in): those who run it (the host's
    editors and managers, the secretariat) and the event's check-in staff (`CheckInStaff`). Staff see the
    names and delegations the check-in page shows, never delegates' private fields."""
    if event_can(user, event, EventAction.EDIT):
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    from .models import CheckInStaff  # lazy: keeps this appended block self-contained for the merge

    return CheckInStaff.objects.filter(event=event, user=user).exists()


def event_get_for_check_in(*, user, slug: str) -> Event:
    """The event if `user` may check delegates in there; 404 when it may not see it, else 403."""
    event = event_get_for_user(user=user, slug=slug)
    if not may_check_in(user, event):
        raise PermissionDenied(_("You may not check delegates in at this event."))
    return event


def event_check_check_in(user, event: Event) -> None:
    """For the check-in services: refuse unless `may_check_in`; `user=None` is the platform (the demo)."""
    if user is not None and not may_check_in(user, event):
        raise PermissionDenied(_("You may not check delegates in at this event."))


# Delegates' documents (badge, visa letter, certificate: events/documents.py)


class DocumentAction(StrEnum):
    DOWNLOAD = "download"  # one delegate's badge, visa letter or certificate
    BATCH = "batch"  # every delegate's documents of one kind at once, and the list of such batches


class DocumentRole(StrEnum):
    """Who a person is to one delegate's registration, for its documents."""

    HOST = "host"  # the host's editors and managers (who run the event), and the secretariat
    DELEGATION = "delegation"  # anyone with a role in the delegate's own member (they nominated her)
    DELEGATE = "delegate"  # the delegate herself, with an account linked to the registration


#: The role × action table: the delegate's documents carry personal data (passport details), seen only
#: by those who run the event, the delegate's own member and the delegate.
DOCUMENT_ACTIONS = {
    DocumentAction.DOWNLOAD: {DocumentRole.HOST, DocumentRole.DELEGATION, DocumentRole.DELEGATE},
    DocumentAction.BATCH: {DocumentRole.HOST},
}


def document_roles(user, event: Event, registration=None) -> set[DocumentRole]:
    """The roles of `user` towards `registration` of `event` (towards the event alone without one)."""
    roles = set()
    if event_can(user, event, EventAction.EDIT):
        roles.add(DocumentRole.HOST)
    if registration is not None and getattr(user, "is_authenticated", False) and user.is_active:
        if member_can(user, registration.member, MemberAction.VIEW_PRIVATE) and not is_secretariat(user):
            roles.add(DocumentRole.DELEGATION)
        if registration.user_id is not None and registration.user_id == user.pk:
            roles.add(DocumentRole.DELEGATE)
    return roles


def document_can(user, event: Event, action: DocumentAction, registration=None) -> bool:
    return bool(document_roles(user, event, registration) & DOCUMENT_ACTIONS[action])


def registration_get_for_documents(*, user, slug: str, registration_id: int):
    """The registration `registration_id` of the event `slug`, for its documents: 404 when `user` may not
    see the event or has no business with the registration (its existence is private); 403 when the
    user sees the event's private side (a viewer of the host) but may not download."""
    event = event_get_for_user(user=user, slug=slug)
    registration = (
        Registration.objects.select_related("member__country", "nationality", "user")
        .filter(event=event, pk=registration_id)
        .first()
    )
    if registration is None:
        raise Http404(_("No such delegate."))
    registration.event = event
    if not document_can(user, event, DocumentAction.DOWNLOAD, registration):
        if member_can(user, event.host, MemberAction.VIEW_PRIVATE):
            raise PermissionDenied(
                _("Only the event's organisers, the delegation and the delegate get these documents.")
            )
        raise Http404(_("No such delegate."))
    return registration


def event_get_for_documents(*, user, slug: str) -> Event:
    """The event `slug` for its document batches: 404 when `user` may not see it, 403 unless it runs it."""
    event = event_get_for_user(user=user, slug=slug)
    if not document_can(user, event, DocumentAction.BATCH):
        raise PermissionDenied(_("Only the event's organisers make documents for all delegates."))
    return event


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


# The language of a delegate's documents (visa letter, badge, certificate), changed after nomination


def registration_can_change_language(user, registration: Registration) -> bool:
    """Who changes the language of a delegate's documents: those who complete her registration (the
    delegate, the people acting for her member: `registration_can_complete`) and the host's managers
    (who make the documents)."""
    return registration_can_complete(user, registration) or event_can(
        user, registration.event, EventAction.MANAGE_DELEGATES
    )


def registration_check_change_language(user, registration: Registration) -> None:
    if user is not None and not registration_can_change_language(user, registration):
        raise PermissionDenied(_("You may not change the language of this delegate's documents."))
