"""Writes of allocation rounds: open, request, close, compute, publish (each audited and atomic)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.cooperation.services import cooperation_create_from_allocation
from harambee.core.exceptions import PermissionDenied
from harambee.matching.selectors import scores_for
from harambee.notifications.models import in_every_language, register_message
from harambee.notifications.services import notify
from harambee.postings.choices import OPEN_STATUSES
from harambee.postings.services import posting_commit_capacity
from harambee.postings.text import detect_language
from harambee.registry.access import member_can_act_for, person_public_label
from harambee.registry.models import MemberStatus
from harambee.registry.selectors import member_editors

from .engine import AllocationInputError, allocate, parse_instance
from .models import ROUND_UNITS, AllocationChoice, AllocationRequest, AllocationRound, RoundStatus
from .selectors import round_instance

MAX_UNITS_PER_APPLICATION = 100
ROUND_FIELDS = ["title", "status", "deadline", "policy", "snapshot_hash"]

register_message(
    "round_published",
    gettext_lazy(
        "%(actor)s published the results of the allocation round “%(round)s”: "
        "%(assigned)s of the %(requested)s units %(member)s asked for were placed."
    ),
    gettext_lazy("Open the round to see the results and the reasons; placed units start a cooperation."),
)


def _check_policy(policy: dict) -> dict:
    try:
        parse_instance({"policy": policy, "offers": [], "requests": []})
    except AllocationInputError as error:
        raise ValidationError({"policy": list(error.errors)}) from None
    return policy


@transaction.atomic
def round_create(
    *, provider, actor, title: str, offers, deadline: datetime, policy: dict | None = None, description: str = ""
) -> AllocationRound:
    """Open a round over offers of ``provider`` that state seats or expert-days."""
    if not member_can_act_for(actor, provider):
        raise PermissionDenied(_("Only the provider's editors and managers may open its rounds."))
    offers = list(offers)
    errors = {}
    if not title.strip():
        errors["title"] = [_("Give the round a title.")]
    if not offers:
        errors["offers"] = [_("Choose at least one offer.")]
    for offer in offers:
        if offer.kind != "offer" or offer.member_id != provider.pk:
            errors.setdefault("offers", []).append(
                _("“%(title)s” is not an offer of this provider.") % {"title": offer.title[:80]}
            )
        elif offer.capacity_unit not in ROUND_UNITS or not offer.capacity_left:
            errors.setdefault("offers", []).append(
                _("“%(title)s” states no seats or expert-days left.") % {"title": offer.title[:80]}
            )
        elif offer.status not in OPEN_STATUSES:
            errors.setdefault("offers", []).append(_("“%(title)s” is not open.") % {"title": offer.title[:80]})
    if deadline <= timezone.now():
        errors["deadline"] = [_("The deadline must be in the future.")]
    if errors:
        raise ValidationError(errors)
    round = AllocationRound.objects.create(
        provider=provider,
        title=title.strip(),
        description=description.strip(),
        deadline=deadline,
        policy=_check_policy(policy or {}),
        created_by=actor,
    )
    round.offers.set(offers)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=round,
        changes=diff({}, snapshot(round, ROUND_FIELDS)),
        member_code=provider.code,
        public=True,
    )
    return round


@transaction.atomic
def round_apply(
    *, round: AllocationRound, member, actor, units: int, ranking, need=None, nominees=(), motivation: str = ""
) -> list[AllocationRequest]:
    """File ``units`` requests of ``member``, each accepting the offers of ``ranking`` in that order.

    The engine's match score of the member (its need, else its motivation) against each offer is
    attached; an offer the member is not eligible for cannot be chosen.
    """
    round = AllocationRound.objects.select_for_update().get(pk=round.pk)
    if not member_can_act_for(actor, member):
        raise PermissionDenied(_("Only the member's editors and managers may file its requests."))
    if not round.accepts_requests:
        raise ValidationError(_("This round no longer takes requests."))
    if member.pk == round.provider_id:
        raise ValidationError(_("A provider does not request its own offers."))
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(_("Only active members may file requests."))
    ranking = list(ranking)
    errors = {}
    if not isinstance(units, int) or not 1 <= units <= MAX_UNITS_PER_APPLICATION:
        errors["units"] = [_("Ask for between 1 and %(max)s units.") % {"max": MAX_UNITS_PER_APPLICATION}]
    in_round = {o.pk: o for o in round.offers.select_related("member")}
    if not ranking:
        errors["ranking"] = [_("Rank at least one offer of the round.")]
    if len({o.pk for o in ranking}) != len(ranking):
        errors["ranking"] = [_("Rank each offer once.")]
    if any(o.pk not in in_round for o in ranking):
        errors["ranking"] = [_("Only offers of this round can be ranked.")]
    if need is not None and (need.kind != "need" or need.member_id != member.pk):
        errors["need"] = [_("Choose one of the member's own needs.")]
    if len(motivation) > 5000:
        errors["motivation"] = [_("Keep the motivation under 5,000 characters.")]
    if errors:
        raise ValidationError(errors)
    scored = scores_for(
        member=member,
        offers=[in_round[o.pk] for o in ranking],
        need=need,
        text=motivation,
        language=need.language if need else (detect_language(motivation) or "en"),
    )
    refused = [in_round[pk].title[:80] for pk, c in scored.items() if "eligibility" in c.failed_filters]
    if refused:
        raise ValidationError(
            {"ranking": [_("Not eligible for: %(offers)s.") % {"offers": "; ".join(sorted(refused))}]}
        )
    nominees = list(nominees)
    created = []
    for unit in range(units):
        request = AllocationRequest.objects.create(
            round=round,
            member=member,
            need=need,
            motivation=motivation.strip(),
            created_by=actor,
            nominee=(nominees[unit] if unit < len(nominees) else "")[:200],
        )
        AllocationChoice.objects.bulk_create(
            AllocationChoice(request=request, offer=offer, rank=rank, score=round_score(scored[offer.pk].score))
            for rank, offer in enumerate(ranking, start=1)
        )
        created.append(request)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=round,
        changes={"requests": [None, f"{member.code} × {units}"]},
        member_code=member.code,
    )
    return created


def round_score(score: float) -> float:
    """Scores stored with a request: in [0, 1], six decimals (the engine's precision)."""
    return round(min(max(float(score), 0.0), 1.0), 6)


def _set_status(round: AllocationRound, actor, status: str, reason: str = "", **fields) -> AllocationRound:
    before = snapshot(round, ROUND_FIELDS)
    round.status = status
    for name, value in fields.items():
        setattr(round, name, value)
    round.save()
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=round,
        changes=diff(before, snapshot(round, ROUND_FIELDS)),
        reason=reason,
        member_code=round.provider.code,
        public=True,
    )
    return round


