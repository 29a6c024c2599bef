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
    MemberAction,
    is_secretariat,
    member_can,
    member_check_can_act_for,
    members_user_may_act_for,
    rows_visible_to,
)
from harambee.registry.models import Member, MemberStatus

from .choices import PUBLIC_STATUSES
from .models import Event


class EventAction(StrEnum):
    VIEW = "view"
    EDIT = "edit"  # the event, its agenda, speakers and materials, its lifecycle


def event_can(user, event: Event, action: EventAction) -> bool:
    if is_secretariat(user):
        return True
    host = event.host
    if action == EventAction.VIEW:
        if event.status in PUBLIC_STATUSES and host.status == MemberStatus.ACTIVE:
            return True
        return member_can(user, host, MemberAction.VIEW_PRIVATE)
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

from .models import Registration  # noqa: E402


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
