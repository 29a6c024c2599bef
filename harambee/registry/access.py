"""Access functions for members: the one place web views and the API ask who may do what.

Roles per member: a manager edits the profile and manages people and invitations; an
editor edits the profile; a viewer only reads private data. Managers and editors act for an
active member (`members_user_may_act_for`: the one rule, with its named exceptions). Roles are
named by `MemberRole`, never by their strings.
"""

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.core.exceptions import PermissionDenied, ValidationError

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


def rows_visible_to(qs: QuerySet, *, user, public: Q | None, member_fields: Iterable[str]) -> QuerySet:
    """The rows of ``qs`` that ``user`` may see, for every list of things members own: all of them
    for the secretariat; otherwise those matching ``public`` (None: none), plus, for a signed-in
    person, those whose ``member_fields`` name one of the person's members (any role)."""
    if is_secretariat(user):
        return qs
    visible = public if public is not None else Q(pk__in=[])
    if getattr(user, "is_authenticated", False) and user.is_active:
        own = list(user.member_roles())
        for field in member_fields:
            visible |= Q(**{f"{field}_id__in": own})
    return qs.filter(visible)


def member_list_for_user(*, user) -> QuerySet[Member]:
    """Members the user may see: active ones, plus its own pending ones; all for the secretariat."""
    qs = Member.objects.all()
    if is_secretariat(user):
        return qs
    if getattr(user, "is_authenticated", False):
        return qs.filter(status=MemberStatus.ACTIVE) | qs.filter(pk__in=list(user.member_roles()))
    return qs.filter(status=MemberStatus.ACTIVE)


# ---------------------------------------------------------------------------------------------------
# Acting for a member: the one rule for who writes in a member's name

#: The roles that act for a member: they write its needs and offers, propose and answer matches, file
#: requests and open rounds, report on cooperations and pledge. Viewers only read.
ACTING_ROLES = (MemberRole.MANAGER, MemberRole.EDITOR)
#: The roles that also import needs and offers (and manage people: `MemberAction.MANAGE_PEOPLE`).
MANAGING_ROLES = (MemberRole.MANAGER,)


def _acting_statuses(pending_too: bool) -> tuple[str, ...]:
    return (MemberStatus.ACTIVE, MemberStatus.PENDING) if pending_too else (MemberStatus.ACTIVE,)


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def member_role_acts(user, member: Member, *, roles=ACTING_ROLES, secretariat: bool = False) -> bool:
    """Whether `user` holds one of `roles` in `member` (or, with `secretariat`, is the secretariat),
    whatever the member's status: the first half of `member_can_act_for`."""
    if not _signed_in(user):
        return False
    if secretariat and is_secretariat(user):
        return True
    return member_role_for(user, member) in roles


def member_status_acts(member: Member, *, pending_too: bool = False) -> bool:
    """Whether `member`'s status lets it act: active (what members do is public), or pending too
    with `pending_too`: the second half of `member_can_act_for`."""
    return member.status in _acting_statuses(pending_too)


def member_can_act_for(
    user, member: Member, *, roles=ACTING_ROLES, pending_too: bool = False, secretariat: bool = False
) -> bool:
    """Whether `user` may act for `member`: `member in members_user_may_act_for(user, ...)`, for one
    member (no query beyond the user's cached roles). See `members_user_may_act_for` for the rule."""
    return member_role_acts(user, member, roles=roles, secretariat=secretariat) and member_status_acts(
        member, pending_too=pending_too
    )


def members_user_may_act_for(
    user, *, roles=ACTING_ROLES, pending_too: bool = False, secretariat: bool = False
) -> QuerySet[Member]:
    """THE members `user` may act for: the **active** members in which it holds one of `roles`
    (editors and managers by default; `MANAGING_ROLES` for imports). Every list of members a person
    may choose to act for, and every check, comes from here (or `member_can_act_for`).

    What members do is public (pledges, cooperations, rounds, requests, matches), so only active
    members act. Two exceptions, each named by its caller:

    - `pending_too`: its pending members as well, for work that stays private until the secretariat
      approves the member: drafts of needs and offers (publishing them waits for the approval).
    - `secretariat`: the secretariat acts for every member of those statuses (it enters needs,
      offers, pledges and cooperations on members' behalf); without it, the secretariat acts only
      where it holds a role itself (it oversees matches, rounds and reports, it does not make them).

    Viewers never act; a rejected or suspended member acts for nobody.
    """
    if not _signed_in(user):
        return Member.objects.none()
    members = Member.objects.filter(status__in=_acting_statuses(pending_too))
    if secretariat and is_secretariat(user):
        return members
    return members.filter(memberships__user=user, memberships__role__in=roles)


def member_check_can_act_for(
    user,
    member: Member,
    *,
    refused: str,
    inactive: str = "",
    roles=ACTING_ROLES,
    pending_too: bool = False,
    secretariat: bool = False,
) -> None:
    """For services: raise PermissionDenied(`refused`) unless `user` holds an acting role in `member`,
    and ValidationError(`inactive`, by default the general sentence) when it does but the member may
    not act (yet): pending, rejected or suspended. Passes exactly when `member_can_act_for`."""
    if not member_role_acts(user, member, roles=roles, secretariat=secretariat):
        raise PermissionDenied(refused)
    if not member_status_acts(member, pending_too=pending_too):
        raise ValidationError(inactive or MEMBER_INACTIVE)


#: Why a member that is not active may not act (its people see and fix it meanwhile).
MEMBER_INACTIVE = gettext_lazy(
    "Only active members can do this: the secretariat has not approved this member yet, or has suspended it."
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
