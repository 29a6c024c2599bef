"""The indexed form of an instance that every solver works on (integers and lists, no dicts of dicts).

Requests and offers are numbered in id order, so a lower request index also means "wins ties".
Weights are integers in micro-units: adjusted weight = score + the request's priority bonus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .instance import MICRO, NO_GROUP, Instance


@dataclass(frozen=True)
class OfferRules:
    """Capacity rules of one offer: reserved seats per group and region caps, in seats (rounded down)."""

    capacity: int
    pools: tuple[tuple[str, int], ...] = ()  # (group, reserved seats > 0), by group name
    region_caps: dict[str, int] = field(default_factory=dict)  # region -> at most this many seats
    region_shares: dict[str, int] = field(default_factory=dict)  # region -> share in micro-units

    @property
    def reserved(self) -> int:
        """Seats held in reserve pools altogether."""
        return sum(seats for _group, seats in self.pools)

    @property
    def is_simple(self) -> bool:
        """True when only the capacity matters (no pools, no region caps)."""
        return not self.pools and not self.region_caps

    def pool_region_cap(self, group: str, region: str) -> int:
        """Optimal mode, offers with pools and region caps: the region's seats inside one pool."""
        seats = dict(self.pools)[group]
        return self.region_shares[region] * seats // MICRO

    def open_region_cap(self, region: str) -> int:
        """Optimal mode, offers with pools and region caps: the region's seats outside the pools.

        The region cap is split between the pools (each pool gets its share of its own seats,
        rounded down) and the rest, so that the parts never add up to more than the cap.
        """
        inside = sum(self.pool_region_cap(group, region) for group, _seats in self.pools)
        return self.region_caps[region] - inside


def seats_for_share(share_micro: int, capacity: int) -> int:
    """Seats for a share of a capacity, rounded down (exact integer arithmetic)."""
    return share_micro * capacity // MICRO


@dataclass
class Market:
    """An instance in indexed form, with the policy applied to weights and offer rules."""

    instance: Instance
    request_ids: list[str]
    member_of: list[int]
    member_ids: list[str]
    groups_of: list[tuple[str, ...]]
    region_of: list[str | None]
    bonus_of: list[int]
    # Per request, in preference order: (offer index, score micro, rank, adjusted weight micro).
    choices: list[list[tuple[int, int, int, int]]]
    offer_ids: list[str]
    rules: list[OfferRules]
    member_cap: int | None
    fairness: str
    # The same edges flattened in request order, for vectorised work (flow arcs, blocking pairs).
    edge_request: np.ndarray
    edge_offer: np.ndarray
    edge_score: np.ndarray
    edge_rank: np.ndarray
    edge_weight: np.ndarray

    @classmethod
    def build(cls, instance: Instance) -> Market:
        """Index an instance and apply its policy (bonuses, reserves and region caps in seats)."""
        policy = instance.policy
        offer_index = {offer.id: j for j, offer in enumerate(instance.offers)}
        rules = []
        for offer in instance.offers:
            reserve = policy.reserve if offer.reserve is None else offer.reserve
            pools = tuple(
                (group, seats) for group, share in reserve if (seats := seats_for_share(share, offer.capacity)) > 0
            )
            region_caps = {region: seats_for_share(share, offer.capacity) for region, share in offer.region_cap}
            rules.append(
                OfferRules(
                    capacity=offer.capacity,
                    pools=pools,
                    region_caps=region_caps,
                    region_shares=dict(offer.region_cap),
                )
            )
        member_index: dict[str, int] = {}
        member_of, groups_of, region_of, bonus_of, choices = [], [], [], [], []
        bonuses = dict(policy.priority_bonus)
        for request in instance.requests:
            member_of.append(member_index.setdefault(request.member, len(member_index)))
            groups_of.append(request.groups)
            region_of.append(request.region)
            # The largest bonus among the request's groups (not their sum).
            bonus = max((bonuses.get(group, 0) for group in request.groups), default=0)
            bonus_of.append(bonus)
            choices.append(
                [
                    (offer_index[choice.offer], choice.score_micro, choice.rank, choice.score_micro + bonus)
                    for choice in request.choices
                ]
            )
        flat = [edge for row in choices for edge in row]
        edges = np.array(flat, dtype=np.int64).reshape(len(flat), 4)
        return cls(
            instance=instance,
            request_ids=[request.id for request in instance.requests],
            member_of=member_of,
            member_ids=list(member_index),
            groups_of=groups_of,
            region_of=region_of,
            bonus_of=bonus_of,
            choices=choices,
            offer_ids=[offer.id for offer in instance.offers],
            rules=rules,
            member_cap=policy.max_units_per_member,
            fairness=policy.fairness,
            edge_request=np.repeat(np.arange(len(choices), dtype=np.int64), [len(row) for row in choices]),
            edge_offer=edges[:, 0],
            edge_score=edges[:, 1],
            edge_rank=edges[:, 2],
            edge_weight=edges[:, 3],
        )

    @property
    def n(self) -> int:
        """Number of requests."""
        return len(self.request_ids)

    @property
    def m(self) -> int:
        """Number of offers."""
        return len(self.offer_ids)

    def bucket_of(self, i: int) -> str:
        """Max-min fairness bucket of request i: its group set joined by "+", or "(none)"."""
        return "+".join(self.groups_of[i]) or NO_GROUP

    def edge_priority(self) -> np.ndarray:
        """How each edge's offer ranks its request: higher wins; ties go to the lower request id.

        weight × (n + 1) + (n − i): the weight decides, the request index only breaks ties.
        """
        return self.edge_weight * (self.n + 1) + (self.n - self.edge_request)


@dataclass
class Outcome:
    """What a solver decided: an offer (or -1) and a seat kind per request, plus solver notes."""

    offer_of: list[int]
    seat_of: list[str | None]  # None = open seat, else the group whose reserved seat it is
    withdrawn: set[int] = field(default_factory=set)  # stable mode: withdrawn by the member cap
    notes: dict = field(default_factory=dict)
