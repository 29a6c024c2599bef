"""Who may see and change which posting; used by web views and the API alike."""

from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied, ValidationError
from harambee.registry.access import (
    MANAGING_ROLES,
    MemberAction,
    is_secretariat,
    member_can,
    member_check_can_act_for,
    member_role_for,
    member_status_acts,
    members_user_may_act_for,
    rows_visible_to,
)
from harambee.registry.models import Member, MemberStatus

from . import lifecycle
from .choices import PUBLIC_STATUSES
from .models import Posting
from .reading import reading_prefetch


class PostingAction(StrEnum):
    VIEW = "view"
    EDIT = "edit"


def posting_can(user, posting: Posting, action: PostingAction) -> bool:
    """The public sees public postings of active members; a member's editors and managers
    see and change its postings (viewers only see them); the secretariat does everything."""
    if is_secretariat(user):
        return True
    member = posting.member
    if action == PostingAction.VIEW:
        if posting.status in PUBLIC_STATUSES and member.status == MemberStatus.ACTIVE:
            return True
        return member_can(user, member, MemberAction.VIEW_PRIVATE)
    return member_can(user, member, MemberAction.EDIT)


def posting_get_for_user(*, user, external_id: str, action: PostingAction = PostingAction.VIEW) -> Posting:
    """The posting if `user` may perform `action`; 404 when it may not even see it."""
    posting = (
        Posting.objects.select_related("member__country", "contact")
        .prefetch_related(*reading_prefetch(), "eligible_members")
        .filter(external_id=external_id)
        .first()
    )
    if posting is None or not posting_can(user, posting, PostingAction.VIEW):
        raise Http404(_("No such need or offer."))
    if not posting_can(user, posting, action):
        raise PermissionDenied(_("You may not change this need or offer."))
    return posting


def posting_list_for_user(*, user) -> QuerySet[Posting]:
    """Postings the user may see (before any filter)."""
    public = Q(status__in=PUBLIC_STATUSES, member__status=MemberStatus.ACTIVE)
    return rows_visible_to(Posting.objects.all(), user=user, public=public, member_fields=("member",))


def members_user_may_post_for(user) -> QuerySet[Member]:
    """The members `user` may write needs and offers for: those it acts for, pending ones too (a
    pending member's postings stay drafts until the secretariat approves it: nothing it writes is
    public before), and every such member for the secretariat."""
    return members_user_may_act_for(user, pending_too=True, secretariat=True)


def members_user_may_import_for(user) -> QuerySet[Member]:
    """`members_user_may_post_for`, for managers only (and the secretariat)."""
    return members_user_may_act_for(user, roles=MANAGING_ROLES, pending_too=True, secretariat=True)


def posting_check_create(user, member: Member) -> None:
    """For the services: refuse unless `user` may write needs and offers for `member`
    (`members_user_may_post_for`); `user=None` is the platform itself (imports from the command
    line, scheduled jobs), which may write for any member that may post."""
    refused = _("You may not write needs or offers for this member.")
    inactive = _("This member cannot post needs or offers.")
    if user is not None:
        member_check_can_act_for(user, member, refused=refused, inactive=inactive, pending_too=True, secretariat=True)
    elif not member_status_acts(member, pending_too=True):
        raise ValidationError(inactive)


def default_contact(user, member: Member):
    """The person who writes a posting is its contact when it acts for the member."""
    return user if member_role_for(user, member) else None


def posting_lifecycle_roles(actor, posting: Posting) -> set[lifecycle.Who]:
    """In what capacity `actor` may move `posting` through its lifecycle (`lifecycle.Who`): the
    platform itself (`actor=None`), the secretariat, its owner (who may edit it)."""
    if actor is None:
        return {lifecycle.Who.SYSTEM}
    who = set()
    if is_secretariat(actor):
        who.add(lifecycle.Who.SECRETARIAT)
    if member_can(actor, posting.member, MemberAction.EDIT):
        who.add(lifecycle.Who.OWNER)
    return who
