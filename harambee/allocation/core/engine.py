"""The allocation engine: one round of offer capacity assigned to requests under a policy.

Pure Python over dataclasses — no ORM — so the CLI, a background job and the tests all call
the same functions:

    instance = parse_instance(json.loads(text))     # raises AllocationInputError listing problems
    result = allocate(instance)                     # policy.mode, or allocate(instance, mode="stable")
    result.to_dict()                                # assignments, unassigned with reasons, metrics, hash

Modes: `optimal` (maximum total adjusted weight, OR-Tools min-cost flow — harambee.allocation.core.flow)
and `stable` (requester-proposing deferred acceptance — harambee.allocation.core.stable);
`greedy_allocate` is the baseline. The format and every policy key: docs/allocation.md.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .flow import AllocationSolverError, solve_optimal
from .instance import (
    ENGINE_VERSION,
    MICRO,
    MODES,
    NO_GROUP,
    AllocationInputError,
    Instance,
    Translate,
    parse_instance,
    snapshot_hash,
    untranslated,
)
from .market import Market, Outcome
from .stable import blocking_pairs, deferred_acceptance, greedy

__all__ = [
    "ENGINE_VERSION",
    "MODES",
    "AllocationInputError",
    "AllocationResult",
    "AllocationSolverError",
    "Assignment",
    "Instance",
    "Names",
    "Unassigned",
    "allocate",
    "greedy_allocate",
    "parse_instance",
    "snapshot_hash",
]


@dataclass(frozen=True)
class Names:
    """How the reason sentences name offers, members, regions and country groups: by their ids
    unless the caller knows better (the platform names offers by title, regions by CLDR name)."""

    offer: Callable[[str], str] = str
    member: Callable[[str], str] = str
    region: Callable[[str], str] = str
    group: Callable[[str], str] = str


def _decimal(micro: int) -> float:
    return round(micro / MICRO, 6)


def _text(micro: int) -> str:
    """A micro-unit number as short text for sentences: 830000 -> "0.83"."""
    return f"{micro / MICRO:.6f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Assignment:
    """One placed request: the offer, its score, its adjusted weight, its rank and the seat kind."""

    request: str
    offer: str
    score: float
    weight: float
    rank: int
    seat: str  # "open", or "reserved:<group>"

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "request": self.request,
            "offer": self.offer,
            "score": self.score,
            "weight": self.weight,
            "rank": self.rank,
            "seat": self.seat,
        }


@dataclass(frozen=True)
class Unassigned:
    """A request left out: machine reason code, a sentence in the active language, and details."""

    request: str
    reason: str
    reason_code: str
    details: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "request": self.request,
            "reason": self.reason,
            "reason_code": self.reason_code,
            "details": self.details,
        }


@dataclass(frozen=True)
class AllocationResult:
    """The outcome of one round; `to_dict()` is the JSON document printed by `harambee allocate`."""

    mode: str
    assignments: tuple[Assignment, ...]
    unassigned: tuple[Unassigned, ...]
    metrics: dict[str, Any]
    hash: str
    solution_hash: str
    engine_version: str = ENGINE_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: assignments by request id, unassigned by request id, metrics and hashes."""
        return {
            "mode": self.mode,
            "engine_version": self.engine_version,
            "assignments": [assignment.to_dict() for assignment in self.assignments],
            "unassigned": [entry.to_dict() for entry in self.unassigned],
            "metrics": self.metrics,
            "hash": self.hash,
            "solution_hash": self.solution_hash,
        }


def allocate(
    instance: Instance, *, mode: str | None = None, translate: Translate = untranslated, names: Names | None = None
) -> AllocationResult:
    """Allocate one round; `mode` overrides the policy's mode ("optimal" or "stable").

    Deterministic: the same instance gives the same assignments and the same hash, whatever the
    order of the input lists (the instance is normalised by `parse_instance`). `translate` turns
    the reason sentences and errors into the reader's language (the core itself imports no Django).
    """
    _ = translate
    mode = instance.policy.mode if mode is None else mode
    if mode not in MODES:
        raise AllocationInputError(
            [
                _("mode: unknown mode %(value)s (expected one of %(choices)s).")
                % {"value": mode, "choices": ", ".join(MODES)}
            ]
        )
    started = time.perf_counter()
    market = Market.build(instance)
    outcome = solve_optimal(market) if mode == "optimal" else deferred_acceptance(market)
    solve_seconds = time.perf_counter() - started
    if mode == "stable" and market.fairness == "maxmin":
        outcome.notes["fairness"] = "not applied in stable mode"
    # The unconstrained optimum ignores the whole policy and the offers' region caps and reserves.
    if mode == "optimal" and instance.policy.is_neutral and all(rules.is_simple for rules in market.rules):
        unconstrained = sum(_placed_scores(market, outcome))
    else:
        unconstrained = sum(_placed_scores(market, solve_optimal(market, plain=True)))
    return _result(instance.with_mode(mode), market, outcome, mode, solve_seconds, unconstrained, translate, names)


