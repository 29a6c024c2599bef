"""The knowledge-exchange pairing engine (harambee/events/core/pairing.py), framework-free.

Small instances are checked against a brute-force reference that enumerates every schedule;
random instances check that every hard rule holds for the greedy baseline, the exact model and
the round-by-round re-optimisation; repair keeps what was accepted.
"""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from harambee.events.core.pairing import (
    SCALE,
    Interest,
    Meeting,
    PairingInputError,
    PairingResult,
    PairingSpec,
    Participant,
    describe,
    explanation,
    greedy,
    interest_from_text,
    pair_benefits,
    repair,
    solve,
)
from harambee.matching.core.glossary import default_glossary
from harambee.matching.core.vocabulary import THEMES

CONCEPTS = [f"c{k}" for k in range(12)]
LANGS = ["en", "fr", "es", "ar", "zh", "ru"]


def random_people(n: int, rounds: int, seed: int, *, delegations: int = 4) -> list[Participant]:
    rng = random.Random(seed)
    people = []
    for k in range(n):
        langs = {rng.choice(LANGS)}
        if rng.random() < 0.5:
            langs.add("en")
        available = None
        if rng.random() < 0.25:
            available = frozenset(r for r in range(rounds) if rng.random() < 0.7)

        def side() -> Interest:
            return Interest(
                concepts={c: float(rng.randint(1, 3)) for c in rng.sample(CONCEPTS, rng.randint(1, 4))},
                themes=frozenset(rng.sample(THEMES, rng.randint(0, 2))),
            )

        people.append(
            Participant(
                id=f"p{k}", delegation=f"D{rng.randrange(delegations)}", languages=frozenset(langs),
                accepts_interpretation=rng.random() < 0.8, available=available, share=side(), learn=side(),
                avoid_own_delegation=rng.random() < 0.8,
            )
        )  # fmt: skip
    # one do-not-pair request
    if n >= 2:
        i, j = rng.sample(range(n), 2)
        people[i] = replace(people[i], do_not_pair=frozenset({people[j].id}))
    return people


def allowed(a: Participant, b: Participant, spec: PairingSpec) -> bool:
    """The hard rules, written again plainly: the reference for the engine's feasibility."""
    if b.id in a.do_not_pair or a.id in b.do_not_pair:
        return False
    if a.delegation and a.delegation == b.delegation and (a.avoid_own_delegation or b.avoid_own_delegation):
        return False
    if a.languages & b.languages:
        return True
    return bool(
        spec.interpretation_languages
        and spec.interpreted_tables != 0
        and a.accepts_interpretation
        and b.accepts_interpretation
        and a.languages & spec.interpretation_languages
        and b.languages & spec.interpretation_languages
    )


def brute_force(people: list[Participant], spec: PairingSpec) -> int:
    """The best integer objective over every schedule (every partial matching in every round)."""
    table = pair_benefits(people, spec)
    weight = {}
    for (i, j), benefit in zip(table.pairs, table.benefit, strict=True):
        weight[frozenset((people[i].id, people[j].id))] = round((benefit + spec.meeting_value) * SCALE)
    by_id = {p.id: p for p in people}

    def interpreted(pair) -> bool:
        a, b = (by_id[x] for x in pair)
        return not (a.languages & b.languages)

    def matchings(avail: list[str], used: frozenset):
        if not avail:
            yield []
            return
        first, rest = avail[0], avail[1:]
        yield from matchings(rest, used)
        for k, other in enumerate(rest):
            pair = frozenset((first, other))
            if pair in weight and pair not in used:
                for m in matchings(rest[:k] + rest[k + 1 :], used):
                    yield [pair, *m]

    best = None
    penalty = round(spec.sit_out_penalty * SCALE)

    def walk(r: int, used: frozenset, total: int) -> None:
        nonlocal best
        if r == spec.rounds:
            for p in people:  # the rotation penalty: s rounds out cost penalty × s(s-1)/2
                s = sum(1 for rr in range(spec.rounds) if p.attends(rr)) - sum(1 for pair in used if p.id in pair)
                total -= penalty * s * (s - 1) // 2
            best = total if best is None else max(best, total)
            return
        avail = [p.id for p in people if p.attends(r)]
        for m in matchings(avail, used):
            if len(m) > spec.tables_in(r):
                continue
            if spec.interpreted_tables is not None and sum(map(interpreted, m)) > spec.interpreted_tables:
                continue
            walk(r + 1, used | frozenset(m), total + sum(weight[p] for p in m))

    walk(0, frozenset(), 0)
    return best


