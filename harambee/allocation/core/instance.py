"""The allocation instance: parsing, validation, normalisation and the snapshot hash.

An instance is a JSON object with a `policy`, a list of `offers` and a list of `requests`
(docs/allocation.md). `parse_instance` checks everything at once and raises one
`AllocationInputError` that lists every problem, each naming the offending id and field.
The parsed `Instance` is normalised: offers and requests sorted by id, each request's choices in
its preference order, groups sorted, numbers held in micro-units (1e-6) — so two inputs that only
differ in list order give the same `Instance` and the same hash.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

# The core imports no Django (docs/adr/0011): messages are written as `_("...")` calls so that
# makemessages finds them, and `_` is the translate callable the caller passes in (the app layer,
# harambee.allocation.engine, passes Django's gettext; the default leaves them in English).
Translate = Callable[[str], str]


def untranslated(message: str) -> str:
    return message


ENGINE_VERSION = "1.0.0"
MODES = ("optimal", "stable")
FAIRNESS_MODES = ("none", "maxmin")
# Scores, bonuses and shares are used at this resolution (1e-6): integers make the flow costs,
# the stable-mode priorities and the cap roundings exact and platform-independent.
MICRO = 1_000_000
# A bonus this large already makes a group strictly first (scores are at most 1); the bound keeps
# the integer flow costs far from 64-bit overflow.
MAX_BONUS = 1000.0
# Key of the "no group" bucket in fill statistics and max-min fairness.
NO_GROUP = "(none)"


class AllocationInputError(ValueError):
    """The instance is invalid; `errors` lists every problem found, one sentence each."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


class Choice(NamedTuple):
    """One acceptable offer of a request: match score in micro-units and preference rank (1 = best).

    A named tuple rather than a frozen dataclass: an instance holds hundreds of thousands of them,
    and a tuple is made several times faster.
    """

    offer: str
    score_micro: int
    rank: int

    @property
    def score(self) -> float:
        """The match score as a float in [0, 1]."""
        return self.score_micro / MICRO


@dataclass(frozen=True, slots=True)
class Offer:
    """An offer's capacity and its per-offer rules (region caps, optional reserve override)."""

    id: str
    capacity: int
    region_cap: tuple[tuple[str, int], ...] = ()
    reserve: tuple[tuple[str, int], ...] | None = None


@dataclass(frozen=True, slots=True)
class Request:
    """One unit requested by a member, with its acceptable offers in preference order."""

    id: str
    member: str
    groups: tuple[str, ...] = ()
    region: str | None = None
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Policy:
    """The round policy; every field has the neutral default (plain maximum total score)."""

    mode: str = "optimal"
    priority_bonus: tuple[tuple[str, int], ...] = ()
    max_units_per_member: int | None = None
    reserve: tuple[tuple[str, int], ...] = ()
    fairness: str = "none"

    @property
    def is_neutral(self) -> bool:
        """True when the policy changes nothing about the plain maximum-score allocation."""
        return (
            not any(value for _group, value in self.priority_bonus)
            and self.max_units_per_member is None
            and not any(value for _group, value in self.reserve)
            and self.fairness == "none"
        )


@dataclass(frozen=True)
class Instance:
    """A normalised allocation instance (offers and requests sorted by id)."""

    policy: Policy
    offers: tuple[Offer, ...]
    requests: tuple[Request, ...]

    def with_mode(self, mode: str) -> Instance:
        """The same instance with another policy mode."""
        return replace(self, policy=replace(self.policy, mode=mode))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _micro(value: float) -> int:
    return round(value * MICRO)


