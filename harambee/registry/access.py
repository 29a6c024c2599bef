"""Access functions for members: the one place web views and the API ask who may do what.

Roles per member: a manager edits the profile and manages people and invitations; an
editor edits the profile; a viewer only reads private data. The secretariat acts for all.
"""

from enum import StrEnum

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied

from .models import Member, MemberRole, MemberStatus


class MemberAction(StrEnum):
    VIEW = "view"
    VIEW_PRIVATE = "view_private"
    EDIT = "edit"
    MANAGE_PEOPLE = "manage_people"
    APPROVE = "approve"


_ROLE_ACTIONS = {
    MemberRole.MANAGER: {MemberAction.VIEW, MemberAction.VIEW_PRIVATE, MemberAction.EDIT, MemberAction.MANAGE_PEOPLE},
    MemberRole.EDITOR: {MemberAction.VIEW, MemberAction.VIEW_PRIVATE, MemberAction.EDIT},
    MemberRole.VIEWER: {MemberAction.VIEW, MemberAction.VIEW_PRIVATE},
}


def is_secretariat(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_secretariat)


def member_role_for(user, member: Member) -> str | None:
    """The user's role in `member`, or None."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return user.member_roles().get(member.pk)


def member_can(user, member: Member, action: MemberAction) -> bool:
    """Whether `user` may perform `action` on `member`."""
    if is_secretariat(user):
        return True
    if action == MemberAction.APPROVE:
        return False
    role = member_role_for(user, member)
    if action == MemberAction.VIEW and member.status == MemberStatus.ACTIVE:
        return True
    if role is None:
        return False
    # People of a pending or rejected organisation may see and fix it, but only the
    # secretariat may act on a suspended member.
    if member.status == MemberStatus.SUSPENDED and action != MemberAction.VIEW:
        return action == MemberAction.VIEW_PRIVATE
    return action in _ROLE_ACTIONS[MemberRole(role)]


def member_get_for_user(*, user, code: str, action: MemberAction = MemberAction.VIEW) -> Member:
    """The member `code` if `user` may perform `action` on it.

    Raises Http404 when the user may not even see it (so its existence is not revealed)
    and PermissionDenied when it may see it but not perform the action.
    """
    member = Member.objects.select_related("country").filter(code=code).first()
    if member is None or not member_can(user, member, MemberAction.VIEW):
        raise Http404(_("No such member."))
    if not member_can(user, member, action):
        raise PermissionDenied(_("You may not do this for this member."))
    return member


def member_list_for_user(*, user) -> QuerySet[Member]:
    """Members the user may see: active ones, plus its own pending ones; all for the secretariat."""
    qs = Member.objects.all()
    if is_secretariat(user):
        return qs
    if getattr(user, "is_authenticated", False):
        return qs.filter(status=MemberStatus.ACTIVE) | qs.filter(pk__in=list(user.member_roles()))
    return qs.filter(status=MemberStatus.ACTIVE)


def member_can_act_for(user, member: Member) -> bool:
    """Editors and managers act for their member: they propose matches, file requests, open rounds,
    report on cooperations and pledge (the secretariat oversees these, it does not act for members)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return member_role_for(user, member) in (MemberRole.MANAGER, MemberRole.EDITOR) and member_can(
        user, member, MemberAction.EDIT
    )
