"""Who may see and report on cooperations and pledges; used by web views and the API alike."""

from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied
from harambee.registry.access import MemberAction, is_secretariat, member_can, member_can_act_for

from .models import Cooperation


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
    qs = Cooperation.objects.select_related("provider__country", "beneficiary__country")
    if is_secretariat(user):
        return qs
    if getattr(user, "is_authenticated", False) and user.is_active:
        own = list(user.member_roles())
        return qs.filter(Q(is_public=True) | Q(provider_id__in=own) | Q(beneficiary_id__in=own))
    return qs.filter(is_public=True)


def cooperation_get_for_user(*, user, pk: int, action: CooperationAction = CooperationAction.VIEW) -> Cooperation:
    cooperation = (
        Cooperation.objects.select_related("provider__country", "beneficiary__country", "need", "offer", "pledge")
        .filter(pk=pk)
        .first()
    )
    if cooperation is None or not cooperation_can(user, cooperation, CooperationAction.VIEW):
        raise Http404(_("No such cooperation."))
    if not cooperation_can(user, cooperation, action):
        raise PermissionDenied(_("Only the people of either side may report on this cooperation."))
    return cooperation