class _Checker:
    """Collects errors while the instance is read, so that all of them are reported at once."""

    def __init__(self, translate: Translate) -> None:
        self.errors: list[str] = []
        self.translate = translate

    def add(self, message: str) -> None:
        self.errors.append(message)

    def share_map(self, value: Any, where: str, what: str) -> tuple[tuple[str, int], ...]:
        """A {key: share in [0, 1]} mapping, as sorted (key, micro-share) pairs."""
        _ = self.translate
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.add(_("%(where)s: %(what)s must be an object {name: share}.") % {"where": where, "what": what})
            return ()
        pairs = []
        for key, share in value.items():
            if not isinstance(key, str) or not key:
                self.add(_("%(where)s: %(what)s has an empty name.") % {"where": where, "what": what})
            elif not _is_number(share) or not 0 <= share <= 1:
                self.add(
                    _("%(where)s: %(what)s share for %(key)s must be a number between 0 and 1, got %(value)s.")
                    % {"where": where, "what": what, "key": key, "value": json.dumps(share)}
                )
            else:
                pairs.append((key, _micro(share)))
        return tuple(sorted(pairs))

    def reserve_map(self, value: Any, where: str) -> tuple[tuple[str, int], ...]:
        _ = self.translate
        pairs = self.share_map(value, where, "reserve")
        total = sum(share for _group, share in pairs)
        if total > MICRO:
            self.add(
                _("%(where)s: reserve shares sum to %(total)s, more than 1.")
                % {"where": where, "total": round(total / MICRO, 6)}
            )
        return pairs


def _parse_policy(raw: Any, check: _Checker) -> Policy:
    _ = check.translate
    if raw is None:
        return Policy()
    if not isinstance(raw, dict):
        check.add(_("policy: must be an object."))
        return Policy()
    mode = raw.get("mode", "optimal")
    if mode not in MODES:
        check.add(
            _("policy.mode: unknown mode %(value)s (expected one of %(choices)s).")
            % {"value": json.dumps(mode), "choices": ", ".join(MODES)}
        )
        mode = "optimal"
    fairness = raw.get("fairness", "none")
    if fairness is None:
        fairness = "none"
    if fairness not in FAIRNESS_MODES:
        check.add(
            _("policy.fairness: unknown fairness %(value)s (expected one of %(choices)s).")
            % {"value": json.dumps(fairness), "choices": ", ".join(FAIRNESS_MODES)}
        )
        fairness = "none"
    bonus_raw = raw.get("priority_bonus")
    bonuses: list[tuple[str, int]] = []
    if bonus_raw is not None and not isinstance(bonus_raw, dict):
        check.add(_("policy.priority_bonus: must be an object {group: bonus}."))
    elif bonus_raw:
        for group, bonus in bonus_raw.items():
            if not isinstance(group, str) or not group:
                check.add(_("policy.priority_bonus: a group name is empty."))
            elif not _is_number(bonus) or not 0 <= bonus <= MAX_BONUS:
                check.add(
                    _("policy.priority_bonus.%(group)s: bonus must be a number between 0 and %(max)s, got %(value)s.")
                    % {"group": group, "max": int(MAX_BONUS), "value": json.dumps(bonus)}
                )
            else:
                bonuses.append((group, _micro(bonus)))
    cap = raw.get("max_units_per_member")
    if cap is not None and (not _is_int(cap) or cap < 1):
        check.add(
            _("policy.max_units_per_member: must be an integer of at least 1, got %(value)s.")
            % {"value": json.dumps(cap)}
        )
        cap = None
    reserve = check.reserve_map(raw.get("reserve"), "policy.reserve")
    return Policy(
        mode=mode,
        priority_bonus=tuple(sorted(bonuses)),
        max_units_per_member=cap,
        reserve=reserve,
        fairness=fairness,
    )


def _label(kind: str, index: int, item: Any) -> str:
    """`offers[3] (O4)`: the position plus the id when there is one, for error messages."""
    ident = item.get("id") if isinstance(item, dict) else None
    return f"{kind}[{index}] ({ident})" if isinstance(ident, str) and ident else f"{kind}[{index}]"


