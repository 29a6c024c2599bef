"""Allocation engine: hand-made rounds with known answers per policy key, bad input, properties
checked against independent oracles (LP optimum via scipy/HiGHS, brute force, the `matching`
package's deferred acceptance), determinism, and the `harambee allocate` command.

The engine is pure Python, so nothing here needs the database.
"""

import hashlib
import io
import itertools
import json
import math
import random
import warnings
from collections import Counter

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog
from scipy.sparse import lil_matrix

from harambee.allocation.core.instance import canonical_instance
from harambee.allocation.engine import (
    AllocationInputError,
    allocate,
    greedy_allocate,
    parse_instance,
    snapshot_hash,
)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NO_GROUP = "(none)"


def offer(ident, capacity, **extra):
    return {"id": ident, "capacity": capacity, **extra}


def request(ident, member, choices, groups=(), region=None):
    """choices: [(offer, score)] in preference order (ranks 1..k) or [(offer, score, None)] unranked."""
    rows = []
    for position, choice in enumerate(choices):
        row = {"offer": choice[0], "score": choice[1]}
        if len(choice) == 2:
            row["rank"] = position + 1
        rows.append(row)
    return {"id": ident, "member": member, "groups": list(groups), "region": region, "choices": rows}


def instance(offers, requests, **policy):
    return {"policy": policy, "offers": offers, "requests": requests}


def solve(data, mode=None):
    return allocate(parse_instance(data), mode=mode).to_dict()


def placed(result):
    return {row["request"]: row["offer"] for row in result["assignments"]}


def reasons(result):
    return {row["request"]: row for row in result["unassigned"]}


# --- Hand-made rounds with known answers ------------------------------------------------------------


def crossing_round():
    """R1 likes O1 best but O2 nearly as much; R2 can only use O1: the optimum swaps R1 to O2."""
    return instance(
        [offer("O1", 1), offer("O2", 1)],
        [request("R1", "A", [("O1", 0.9), ("O2", 0.8)]), request("R2", "B", [("O1", 0.85)])],
    )


def test_empty_policy_maximises_the_plain_sum_of_scores():
    # Given two requests competing for O1, when allocated with an empty policy,
    # then the optimum places both (0.8 + 0.85) rather than the single best score.
    result = solve(crossing_round())
    assert placed(result) == {"R1": "O2", "R2": "O1"}
    assert result["metrics"]["total_score"] == pytest.approx(1.65)
    assert result["metrics"]["unconstrained_total_score"] == pytest.approx(1.65)
    assert result["metrics"]["policy_cost"] == pytest.approx(0.0)
    # R1 prefers O1 and O1 prefers R1 (0.9 > 0.85): one pair with justified envy.
    assert result["metrics"]["blocking_pairs"] == 1
    assert result["unassigned"] == []


def test_stable_mode_gives_the_deferred_acceptance_outcome_with_an_exact_cutoff():
    result = solve(crossing_round(), mode="stable")
    assert placed(result) == {"R1": "O1"}
    assert result["metrics"]["blocking_pairs"] == 0
    assert result["metrics"]["policy_cost"] == pytest.approx(0.75)
    why = reasons(result)["R2"]
    assert why["reason_code"] == "below_cutoff"
    assert why["details"]["offers"] == [{"offer": "O1", "weight": 0.85, "reason_code": "below_cutoff", "cutoff": 0.9}]
    assert "0.85" in why["reason"] and "0.9" in why["reason"] and "O1" in why["reason"]


def test_greedy_baseline_takes_the_best_pair_first():
    result = greedy_allocate(parse_instance(crossing_round())).to_dict()
    assert result["mode"] == "greedy"
    assert placed(result) == {"R1": "O1"}
    assert result["metrics"]["total_score"] == pytest.approx(0.9)


def test_priority_bonus_is_the_largest_bonus_of_the_groups_not_their_sum():
    # Given O1 with one seat and a bonus of 0.2 for LDC and 0.1 for LLDC,
    offers = [offer("O1", 1)]
    rival = request("N", "FRA", [("O1", 0.9)])
    ldc = request("L", "ZMB", [("O1", 0.75)], groups=["LDC"])
    both = request("B", "MWI", [("O1", 0.69)], groups=["LDC", "LLDC"])
    policy = {"priority_bonus": {"LDC": 0.2, "LLDC": 0.1}}
    # when an LDC request scoring 0.75 competes, its weight 0.95 beats 0.9;
    result = solve(instance(offers, [rival, ldc], **policy))
    assert placed(result) == {"L": "O1"}
    assert result["assignments"][0]["weight"] == pytest.approx(0.95)
    assert result["metrics"]["policy_cost"] == pytest.approx(0.15)
    # then a request in both groups gets max(0.2, 0.1): 0.89 < 0.9 (a sum would give 0.99).
    for mode in ("optimal", "stable"):
        assert placed(solve(instance(offers, [rival, both], **policy), mode=mode)) == {"N": "O1"}


