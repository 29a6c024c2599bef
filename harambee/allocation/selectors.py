"""Reads of allocation rounds."""

from django.core.cache import cache
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone, translation

from harambee.postings.choices import OPEN_STATUSES
from harambee.postings.models import Posting
from harambee.registry.models import Country
from harambee.registry.selectors import member_names_by_code

from .engine import Names, allocate, parse_instance
from .explain import group_name, region_name
from .models import ROUND_UNITS, AllocationRequest, AllocationRound, RoundStatus


def round_outcomes(round: AllocationRound) -> dict[str, dict]:
    """Per request (engine id): the offer it was placed at, or why it was not — in the active
    language. The stored result holds the reasons in the language of whoever computed the round,
    so they are re-derived from the stored snapshot (the engine is deterministic: same snapshot,
    same result), naming offers by title, members, regions and groups by name, and cached per
    snapshot and language."""
    if not round.result:
        return {}
    language = translation.get_language() or "en"
    key = f"allocation:outcomes:{round.snapshot_hash}:{language}"
    outcomes = cache.get(key)
    if outcomes is None:
        result = (
            allocate(parse_instance(round.snapshot), names=_names(round)).to_dict() if round.snapshot else round.result
        )
        outcomes = {a["request"]: {"placed": True, "offer": a["offer"]} for a in result["assignments"]}
        for item in result["unassigned"]:
            outcomes[item["request"]] = {"placed": False, "reason": item["reason"], "code": item["reason_code"]}
        cache.set(key, outcomes, timeout=24 * 3600)
    return outcomes


def _names(round: AllocationRound) -> Names:
    """How a round's reasons name its offers (by title) and its members (by name)."""
    titles = dict(round.offers.values_list("external_id", "title"))
    requests = (round.snapshot or {}).get("requests", [])
    codes = {str(r.get("member", "")).lower() for r in requests if isinstance(r, dict)}
    members = member_names_by_code(codes)
    return Names(
        offer=lambda external_id: "\u2068" + titles.get(external_id, external_id) + "\u2069",  # isolated: any script
        member=lambda code: members.get(str(code).lower(), code),
        region=region_name,
        group=group_name,
    )


def round_instance(round: AllocationRound) -> dict:
    """The engine instance of a round: its policy, its offers' capacity left and every request."""
    offers = list(round.offers.all().order_by("pk"))
    requests = list(round.requests.select_related("member").prefetch_related("choices__offer").order_by("pk"))
    countries = {
        c.iso3: c
        for c in Country.objects.filter(
            iso3__in={r.member.country_id for r in requests if r.member.country_id}
        ).prefetch_related("groups")
    }
    rows = []
    for request in requests:
        country = countries.get(request.member.country_id or "")
        rows.append(
            {
                "id": request.engine_id,
                "member": request.member.code.upper(),
                "groups": sorted(g.code for g in country.groups.all()) if country else [],
                "region": country.region_id if country else None,
                "choices": [
                    {"offer": c.offer.external_id, "score": c.score, "rank": c.rank} for c in request.choices.all()
                ],
            }
        )
    offer_rows = []
    for offer in offers:
        row = {"id": offer.external_id, "capacity": int(offer.capacity_left or 0)}
        offer_rows.append(row)
    return {"policy": round.policy, "offers": offer_rows, "requests": rows}


def rounds_newest_first():
    """All rounds, newest first, with their provider's country."""
    return AllocationRound.objects.select_related("provider__country").order_by("-created_at")


def offers_open_for_rounds(members):
    """The members' open offers whose capacity a round can share out (ROUND_UNITS)."""
    return Posting.objects.filter(
        member__in=members, kind="offer", status__in=OPEN_STATUSES, capacity_unit__in=ROUND_UNITS
    ).select_related("member")


def offers_chosen(pks) -> list[Posting]:
    """The offers picked in the new-round form, by id."""
    return list(Posting.objects.filter(pk__in=pks))


def needs_open_for_requests(members):
    """The members' open needs, which a round request may name."""
    return Posting.objects.filter(member__in=members, kind="need", status__in=OPEN_STATUSES).select_related("member")


def need_get(pk) -> Posting | None:
    return Posting.objects.filter(pk=pk).first()


def rounds_to_run(provider_ids, *, limit: int = 20) -> QuerySet[AllocationRound]:
    """The rounds of these providers not published yet (open, closed or computed), soonest deadline
    first: each waits for its provider to close, compute or publish it."""
    return (
        AllocationRound.objects.filter(provider_id__in=list(provider_ids))
        .exclude(status=RoundStatus.PUBLISHED)
        .select_related("provider__country")
        .order_by("deadline", "pk")[:limit]
    )


def rounds_open_to(member_ids, *, limit: int = 10) -> QuerySet[AllocationRound]:
    """The rounds taking requests now from other providers than these members, soonest deadline
    first, each with ``requested``: whether one of the members has already filed a request."""
    member_ids = list(member_ids)
    requested = AllocationRequest.objects.filter(round=OuterRef("pk"), member_id__in=member_ids)
    return (
        AllocationRound.objects.filter(status=RoundStatus.OPEN, deadline__gt=timezone.now())
        .exclude(provider_id__in=member_ids)
        .select_related("provider__country")
        .annotate(requested=Exists(requested))
        .order_by("deadline", "pk")[:limit]
    )