def _parse_offers(raw: Any, check: _Checker) -> list[Offer]:
    _ = check.translate
    if raw is None:
        check.add(_("offers: missing required key."))
        return []
    if not isinstance(raw, list):
        check.add(_("offers: must be a list."))
        return []
    offers: list[Offer] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        where = _label("offers", index, item)
        if not isinstance(item, dict):
            check.add(_("%(where)s: must be an object.") % {"where": where})
            continue
        ident = item.get("id")
        if "id" not in item:
            check.add(_("%(where)s: missing required key %(key)s.") % {"where": where, "key": "id"})
            continue
        if not isinstance(ident, str) or not ident:
            check.add(
                _("%(where)s.id: must be a non-empty string, got %(value)s.")
                % {"where": where, "value": json.dumps(ident)}
            )
            continue
        if ident in seen:
            check.add(_("%(where)s: duplicate offer id %(id)s.") % {"where": where, "id": ident})
            continue
        seen.add(ident)
        capacity = item.get("capacity")
        if "capacity" not in item:
            check.add(_("%(where)s: missing required key %(key)s.") % {"where": where, "key": "capacity"})
            capacity = 0
        elif not _is_int(capacity) or capacity < 0:
            check.add(
                _("%(where)s.capacity: must be a non-negative integer, got %(value)s.")
                % {"where": where, "value": json.dumps(capacity)}
            )
            capacity = 0
        region_cap = check.share_map(item.get("region_cap"), f"{where}.region_cap", "region_cap")
        reserve = check.reserve_map(item["reserve"], f"{where}.reserve") if item.get("reserve") is not None else None
        offers.append(Offer(id=ident, capacity=capacity, region_cap=region_cap, reserve=reserve))
    return offers


def _parse_choices(raw: Any, where: str, offer_ids: set[str], check: _Checker) -> tuple[Choice, ...]:
    _ = check.translate
    if not isinstance(raw, list):
        check.add(_("%(where)s.choices: must be a list.") % {"where": where})
        return ()
    parsed: list[tuple[str, int, int | None]] = []
    seen_offers: set[str] = set()
    seen_ranks: set[int] = set()
    for index, choice in enumerate(raw):
        if type(choice) is dict:
            # A well-formed choice passes these few tests at once (the slow path below says what is
            # wrong otherwise): an instance holds hundreds of thousands of choices. NaN and the
            # infinities fail the range test; booleans are neither int nor float by `type`.
            offer, score, rank = choice.get("offer"), choice.get("score"), choice.get("rank")
            if (
                type(offer) is str
                and offer in offer_ids
                and offer not in seen_offers
                and (type(score) is float or type(score) is int)
                and 0 <= score <= 1
                and (rank is None or (type(rank) is int and rank >= 1 and rank not in seen_ranks))
            ):
                seen_offers.add(offer)
                if rank is not None:
                    seen_ranks.add(rank)
                parsed.append((offer, round(score * MICRO), rank))
                continue
        at = f"{where}.choices[{index}]"
        if not isinstance(choice, dict):
            check.add(_("%(where)s: must be an object.") % {"where": at})
            continue
        problems = len(check.errors)
        offer = choice.get("offer")
        if "offer" not in choice:
            check.add(_("%(where)s: missing required key %(key)s.") % {"where": at, "key": "offer"})
        elif not isinstance(offer, str):
            check.add(
                _("%(where)s.offer: must be a string, got %(value)s.") % {"where": at, "value": json.dumps(offer)}
            )
        elif offer not in offer_ids:
            check.add(_("%(where)s: unknown offer %(offer)s.") % {"where": at, "offer": offer})
        elif offer in seen_offers:
            check.add(_("%(where)s: offer %(offer)s is chosen twice.") % {"where": at, "offer": offer})
        score = choice.get("score")
        if "score" not in choice:
            check.add(_("%(where)s: missing required key %(key)s.") % {"where": at, "key": "score"})
        elif not _is_number(score) or not 0 <= score <= 1:
            check.add(
                _("%(where)s.score: must be a number between 0 and 1, got %(value)s.")
                % {"where": at, "value": json.dumps(score)}
            )
        rank = choice.get("rank")
        if rank is not None:
            if not _is_int(rank) or rank < 1:
                check.add(
                    _("%(where)s.rank: must be an integer of at least 1, got %(value)s.")
                    % {"where": at, "value": json.dumps(rank)}
                )
            elif rank in seen_ranks:
                check.add(_("%(where)s.rank: rank %(rank)s is used twice.") % {"where": at, "rank": rank})
        if len(check.errors) == problems:
            seen_offers.add(offer)
            if rank is not None:
                seen_ranks.add(rank)
            parsed.append((offer, _micro(score), rank))
    # Preference order: explicit ranks first (ascending), then unranked choices by score
    # (descending); remaining ties by offer id. Ranks are then renumbered 1..k.
    parsed.sort(key=lambda c: (c[2] is None, c[2] or 0, -c[1], c[0]))
    return tuple(Choice(offer, score, position) for position, (offer, score, _r) in enumerate(parsed, 1))