def test_member_cap_limits_the_units_of_a_member_over_the_round():
    offers = [offer("O1", 1), offer("O2", 1), offer("O3", 1)]
    requests = [
        request("A1", "A", [("O1", 0.9)]),
        request("A2", "A", [("O2", 0.9)]),
        request("A3", "A", [("O3", 0.8)]),
        request("B1", "B", [("O3", 0.1)]),
    ]
    for mode in ("optimal", "stable"):
        result = solve(instance(offers, requests, max_units_per_member=2), mode=mode)
        assert placed(result) == {"A1": "O1", "A2": "O2", "B1": "O3"}, mode
        assert reasons(result)["A3"]["reason_code"] == "member_cap"
        assert reasons(result)["A3"]["details"] == {"member": "A", "cap": 2}
    assert placed(greedy_allocate(parse_instance(instance(offers, requests, max_units_per_member=2))).to_dict()) == {
        "A1": "O1",
        "A2": "O2",
        "B1": "O3",
    }


def reserve_round(with_ldc=True):
    """O1: 3 seats, 34% reserved for LDC = 1 seat (rounded down)."""
    requests = [
        request("N1", "A", [("O1", 0.9)]),
        request("N2", "B", [("O1", 0.8)]),
        request("N3", "C", [("O1", 0.7)]),
    ]
    if with_ldc:
        requests.append(request("L1", "Z", [("O1", 0.2)], groups=["LDC"]))
    return instance([offer("O1", 3)], requests, reserve={"LDC": 0.34})


@pytest.mark.parametrize("mode", ["optimal", "stable", "greedy"])
def test_reserve_holds_seats_for_the_group_and_releases_them_when_nobody_from_it_applies(mode):
    run = (lambda d: greedy_allocate(parse_instance(d)).to_dict()) if mode == "greedy" else (lambda d: solve(d, mode))
    result = run(reserve_round())
    assert placed(result) == {"N1": "O1", "N2": "O1", "L1": "O1"}
    seats = {row["request"]: row["seat"] for row in result["assignments"]}
    assert seats["L1"] == "reserved:LDC"
    assert result["metrics"]["reserved_seats"] == 1
    assert result["metrics"]["reserved_seats_filled_by_group"] == 1
    why = reasons(result)["N3"]
    assert why["reason_code"] == "reserve"
    assert why["details"]["offers"][0]["groups"] == ["LDC"]
    # Soft: without an LDC applicant the reserved seat is released to the others.
    assert placed(run(reserve_round(with_ldc=False))) == {"N1": "O1", "N2": "O1", "N3": "O1"}


def test_offer_reserve_overrides_the_policy_reserve():
    data = reserve_round()
    data["offers"][0]["reserve"] = {}
    assert placed(solve(data)) == {"N1": "O1", "N2": "O1", "N3": "O1"}


def test_region_cap_is_a_share_of_the_offer_capacity_rounded_down():
    # Given O1 with 3 seats and at most 50% for region 002 -> 1 seat (1.5 rounded down),
    requests = [
        request("E1", "A", [("O1", 0.9)], region="002"),
        request("E2", "B", [("O1", 0.8)], region="002"),
        request("W1", "C", [("O1", 0.1)], region="150"),
    ]
    data = instance([offer("O1", 3, region_cap={"002": 0.5})], requests)
    for mode in ("optimal", "stable"):
        result = solve(data, mode=mode)
        # then only one request from 002 is placed even though a seat stays free.
        assert placed(result) == {"E1": "O1", "W1": "O1"}, mode
        assert reasons(result)["E2"]["details"]["offers"][0] == {
            "offer": "O1",
            "weight": 0.8,
            "reason_code": "region_cap",
            "region": "002",
            "cap": 1,
        }
        assert result["metrics"]["fill_by_region"] == {"002": 0.5, "150": 1.0}
        assert result["metrics"]["blocking_pairs"] == 0


def test_region_cap_and_reserve_together_split_the_cap_in_optimal_mode():
    # O1: 10 seats, reserve LDC 30% = 3 seats, region 002 at most 50% = 5 seats. Inside the
    # 3 reserved seats 002 gets floor(1.5) = 1, outside 5 - 1 = 4: total never above 5.
    requests = [request(f"E{k}", f"M{k}", [("O1", 0.9 - k / 100)], region="002") for k in range(8)]
    requests.append(request("L1", "Z", [("O1", 0.5)], groups=["LDC"], region="002"))
    data = instance([offer("O1", 10, region_cap={"002": 0.5})], requests, reserve={"LDC": 0.3})
    result = solve(data)
    assert sorted(placed(result)) == ["E0", "E1", "E2", "E3", "L1"]
    stable = solve(data, mode="stable")
    assert sorted(placed(stable)) == ["E0", "E1", "E2", "E3", "L1"]