def assert_valid(result: PairingResult, people: list[Participant], spec: PairingSpec) -> None:
    by_id = {p.id: p for p in people}
    seen_pairs = set()
    for r in range(spec.rounds):
        meetings = result.in_round(r)
        assert len(meetings) <= spec.tables_in(r)
        assert len({m.table for m in meetings}) == len(meetings)
        interpreted = [m for m in meetings if m.interpreted]
        if spec.interpreted_tables is not None:
            assert len(interpreted) <= spec.interpreted_tables
        seated = [x for m in meetings for x in (m.a, m.b)]
        assert len(seated) == len(set(seated)), "someone has two meetings in one round"
        for m in meetings:
            a, b = by_id[m.a], by_id[m.b]
            assert a.attends(r) and b.attends(r)
            assert allowed(a, b, spec)
            assert m.interpreted == (not (a.languages & b.languages))
            assert m.pair not in seen_pairs, "a pair meets twice"
            seen_pairs.add(m.pair)
        assert set(result.sit_outs[r]) == {p.id for p in people if p.attends(r)} - set(seated)
    assert result.upper_bound + 1e-6 >= result.objective
    sat = [sum(1 for r in range(spec.rounds) if p.attends(r)) - len(result.of(p.id)) for p in people]
    expected = sum(m.benefit + spec.meeting_value for m in result.meetings) - sum(
        spec.sit_out_penalty * s * (s - 1) / 2 for s in sat
    )
    # each meeting's weight is rounded to 1/SCALE in the solvers
    assert result.objective == pytest.approx(expected, abs=0.5 / SCALE * len(result.meetings) + 1e-6)
    assert result.total_benefit == pytest.approx(sum(m.benefit for m in result.meetings), abs=1e-5)


# ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "rounds", "tables", "seed"),
    [(6, 3, 3, 1), (6, 3, 2, 2), (7, 2, 3, 3), (8, 2, 4, 4), (8, 2, 2, 5), (5, 3, 2, 6)],
)
def test_exact_model_reaches_the_brute_force_optimum(n, rounds, tables, seed):
    # given a small random instance with interpretation for en/fr at one table a round
    people = random_people(n, rounds, seed, delegations=3)
    spec = PairingSpec(
        rounds=rounds, tables=tables, interpretation_languages=frozenset({"en", "fr"}), interpreted_tables=1
    )
    # when it is solved
    result = solve(people, spec)
    # then it is proved optimal and equals the best of all schedules, within every rule
    assert result.status == "optimal"
    assert round(result.objective * SCALE) == brute_force(people, spec)
    assert_valid(result, people, spec)
    assert result.greedy_objective <= result.objective + 1e-9


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_round_by_round_improvement_lies_between_greedy_and_the_optimum(seed):
    # given a small instance forced down the large-instance path (no joint model)
    people = random_people(7, 3, seed, delegations=3)
    spec = PairingSpec(rounds=3, tables=3, exact_limit=0)
    # when solved round by round
    result = solve(people, spec)
    optimum = brute_force(people, spec)
    # then greedy ≤ result ≤ optimum ≤ bound
    assert result.status in {"converged", "sweeps"}
    assert round(result.greedy_objective * SCALE) <= round(result.objective * SCALE) <= optimum
    assert optimum <= round(result.upper_bound * SCALE) + 1
    assert_valid(result, people, spec)


@pytest.mark.parametrize("seed", range(6))
def test_every_rule_holds_on_random_instances(seed):
    # given 30 people, 4 rounds, few tables and a limit on interpreted tables
    people = random_people(30, 4, 100 + seed, delegations=6)
    spec = PairingSpec(
        rounds=4, tables=(10, 8, 12, 6), interpretation_languages=frozenset({"en", "fr", "ar"}), interpreted_tables=2
    )
    table = pair_benefits(people, spec)
    # then the engine's feasible pairs are exactly those the plain rules allow (with a common round)
    expected = {
        (i, j)
        for i in range(len(people))
        for j in range(i + 1, len(people))
        if allowed(people[i], people[j], spec)
        and any(people[i].attends(r) and people[j].attends(r) for r in range(spec.rounds))
    }
    assert set(table.pairs) == expected
    # and greedy, the exact model and the round-by-round path all respect every rule
    base = greedy(people, spec, table=table)
    exact = solve(people, replace(spec, exact_limit=10**6), table=table)
    sweeps = solve(people, replace(spec, exact_limit=0), table=table)
    for result in (base, exact, sweeps):
        assert_valid(result, people, spec)
        assert result.objective + 1e-9 >= base.objective
    assert exact.objective + 1e-9 >= sweeps.objective
    assert 0.0 <= sweeps.gap <= 1.0


