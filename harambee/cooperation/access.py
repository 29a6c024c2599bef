"""Who may see and report on cooperations, and who may see, make and draw down pledges; used by web
views, the API and the services alike."""

from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.core.exceptions import PermissionDenied
from harambee.postings.reading import reading_prefetch_of
from harambee.registry.access import (
    ACTING_ROLES,
    MemberAction,
    is_secretariat,
    member_can,
    member_can_act_for,
    member_check_can_act_for,
    members_user_may_act_for,
    rows_visible_to,
)
from harambee.registry.models import Member, MemberStatus

from .models import Cooperation, Pledge


class CooperationAction(StrEnum):
    VIEW = "view"
    REPORT = "report"  # progress, milestones, results, budgets, transactions, IATI fields


def _sides(cooperation: Cooperation):
    return [cooperation.provider, cooperation.beneficiary]


def cooperation_can(user, cooperation: Cooperation, action: CooperationAction) -> bool:
    """The public sees public cooperations; both sides' people see theirs and both sides report
    on them; the secretariat does everything."""
    if is_secretariat(user):
        return True
    if action == CooperationAction.VIEW:
        if cooperation.is_public:
            return True
        return any(member_can(user, m, MemberAction.VIEW_PRIVATE) for m in _sides(cooperation))
    return any(member_can_act_for(user, m) for m in _sides(cooperation))


def reporting_member_for(user, cooperation: Cooperation):
    """The side on whose behalf the user reports (the provider first when the user belongs to both)."""
    return next((m for m in _sides(cooperation) if member_can_act_for(user, m)), None)


def cooperation_list_for_user(*, user) -> QuerySet[Cooperation]:
    qs = Cooperation.objects.select_related("provider__country", "beneficiary__country", "offer").prefetch_related(
        *reading_prefetch_of("offer")  # the title in the reader's language (Cooperation.display_title)
    )
    return rows_visible_to(qs, user=user, public=Q(is_public=True), member_fields=("provider", "beneficiary"))


def cooperation_get_for_user(*, user, pk: int, action: CooperationAction = CooperationAction.VIEW) -> Cooperation:
    cooperation = (
        Cooperation.objects.select_related("provider__country", "beneficiary__country", "need", "offer", "pledge")
        .prefetch_related(*reading_prefetch_of("need", "offer"))
        .filter(pk=pk)
        .first()
    )
    if cooperation is None or not cooperation_can(user, cooperation, CooperationAction.VIEW):
        raise Http404(_("No such cooperation."))
    if not cooperation_can(user, cooperation, action):
        raise PermissionDenied(_("Only the people of either side may report on this cooperation."))
    return cooperation


# ---------------------------------------------------------------------------------------------------
# Cooperations entered directly


def members_user_may_enter_cooperations_for(user) -> QuerySet[Member]:
    """The providers for which `user` may enter a cooperation: the members it acts for; the
    secretariat enters them for every active member."""
    return members_user_may_act_for(user, secretariat=True)


def cooperation_check_enter(user, provider: Member) -> None:
    """For the services: refuse unless `user` may enter cooperations of `provider` (an active member
    only: cooperations are public)."""
    member_check_can_act_for(
        user,
        provider,
        refused=_("Only the provider's editors and managers may enter its cooperations."),
        inactive=_("A member enters cooperations once the secretariat has approved it: they are public."),
        secretariat=True,
    )


# ---------------------------------------------------------------------------------------------------
# Pledges: the one place that says who sees, makes and draws down a pledge


#: Who pledges: the acting rule, the secretariat too (it pledges on a member's behalf).
_PLEDGING = {"secretariat": True}


class PledgeAction(StrEnum):
    VIEW = "view"
    MAKE = "make"  # pledge for the member
    DRAW = "draw"  # count a cooperation of the pledging member against the pledge


def pledge_can(user, member: Member, action: PledgeAction, pledge: Pledge | None = None) -> bool:
    """THE pledge rule. Everyone sees the public pledges of active members; the member's people see
    all of its pledges. The member's editors and managers (and the secretariat) make and draw down
    its pledges while it is active: pledges are public (`members_user_may_act_for`).

    `pledge_list_for_user` (VIEW), `members_user_may_pledge_for` (MAKE) answer it for many;
    `pledge_check_create` and `pledge_check_draw` raise for the services."""
    if action == PledgeAction.VIEW:
        if pledge is not None and pledge.is_public and member.status == MemberStatus.ACTIVE:
            return True
        return is_secretariat(user) or member_can(user, member, MemberAction.VIEW_PRIVATE)
    return member_can_act_for(user, member, **_PLEDGING)


def pledge_list_for_user(*, user) -> QuerySet[Pledge]:
    """The pledges `user` may see (`pledge_can(VIEW)` for many): the public ones of active members,
    its own members' pledges, and every pledge for the secretariat."""
    public = Q(is_public=True, member__status=MemberStatus.ACTIVE)
    return rows_visible_to(Pledge.objects.all(), user=user, public=public, member_fields=("member",))


def members_user_may_pledge_for(user) -> QuerySet[Member]:
    """The members `user` may pledge for (`pledge_can(MAKE)` for many)."""
    return members_user_may_act_for(user, **_PLEDGING)


#: Why an editor or manager of a member that is not active may not pledge.
PLEDGE_NOT_ACTIVE = gettext_lazy("A member pledges once the secretariat has approved it: pledges are public.")


def pledge_refusal(user) -> str:
    """Why `user` has no member to pledge for (when `members_user_may_pledge_for` is empty)."""
    if _signed_in_with_acting_role(user):
        return str(PLEDGE_NOT_ACTIVE)
    return _("Only editors and managers of a member may pledge.")


def _signed_in_with_acting_role(user) -> bool:
    return getattr(user, "is_authenticated", False) and any(
        role in ACTING_ROLES for role in user.member_roles().values()
    )


def pledge_check_create(user, member: Member) -> None:
    """For the services: raise PermissionDenied unless `user` may pledge for `member`, and a
    ValidationError saying why when its own member is not active (pending, rejected, suspended)."""
    member_check_can_act_for(
        user,
        member,
        refused=_("Only the member's editors and managers may pledge for it."),
        inactive=str(PLEDGE_NOT_ACTIVE),
        **_PLEDGING,
    )


def pledge_check_draw(user, pledge: Pledge) -> None:
    """For the services: raise PermissionDenied unless `user` may draw down `pledge`."""
    if not pledge_can(user, pledge.member, PledgeAction.DRAW, pledge):
        raise PermissionDenied(_("Only the pledging member's editors and managers may draw down its pledges."))