def test_maxmin_fairness_raises_the_lowest_group_fill_then_maximises_the_score():
    requests = [
        request("N1", "A", [("O1", 0.9)]),
        request("N2", "B", [("O1", 0.8)]),
        request("L1", "Z", [("O1", 0.3)], groups=["LDC"]),
        request("L2", "Y", [("O1", 0.2)], groups=["LDC"]),
    ]
    plain = solve(instance([offer("O1", 2)], requests))
    assert placed(plain) == {"N1": "O1", "N2": "O1"}
    assert plain["metrics"]["min_group_fill"] == 0.0
    fair = solve(instance([offer("O1", 2)], requests, fairness="maxmin"))
    assert placed(fair) == {"N1": "O1", "L1": "O1"}
    assert fair["metrics"]["min_group_fill"] == 0.5
    assert fair["metrics"]["fairness"]["min_fill_exact"] == "1/2"
    assert fair["metrics"]["fairness"]["buckets"] == {
        NO_GROUP: {"requests": 2, "quota": 1, "assigned": 1},
        "LDC": {"requests": 2, "quota": 1, "assigned": 1},
    }
    assert fair["metrics"]["policy_cost"] == pytest.approx(0.5)
    assert reasons(fair)["N2"]["reason_code"] == "fairness"


def test_unused_supply_does_not_count_towards_a_fairness_quota():
    # The research notes' bug: if the unassigned bypass started at a group node, a quota could
    # be "met" by units that go nowhere. Here LDC can be served only at O2 (1 seat).
    requests = [
        request("L1", "Z", [("O2", 0.1)], groups=["LDC"]),
        request("L2", "Y", [("O2", 0.1)], groups=["LDC"]),
        request("N1", "A", [("O1", 0.9), ("O2", 0.9)]),
        request("N2", "B", [("O1", 0.9)]),
    ]
    result = solve(instance([offer("O1", 1), offer("O2", 1)], requests, fairness="maxmin"))
    assert result["metrics"]["fairness"]["min_fill_exact"] == "1/2"
    assert Counter(placed(result).values()) == {"O1": 1, "O2": 1}
    assert "L1" in placed(result) or "L2" in placed(result)


def test_ties_go_to_higher_ranked_choices_and_are_stable_under_shuffling():
    requests = [
        request("R1", "A", [("O1", 0.5), ("O2", 0.5)]),
        request("R2", "B", [("O2", 0.5), ("O1", 0.5)]),
        request("R3", "C", [("O1", 0.5), ("O2", 0.5)]),
    ]
    data = instance([offer("O1", 1), offer("O2", 1)], requests)
    result = solve(data)
    assert placed(result)["R2"] == "O2"
    assert placed(result) in ({"R1": "O1", "R2": "O2"}, {"R3": "O1", "R2": "O2"})
    # Stable mode breaks the tie at O1 by request id.
    assert placed(solve(data, mode="stable")) == {"R1": "O1", "R2": "O2"}
    for seed in range(5):
        shuffled = json.loads(json.dumps(data))
        random.Random(seed).shuffle(shuffled["requests"])
        random.Random(seed).shuffle(shuffled["offers"])
        again = solve(shuffled)
        assert again["assignments"] == result["assignments"]
        assert again["hash"] == result["hash"]


def test_choices_without_rank_are_ordered_by_score_then_offer_id():
    data = instance(
        [offer("O1", 1), offer("O2", 1), offer("O3", 1)],
        [request("R1", "A", [("O3", 0.5, None), ("O2", 0.5, None), ("O1", 0.7, None)])],
    )
    parsed = parse_instance(data)
    assert [(c.offer, c.rank) for c in parsed.requests[0].choices] == [("O1", 1), ("O2", 2), ("O3", 3)]
    result = solve(data, mode="stable")
    assert result["assignments"] == [
        {"request": "R1", "offer": "O1", "score": 0.7, "weight": 0.7, "rank": 1, "seat": "open"}
    ]


def test_request_without_choices_is_reported():
    result = solve(instance([offer("O1", 1)], [request("R1", "A", [])]))
    assert result["unassigned"] == [
        {"request": "R1", "reason": "Request R1 listed no offer.", "reason_code": "no_choices", "details": {}}
    ]


def test_result_document_shape_and_hashes():
    data = crossing_round()
    result = solve(data)
    assert set(result) == {"mode", "engine_version", "assignments", "unassigned", "metrics", "hash", "solution_hash"}
    for key in (
        "total_score",
        "assigned",
        "requests",
        "capacity",
        "fill_by_group",
        "fill_by_region",
        "unconstrained_total_score",
        "policy_cost",
        "blocking_pairs",
        "solve_seconds",
    ):
        assert key in result["metrics"]
    assert result["hash"] == snapshot_hash(parse_instance(data))
    canonical = json.dumps(canonical_instance(parse_instance(data)), sort_keys=True, separators=(",", ":"))
    assert result["hash"] == hashlib.sha256(canonical.encode()).hexdigest()
    assert solve(data, mode="stable")["hash"] != result["hash"]  # the mode is part of the snapshot
    changed = json.loads(json.dumps(data))
    changed["requests"][0]["choices"][0]["score"] = 0.91
    assert solve(changed)["hash"] != result["hash"]
    json.dumps(result)  # serialisable