def greedy_allocate(
    instance: Instance, *, translate: Translate = untranslated, names: Names | None = None
) -> AllocationResult:
    """Baseline: pairs by adjusted weight, best first, each taken if it still fits (deterministic)."""
    started = time.perf_counter()
    market = Market.build(instance)
    outcome = greedy(market)
    solve_seconds = time.perf_counter() - started
    if market.fairness == "maxmin":
        outcome.notes["fairness"] = "not applied by greedy"
    unconstrained = sum(_placed_scores(market, solve_optimal(market, plain=True)))
    return _result(
        instance.with_mode("greedy"), market, outcome, "greedy", solve_seconds, unconstrained, translate, names
    )


def _placed_scores(market: Market, outcome: Outcome) -> list[int]:
    scores = []
    for i, j in enumerate(outcome.offer_of):
        if j >= 0:
            scores.append(next(score for offer, score, _rank, _weight in market.choices[i] if offer == j))
    return scores


@dataclass
class _OfferState:
    """What an allocation did at one offer, for cut-offs and reasons."""

    taken: int = 0
    lowest: int | None = None  # lowest adjusted weight admitted (the cut-off when full)
    pool_filled: dict[str, int] = field(default_factory=dict)
    region_count: dict[str, int] = field(default_factory=dict)
    path_region_count: dict[tuple[str | None, str], int] = field(default_factory=dict)
    weights: list[tuple[int, str | None]] = field(default_factory=list)  # (weight, seat) per assignee


class _Texts:
    """The reason sentences, translated once per result into the active language."""

    def __init__(self, translate: Translate) -> None:
        _ = translate
        self.no_choices = _("Request %(request)s listed no offer.")
        self.member_cap = _(
            "Not placed: member %(member)s already received its maximum of %(cap)s units in this round."
        )
        self.no_seats = _("Not placed at %(offer)s: it has no seats.")
        self.below_cutoff = _(
            "Not placed at %(offer)s: weight %(weight)s is not above the cut-off %(cutoff)s (lowest weight admitted)."
        )
        self.region_cap = _("Not placed at %(offer)s: the seats for region %(region)s are full (at most %(cap)s).")
        self.reserve = _("Not placed at %(offer)s: the remaining seats are reserved for %(groups)s.")
        self.fairness = _("Not placed at %(offer)s: its seats went to groups with a lower fill (max-min fairness).")
        self.not_selected = _("Not placed at %(offer)s: the allocation used its seats for other requests.")
        self.more = _("%(reason)s Other listed offers: %(count)s (see details).")