def _parse_requests(raw: Any, offer_ids: set[str], check: _Checker) -> list[Request]:
    _ = check.translate
    if raw is None:
        check.add(_("requests: missing required key."))
        return []
    if not isinstance(raw, list):
        check.add(_("requests: must be a list."))
        return []
    requests: list[Request] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        where = _label("requests", index, item)
        if not isinstance(item, dict):
            check.add(_("%(where)s: must be an object.") % {"where": where})
            continue
        missing = [key for key in ("id", "member", "choices") if key not in item]
        for key in missing:
            check.add(_("%(where)s: missing required key %(key)s.") % {"where": where, "key": key})
        ident = item.get("id")
        usable = not missing
        if "id" in item and (not isinstance(ident, str) or not ident):
            check.add(
                _("%(where)s.id: must be a non-empty string, got %(value)s.")
                % {"where": where, "value": json.dumps(ident)}
            )
            usable = False
        elif ident in seen:
            check.add(_("%(where)s: duplicate request id %(id)s.") % {"where": where, "id": ident})
            usable = False
        elif ident is not None:
            seen.add(ident)
        member = item.get("member")
        if "member" in item and (not isinstance(member, str) or not member):
            check.add(
                _("%(where)s.member: must be a non-empty string, got %(value)s.")
                % {"where": where, "value": json.dumps(member)}
            )
        groups = item.get("groups") or []
        if not isinstance(groups, list) or not all(isinstance(g, str) and g and g != NO_GROUP for g in groups):
            check.add(
                _("%(where)s.groups: must be a list of non-empty group names, got %(value)s.")
                % {"where": where, "value": json.dumps(groups)}
            )
            groups = []
        region = item.get("region")
        if region is not None and (not isinstance(region, str) or not region):
            check.add(
                _("%(where)s.region: must be a non-empty string or null, got %(value)s.")
                % {"where": where, "value": json.dumps(region)}
            )
            region = None
        choices = _parse_choices(item["choices"], where, offer_ids, check) if "choices" in item else ()
        if not usable:
            continue
        requests.append(
            Request(id=ident, member=member, groups=tuple(sorted(set(groups))), region=region, choices=choices)
        )
    return requests


