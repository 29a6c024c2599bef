"""Who may see and run allocation rounds; used by the web views."""

from django.http import Http404
from django.utils.translation import gettext as _

from harambee.registry.access import is_secretariat, member_can_act_for, members_user_may_act_for
from harambee.registry.models import Member

from .models import AllocationRound


def round_get(*, pk: int) -> AllocationRound:
    """Rounds are public: their offers, policy and, once published, their results."""
    round = AllocationRound.objects.select_related("provider").filter(pk=pk).first()
    if round is None:
        raise Http404(_("No such round."))
    return round


def round_can_manage(user, round: AllocationRound) -> bool:
    """The provider's editors and managers open, close, compute and publish a round."""
    return member_can_act_for(user, round.provider)


def round_can_see_all_requests(user, round: AllocationRound) -> bool:
    return is_secretariat(user) or member_can_act_for(user, round.provider)


def members_user_can_request_for(user, round: AllocationRound) -> list[Member]:
    """The members the user may file requests for: those it acts for, but the round's provider."""
    return list(members_user_may_act_for(user).exclude(pk=round.provider_id).order_by("code"))


def members_user_can_open_rounds_for(user) -> list[Member]:
    """The providers for which the user may open rounds: the members it acts for."""
    return list(members_user_may_act_for(user).order_by("code"))
