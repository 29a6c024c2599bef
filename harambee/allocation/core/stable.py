"""Stable mode (requester-proposing deferred acceptance), the greedy baseline, and blocking pairs.

Offers rank requests by adjusted weight (score + priority bonus), ties to the lower request id —
`Market.edge_priority`. An offer's choice rule, given the requests that applied to it:

1. reserved seats first: for each reserve group in name order, its reserved seats go to the
   best applicants of that group (so a request in two groups is taken by the first pool that
   wants it);
2. then the remaining seats — including reserved seats nobody from the group took (the soft
   release) — go to the best remaining applicants;

skipping, in both steps, an applicant whose region already has its capped number of seats.
Without reserves this rule is the greedy choice of a laminar matroid (capacity + region caps),
which is substitutable, so deferred acceptance gives a stable allocation (no justified envy).

The member cap is applied on the member side, between runs of deferred acceptance: when a run
leaves some member above its cap, every member that reached its cap keeps its `cap` best
placements (highest weight where placed, ties to the lower id) and withdraws all its other
requests, and deferred acceptance runs again without them. Fewer competitors only improve the
outcome of every remaining request, so the kept ones stay placed and such a member stays at its
cap; the runs stop when no member is above its cap (at most one run per member that hits it).
"""

from __future__ import annotations

import heapq
from bisect import insort

import numpy as np

from .market import Market, OfferRules, Outcome


def choose(
    rules: OfferRules, applicants: list[tuple[int, int]], market: Market
) -> tuple[list[tuple[int, str | None]], list[int]]:
    """The offer's choice from `applicants` [(key, request), …] sorted best first (key unused).

    Returns the chosen [(request, seat kind)] and the rejected requests.
    """
    capped = rules.region_caps
    region_of = market.region_of
    region_count: dict[str, int] = {}
    taken: dict[int, str | None] = {}
    for group, seats in rules.pools:
        filled = 0
        for _key, i in applicants:
            if filled == seats:
                break
            if i in taken or group not in market.groups_of[i]:
                continue
            region = region_of[i]
            if region in capped:
                if region_count.get(region, 0) >= capped[region]:
                    continue
                region_count[region] = region_count.get(region, 0) + 1
            taken[i] = group
            filled += 1
    free = rules.capacity - len(taken)
    for _key, i in applicants:
        if free == 0:
            break
        if i in taken:
            continue
        region = region_of[i]
        if region in capped:
            if region_count.get(region, 0) >= capped[region]:
                continue
            region_count[region] = region_count.get(region, 0) + 1
        taken[i] = None
        free -= 1
    chosen = [(i, taken[i]) for _key, i in applicants if i in taken]
    rejected = [i for _key, i in applicants if i not in taken]
    return chosen, rejected


def _proposals(market: Market) -> list[list[tuple[int, int]]]:
    """Per request, its (offer, priority at that offer) in preference order, computed once."""
    priority = market.edge_priority().tolist()
    offers = market.edge_offer.tolist()
    rows, k = [], 0
    for choices in market.choices:
        rows.append(list(zip(offers[k : k + len(choices)], priority[k : k + len(choices)], strict=True)))
        k += len(choices)
    return rows


