"""Access functions for members: the one place web views and the API ask who may do what.

Roles per member: a manager edits the profile and manages people and invitations; an
editor edits the profile; a viewer only reads private data. The secretariat acts for all.
"""

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied

from .models import Member, MemberRole, Membership, MemberStatus


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


# ---------------------------------------------------------------------------------------------------
# Showing people: the one rule for naming a person on any page or API response


def person_may_be_named(person, membership: Membership | None, viewer) -> bool:
    """Whether `viewer` may see the name of `person`, who acted for the member of `membership`.

    The public sees a person's name only with their consent for that member (`show_publicly`);
    the secretariat, the person themselves and their colleagues in that member always may.
    """
    if membership is not None and membership.show_publicly:
        return True
    if not getattr(viewer, "is_authenticated", False) or not viewer.is_active:
        return False
    if is_secretariat(viewer) or viewer.pk == person.pk:
        return True
    return membership is not None and membership.member_id in viewer.member_roles()


def people_names(people: Iterable[tuple[Any, str]], *, viewer=None) -> list[str]:
    """How to name each (person, code of the member concerned) to `viewer`, never by e-mail address.

    A person is named by their full name when `person_may_be_named`; otherwise by the member they
    acted for: the member concerned when they belong to it, else their own member. People of no
    member are "Secretariat" (the secretariat's people) or "A registered user"; no person (None)
    is a change the platform made by itself. One query for all the people, whatever their number.
    """
    people = list(people)
    ids = {person.pk for person, _code in people if person is not None}
    memberships: dict[int, list[Membership]] = {}
    if ids:
        for membership in Membership.objects.filter(user_id__in=ids).select_related("member__country"):
            memberships.setdefault(membership.user_id, []).append(membership)
    names = []
    for person, code in people:
        if person is None:
            names.append(_("Harambee (automatic)"))
            continue
        own = sorted(memberships.get(person.pk, []), key=lambda m: m.member.code)
        acted_for = next((m for m in own if m.member.code == code), own[0] if own else None)
        if person.full_name.strip() and person_may_be_named(person, acted_for, viewer):
            names.append(person.full_name.strip())
        elif acted_for is not None:
            names.append(acted_for.member.display_name)
        elif person.is_secretariat:
            names.append(_("Secretariat"))
        else:
            names.append(_("A registered user"))
    return names


def person_name(person, *, member: Member | str | None, viewer=None) -> str:
    """`people_names` for one person acting for `member` (a member or its code)."""
    code = member.code if isinstance(member, Member) else (member or "")
    return people_names([(person, code)], viewer=viewer)[0]


def person_public_name(user, member: Member | None) -> str:
    """How the public (and notification readers) name `user` acting for `member`: `person_name` as
    the public sees it; "the secretariat" when the person acted as the secretariat (no member)."""
    if member is None:
        return _("the secretariat")
    return person_name(user, member=member)


def person_public_label(user, member: Member | None) -> str:
    """`person_public_name` followed by the member when it is the person's own name ("Mwila Banda
    (Zambia)"); otherwise the member's name alone ("Zambia")."""
    name = person_public_name(user, member)
    if member is None or name == member.display_name:
        return name
    return _("%(person)s (%(member)s)") % {"person": name, "member": member.display_name}