def test_sitting_out_goes_round():
    # given 5 people who all get on equally well, 3 rounds, 2 tables: one sits out each round
    people = [
        Participant(
            id=f"p{k}", delegation=f"D{k}", share=Interest(concepts={"x": 1}), learn=Interest(concepts={"x": 1})
        )
        for k in range(5)
    ]
    result = solve(people, PairingSpec(rounds=3, tables=2))
    # then three different people sit out, one per round
    outs = [ids for ids in result.sit_outs]
    assert all(len(ids) == 1 for ids in outs)
    assert len({ids[0] for ids in outs}) == 3
    # and without the rotation penalty nothing prevents the same person sitting out twice
    assert solve(people, PairingSpec(rounds=3, tables=2, sit_out_penalty=0)).objective == pytest.approx(
        result.objective
    )


def test_results_are_deterministic():
    people = random_people(40, 4, 7, delegations=8)
    spec = PairingSpec(rounds=4, tables=15, exact_limit=0)
    first, second = solve(people, spec), solve(people, spec)
    assert first.meetings == second.meetings
    assert first.objective == second.objective


def test_benefit_is_what_each_can_share_that_the_other_wants():
    # given Amina shares data governance and wants to learn compute; Bo the other way round; Chen shares nothing wanted
    amina = Participant(
        id="amina", delegation="ZMB", languages=frozenset({"en"}),
        share=Interest(concepts={"data_governance": 1.0}, themes=frozenset({"governance"})),
        learn=Interest(concepts={"compute_capacity": 1.0}),
    )  # fmt: skip
    bo = Participant(
        id="bo", delegation="CHN", languages=frozenset({"en", "zh"}),
        share=Interest(concepts={"compute_capacity": 1.0}),
        learn=Interest(concepts={"data_governance": 1.0}, themes=frozenset({"governance"})),
    )  # fmt: skip
    chen = Participant(
        id="chen", delegation="CHN", languages=frozenset({"zh", "en"}),
        share=Interest(concepts={"crop_monitoring": 1.0}), learn=Interest(concepts={"robotics": 1.0}),
    )  # fmt: skip
    spec = PairingSpec(rounds=1, tables=1)
    # when paired for one round at one table
    result = solve([amina, bo, chen], spec)
    # then Amina meets Bo (Chen is of Bo's delegation and offers nothing wanted), and the evidence says why
    assert [(m.a, m.b) for m in result.meetings] == [("amina", "bo")]
    meeting = result.meetings[0]
    assert meeting.a_gives.concepts == ("data_governance",)
    assert meeting.a_gives.themes == ("governance",)
    assert meeting.b_gives.concepts == ("compute_capacity",)
    assert meeting.a_gives.score == pytest.approx(1.0) and meeting.b_gives.score == pytest.approx(1.0)
    assert meeting.languages == ("en",) and not meeting.interpreted
    assert result.sit_outs == (("chen",),)
    seen = explanation(meeting, "bo")
    assert seen["partner"] == "amina"
    assert seen["they_can_share"] == {"concepts": ("data_governance",), "themes": ("governance",)}
    assert seen["you_can_share"] == {"concepts": ("compute_capacity",), "themes": ()}
    labels = {"data_governance": "data governance", "governance": "AI governance", "compute_capacity": "compute"}
    text = describe(meeting, lambda kind, code: labels[code], name=str.title)
    assert text == "Amina → Bo: AI governance, data governance; Bo → Amina: compute"


def test_free_text_in_any_language_is_read_through_the_glossary():
    glossary = default_glossary()
    # given a French participant who can share data governance and an English one who wants to learn it
    french = interest_from_text("Nous pouvons partager notre expérience de la gouvernance des données.", "fr", glossary)
    english = interest_from_text("We want to learn about data governance", "en", glossary, themes=["governance"])
    assert "data_governance" in french.concepts and "data_governance" in english.concepts
    assert english.themes == frozenset({"governance"}) and english.language == "en"
    people = [
        Participant(id="fr", delegation="SEN", languages=frozenset({"fr", "en"}), share=french),
        Participant(id="en", delegation="ZMB", languages=frozenset({"en"}), learn=english),
    ]
    result = solve(people, PairingSpec(rounds=1, tables=1))
    # then they meet, and the evidence names the concept across the two languages
    assert "data_governance" in result.meetings[0].a_gives.concepts + result.meetings[0].b_gives.concepts