# --- Bad input --------------------------------------------------------------------------------------


def good():
    return instance(
        [offer("O1", 2, region_cap={"002": 0.5})],
        [request("R1", "A", [("O1", 0.5)], groups=["LDC"], region="002")],
        mode="optimal",
        reserve={"LDC": 0.3},
    )


def set_path(data, path, value):
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


class _Delete:
    """Marker: remove the key instead of setting it (stable repr, so test ids match across workers)."""

    def __repr__(self):
        return "DELETE"


DELETE = _Delete()
BAD = [
    (("requests", 0, "choices", 0, "offer"), "O9", "requests[0] (R1).choices[0]: unknown offer O9."),
    (("offers", 0, "capacity"), -1, "offers[0] (O1).capacity: must be a non-negative integer, got -1."),
    (("offers", 0, "capacity"), 2.5, "offers[0] (O1).capacity: must be a non-negative integer, got 2.5."),
    (("offers", 0, "capacity"), "2", 'offers[0] (O1).capacity: must be a non-negative integer, got "2".'),
    (("offers", 0, "capacity"), DELETE, "offers[0] (O1): missing required key capacity."),
    (
        ("requests", 0, "choices", 0, "score"),
        1.5,
        "requests[0] (R1).choices[0].score: must be a number between 0 and 1",
    ),
    (
        ("requests", 0, "choices", 0, "score"),
        -0.1,
        "requests[0] (R1).choices[0].score: must be a number between 0 and 1",
    ),
    (("requests", 0, "choices", 0, "score"), float("nan"), "choices[0].score: must be a number between 0 and 1"),
    (("requests", 0, "choices", 0, "score"), True, "choices[0].score: must be a number between 0 and 1"),
    (("requests", 0, "choices", 0, "score"), DELETE, "requests[0] (R1).choices[0]: missing required key score."),
    (("requests", 0, "choices", 0, "rank"), 0, "requests[0] (R1).choices[0].rank: must be an integer of at least 1"),
    (("requests", 0, "member"), DELETE, "requests[0] (R1): missing required key member."),
    (("requests", 0, "member"), 7, "requests[0] (R1).member: must be a non-empty string, got 7."),
    (("requests", 0, "choices"), DELETE, "requests[0] (R1): missing required key choices."),
    (("requests", 0, "choices"), "O1", "requests[0] (R1).choices: must be a list."),
    (("requests", 0, "groups"), "LDC", 'requests[0] (R1).groups: must be a list of non-empty group names, got "LDC".'),
    (("requests", 0, "region"), 2, "requests[0] (R1).region: must be a non-empty string or null, got 2."),
    (("requests", 0, "id"), 5, "requests[0].id: must be a non-empty string, got 5."),
    (("offers", 0, "id"), "", 'offers[0].id: must be a non-empty string, got "".'),
    (("offers", 0, "region_cap"), {"002": 1.5}, "offers[0] (O1).region_cap: region_cap share for 002 must be"),
    (("offers", 0, "region_cap"), [0.5], "offers[0] (O1).region_cap: region_cap must be an object"),
    (
        ("offers", 0, "reserve"),
        {"LDC": 0.7, "SIDS": 0.4},
        "offers[0] (O1).reserve: reserve shares sum to 1.1, more than 1.",
    ),
    (("policy", "mode"), "fastest", 'policy.mode: unknown mode "fastest" (expected one of optimal, stable).'),
    (("policy", "fairness"), "leximin", 'policy.fairness: unknown fairness "leximin"'),
    (("policy", "reserve"), {"LDC": 0.6, "SIDS": 0.6}, "policy.reserve: reserve shares sum to 1.2, more than 1."),
    (("policy", "reserve"), {"LDC": -0.1}, "policy.reserve: reserve share for LDC must be a number between 0 and 1"),
    (("policy", "priority_bonus"), {"LDC": -1}, "policy.priority_bonus.LDC: bonus must be a number between 0 and 1000"),
    (("policy", "priority_bonus"), ["LDC"], "policy.priority_bonus: must be an object {group: bonus}."),
    (("policy", "max_units_per_member"), 0, "policy.max_units_per_member: must be an integer of at least 1, got 0."),
    (
        ("policy", "max_units_per_member"),
        "5",
        'policy.max_units_per_member: must be an integer of at least 1, got "5".',
    ),
    (("policy",), [], "policy: must be an object."),
    (("offers",), DELETE, "offers: missing required key."),
    (("requests",), DELETE, "requests: missing required key."),
    (("requests",), {"R1": {}}, "requests: must be a list."),
    (("offers", 0), "O1", "offers[0]: must be an object."),
]