def _check_provider(actor, round: AllocationRound) -> None:
    if not member_can_act_for(actor, round.provider):
        raise PermissionDenied(_("Only the provider's editors and managers may run this round."))


@transaction.atomic
def round_close(*, round: AllocationRound, actor) -> AllocationRound:
    """Stop taking requests before the deadline."""
    round = AllocationRound.objects.select_for_update().select_related("provider").get(pk=round.pk)
    _check_provider(actor, round)
    if round.status != RoundStatus.OPEN:
        raise ValidationError(_("Only an open round can be closed."))
    return _set_status(round, actor, RoundStatus.CLOSED)


@transaction.atomic
def round_compute(*, round: AllocationRound, actor) -> AllocationRound:
    """Run the engine on a snapshot of the round (after the deadline or once closed)."""
    round = AllocationRound.objects.select_for_update().select_related("provider").get(pk=round.pk)
    _check_provider(actor, round)
    if round.status == RoundStatus.PUBLISHED:
        raise ValidationError(_("A published round cannot be computed again."))
    if round.status == RoundStatus.OPEN and timezone.now() < round.deadline:
        raise ValidationError(_("Close the round (or wait for its deadline) before computing it."))
    data = round_instance(round)
    try:
        instance = parse_instance(data)
    except AllocationInputError as error:
        raise ValidationError(list(error.errors)) from None
    result = allocate(instance).to_dict()
    return _set_status(
        round,
        actor,
        RoundStatus.COMPUTED,
        snapshot=data,
        snapshot_hash=result["hash"],
        result=result,
        computed_at=timezone.now(),
    )


@transaction.atomic
def round_publish(*, round: AllocationRound, actor) -> AllocationRound:
    """Publish a computed round: each member's assignments per offer become a cooperation and
    reduce the offer's capacity left; every applicant is notified."""
    round = AllocationRound.objects.select_for_update().select_related("provider").get(pk=round.pk)
    _check_provider(actor, round)
    if round.status != RoundStatus.COMPUTED:
        raise ValidationError(_("Compute the round before publishing it."))
    requests = {r.engine_id: r for r in round.requests.select_related("member", "need")}
    offers = {o.external_id: o for o in round.offers.select_related("member")}
    units: Counter = Counter()
    needs = {}
    for assignment in round.result["assignments"]:
        request = requests[assignment["request"]]
        units[(request.member, assignment["offer"])] += 1
        needs.setdefault((request.member, assignment["offer"]), request.need)
    for (member, offer_id), count in sorted(units.items(), key=lambda item: (item[0][0].code, item[0][1])):
        offer = offers[offer_id]
        posting_commit_capacity(
            posting=offer,
            units=Decimal(count),
            actor=actor,
            reason=_("Allocation round “%(round)s”") % {"round": round.title[:80]},
        )
        cooperation_create_from_allocation(
            offer=offer, beneficiary=member, units=Decimal(count), actor=actor, need=needs[(member, offer_id)]
        )
    round = _set_status(round, actor, RoundStatus.PUBLISHED, published_at=timezone.now())
    placed = defaultdict(int)
    for (member, _offer), count in units.items():
        placed[member.pk] += count
    requested = Counter(r.member for r in requests.values())
    publisher = in_every_language(lambda: person_public_label(actor, round.provider))
    for member in sorted(requested, key=lambda m: m.code):
        notify(
            recipients=member_editors(member),
            kind="round_published",
            params={
                "actor": publisher,
                "round": round.title,
                "member": in_every_language(lambda member=member: member.display_name),
                "assigned": placed.get(member.pk, 0),
                "requested": requested[member],
            },
            url_name="allocation:detail",
            url_kwargs={"pk": round.pk},
        )
    return round
