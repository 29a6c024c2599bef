"""Who may see and change which posting; used by web views and the API alike."""

from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied
from harambee.registry.access import MemberAction, is_secretariat, member_can, member_role_for
from harambee.registry.models import Member, MemberStatus

from .choices import PUBLIC_STATUSES
from .models import Posting


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
        .prefetch_related("translations", "eligible_members")
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
    qs = Posting.objects.all()
    if is_secretariat(user):
        return qs
    public = Q(status__in=PUBLIC_STATUSES, member__status=MemberStatus.ACTIVE)
    if getattr(user, "is_authenticated", False) and user.is_active:
        own = list(user.member_roles())
        if own:
            return qs.filter(public | Q(member_id__in=own))
    return qs.filter(public)


def members_user_can_post_for(user) -> QuerySet[Member]:
    """The members for which `user` may create needs and offers."""
    if is_secretariat(user):
        return Member.objects.exclude(status=MemberStatus.REJECTED)
    if not getattr(user, "is_authenticated", False):
        return Member.objects.none()
    return Member.objects.filter(memberships__user=user, memberships__role__in=["manager", "editor"]).exclude(
        status__in=[MemberStatus.REJECTED, MemberStatus.SUSPENDED]
    )


def default_contact(user, member: Member):
    """The person who writes a posting is its contact when it acts for the member."""
    return user if member_role_for(user, member) else None