@pytest.mark.parametrize(("path", "value", "message"), BAD, ids=[f"{'.'.join(map(str, p))}={v!r}" for p, v, _m in BAD])
def test_bad_input_is_rejected_with_a_message_naming_the_field(path, value, message):
    data = set_path(good(), path, value)
    with pytest.raises(AllocationInputError) as caught:
        parse_instance(data)
    assert any(message in error for error in caught.value.errors), caught.value.errors


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["offers"].append(offer("O1", 3)), "offers[1] (O1): duplicate offer id O1."),
        (lambda d: d["requests"].append(request("R1", "B", [])), "requests[1] (R1): duplicate request id R1."),
        (
            lambda d: d["requests"][0]["choices"].append({"offer": "O1", "score": 0.2}),
            "requests[0] (R1).choices[1]: offer O1 is chosen twice.",
        ),
        (
            lambda d: (
                d["offers"].append(offer("O2", 1)),
                d["requests"][0]["choices"].append({"offer": "O2", "score": 0.2, "rank": 1}),
            ),
            "requests[0] (R1).choices[1].rank: rank 1 is used twice.",
        ),
        (
            lambda d: (
                d["policy"].update(fairness="maxmin", max_units_per_member=2),
                d["requests"].append(request("R2", "A", [("O1", 0.3)])),
            ),
            "member A: its requests have different groups",
        ),
    ],
)
def test_duplicates_and_inconsistent_members_are_rejected(mutate, message):
    data = good()
    mutate(data)
    with pytest.raises(AllocationInputError) as caught:
        parse_instance(data)
    assert any(message in error for error in caught.value.errors), caught.value.errors


def test_all_problems_are_reported_at_once():
    data = good()
    data["offers"][0]["capacity"] = -3
    data["requests"][0]["choices"] = [{"offer": "O7", "score": 3}]
    data["policy"]["mode"] = "fast"
    with pytest.raises(AllocationInputError) as caught:
        parse_instance(data)
    assert len(caught.value.errors) == 4
    assert str(caught.value).count("\n") == 3


def test_not_an_object_and_unknown_mode_override_are_rejected():
    with pytest.raises(AllocationInputError, match="must be a JSON object"):
        parse_instance([1, 2])
    with pytest.raises(AllocationInputError, match="unknown mode"):
        allocate(parse_instance(good()), mode="random")


def test_extra_keys_are_ignored():
    data = good()
    data["title"] = "Round 7"
    data["offers"][0]["title"] = "Workshop"
    data["requests"][0]["note"] = "x"
    data["policy"]["comment"] = "draft"
    assert solve(data)["hash"] == solve(good())["hash"]


# --- Random small instances against independent oracles ---------------------------------------------

SCORES = st.sampled_from([0.0, 0.1, 0.25, 0.4, 0.5, 0.5, 0.6, 0.75, 0.8, 0.9, 1.0])


@st.composite
def rounds(draw, *, max_requests=8, max_offers=4, regions=True, groups=True, ranks=True, min_capacity=0):
    n_offers = draw(st.integers(1, max_offers))
    offers = []
    for j in range(n_offers):
        capacity = draw(st.integers(min_capacity, 3))
        row = offer(f"O{j}", capacity)
        if regions and draw(st.booleans()):
            row["region_cap"] = {"r1": draw(st.sampled_from([0.0, 0.34, 0.5, 0.67, 1.0]))}
        offers.append(row)
    requests = []
    for i in range(draw(st.integers(1, max_requests))):
        listed = draw(st.lists(st.integers(0, n_offers - 1), unique=True, max_size=n_offers))
        with_rank = ranks and draw(st.booleans())
        choices = [(f"O{j}", draw(SCORES)) if with_rank else (f"O{j}", draw(SCORES), None) for j in listed]
        requests.append(
            request(
                f"R{i:02d}",
                draw(st.sampled_from("ABC")),
                choices,
                groups=draw(st.sampled_from([[], [], ["LDC"]])) if groups else [],
                region=draw(st.sampled_from(["r1", "r2", None])) if regions else None,
            )
        )
    return {"offers": offers, "requests": requests}


def with_policy(data, **policy):
    return {**data, "policy": policy}


def edges(data, bonus=None):
    """(request index, offer index, adjusted weight) for every listed pair, from the raw dicts."""
    offer_index = {o["id"]: j for j, o in enumerate(data["offers"])}
    rows = []
    for i, r in enumerate(data["requests"]):
        extra = max([(bonus or {}).get(g, 0) for g in r["groups"]], default=0)
        for c in r["choices"]:
            rows.append((i, offer_index[c["offer"]], c["score"] + extra))
    return rows