def parse_instance(data: Any, *, translate: Translate = untranslated) -> Instance:
    """Validate and normalise an instance given as decoded JSON.

    Raises `AllocationInputError` listing every problem (unknown offers, bad capacities, scores
    or shares, duplicate ids or choices, unknown modes, wrong types, missing keys). Keys the
    engine does not know are ignored. `translate` turns each message into the reader's language.
    """
    _ = translate
    check = _Checker(translate)
    if not isinstance(data, dict):
        raise AllocationInputError([_("The instance must be a JSON object with policy, offers and requests.")])
    policy = _parse_policy(data.get("policy"), check)
    offers = _parse_offers(data.get("offers"), check)
    offer_ids = {offer.id for offer in offers}
    if isinstance(data.get("offers"), list):
        # Offers that failed validation still count as known, so that their requests' choices
        # are not reported a second time as "unknown offer".
        offer_ids |= {o["id"] for o in data["offers"] if isinstance(o, dict) and isinstance(o.get("id"), str)}
    requests = _parse_requests(data.get("requests"), offer_ids, check)
    if policy.fairness == "maxmin" and policy.max_units_per_member is not None:
        # Max-min fairness counts each request in the bucket of its group set; a member cap
        # stays a network flow only if all of a member's requests share one bucket.
        groups_by_member: dict[str, set[tuple[str, ...]]] = {}
        for request in requests:
            groups_by_member.setdefault(request.member, set()).add(request.groups)
        for member, group_sets in sorted(groups_by_member.items()):
            if len(group_sets) > 1:
                check.add(
                    _(
                        "member %(member)s: its requests have different groups; max-min fairness with "
                        "max_units_per_member needs the same groups on all requests of a member."
                    )
                    % {"member": member}
                )
    if check.errors:
        raise AllocationInputError(check.errors)
    return Instance(
        policy=policy,
        offers=tuple(sorted(offers, key=lambda offer: offer.id)),
        requests=tuple(sorted(requests, key=lambda request: request.id)),
    )


def _canonical_body(instance: Instance) -> dict[str, Any]:
    return {
        "offers": [
            {
                "id": offer.id,
                "capacity": offer.capacity,
                "region_cap": dict(offer.region_cap),
                "reserve": None if offer.reserve is None else dict(offer.reserve),
            }
            for offer in instance.offers
        ],
        "requests": [
            {
                "id": request.id,
                "member": request.member,
                "groups": list(request.groups),
                "region": request.region,
                # Normalised choices are in preference order (rank = position), so the offers and
                # their scores as two parallel lists say everything (and avoid 10^5 tiny lists).
                "offers": [choice.offer for choice in request.choices],
                "scores": [choice.score_micro for choice in request.choices],
            }
            for request in instance.requests
        ],
    }


def _canonical_policy(policy: Policy) -> dict[str, Any]:
    return {
        "mode": policy.mode,
        "priority_bonus": dict(policy.priority_bonus),
        "max_units_per_member": policy.max_units_per_member,
        "reserve": dict(policy.reserve),
        "fairness": policy.fairness,
    }


def canonical_instance(instance: Instance) -> dict[str, Any]:
    """The normalised instance as plain JSON data (numbers in micro-units, each request's choices
    as parallel lists of offers and scores in preference order); the snapshot hash is the SHA-256
    of its compact, key-sorted JSON.
    """
    return {
        "engine": ENGINE_VERSION,
        "instance": _canonical_body(instance),
        "policy": _canonical_policy(instance.policy),
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


# The offers and requests of an instance are shared by its policy variants (`Instance.with_mode`,
# `dataclasses.replace`), so the hash state after the body is kept for the last few bodies: the
# canonical JSON has the policy last, and a copy of the state only needs the policy appended.
_BODY_STATES: list[tuple[tuple[Offer, ...], tuple[Request, ...], Any]] = []


def snapshot_hash(instance: Instance) -> str:
    """SHA-256 of the canonical JSON of the normalised instance, its policy and the engine version."""
    state = next(
        (
            body
            for offers, requests, body in _BODY_STATES
            if offers is instance.offers and requests is instance.requests
        ),
        None,
    )
    if state is None:
        state = hashlib.sha256()
        body = _dumps(_canonical_body(instance))
        state.update(f'{{"engine":{_dumps(ENGINE_VERSION)},"instance":{body},"policy":'.encode())
        _BODY_STATES.insert(0, (instance.offers, instance.requests, state))
        del _BODY_STATES[4:]
    state = state.copy()
    state.update(f"{_dumps(_canonical_policy(instance.policy))}}}".encode())
    return state.hexdigest()