def _result(
    instance: Instance,
    market: Market,
    outcome: Outcome,
    mode: str,
    solve_seconds: float,
    unconstrained: int,
    translate: Translate,
    names: Names | None = None,
) -> AllocationResult:
    states = [_OfferState() for _ in range(market.m)]
    assignments = []
    member_count = [0] * len(market.member_ids)
    total_score = total_weight = rank_sum = 0
    for i, j in enumerate(outcome.offer_of):
        if j < 0:
            continue
        _offer, score, rank, weight = next(c for c in market.choices[i] if c[0] == j)
        seat = outcome.seat_of[i]
        state = states[j]
        state.taken += 1
        state.lowest = weight if state.lowest is None else min(state.lowest, weight)
        state.weights.append((weight, seat))
        if seat is not None:
            state.pool_filled[seat] = state.pool_filled.get(seat, 0) + 1
        region = market.region_of[i]
        if region is not None:
            state.region_count[region] = state.region_count.get(region, 0) + 1
            state.path_region_count[seat, region] = state.path_region_count.get((seat, region), 0) + 1
        member_count[market.member_of[i]] += 1
        total_score += score
        total_weight += weight
        rank_sum += rank
        assignments.append(
            Assignment(
                request=market.request_ids[i],
                offer=market.offer_ids[j],
                score=_decimal(score),
                weight=_decimal(weight),
                rank=rank,
                seat="open" if seat is None else f"reserved:{seat}",
            )
        )
    explainer = _Explainer(market, outcome, states, member_count, mode, translate, names)
    unassigned = [explainer.explain(i) for i in range(market.n) if outcome.offer_of[i] < 0]
    assigned = len(assignments)
    capacity = sum(rules.capacity for rules in market.rules)
    metrics: dict[str, Any] = {
        "total_score": _decimal(total_score),
        "total_weight": _decimal(total_weight),
        "assigned": assigned,
        "requests": market.n,
        "capacity": capacity,
        "utilisation": round(assigned / capacity, 6) if capacity else None,
        "mean_rank_received": round(rank_sum / assigned, 6) if assigned else None,
        **_fills(market, outcome),
        "reserved_seats": sum(rules.reserved for rules in market.rules),
        "reserved_seats_filled_by_group": sum(sum(state.pool_filled.values()) for state in states),
        "unconstrained_total_score": _decimal(unconstrained),
        "policy_cost": _decimal(unconstrained - total_score),
        "blocking_pairs": blocking_pairs(market, outcome.offer_of),
        "solve_seconds": round(solve_seconds, 4),
        **outcome.notes,
    }
    if isinstance(metrics.get("fairness"), dict):
        placed_by_bucket: dict[str, int] = {}
        for i, j in enumerate(outcome.offer_of):
            if j >= 0:
                bucket = market.bucket_of(i)
                placed_by_bucket[bucket] = placed_by_bucket.get(bucket, 0) + 1
        for bucket, row in metrics["fairness"]["buckets"].items():
            row["assigned"] = placed_by_bucket.get(bucket, 0)
    solution = json.dumps([[a.request, a.offer, a.seat] for a in assignments], separators=(",", ":"))
    return AllocationResult(
        mode=mode,
        assignments=tuple(assignments),
        unassigned=tuple(unassigned),
        metrics=metrics,
        hash=snapshot_hash(instance),
        solution_hash=hashlib.sha256(solution.encode("utf-8")).hexdigest(),
    )


def _fills(market: Market, outcome: Outcome) -> dict[str, Any]:
    """Fill ratios per group and per region: placed / requests that listed at least one offer."""
    by_group: dict[str, list[int]] = {}
    by_region: dict[str, list[int]] = {}
    for i in range(market.n):
        placed = int(outcome.offer_of[i] >= 0)
        eligible = int(bool(market.choices[i]))
        for key in market.groups_of[i] or (NO_GROUP,):
            row = by_group.setdefault(key, [0, 0])
            row[0] += placed
            row[1] += eligible
        row = by_region.setdefault(market.region_of[i] or NO_GROUP, [0, 0])
        row[0] += placed
        row[1] += eligible

    def ratios(rows: dict[str, list[int]]) -> dict[str, float | None]:
        return {key: (round(a / n, 6) if n else None) for key, (a, n) in sorted(rows.items())}

    group_fill = ratios(by_group)
    present = [value for value in group_fill.values() if value is not None]
    return {
        "fill_by_group": group_fill,
        "fill_by_region": ratios(by_region),
        "min_group_fill": min(present) if present else None,
    }