def _deferred_acceptance(
    market: Market, active: list[int], proposals: list[list[tuple[int, int]]]
) -> tuple[list[int], list[str | None]]:
    """One run of requester-proposing deferred acceptance over the `active` requests."""
    n = market.n
    offer_of = [-1] * n
    seat_of: list[str | None] = [None] * n
    next_choice = [0] * n
    capacity = [rules.capacity for rules in market.rules]
    simple = [rules.is_simple for rules in market.rules]
    groups_of = market.groups_of
    # Simple offers hold a min-heap of (priority, request); offers with reserves or region caps
    # hold their applicants as (-priority, request) sorted best first and re-run the choice rule
    # on a proposal, unless the quick test below already shows that the newcomer is rejected.
    heaps: dict[int, list[tuple[int, int]]] = {j: [] for j in range(market.m) if simple[j]}
    held: dict[int, list[tuple[int, int]]] = {j: [] for j in range(market.m) if not simple[j]}
    pool_filled: dict[int, dict[str, int]] = {j: {} for j in held}
    free = list(reversed(active))
    while free:
        i = free.pop()
        row = proposals[i]
        k = next_choice[i]
        while k < len(row):
            j, priority = row[k]
            k += 1
            if simple[j]:
                heap = heaps[j]
                if len(heap) < capacity[j]:
                    heapq.heappush(heap, (priority, i))
                    offer_of[i], seat_of[i] = j, None
                    break
                if heap and priority > heap[0][0]:
                    _lost, loser = heapq.heapreplace(heap, (priority, i))
                    offer_of[i], seat_of[i] = j, None
                    offer_of[loser] = -1
                    free.append(loser)
                    break
                continue
            rules = market.rules[j]
            applicants = held[j]
            # Full, and the newcomer ranks below everyone held: the choice rule would process it
            # last, after the same decisions as before, so it could only get a pool seat that
            # its group has not filled.
            if (
                len(applicants) == capacity[j]
                and applicants
                and priority < -applicants[-1][0]
                and all(pool_filled[j].get(g, 0) >= seats for g, seats in rules.pools if g in groups_of[i])
            ):
                continue
            insort(applicants, (-priority, i))
            chosen, rejected = choose(rules, applicants, market)
            out = set(rejected)
            for r in rejected:
                if r != i:
                    offer_of[r], seat_of[r] = -1, None
                    free.append(r)
            if out:
                held[j] = [entry for entry in applicants if entry[1] not in out]
            filled: dict[str, int] = {}
            for r, seat in chosen:
                seat_of[r] = seat
                if seat is not None:
                    filled[seat] = filled.get(seat, 0) + 1
            pool_filled[j] = filled
            if i not in out:
                offer_of[i] = j
                break
        next_choice[i] = k
    return offer_of, seat_of


def deferred_acceptance(market: Market) -> Outcome:
    """Stable mode: deferred acceptance; with a member cap, repeated as the module doc says."""
    proposals = _proposals(market)
    withdrawn: set[int] = set()
    finished: set[int] = set()  # members that reached their cap
    rounds = 0
    while True:
        rounds += 1
        active = [i for i in range(market.n) if i not in withdrawn]
        offer_of, seat_of = _deferred_acceptance(market, active, proposals)
        if market.member_cap is None:
            break
        placed: dict[int, list[int]] = {}
        for i in active:
            if offer_of[i] >= 0:
                placed.setdefault(market.member_of[i], []).append(i)
        reached = {
            member
            for member, requests in placed.items()
            if len(requests) >= market.member_cap and member not in finished
        }
        over = any(len(requests) > market.member_cap for requests in placed.values())
        if not over:
            break
        for member in reached:
            # Keep the member's best placements (weight where placed; ties: lower id); all its
            # other requests leave the round. The kept ones stay placed in the next run, since
            # fewer competitors only improve every remaining request's outcome.
            best = sorted(placed[member], key=lambda i: (-_weight(market, i, offer_of[i]), i))[: market.member_cap]
            keep = set(best)
            withdrawn.update(i for i in active if market.member_of[i] == member and i not in keep)
            finished.add(member)
    return Outcome(offer_of=offer_of, seat_of=seat_of, withdrawn=withdrawn, notes={"rounds": rounds})


def _weight(market: Market, i: int, j: int) -> int:
    for offer, _score, _rank, weight in market.choices[i]:
        if offer == j:
            return weight
    raise ValueError(j)