def test_vectors_add_the_engines_semantic_credit():
    rng = np.random.default_rng(0)
    topic, other = rng.normal(size=16), rng.normal(size=16)
    noise = [rng.normal(size=16) for _ in range(6)]

    def person(k: int, share, learn) -> Participant:
        return Participant(id=f"p{k}", delegation=f"D{k}", share=Interest(vector=share), learn=Interest(vector=learn))

    people = [person(0, topic, other), person(1, other, topic)] + [
        person(k + 2, noise[k], noise[5 - k]) for k in range(4)
    ]
    table = pair_benefits(people, PairingSpec(rounds=1, tables=3))
    # the two whose texts answer each other score highest of all pairs
    best = max(range(len(table.pairs)), key=lambda e: table.benefit[e])
    assert table.pairs[best] == (0, 1)
    assert table.benefit[best] > 0


def test_interpretation_opens_pairs_without_a_common_language_up_to_its_tables():
    people = [
        Participant(id="ar1", delegation="EGY", languages=frozenset({"ar"}), share=Interest(concepts={"x": 1})),
        Participant(id="fr1", delegation="SEN", languages=frozenset({"fr"}), learn=Interest(concepts={"x": 1})),
        Participant(id="ar2", delegation="JOR", languages=frozenset({"ar"}), share=Interest(concepts={"y": 1})),
        Participant(id="fr2", delegation="CIV", languages=frozenset({"fr"}), learn=Interest(concepts={"y": 1})),
    ]
    without = solve(people, PairingSpec(rounds=1, tables=2))
    assert without.meetings[0].languages == ("ar",) and len(without.meetings) == 2  # ar1–ar2, fr1–fr2
    with_one = solve(
        people, PairingSpec(rounds=1, tables=2, interpretation_languages=frozenset({"ar", "fr"}), interpreted_tables=1)
    )
    assert [m.interpreted for m in with_one.meetings].count(True) == 1
    assert_valid(with_one, people, PairingSpec(rounds=1, tables=2, interpretation_languages=frozenset({"ar", "fr"}),
                                               interpreted_tables=1))  # fmt: skip


def test_repair_keeps_locked_meetings_and_other_rounds_and_drops_the_declined_pair():
    # given a schedule of 24 people over 3 rounds
    people = random_people(24, 3, 21, delegations=6)
    spec = PairingSpec(rounds=3, tables=10)
    result = solve(people, spec)
    r = 1
    declined = result.in_round(r)[0]
    locked = list(result.in_round(r)[1:3])
    # when one meeting of round 1 is declined and two others of that round were accepted
    fixed = repair(result, spec, people, locked_meetings=locked, removed_pairs=[(declined.a, declined.b)])
    # then the declined pair never meets, the accepted ones stay where they were (table too),
    # the other rounds are unchanged and every rule still holds
    assert declined.pair not in {m.pair for m in fixed.meetings}
    for m in locked:
        assert m in fixed.meetings
    for other in (0, 2):
        assert fixed.in_round(other) == result.in_round(other)
    assert fixed.method == "repair"
    assert_valid(fixed, people, spec)
    assert fixed.upper_bound <= result.upper_bound + 1e-9


def test_repair_refuses_a_locked_meeting_that_is_not_in_the_schedule():
    people = random_people(10, 2, 5, delegations=5)
    spec = PairingSpec(rounds=2, tables=5)
    result = solve(people, spec)
    m = result.meetings[0]
    stranger = Meeting(round=1 - m.round, table=1, a=m.a, b=m.b, benefit=0, languages=(), interpreted=False,
                       a_gives=m.a_gives, b_gives=m.b_gives)  # fmt: skip
    with pytest.raises(PairingInputError):
        repair(result, spec, people, locked_meetings=[stranger], removed_pairs=[])
    with pytest.raises(PairingInputError):
        repair(result, spec, people, removed_pairs=[("p0", "nobody")])


def test_bad_input_is_refused():
    people = [Participant(id="x"), Participant(id="x")]
    with pytest.raises(PairingInputError):
        pair_benefits(people, PairingSpec(rounds=1, tables=1))
    with pytest.raises(PairingInputError):
        pair_benefits([Participant(id="x")], PairingSpec(rounds=0, tables=1))
    with pytest.raises(PairingInputError):
        pair_benefits([Participant(id="x")], PairingSpec(rounds=2, tables=(1,)))


def test_no_pairs_no_meetings():
    people = [Participant(id="a", delegation="D"), Participant(id="b", delegation="D")]
    result = solve(people, PairingSpec(rounds=2, tables=3))
    assert result.meetings == () and result.total_benefit == 0 and result.upper_bound == 0 and result.gap == 0
    assert result.objective == pytest.approx(-0.4)  # both sit out twice: the rotation penalty, 0.2 each
    assert result.sit_outs == (("a", "b"), ("a", "b"))