def lp_optimum(data, *, bonus=None, member_cap=None, region_caps=True):
    """The b-matching LP (request <= 1, offer <= capacity, member <= cap, region <= floor(share * cap))."""
    pairs = edges(data, bonus)
    if not pairs:
        return 0.0
    rows = []
    for i in range(len(data["requests"])):
        rows.append(([k for k, p in enumerate(pairs) if p[0] == i], 1))
    for j, o in enumerate(data["offers"]):
        rows.append(([k for k, p in enumerate(pairs) if p[1] == j], o["capacity"]))
        if region_caps:
            for region, share in o.get("region_cap", {}).items():
                cap = math.floor(round(share * 1e6) * o["capacity"] / 1e6)
                members = [k for k, p in enumerate(pairs) if p[1] == j and data["requests"][p[0]]["region"] == region]
                rows.append((members, cap))
    if member_cap is not None:
        for member in {r["member"] for r in data["requests"]}:
            rows.append(([k for k, p in enumerate(pairs) if data["requests"][p[0]]["member"] == member], member_cap))
    matrix = lil_matrix((len(rows), len(pairs)))
    for row, (columns, _bound) in enumerate(rows):
        for column in columns:
            matrix[row, column] = 1
    result = linprog(
        c=-np.array([p[2] for p in pairs]),
        A_ub=matrix.tocsr(),
        b_ub=np.array([bound for _c, bound in rows]),
        bounds=(0, 1),
        method="highs",
    )
    assert result.status == 0
    return -result.fun


def check_feasible(data, result, *, member_cap=None, exact_region_caps=True):
    """Capacities, one offer per request, only listed offers, member and region caps."""
    listed = {(r["id"], c["offer"]) for r in data["requests"] for c in r["choices"]}
    by_request = Counter(row["request"] for row in result["assignments"])
    assert all(count == 1 for count in by_request.values())
    assert all((row["request"], row["offer"]) in listed for row in result["assignments"])
    load = Counter(row["offer"] for row in result["assignments"])
    requests = {r["id"]: r for r in data["requests"]}
    for o in data["offers"]:
        assert load[o["id"]] <= o["capacity"]
        for region, share in o.get("region_cap", {}).items():
            cap = round(share * 1e6) * o["capacity"] // 1_000_000
            count = sum(
                1
                for row in result["assignments"]
                if row["offer"] == o["id"] and requests[row["request"]]["region"] == region
            )
            assert count <= cap
    if member_cap is not None:
        members = Counter(requests[row["request"]]["member"] for row in result["assignments"])
        assert max(members.values(), default=0) <= member_cap
    assert len(result["assignments"]) + len(result["unassigned"]) == len(data["requests"])


def independent_blocking_pairs(data, result, *, bonus=None, member_cap=None):
    """Justified envy, recomputed from the raw dicts: capacity and region caps, priority = weight then id."""
    requests = {r["id"]: r for r in data["requests"]}
    offers = {o["id"]: o for o in data["offers"]}
    got = {row["request"]: (row["offer"], row["rank"]) for row in result["assignments"]}
    members = Counter(requests[r]["member"] for r in got)

    def weight(r, o):
        extra = max([(bonus or {}).get(g, 0) for g in requests[r]["groups"]], default=0)
        return round(next(c["score"] for c in requests[r]["choices"] if c["offer"] == o) * 1e6) + round(extra * 1e6)

    def better(a, b, o):  # does offer o rank request a above request b?
        return (weight(a, o), -int(a[1:])) > (weight(b, o), -int(b[1:]))

    count = 0
    for r in data["requests"]:
        if r["id"] not in got and member_cap is not None and members[r["member"]] >= member_cap:
            continue
        order = parse_instance({"offers": data["offers"], "requests": [r]}).requests[0].choices
        for choice in order:
            if r["id"] in got and choice.rank >= got[r["id"]][1]:
                break
            o = offers[choice.offer]
            holders = [k for k, (oid, _rank) in got.items() if oid == o["id"]]
            above = [k for k in holders if better(k, r["id"], o["id"])]
            region = r["region"]
            caps = o.get("region_cap", {})
            region_ok = True
            if region in caps:
                cap = round(caps[region] * 1e6) * o["capacity"] // 1_000_000
                region_ok = sum(1 for k in above if requests[k]["region"] == region) < cap
            if len(above) < o["capacity"] and region_ok:
                count += 1
    return count


@FAST
@given(rounds(), st.sampled_from([None, {"LDC": 0.3}]), st.sampled_from([None, 1, 2]))
def test_optimal_equals_the_lp_optimum_and_respects_every_cap(data, bonus, member_cap):
    policy = {"priority_bonus": bonus or {}, "max_units_per_member": member_cap}
    full = with_policy(data, **policy)
    result = solve(full)
    check_feasible(full, result, member_cap=member_cap)
    optimum = lp_optimum(full, bonus=bonus, member_cap=member_cap)
    # Exact up to the rank tie-break (< 1e-6 per placed request).
    assert result["metrics"]["total_weight"] == pytest.approx(optimum, abs=1e-5)
    assert result["metrics"]["unconstrained_total_score"] == pytest.approx(
        lp_optimum(data, region_caps=False), abs=1e-5
    )
    assert result["metrics"]["policy_cost"] >= -1e-9