def greedy(market: Market) -> Outcome:
    """Baseline: (request, offer) pairs by adjusted weight, best first; take a pair if it fits.

    Ties: better rank for the request, then lower request id, then lower offer id. A pair fits
    when the request is free, its member below the cap, its region below the offer's region cap,
    and a seat is free that is not held back for a reserve group it is not in. A second pass in
    the same order then fills the reserved seats nobody from the group took (the soft release).
    """
    n = market.n
    offer_of = [-1] * n
    seat_of: list[str | None] = [None] * n
    member_count = [0] * len(market.member_ids)
    taken = [0] * market.m
    pool_filled: list[dict[str, int]] = [dict.fromkeys(dict(rules.pools), 0) for rules in market.rules]
    region_count: list[dict[str, int]] = [{} for _ in range(market.m)]
    order = np.lexsort((market.edge_offer, market.edge_request, market.edge_rank, -market.edge_weight))
    pairs = list(zip(market.edge_request[order].tolist(), market.edge_offer[order].tolist(), strict=True))
    cap = market.member_cap

    def fits(i: int, j: int) -> bool:
        rules = market.rules[j]
        region = market.region_of[i]
        if cap is not None and member_count[market.member_of[i]] >= cap:
            return False
        return region not in rules.region_caps or region_count[j].get(region, 0) < rules.region_caps[region]

    def take(i: int, j: int, seat: str | None) -> None:
        offer_of[i] = j
        seat_of[i] = seat
        member_count[market.member_of[i]] += 1
        taken[j] += 1
        region = market.region_of[i]
        if region in market.rules[j].region_caps:
            region_count[j][region] = region_count[j].get(region, 0) + 1
        if seat is not None:
            pool_filled[j][seat] += 1

    for i, j in pairs:
        if offer_of[i] >= 0 or not fits(i, j):
            continue
        rules = market.rules[j]
        pool = next((g for g, seats in rules.pools if g in market.groups_of[i] and pool_filled[j][g] < seats), None)
        if pool is not None:
            take(i, j, pool)
            continue
        held_back = sum(seats - pool_filled[j][g] for g, seats in rules.pools)
        if taken[j] + held_back < rules.capacity:
            take(i, j, None)
    for i, j in pairs:
        if offer_of[i] < 0 and taken[j] < market.rules[j].capacity and fits(i, j):
            take(i, j, None)
    return Outcome(offer_of=offer_of, seat_of=seat_of)


def blocking_pairs(market: Market, offer_of: list[int]) -> int:
    """Justified-envy pairs (i, j) under the policy-adjusted priorities and the offers' choice rule.

    i listed j and prefers it to what it got (or got nothing), and j would choose i from its
    assignees plus i. A request left out while its member is at the cap is not counted: it could
    only be placed by taking a unit from another request of the same member. Offers with only a
    capacity are checked vectorised (free seat, or i above the lowest admitted); the others by
    running their choice rule.
    """
    n = market.n
    if not len(market.edge_request):
        return 0
    assigned = np.asarray(offer_of, dtype=np.int64)
    req, off = market.edge_request, market.edge_offer
    priority = market.edge_priority()
    is_assigned_edge = assigned[req] == off
    rank_received = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    rank_received[req[is_assigned_edge]] = market.edge_rank[is_assigned_edge]
    prefers = market.edge_rank < rank_received[req]
    if market.member_cap is not None:
        placed = np.bincount(
            np.asarray(market.member_of, dtype=np.int64)[assigned >= 0], minlength=len(market.member_ids)
        )
        at_cap = placed >= market.member_cap
        prefers &= ~((assigned[req] < 0) & at_cap[np.asarray(market.member_of, dtype=np.int64)[req]])
    load = np.bincount(off[is_assigned_edge], minlength=market.m)
    lowest = np.full(market.m, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(lowest, off[is_assigned_edge], priority[is_assigned_edge])
    capacity = np.asarray([rules.capacity for rules in market.rules], dtype=np.int64)
    simple = np.asarray([rules.is_simple for rules in market.rules], dtype=bool)
    envy = prefers & simple[off] & ((load[off] < capacity[off]) | (priority > lowest[off]))
    count = int(envy.sum())
    complex_edges = np.flatnonzero(prefers & ~simple[off])
    if len(complex_edges):
        assignees: dict[int, list[tuple[int, int]]] = {}
        for k in np.flatnonzero(is_assigned_edge & ~simple[off]).tolist():
            assignees.setdefault(int(off[k]), []).append((int(priority[k]), int(req[k])))
        for k in complex_edges.tolist():
            i, j = int(req[k]), int(off[k])
            applicants = sorted([*assignees.get(j, []), (int(priority[k]), i)], reverse=True)
            chosen, _rejected = choose(market.rules[j], applicants, market)
            count += any(r == i for r, _seat in chosen)
    return count
