"""Who may propose, see and answer matches; used by web views and the API alike."""

from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied
from harambee.registry.access import MemberAction, is_secretariat, member_can, member_can_act_for

from .models import Match, MatchStatus


class MatchAction(StrEnum):
    VIEW = "view"
    ANSWER = "answer"  # accept or decline: the side that did not propose
    WITHDRAW = "withdraw"  # the side that proposed


def match_can(user, match: Match, action: MatchAction) -> bool:
    """The two members' people see a match (the secretariat too); the answering side accepts or
    declines; the proposing side withdraws; only while it is open."""
    need_member, offer_member = match.need.member, match.offer.member
    if action == MatchAction.VIEW:
        if is_secretariat(user):
            return True
        return any(member_can(user, m, MemberAction.VIEW_PRIVATE) for m in (need_member, offer_member))
    if match.status != MatchStatus.PROPOSED:
        return False
    if action == MatchAction.ANSWER:
        return member_can_act_for(user, match.responder)
    return member_can_act_for(user, match.proposer)


def match_list_for_user(*, user) -> QuerySet[Match]:
    """The matches the user may see: those of its members (all of them for the secretariat)."""
    qs = Match.objects.select_related("need__member", "offer__member", "proposer", "cooperation")
    if is_secretariat(user):
        return qs
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return qs.none()
    own = list(user.member_roles())
    return qs.filter(Q(need__member_id__in=own) | Q(offer__member_id__in=own))


def match_get_for_user(*, user, pk: int, action: MatchAction = MatchAction.VIEW) -> Match:
    """The match if the user may see it (404 otherwise) and take ``action`` (403 otherwise)."""
    match = (
        Match.objects.select_related("need__member", "offer__member", "proposer", "cooperation").filter(pk=pk).first()
    )
    if match is None or not match_can(user, match, MatchAction.VIEW):
        raise Http404(_("No such match."))
    if action != MatchAction.VIEW and not match_can(user, match, action):
        raise PermissionDenied(_("You may not answer this proposal."))
    return match