@FAST
@given(rounds(), st.sampled_from([None, {"LDC": 0.3}]), st.sampled_from([None, 1, 2]))
def test_stable_mode_has_no_justified_envy(data, bonus, member_cap):
    full = with_policy(data, priority_bonus=bonus or {}, max_units_per_member=member_cap)
    result = solve(full, mode="stable")
    check_feasible(full, result, member_cap=member_cap)
    assert independent_blocking_pairs(full, result, bonus=bonus, member_cap=member_cap) == 0
    assert result["metrics"]["blocking_pairs"] == 0
    # The engine's own count agrees with the independent one for the optimal allocation too.
    optimal = solve(full)
    assert optimal["metrics"]["blocking_pairs"] == independent_blocking_pairs(
        full, optimal, bonus=bonus, member_cap=member_cap
    )


@FAST
@given(rounds(regions=False, min_capacity=1), st.sampled_from([None, {"LDC": 0.3}]))
def test_stable_mode_matches_the_matching_package(data, bonus):
    from matching.games import HospitalResident

    data = {**data, "requests": [r for r in data["requests"] if r["choices"]]}
    if not data["requests"]:
        return
    full = with_policy(data, priority_bonus=bonus or {})
    ours = placed(solve(full, mode="stable"))
    parsed = parse_instance(full)
    bonuses = {"LDC": round(0.3 * 1e6)} if bonus else {}
    resident_prefs = {r.id: [c.offer for c in r.choices] for r in parsed.requests}
    hospital_prefs = {}
    for o in parsed.offers:
        applicants = [
            (c.score_micro + max([bonuses.get(g, 0) for g in r.groups], default=0), r.id)
            for r in parsed.requests
            for c in r.choices
            if c.offer == o.id
        ]
        hospital_prefs[o.id] = [rid for _w, rid in sorted(applicants, key=lambda a: (-a[0], a[1]))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = HospitalResident.create_from_dictionaries(
            resident_prefs, hospital_prefs, {o.id: o.capacity for o in parsed.offers}
        )
        theirs = {r.name: h.name for h, rs in game.solve(optimal="resident").items() for r in rs}
    assert ours == theirs


@FAST
@given(rounds(regions=False), st.sampled_from(["optimal", "stable"]))
def test_reserves_are_honoured_when_the_group_applied(data, mode):
    full = with_policy(data, reserve={"LDC": 0.5})
    result = solve(full, mode=mode)
    check_feasible(full, result)
    if mode == "stable":  # reserved-first choice is substitutable: still no justified envy
        assert result["metrics"]["blocking_pairs"] == 0
    got = {row["request"]: row for row in result["assignments"]}
    parsed = parse_instance(full)
    for o in full["offers"]:
        reserved = round(0.5 * 1e6) * o["capacity"] // 1_000_000
        filled = sum(1 for row in got.values() if row["offer"] == o["id"] and row["seat"] == "reserved:LDC")
        assert filled <= reserved
        if filled == reserved:
            continue
        # A reserved seat of O stayed without an LDC holder: every LDC request that listed O
        # holds a reserved seat elsewhere (optimal: reserves are filled first) or, in stable
        # mode, was placed at O or at an offer it prefers.
        for r in full["requests"]:
            if "LDC" not in r["groups"] or o["id"] not in {c["offer"] for c in r["choices"]}:
                continue
            assert r["id"] in got
            if mode == "optimal":
                assert got[r["id"]]["seat"] == "reserved:LDC"
            else:
                order = [c.offer for c in next(x for x in parsed.requests if x.id == r["id"]).choices]
                assert got[r["id"]]["rank"] <= order.index(o["id"]) + 1


def bucket(r):
    return "+".join(sorted(r["groups"])) or NO_GROUP


def brute_force_maxmin(data, member_cap=None):
    """(best minimum bucket fill, best total score at that fill) over every feasible allocation."""
    requests = data["requests"]
    offers = {o["id"]: o for o in data["offers"]}
    eligible = Counter(bucket(r) for r in requests if r["choices"])
    options = [[None] + [c["offer"] for c in r["choices"]] for r in requests]
    best = (-1.0, -1.0)
    for pick in itertools.product(*options):
        load = Counter(p for p in pick if p)
        if any(load[o] > offers[o]["capacity"] for o in load):
            continue
        feasible = True
        for o in load:
            for region, share in offers[o].get("region_cap", {}).items():
                cap = round(share * 1e6) * offers[o]["capacity"] // 1_000_000
                if sum(1 for r, p in zip(requests, pick, strict=True) if p == o and r["region"] == region) > cap:
                    feasible = False
        if member_cap is not None:
            members = Counter(r["member"] for r, p in zip(requests, pick, strict=True) if p)
            feasible = feasible and max(members.values(), default=0) <= member_cap
        if not feasible:
            continue
        served = Counter(bucket(r) for r, p in zip(requests, pick, strict=True) if p)
        fill = min((served[b] / n for b, n in eligible.items()), default=1.0)
        score = sum(
            next(c["score"] for c in r["choices"] if c["offer"] == p) for r, p in zip(requests, pick, strict=True) if p
        )
        best = max(best, (round(fill, 9), round(score, 9)))
    return best


@st.composite
def consistent_members(draw):
    data = draw(rounds(max_requests=6, max_offers=3))
    # Each member's requests share their groups (required with a member cap).
    groups = {m: draw(st.sampled_from([[], ["LDC"], ["LDC", "SIDS"]])) for m in "ABC"}
    for r in data["requests"]:
        r["groups"] = list(groups[r["member"]])
    return data


@FAST
@given(consistent_members(), st.sampled_from([None, 1, 2]))
def test_maxmin_fairness_reaches_the_brute_force_optimum(data, member_cap):
    full = with_policy(data, fairness="maxmin", max_units_per_member=member_cap)
    fair = solve(full)
    check_feasible(full, fair, member_cap=member_cap)
    plain = solve(with_policy(data, max_units_per_member=member_cap))
    best_fill, best_score = brute_force_maxmin(full, member_cap)
    buckets = fair["metrics"]["fairness"]["buckets"]
    fill = min((row["assigned"] / row["requests"] for row in buckets.values()), default=1.0)
    assert fill == pytest.approx(best_fill)
    assert fair["metrics"]["total_score"] == pytest.approx(best_score, abs=1e-5)
    eligible = Counter(bucket(r) for r in data["requests"] if r["choices"])
    served = Counter(
        bucket(next(r for r in data["requests"] if r["id"] == row["request"])) for row in plain["assignments"]
    )
    plain_fill = min((served[b] / n for b, n in eligible.items()), default=1.0)
    assert fill >= plain_fill - 1e-12


def shuffled(data, seed):
    rng = random.Random(seed)
    copy = json.loads(json.dumps(data))
    rng.shuffle(copy["offers"])
    rng.shuffle(copy["requests"])
    for r in copy["requests"]:
        rng.shuffle(r["groups"])
        if all("rank" in c for c in r["choices"]):
            rng.shuffle(r["choices"])
    return copy


@FAST
@given(
    rounds(),
    st.sampled_from(["optimal", "stable", "greedy"]),
    st.sampled_from(
        [
            {},
            {"priority_bonus": {"LDC": 0.2}, "max_units_per_member": 2, "reserve": {"LDC": 0.34}},
            {"fairness": "maxmin"},
        ]
    ),
    st.integers(0, 1000),
)
def test_results_are_deterministic_and_independent_of_input_order(data, mode, policy, seed):
    full = with_policy(data, **policy)

    def run(d):
        if mode == "greedy":
            result = greedy_allocate(parse_instance(d)).to_dict()
        else:
            result = solve(d, mode=mode)
        result["metrics"].pop("solve_seconds")
        return result

    first = run(full)
    assert run(full) == first
    again = run(shuffled(full, seed))
    assert again == first
    check_feasible(full, first, member_cap=policy.get("max_units_per_member"))


# --- The command ------------------------------------------------------------------------------------


def test_command_prints_the_result_as_json(tmp_path):
    path = tmp_path / "round.json"
    path.write_text(json.dumps(crossing_round()), encoding="utf-8")
    out = io.StringIO()
    call_command("allocate", str(path), stdout=out)
    assert placed(json.loads(out.getvalue())) == {"R1": "O2", "R2": "O1"}
    out = io.StringIO()
    call_command("allocate", str(path), "--mode", "stable", stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["mode"] == "stable" and placed(printed) == {"R1": "O1"}


def test_command_reads_standard_input(monkeypatch):
    data = instance([offer("Ö1", 1)], [request("Ré1", "Zambie", [("Ö1", 0.5)])])
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(data)))
    out = io.StringIO()
    call_command("allocate", "-", stdout=out)
    assert '"Ré1"' in out.getvalue()  # not escaped
    assert placed(json.loads(out.getvalue())) == {"Ré1": "Ö1"}


def test_command_reports_malformed_json_with_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"offers": [],\n "requests": [}', encoding="utf-8")
    with pytest.raises(CommandError, match=r"Malformed JSON at line 2, column 15"):
        call_command("allocate", str(path))


def test_command_lists_every_validation_error(tmp_path):
    path = tmp_path / "bad.json"
    data = good()
    data["offers"][0]["capacity"] = -1
    data["requests"][0]["choices"][0]["offer"] = "O9"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("allocate", str(path))
    text = str(caught.value)
    assert "2 problems" in text
    assert "offers[0] (O1).capacity" in text and "unknown offer O9" in text


def test_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("allocate", str(tmp_path / "nope.json"))
