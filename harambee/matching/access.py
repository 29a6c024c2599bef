"""Who may propose, see and answer matches; used by web views and the API alike."""

from enum import StrEnum

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.core.exceptions import Conflict, PermissionDenied
from harambee.core.formats import format_day
from harambee.postings.reading import reading_prefetch_of
from harambee.registry.access import MemberAction, is_secretariat, member_can, member_can_act_for, rows_visible_to
from harambee.registry.models import Member

from .models import Match, MatchStatus

#: The statuses in which a match's conversation takes new messages: open and accepted matches.
CONVERSATION_OPEN = (MatchStatus.PROPOSED, MatchStatus.ACCEPTED)


class MatchAction(StrEnum):
    VIEW = "view"
    ANSWER = "answer"  # accept or decline: the side that did not propose
    WITHDRAW = "withdraw"  # the side that proposed


def _on_the_side(user, match: Match, action: MatchAction) -> bool:
    """Whether the user acts for the side that takes ``action``, whatever the match's status."""
    need_member, offer_member = match.need.member, match.offer.member
    if action == MatchAction.VIEW:
        if is_secretariat(user):
            return True
        return any(member_can(user, m, MemberAction.VIEW_PRIVATE) for m in (need_member, offer_member))
    if action == MatchAction.ANSWER:
        return member_can_act_for(user, match.responder)
    return member_can_act_for(user, match.proposer)


def match_can(user, match: Match, action: MatchAction) -> bool:
    """The two members' people see a match (the secretariat too); the answering side accepts or
    declines; the proposing side withdraws; only while it is open."""
    if action != MatchAction.VIEW and match.status != MatchStatus.PROPOSED:
        return False
    return _on_the_side(user, match, action)


def match_answered(match: Match) -> Conflict:
    """What someone who answers a proposal that is no longer open is told: what happened, by
    which member and when (the loser of two answers given at the same moment included)."""
    texts = {
        MatchStatus.ACCEPTED: (_("Already accepted by %(member)s on %(date)s."), match.responder),
        MatchStatus.DECLINED: (_("Already declined by %(member)s on %(date)s."), match.responder),
        MatchStatus.WITHDRAWN: (_("Already withdrawn by %(member)s on %(date)s."), match.proposer),
    }
    text, member = texts[match.status]
    when = format_day(match.decided_at or match.updated_at)
    return Conflict(text % {"member": member.display_name, "date": when}, existing=match)


def match_check(user, match: Match, action: MatchAction) -> None:
    """Raise unless the user may take ``action`` now: PermissionDenied off the side that takes it,
    Conflict (naming who answered, and when) once the proposal is no longer open."""
    if not _on_the_side(user, match, action):
        raise PermissionDenied(_("You may not answer this proposal."))
    if action != MatchAction.VIEW and match.status != MatchStatus.PROPOSED:
        raise match_answered(match)


def offer_closed_reason(offer, *, today=None) -> str | None:
    """Why an offer takes no more proposals, translated, or None while it does: its apply-by date
    has passed, or its capacity is fully committed. The one rule for both the suggestions (such an
    offer is not suggested, and an offer page suggests nothing) and ``match_propose`` (it refuses)."""
    if offer.kind != "offer":
        return None
    today = today or timezone.localdate()
    title = f"\u2068{offer.title[:80]}\u2069"  # isolated: its direction is its own (FSI … PDI)
    if offer.apply_by is not None and offer.apply_by < today:
        when = format_day(offer.apply_by)
        return _("The offer “%(title)s” stopped taking applications on %(date)s.") % {"title": title, "date": when}
    left = offer.capacity_left
    if left is not None and left <= 0:
        return _("The offer “%(title)s” is fully committed: it has no capacity left.") % {"title": title}
    return None


def match_list_for_user(*, user) -> QuerySet[Match]:
    """The matches the user may see: those of its members (all of them for the secretariat)."""
    qs = Match.objects.select_related("need__member", "offer__member", "proposer", "cooperation")
    return rows_visible_to(qs, user=user, public=None, member_fields=("need__member", "offer__member"))


def match_get_for_user(*, user, pk: int, action: MatchAction = MatchAction.VIEW) -> Match:
    """The match if the user may see it (404 otherwise) and take ``action`` (403 off that side, 409
    Conflict once answered)."""
    match = (
        Match.objects.select_related(
            "need__member", "offer__member", "proposer", "cooperation__beneficiary__country", "cooperation__offer"
        )
        .prefetch_related(*reading_prefetch_of("need", "offer", "cooperation__offer"))
        .filter(pk=pk)
        .first()
    )
    if match is None or not match_can(user, match, MatchAction.VIEW):
        raise Http404(_("No such match."))
    match_check(user, match, action)
    return match


# ---------------------------------------------------------------------------------------------------
# The conversation of a match: who reads it, who writes in it, and for which side


def match_other_side(match: Match, member: Member | None) -> list[Member]:
    """The side(s) a message written for ``member`` is meant for: the other member; both members
    when the secretariat wrote as the secretariat (``member`` None)."""
    sides = [match.need.member, match.offer.member]
    return [m for m in sides if member is None or m.pk != member.pk]


def message_member_for(user, match: Match) -> Member | None:
    """The side ``user`` writes for: the need's member, else the offer's, when it acts for it; None
    when it acts for neither (the secretariat then writes as the secretariat)."""
    return next((m for m in (match.need.member, match.offer.member) if member_can_act_for(user, m)), None)


def message_can_write(user, match: Match) -> bool:
    """The editors and managers of either side write in an open or accepted match's conversation;
    the secretariat too. Viewers read only."""
    if match.status not in CONVERSATION_OPEN:
        return False
    return is_secretariat(user) or message_member_for(user, match) is not None


def message_check(user, match: Match) -> Member | None:
    """Raise unless ``user`` may write in the match's conversation now (PermissionDenied for those
    who only read it, a ValidationError once the match was declined or withdrawn); return the member
    it writes for (None: the secretariat)."""
    member = message_member_for(user, match)
    if member is None and not is_secretariat(user):
        raise PermissionDenied(_("Only the editors and managers of either side may write in this conversation."))
    if match.status not in CONVERSATION_OPEN:
        closed = {
            MatchStatus.DECLINED: _("This match was declined: its conversation is closed."),
            MatchStatus.WITHDRAWN: _("This proposal was withdrawn: its conversation is closed."),
        }
        raise Conflict(closed[match.status], existing=match)
    return member


def match_counterparts_shown(user, match: Match) -> list[Member]:
    """The members whose focal points' contact details ``user`` sees on the match's page: once the
    match is accepted, the side(s) it does not belong to (both for the secretariat); none before."""
    if match.status != MatchStatus.ACCEPTED or not match_can(user, match, MatchAction.VIEW):
        return []
    sides = [match.need.member, match.offer.member]
    if is_secretariat(user):
        return sides
    own = user.member_roles()
    return [m for m in sides if m.pk not in own]