class _Explainer:
    """Reasons for unassigned requests, from the final state of every offer.

    Per listed offer, the first rule that applies: `region_cap` (the request's region has all
    its seats there), `below_cutoff` (the offer is full and the request's adjusted weight is not
    above the lowest admitted — exact in stable mode, where the cut-off is what deferred
    acceptance ended with; in optimal mode the same comparison, which a global optimum can make
    for reasons spread over several offers), `reserve` (the seats the request could have had
    are held by or for a reserve group it is not in), `fairness` (optimal mode with max-min
    fairness: the seat went to a bucket that needed it), else `not_selected`.
    """

    def __init__(
        self,
        market: Market,
        outcome: Outcome,
        states: list[_OfferState],
        member_count: list[int],
        mode: str,
        translate: Translate,
        names: Names | None = None,
    ) -> None:
        self.market = market
        self.names = names or Names()
        self.outcome = outcome
        self.states = states
        self.member_count = member_count
        self.mode = mode
        self.texts = _Texts(translate)
        self.full = [state.taken >= rules.capacity for state, rules in zip(states, market.rules, strict=True)]
        self.cutoff = [None if state.lowest is None else _decimal(state.lowest) for state in states]
        self.simple = [rules.is_simple for rules in market.rules]
        self.beaten_code = self._beaten_code()

    def explain(self, i: int) -> Unassigned:
        market, texts = self.market, self.texts
        request = market.request_ids[i]
        if not market.choices[i]:
            return Unassigned(request, texts.no_choices % {"request": request}, "no_choices", {})
        cap = market.member_cap
        if i in self.outcome.withdrawn or (cap is not None and self.member_count[market.member_of[i]] >= cap):
            member = market.member_ids[market.member_of[i]]
            return Unassigned(
                request,
                texts.member_cap % {"member": self.names.member(member), "cap": cap},
                "member_cap",
                {"member": member, "cap": cap},
            )
        simple, simple_reason, offer_reason = self.simple, self.simple_reason, self.offer_reason
        per_offer = [
            simple_reason(j, weight) if simple[j] else offer_reason(i, j, weight)
            for j, _score, _rank, weight in market.choices[i]
        ]
        first = per_offer[0]
        sentence = self.sentence(first)
        if len(per_offer) > 1:
            sentence = texts.more % {"reason": sentence, "count": len(per_offer) - 1}
        return Unassigned(request, sentence, first["reason_code"], {"offers": per_offer})

    def simple_reason(self, j: int, weight: int) -> dict[str, Any]:
        """`offer_reason` for an offer whose only rule is its capacity (the common case, kept short)."""
        offer = self.market.offer_ids[j]
        if not self.full[j]:
            return {"offer": offer, "weight": _decimal(weight), "reason_code": "not_selected"}
        lowest = self.states[j].lowest
        code = "below_cutoff" if lowest is None or weight <= lowest else self.beaten_code
        return {"offer": offer, "weight": _decimal(weight), "reason_code": code, "cutoff": self.cutoff[j]}

    def offer_reason(self, i: int, j: int, weight: int) -> dict[str, Any]:
        """Why request i is not at offer j, an offer with reserves or region caps."""
        market = self.market
        rules = market.rules[j]
        state = self.states[j]
        offer = market.offer_ids[j]
        region = market.region_of[i]
        groups = market.groups_of[i]
        row: dict[str, Any] = {"offer": offer, "weight": _decimal(weight)}
        if region is not None and region in rules.region_caps:
            if self.mode == "optimal" and rules.pools:
                # Optimal mode splits a region cap between the pools and the open seats (flow.py).
                full = state.path_region_count.get((None, region), 0) >= rules.open_region_cap(region) and all(
                    state.path_region_count.get((group, region), 0) >= rules.pool_region_cap(group, region)
                    or state.pool_filled.get(group, 0) >= seats
                    for group, seats in rules.pools
                    if group in groups
                )
            else:
                full = state.region_count.get(region, 0) >= rules.region_caps[region]
            if full:
                return {**row, "reason_code": "region_cap", "region": region, "cap": rules.region_caps[region]}
        reserved_for = [group for group, _seats in rules.pools if group not in groups]
        if self.full[j]:
            if state.lowest is None or weight <= state.lowest:
                return {**row, "reason_code": "below_cutoff", "cutoff": self.cutoff[j]}
            if any(w < weight and seat is not None and seat not in groups for w, seat in state.weights):
                return {**row, "reason_code": "reserve", "groups": reserved_for, "cutoff": self.cutoff[j]}
            return {**row, "reason_code": self.beaten_code, "cutoff": self.cutoff[j]}
        held_back = sum(seats - state.pool_filled.get(group, 0) for group, seats in rules.pools if group not in groups)
        if held_back and state.taken + held_back >= rules.capacity:
            return {**row, "reason_code": "reserve", "groups": reserved_for}
        return {**row, "reason_code": "not_selected"}

    def _beaten_code(self) -> str:
        """A full offer admitted lower weights than this request's: why, when no cap explains it."""
        return "fairness" if self.mode == "optimal" and self.market.fairness == "maxmin" else "not_selected"

    def sentence(self, row: dict[str, Any]) -> str:
        texts = self.texts
        code = row["reason_code"]
        names = self.names
        params = {"offer": names.offer(row["offer"]), "weight": _text(round(row["weight"] * MICRO))}
        if code == "below_cutoff":
            if row.get("cutoff") is None:
                return texts.no_seats % params
            return texts.below_cutoff % {**params, "cutoff": _text(round(row["cutoff"] * MICRO))}
        if code == "region_cap":
            return texts.region_cap % {**params, "region": names.region(row["region"]), "cap": row["cap"]}
        if code == "reserve":
            return texts.reserve % {**params, "groups": ", ".join(names.group(g) for g in row["groups"])}
        if code == "fairness":
            return texts.fairness % params
        return texts.not_selected % params
