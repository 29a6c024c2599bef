"""Optimal mode: the allocation as one integral min-cost flow (OR-Tools `SimpleMinCostFlow`).

The network, from source S to sink T (docs/allocation.md draws it):

    S ─▶ [fairness bucket] ─▶ [member, cap = max_units_per_member] ─▶ request (cap 1)
    request ─▶ offer route (cap 1, cost = −weight)       one arc per acceptable offer, plus one
                                                         per reserve pool the request may use
    route: [region sub-node, cap = region seats] ─▶ offer ─▶ T (cap = capacity)
           or [region sub-node] ─▶ reserve pool ─▶ offer (cap = reserved seats, cost = −P)
    S ─▶ T  unassigned bypass, outside every group and member arc

At an offer with both reserves and region caps the region's seats are split between the pools
(share of each pool's seats, rounded down) and the open seats (the rest): a request's group
and its region are two crossing partitions, which a network cannot cap jointly; the split keeps
it a network and never lets a region above its cap (it can only be stricter).

Every constraint is a node or arc capacity and the graph is a network, so the optimum is
integral and equals the LP optimum. Costs are integers: weight × 1e6 × `TIE` plus a rank
tie-break smaller than one 1e-6 step. The reserve reward P exceeds any possible difference in
total weight, so filling reserved seats with their group comes first (lexicographically) and
seats nobody from the group can take are simply used by others (the soft release).

Max-min fairness: an exact bisection over the possible fill ratios k/n_b, each step one OR-Tools
max-flow with quota arcs S ─▶ bucket, then one min-cost flow where each bucket *supplies* its
quota (so the quota cannot leak through the bypass — the bypass starts at S, not at a bucket).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from .market import Market, Outcome

# Cost units per 1e-6 of weight. The rank tie-break adds 1..TIE-1 units, i.e. less than one
# 1e-6 step per arc: among allocations of (nearly) equal weight the flow prefers the ones that
# give requests their higher-ranked choices, and every acceptable arc has a negative cost, so a
# free seat is never left empty while a request that listed it is unassigned.
TIE = 16
INT64_MAX = 2**63 - 1


class AllocationSolverError(RuntimeError):
    """The flow solver did not return an optimal solution (should not happen on valid input)."""


@dataclass
class _Network:
    """Arcs of the flow network: a Python list part (upstream, offers, pools, region sub-nodes)
    followed by a numpy block with one arc per (request, offer[, pool]) — the part that is large.
    """

    num_nodes: int = 2
    tails: list[int] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    caps: list[int] = field(default_factory=list)
    costs: list[int] = field(default_factory=list)
    block_tails: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    block_heads: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    block_caps: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    block_costs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def node(self) -> int:
        self.num_nodes += 1
        return self.num_nodes - 1

    def nodes(self, count: int) -> int:
        """Reserve `count` consecutive nodes; returns the first."""
        first = self.num_nodes
        self.num_nodes += count
        return first

    def arc(self, tail: int, head: int, cap: int, cost: int = 0) -> int:
        self.tails.append(tail)
        self.heads.append(head)
        self.caps.append(cap)
        self.costs.append(cost)
        return len(self.tails) - 1

    @property
    def block_start(self) -> int:
        return len(self.tails)

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        return (
            np.concatenate([np.asarray(self.tails, dtype=np.int32), self.block_tails.astype(np.int32)]),
            np.concatenate([np.asarray(self.heads, dtype=np.int32), self.block_heads.astype(np.int32)]),
            np.concatenate([np.asarray(self.caps, dtype=np.int64), self.block_caps]),
            np.concatenate([np.asarray(self.costs, dtype=np.int64), self.block_costs]),
        )


S, T = 0, 1


class _FlowModel:
    """The network of one market; `plain=True` ignores the policy (for the unconstrained optimum)."""

    def __init__(self, market: Market, *, plain: bool) -> None:
        self.market = market
        self.plain = plain
        self.fair = not plain and market.fairness == "maxmin"
        member_cap = None if plain else market.member_cap
        net = _Network()
        self.net = net
        self.eligible = [i for i in range(market.n) if market.choices[i]]

        # Upstream: S (or a fairness bucket) ─▶ member (cap) ─▶ request.
        self.bucket_node: dict[str, int] = {}
        self.bucket_size: dict[str, int] = {}
        if self.fair:
            for i in self.eligible:
                bucket = market.bucket_of(i)
                self.bucket_size[bucket] = self.bucket_size.get(bucket, 0) + 1
            for bucket in sorted(self.bucket_size):
                self.bucket_node[bucket] = net.node()
        request_parent: dict[int, int] = {}
        if member_cap is not None:
            per_member: dict[int, list[int]] = {}
            for i in self.eligible:
                per_member.setdefault(market.member_of[i], []).append(i)
            for requests in per_member.values():
                member_node = net.node()
                parent = self.bucket_node[market.bucket_of(requests[0])] if self.fair else S
                net.arc(parent, member_node, min(member_cap, len(requests)))
                for i in requests:
                    request_parent[i] = member_node
        else:
            for i in self.eligible:
                request_parent[i] = self.bucket_node[market.bucket_of(i)] if self.fair else S
        request_base = net.nodes(market.n)  # request i is node request_base + i
        for i in self.eligible:
            net.arc(request_parent[i], request_base + i, 1)

        # Downstream: offer j is node offer_base + j ─▶ T (cap = capacity).
        offer_base = net.nodes(market.m)
        for j, rules in enumerate(market.rules):
            net.arc(offer_base + j, T, rules.capacity)
        pool_node: dict[tuple[int, str], int] = {}
        self.pool_arcs: list[int] = []
        if not plain:
            for j, rules in enumerate(market.rules):
                for group, seats in rules.pools:
                    pool_node[j, group] = net.node()
                    self.pool_arcs.append(net.arc(pool_node[j, group], offer_base + j, seats))
        region_node: dict[tuple[int, str | None, str], int] = {}

        def region_target(j: int, group: str | None, region: str, parent: int) -> int:
            """The region sub-node of offer j (inside pool `group`, or outside pools when None); -1 = no seat."""
            key = (j, group, region)
            if key not in region_node:
                rules = market.rules[j]
                if not rules.pools:
                    seats = rules.region_caps[region]
                elif group is None:
                    seats = rules.open_region_cap(region)
                else:
                    seats = rules.pool_region_cap(group, region)
                region_node[key] = net.node() if seats > 0 else -1
                if seats > 0:
                    net.arc(region_node[key], parent, seats)
            return region_node[key]

        # The block: one arc per edge straight to its offer (vectorised), then re-routed in Python
        # only where a region cap applies, plus one extra arc per reserve pool a request may use.
        value = market.edge_score if plain else market.edge_weight
        ranks = market.edge_rank
        costs = -(value * TIE + np.maximum(1, TIE - ranks))
        self.max_weight = int(value.max()) if len(value) else 0
        heads = offer_base + market.edge_offer
        caps = np.ones(len(value), dtype=np.int64)
        extra: list[tuple[int, int, int, int, str]] = []  # (edge, request, head, cost, group)
        if not plain:
            has_regions = {j for j, rules in enumerate(market.rules) if rules.region_caps}
            has_pools = {j for j, rules in enumerate(market.rules) if rules.pools}
            edge_offer = market.edge_offer.tolist()
            edge_request = market.edge_request.tolist()
            for k in np.flatnonzero(np.isin(market.edge_offer, list(has_regions | has_pools))).tolist():
                i, j = edge_request[k], edge_offer[k]
                rules = market.rules[j]
                region = market.region_of[i]
                capped = j in has_regions and region is not None and region in rules.region_caps
                if capped:
                    target = region_target(j, None, region, offer_base + j)
                    if target < 0:
                        caps[k] = 0
                    else:
                        heads[k] = target
                if j in has_pools:
                    for group, _seats in rules.pools:
                        if group in market.groups_of[i]:
                            pool = pool_node[j, group]
                            target = region_target(j, group, region, pool) if capped else pool
                            if target >= 0:
                                extra.append((k, i, target, int(costs[k]), group))
        self.extra = extra
        net.block_tails = np.concatenate(
            [request_base + market.edge_request, np.asarray([request_base + e[1] for e in extra], dtype=np.int64)]
        )
        net.block_heads = np.concatenate([heads, np.asarray([e[2] for e in extra], dtype=np.int64)])
        net.block_caps = np.concatenate([caps, np.ones(len(extra), dtype=np.int64)])
        net.block_costs = np.concatenate([costs, np.asarray([e[3] for e in extra], dtype=np.int64)])
        self._price_reserves()

    def _price_reserves(self) -> None:
        """Give every reserved-seat arc the reward P (a negative cost), as large as stays exact.

        Any change to an allocation moves at most min(requests, seats) units, each worth at most
        the largest weight, so P above that makes reserved-seat filling strictly come first. P is
        capped where OR-Tools' cost scaling would overflow 64 bits (not reached at 10^5 requests
        with bonuses up to 1); reserves then stay strongly but not strictly first.
        """
        if not self.pool_arcs:
            self.reserve_reward = 0
            self.reserve_strict = True
            return
        step = self.max_weight * TIE + TIE
        units = min(len(self.eligible), sum(rules.capacity for rules in self.market.rules))
        wanted = (units + 1) * step
        budget = INT64_MAX // (self.net.num_nodes + 2) // 4
        self.reserve_reward = min(wanted, budget)
        self.reserve_strict = wanted <= budget
        for arc in self.pool_arcs:
            self.net.costs[arc] = -self.reserve_reward

    def solve_mcf(self, quotas: dict[str, int] | None = None) -> Outcome:
        """Minimum-cost flow; with `quotas`, each fairness bucket must place at least its quota."""
        net = self.net
        tails, heads, caps, costs = net.arrays()
        solver = min_cost_flow.SimpleMinCostFlow()
        solver.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
        eligible = len(self.eligible)
        supplies = np.zeros(net.num_nodes, dtype=np.int64)
        supplies[T] = -eligible
        if self.fair:
            quotas = quotas or {}
            for bucket, node in self.bucket_node.items():
                quota = quotas.get(bucket, 0)
                # The bucket itself supplies its quota, so those units can only leave through
                # its requests; extra units come from S. Unplaced units go S ─▶ T directly.
                supplies[node] = quota
                solver.add_arc_with_capacity_and_unit_cost(S, node, self.bucket_size[bucket] - quota, 0)
            supplies[S] = eligible - sum(quotas.values())
        else:
            supplies[S] = eligible
        solver.add_arc_with_capacity_and_unit_cost(S, T, eligible, 0)
        solver.set_nodes_supplies(np.arange(net.num_nodes, dtype=np.int32), supplies)
        status = solver.solve()
        if status != min_cost_flow.SimpleMinCostFlow.OPTIMAL:
            raise AllocationSolverError(f"min-cost flow ended with status {status.name}")
        start = net.block_start
        edges = len(self.market.edge_request)
        flows = solver.flows(np.arange(start, start + edges + len(self.extra), dtype=np.int32))
        offer_of = [-1] * self.market.n
        seat_of: list[str | None] = [None] * self.market.n
        edge_request = self.market.edge_request
        edge_offer = self.market.edge_offer
        for k in np.flatnonzero(flows).tolist():
            if k < edges:
                i, j, seat = int(edge_request[k]), int(edge_offer[k]), None
            else:
                edge, i, _head, _cost, seat = self.extra[k - edges]
                j = int(edge_offer[edge])
            offer_of[i] = j
            seat_of[i] = seat
        notes = {}
        if self.pool_arcs:
            notes["reserve_priority"] = "lexicographic" if self.reserve_strict else "bounded"
        return Outcome(offer_of=offer_of, seat_of=seat_of, notes=notes)

    def maxmin_quotas(self) -> tuple[Fraction, dict[str, int], int]:
        """The largest t such that every bucket b can place ceil(t · n_b) requests at once.

        t* is one of the ratios k/n_b, so a binary search over their sorted set is exact (about
        log2(requests) max-flows). Returns t*, the quotas and the number of max-flow solves.
        """
        net = self.net
        tails, heads, caps, _costs = net.arrays()
        solver = max_flow.SimpleMaxFlow()
        solver.add_arcs_with_capacity(tails, heads, caps)
        quota_arcs = {bucket: solver.add_arc_with_capacity(S, node, 0) for bucket, node in self.bucket_node.items()}
        candidates = sorted({Fraction(k, size) for size in self.bucket_size.values() for k in range(size + 1)})
        solves = 0

        def quotas_for(t: Fraction) -> dict[str, int]:
            return {bucket: -(-t.numerator * size // t.denominator) for bucket, size in self.bucket_size.items()}

        def feasible(t: Fraction) -> bool:
            nonlocal solves
            quotas = quotas_for(t)
            for bucket, arc in quota_arcs.items():
                solver.set_arc_capacity(arc, quotas[bucket])
            solves += 1
            status = solver.solve(S, T)
            if status != max_flow.SimpleMaxFlow.OPTIMAL:
                raise AllocationSolverError(f"max-flow ended with status {status.name}")
            return solver.optimal_flow() == sum(quotas.values())

        low, high = 0, len(candidates) - 1  # candidates[0] = 0 is always feasible
        while low < high:
            middle = (low + high + 1) // 2
            if feasible(candidates[middle]):
                low = middle
            else:
                high = middle - 1
        t_star = candidates[low] if candidates else Fraction(0)
        return t_star, quotas_for(t_star), solves


def solve_optimal(market: Market, *, plain: bool = False) -> Outcome:
    """The maximum-weight allocation under the market's policy (or ignoring it with `plain`)."""
    model = _FlowModel(market, plain=plain)
    if not model.fair:
        return model.solve_mcf()
    t_star, quotas, solves = model.maxmin_quotas()
    outcome = model.solve_mcf(quotas)
    outcome.notes["fairness"] = {
        "min_fill": float(t_star),
        "min_fill_exact": f"{t_star.numerator}/{t_star.denominator}",
        "max_flow_solves": solves,
        "buckets": {
            bucket: {"requests": model.bucket_size[bucket], "quota": quotas[bucket]} for bucket in sorted(quotas)
        },
    }
    return outcome
