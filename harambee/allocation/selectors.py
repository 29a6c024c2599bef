"""Reads of allocation rounds."""

from django.core.cache import cache
from django.utils import translation

from .engine import allocate, parse_instance
from .models import AllocationRound


def round_outcomes(round: AllocationRound) -> dict[str, dict]:
    """Per request (engine id): the offer it was placed at, or why it was not — in the active
    language. The stored result holds the reasons in the language of whoever computed the round,
    so they are re-derived from the stored snapshot (the engine is deterministic: same snapshot,
    same result) and cached per snapshot and language."""
    if not round.result:
        return {}
    language = translation.get_language() or "en"
    key = f"allocation:outcomes:{round.snapshot_hash}:{language}"
    outcomes = cache.get(key)
    if outcomes is None:
        result = allocate(parse_instance(round.snapshot)).to_dict() if round.snapshot else round.result
        outcomes = {a["request"]: {"placed": True, "offer": a["offer"]} for a in result["assignments"]}
        for item in result["unassigned"]:
            outcomes[item["request"]] = {"placed": False, "reason": item["reason"], "code": item["reason_code"]}
        cache.set(key, outcomes, timeout=24 * 3600)
    return outcomes
