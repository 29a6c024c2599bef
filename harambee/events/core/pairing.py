"""Knowledge-exchange pairing: one-to-one meetings over several rounds that maximise mutual benefit.

Each participant says what they can share and what they want to learn (taxonomy themes, glossary
concepts, optionally a text vector). The host sets the rounds and the tables per round. The engine:

1. scores every pair: how well what A can share meets what B wants to learn, plus the other way
   round (:func:`pair_benefits`). The directional score is the matching engine's own score of an
   offer for a need (``harambee.matching.core.engine``: tf-idf concept overlap, plus the calibrated
   cosine of the vectors when given), so pairing and suggestions rank alike;
2. keeps only the **feasible** pairs: they share a working language (or both accept interpretation
   and the host interprets a language of each), are not of the same delegation (when either asks),
   are on neither's do-not-pair list, and have a round in which both are available;
3. builds the schedule (:func:`solve`): the round-by-round greedy schedule first (the baseline),
   then OR-Tools CP-SAT improves it. A small instance is one exact model over all pairs and rounds
   (a boolean per pair and round; at most one meeting per person and round, no pair twice, at most
   ``tables`` meetings and ``interpreted_tables`` interpreted ones per round). A large one is
   improved round by round: each round in turn is re-solved as an exact maximum-weight matching
   with the other rounds held fixed, so the total never drops, until a pass gains nothing;
4. reports an **upper bound** on the best possible total over *all* feasible pairs (the linear
   relaxation of "each person meets at most as many people as they have rounds, no pair twice,
   at most all tables": every schedule satisfies it) and the gap of the schedule to it.

The objective is the sum over meetings of their mutual benefit plus a small ``meeting_value`` (so
that, benefit being equal, the solver seats as many people as it can), less a **rotation penalty**
``sit_out_penalty`` × s(s − 1) / 2 for a person who sits out s rounds. Group size is two: nobody
is put in a trio; with an odd number of people (or too few tables, or nobody left to meet in a
common language) someone sits out a round (``PairingResult.sit_outs`` lists them per round), and
the penalty makes the sitting out go round: a first round out is free, a second costs as much as
a fair part of a meeting, a third twice that (docs/pairing.md).

Everything is deterministic for the same input: pairs are ordered by participant order, CP-SAT
runs with a fixed seed and one worker by default and stops on a *deterministic* budget (its work
counter, not the clock); only the wall-clock safety limit ``time_limit`` can cut a run short on a
loaded machine, and ``PairingResult.status`` then says "time_limit".
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from harambee.matching.core.engine import CandidateIndex, EngineConfig, MatchDoc
from harambee.matching.core.glossary import Glossary

THEME_PREFIX = "theme:"
# Benefits are in [0, 2] (two directions of at most 1); CP-SAT wants integers.
SCALE = 1000


class PairingInputError(ValueError):
    """The participants or the specification cannot be paired (duplicate ids, no rounds, …)."""


@dataclass(frozen=True)
class Interest:
    """One side of a participant: what they can share, or what they want to learn.

    ``concepts`` are glossary concept ids with a weight (how often or how strongly: the matching
    engine takes 1 + log of it), ``themes`` taxonomy theme codes, ``vector`` an optional text
    embedding (free text in any UN language, read by the matching engine's encoder) and
    ``language`` the language of that text (the engine centres vectors per language)."""

    concepts: Mapping[str, float] = field(default_factory=dict)
    themes: frozenset[str] = frozenset()
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)
    language: str = "en"

    def terms(self) -> dict[str, float]:
        """Concepts and themes in one bag for the engine (themes as ``theme:<code>``)."""
        out = {c: float(w) for c, w in self.concepts.items() if w > 0}
        for theme in sorted(self.themes):
            out[THEME_PREFIX + theme] = 1.0
        return out


def interest_from_text(
    text: str,
    language: str,
    glossary: Glossary,
    *,
    themes: Iterable[str] = (),
    concepts: Mapping[str, float] | None = None,
    vector: np.ndarray | None = None,
) -> Interest:
    """An :class:`Interest` from a participant's free text in any UN language, read through the
    matching engine's glossary (the concepts it names, with their counts), merged with the themes
    and concepts they ticked; ``vector`` is the text's embedding when the caller has one."""
    found = {c: float(n) for c, n in glossary.tag(text, language).items()}
    for concept, weight in (concepts or {}).items():
        found[concept] = max(found.get(concept, 0.0), float(weight))
    return Interest(concepts=found, themes=frozenset(themes), vector=vector, language=language)


@dataclass(frozen=True)
class Participant:
    id: str
    delegation: str = ""  # member code; "" for none
    languages: frozenset[str] = frozenset({"en"})
    accepts_interpretation: bool = True
    available: frozenset[int] | None = None  # rounds (0-based) the person attends; None: all
    share: Interest = field(default_factory=Interest)
    learn: Interest = field(default_factory=Interest)
    do_not_pair: frozenset[str] = frozenset()
    avoid_own_delegation: bool = True

    def attends(self, round_: int) -> bool:
        return self.available is None or round_ in self.available


@dataclass(frozen=True)
class PairingSpec:
    rounds: int
    tables: int | Sequence[int]  # meetings per round (one table each), or one figure per round
    interpretation_languages: frozenset[str] = frozenset()
    interpreted_tables: int | None = None  # interpreted meetings per round; None: no limit
    meeting_value: float = 0.02  # added to every meeting: seat people rather than leave them out
    sit_out_penalty: float = 0.2  # the fair rotation: a person's k-th round sat out costs (k - 1) × this
    candidates_per_person: int | None = None  # pairs per person given to CP-SAT; None: 2 × rounds + 4
    sweeps: int = 2  # passes of round-by-round re-optimisation (stops early when one gains nothing)
    exact_limit: int = 4000  # up to this many pair × round variables, one joint CP-SAT model over all pairs
    deterministic_budget: float = 2.0  # per CP-SAT call: its deterministic time (a work counter, ≈ seconds)
    time_limit: float = 8.0  # wall-clock safety limit of the whole solve, in seconds
    workers: int = 1  # more workers may find better schedules faster, but not reproducibly
    seed: int = 0

    def tables_in(self, round_: int) -> int:
        if isinstance(self.tables, int):
            return self.tables
        return int(self.tables[round_])


@dataclass(frozen=True)
class Exchange:
    """What one side can share with the other: concepts and themes they share that the other
    wants to learn (most weighty first), and the directional score in [0, 1]."""

    concepts: tuple[str, ...]
    themes: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class Meeting:
    round: int  # 0-based
    table: int  # 1-based
    a: str
    b: str
    benefit: float  # mutual benefit in [0, 2]: a_gives.score + b_gives.score
    languages: tuple[str, ...]  # common languages; empty when interpreted
    interpreted: bool
    a_gives: Exchange
    b_gives: Exchange

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))

    def other(self, participant_id: str) -> str:
        return self.b if participant_id == self.a else self.a


@dataclass(frozen=True)
class PairingResult:
    meetings: tuple[Meeting, ...]  # by round, then table
    objective: float  # what is maximised: mutual benefit + meeting_value per meeting - the rotation penalty
    total_benefit: float  # the meetings' mutual benefit alone
    upper_bound: float  # no schedule of these participants can reach a higher objective
    gap: float  # (upper_bound - objective) / upper_bound; 0 when the bound is 0
    method: str  # "cp-sat", "greedy", "repair"
    status: str  # "optimal" (proved), "converged", "sweeps", "time_limit", "greedy"
    solve_seconds: float
    greedy_objective: float
    sit_outs: tuple[tuple[str, ...], ...]  # per round: available participants without a meeting
    rounds: int

    def in_round(self, round_: int) -> tuple[Meeting, ...]:
        return tuple(m for m in self.meetings if m.round == round_)

    def of(self, participant_id: str) -> tuple[Meeting, ...]:
        return tuple(m for m in self.meetings if participant_id in (m.a, m.b))


# ---------------------------------------------------------------------------------------------------
# Benefits


@dataclass
class PairTable:
    """Every feasible pair (i < j, positions in the participant list) with its mutual benefit.

    ``gives[i, j]`` is how well what participant i can share meets what j wants to learn."""

    participants: list[Participant]
    gives: np.ndarray
    pairs: list[tuple[int, int]]
    benefit: list[float]
    interpreted: list[bool]
    common_rounds: list[tuple[int, ...]]
    share_index: CandidateIndex
    learn_docs: list[MatchDoc]
    rounds: int

    def position(self) -> dict[str, int]:
        return {p.id: i for i, p in enumerate(self.participants)}


def _docs(participants: Sequence[Participant], side: str) -> list[MatchDoc]:
    kind = "offer" if side == "share" else "need"
    docs = []
    for p in participants:
        interest: Interest = getattr(p, side)
        docs.append(
            MatchDoc(
                id=p.id,
                kind=kind,
                language=interest.language,
                member=p.delegation,
                concepts=interest.terms(),
                vector=None if interest.vector is None else np.asarray(interest.vector, dtype=np.float32),
            )
        )
    return docs


def _language_fit(a: Participant, b: Participant, spec: PairingSpec) -> tuple[bool, tuple[str, ...], bool]:
    """(feasible, common languages, needs interpretation)."""
    common = tuple(sorted(a.languages & b.languages))
    if common:
        return True, common, False
    offered = spec.interpretation_languages
    if (
        offered
        and spec.interpreted_tables != 0
        and a.accepts_interpretation
        and b.accepts_interpretation
        and a.languages & offered
        and b.languages & offered
    ):
        return True, (), True
    return False, (), False


def feasible(a: Participant, b: Participant, spec: PairingSpec) -> bool:
    """Whether a and b may meet at all (in some round): the hard rules of docs/pairing.md."""
    if a.id == b.id or a.id in b.do_not_pair or b.id in a.do_not_pair:
        return False
    if a.delegation and a.delegation == b.delegation and (a.avoid_own_delegation or b.avoid_own_delegation):
        return False
    if not _language_fit(a, b, spec)[0]:
        return False
    return any(a.attends(r) and b.attends(r) for r in range(spec.rounds))


def _check(participants: Sequence[Participant], spec: PairingSpec) -> None:
    if spec.rounds < 1:
        raise PairingInputError("at least one round is needed")
    if not isinstance(spec.tables, int) and len(spec.tables) != spec.rounds:
        raise PairingInputError("one table count per round is needed")
    if any(spec.tables_in(r) < 0 for r in range(spec.rounds)):
        raise PairingInputError("table counts cannot be negative")
    ids = [p.id for p in participants]
    if len(set(ids)) != len(ids):
        raise PairingInputError("participant ids must be unique")


def pair_benefits(participants: Sequence[Participant], spec: PairingSpec) -> PairTable:
    """Score every pair with the matching engine and keep the feasible ones.

    The share sides of all participants form one :class:`CandidateIndex` (so a concept everyone
    can share weighs little, one few can share much); each want-to-learn side is scored against it
    as a need against offers, with the engine's concept and semantic components only (structured
    facets, dates and capacity mean nothing here) and no hard filters (pairing has its own)."""
    participants = list(participants)
    _check(participants, spec)
    n = len(participants)
    share_docs, learn_docs = _docs(participants, "share"), _docs(participants, "learn")
    share_index = CandidateIndex(share_docs)
    config = EngineConfig(structured=False, hard_filters=False)
    gives = np.zeros((n, n), dtype=np.float64)
    for j, doc in enumerate(learn_docs):
        if n and (doc.concepts or doc.vector is not None):
            scores, _parts, _weights, _ = share_index._scores(doc, config)
            gives[:, j] = scores
    np.fill_diagonal(gives, 0.0)
    gives = np.clip(np.round(gives, 6), 0.0, 1.0)
    pairs, benefit, interpreted, common_rounds = [], [], [], []
    for i in range(n):
        a = participants[i]
        for j in range(i + 1, n):
            b = participants[j]
            if not feasible(a, b, spec):
                continue
            pairs.append((i, j))
            benefit.append(float(gives[i, j] + gives[j, i]))
            interpreted.append(_language_fit(a, b, spec)[2])
            common_rounds.append(tuple(r for r in range(spec.rounds) if a.attends(r) and b.attends(r)))
    return PairTable(
        participants, gives, pairs, benefit, interpreted, common_rounds, share_index, learn_docs, spec.rounds
    )


def exchange(table: PairTable, giver: int, taker: int) -> Exchange:
    """What participant ``giver`` can share that ``taker`` wants to learn (as the engine explains a
    candidate: the concepts in both, by the product of their tf-idf weights)."""
    mine = table.share_index.concept_vector(table.learn_docs[taker].concepts)
    theirs = table.share_index.doc_concept_weights(giver)
    shared = sorted(set(mine) & set(theirs), key=lambda c: (-mine[c] * theirs[c], c))
    return Exchange(
        concepts=tuple(c for c in shared if not c.startswith(THEME_PREFIX)),
        themes=tuple(c.removeprefix(THEME_PREFIX) for c in shared if c.startswith(THEME_PREFIX)),
        score=float(table.gives[giver, taker]),
    )


# ---------------------------------------------------------------------------------------------------
# Solvers


def _weights(table: PairTable, spec: PairingSpec) -> list[int]:
    """Integer weight of each pair for the solvers: benefit plus the meeting value."""
    return [round((b + spec.meeting_value) * SCALE) for b in table.benefit]


def _greedy_schedule(
    table: PairTable,
    spec: PairingSpec,
    weights: Sequence[int],
    *,
    fixed: Mapping[int, int] | None = None,
    forbidden: Iterable[int] = (),
    rounds: Iterable[int] | None = None,
) -> dict[int, int]:
    """Round by round, the heaviest pair whose two people are free (ties: participant order).

    ``fixed`` maps pair → round already decided; ``rounds`` limits which rounds are filled."""
    chosen = dict(fixed or {})
    banned = set(forbidden)
    busy = {(table.pairs[e][k], r) for e, r in chosen.items() for k in (0, 1)}
    order = sorted(range(len(table.pairs)), key=lambda e: (-weights[e], table.pairs[e]))
    penalty = round(spec.sit_out_penalty * SCALE)
    for r in range(spec.rounds) if rounds is None else sorted(rounds):
        sat = _sat_out(table, chosen, exclude=r) if penalty else None
        if sat is not None and any(sat):
            # seating someone who already sat out saves the next step of their penalty
            order = sorted(order, key=lambda e: (-(weights[e] + penalty * (sat[table.pairs[e][0]] + sat[
                table.pairs[e][1]])), table.pairs[e]))  # fmt: skip
        used = sum(1 for rr in chosen.values() if rr == r)
        interp = sum(1 for e, rr in chosen.items() if rr == r and table.interpreted[e])
        for e in order:
            if used >= spec.tables_in(r):
                break
            if e in chosen or e in banned or r not in table.common_rounds[e]:
                continue
            i, j = table.pairs[e]
            if (i, r) in busy or (j, r) in busy:
                continue
            if table.interpreted[e] and spec.interpreted_tables is not None and interp >= spec.interpreted_tables:
                continue
            chosen[e] = r
            busy.update({(i, r), (j, r)})
            used += 1
            interp += table.interpreted[e]
    return chosen


def _sat_out(table: PairTable, schedule: Mapping[int, int], exclude: int | None = None) -> list[int]:
    """Per participant, the rounds they attend without a meeting (not counting round ``exclude``)."""
    seated = [0] * len(table.participants)
    for e, r in schedule.items():
        if r != exclude:
            for i in table.pairs[e]:
                seated[i] += 1
    return [
        sum(1 for r in range(table.rounds) if r != exclude and p.attends(r)) - seated[i]
        for i, p in enumerate(table.participants)
    ]


def _value(table: PairTable, spec: PairingSpec, weights: Sequence[int], schedule: Mapping[int, int]) -> int:
    """What the solvers maximise, in integer units: the meetings' weights less the rotation
    penalty, ``sit_out_penalty`` × s(s − 1) / 2 for a person who sits out s rounds."""
    penalty = round(spec.sit_out_penalty * SCALE)
    return sum(weights[e] for e in schedule) - sum(penalty * s * (s - 1) // 2 for s in _sat_out(table, schedule))


def _candidates(table: PairTable, spec: PairingSpec, weights: Sequence[int], keep: Iterable[int]) -> list[int]:
    """The pairs CP-SAT considers: each person's heaviest ``candidates_per_person`` pairs (a pair
    enters when either person keeps it), plus ``keep`` (the hint, fixed pairs)."""
    per_person = spec.candidates_per_person or 2 * spec.rounds + 4
    by_person: dict[int, list[int]] = {}
    for e, (i, j) in enumerate(table.pairs):
        by_person.setdefault(i, []).append(e)
        by_person.setdefault(j, []).append(e)
    chosen = set(keep)
    for edges in by_person.values():
        edges.sort(key=lambda e: (-weights[e], table.pairs[e]))
        chosen.update(edges[:per_person])
    return sorted(chosen)


def _cp_sat(
    table: PairTable,
    spec: PairingSpec,
    weights: Sequence[int],
    hint: Mapping[int, int],
    *,
    fixed: Mapping[int, int],
    forbidden: set[int],
    rounds: set[int],
    previous: Mapping[int, int] | None = None,
    pool: Iterable[int] | None = None,
    seconds: float = 8.0,
) -> tuple[dict[int, int], int]:
    """The schedule of maximum weight (pair → round) over the pairs of ``pool`` (None: all
    feasible pairs), and CP-SAT's status code; never worse than ``hint``.

    Pairs in ``fixed`` keep their round (and are not met again); only ``rounds`` are open;
    ``previous`` (pair → round) earns one unit for staying put, so that a repair changes as little
    as it can among schedules of the same weight."""
    from ortools.sat.python import cp_model  # lazy: it loads pandas (1 to 2 s) in every web process otherwise

    model = cp_model.CpModel()
    pool = range(len(table.pairs)) if pool is None else pool
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    fixed_busy = {(table.pairs[e][k], r) for e, r in fixed.items() for k in (0, 1)}
    for e in pool:
        if e in fixed or e in forbidden:
            continue
        i, j = table.pairs[e]
        for r in table.common_rounds[e]:
            if r in rounds and (i, r) not in fixed_busy and (j, r) not in fixed_busy:
                x[e, r] = model.new_bool_var(f"x{e}_{r}")
    by_person_round: dict[tuple[int, int], list] = {}
    by_pair: dict[int, list] = {}
    by_round: dict[int, list] = {}
    interp_round: dict[int, list] = {}
    for (e, r), var in x.items():
        i, j = table.pairs[e]
        by_person_round.setdefault((i, r), []).append(var)
        by_person_round.setdefault((j, r), []).append(var)
        by_pair.setdefault(e, []).append(var)
        by_round.setdefault(r, []).append(var)
        if table.interpreted[e]:
            interp_round.setdefault(r, []).append(var)
    for vars_ in [*by_person_round.values(), *by_pair.values()]:
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for r, vars_ in by_round.items():
        room = spec.tables_in(r) - sum(1 for rr in fixed.values() if rr == r)
        if len(vars_) > room:
            model.add(sum(vars_) <= max(room, 0))
    if spec.interpreted_tables is not None:
        for r, vars_ in interp_round.items():
            room = spec.interpreted_tables - sum(1 for e, rr in fixed.items() if rr == r and table.interpreted[e])
            if len(vars_) > room:
                model.add(sum(vars_) <= max(room, 0))
    # the rotation: s = rounds attended - meetings; the penalty P(s) = F·s(s-1)/2 is convex, so it
    # is the largest of the lines F·(k·s - k(k+1)/2), k = 0, 1, …, and a variable above all of them.
    # With one round open it is linear: seating someone who sits out s' other rounds saves F·s'.
    penalty = round(spec.sit_out_penalty * SCALE)
    costs = []
    bonus = [0] * len(table.participants)
    if penalty and len(rounds) == 1:
        (only,) = rounds
        bonus = [penalty * s for s in _sat_out(table, fixed, exclude=only)]
    elif penalty:
        seated_fixed = [0] * len(table.participants)
        for e in fixed:
            for i in table.pairs[e]:
                seated_fixed[i] += 1
        mine: dict[int, list] = {}
        for (e, _r), var in x.items():
            for i in table.pairs[e]:
                mine.setdefault(i, []).append(var)
        for i, p in enumerate(table.participants):
            attends = sum(1 for r in range(spec.rounds) if p.attends(r))
            most = attends - seated_fixed[i]  # sit-outs if not seated in any open choice
            if most < 2:
                continue
            cost = model.new_int_var(0, penalty * most * (most - 1) // 2, f"t{i}")
            sat = most - sum(mine.get(i, []))
            for k in range(1, most):
                model.add(cost >= penalty * (k * sat - k * (k + 1) // 2))
            costs.append(cost)
    previous = previous or {}
    model.maximize(
        sum(
            (weights[e] + bonus[table.pairs[e][0]] + bonus[table.pairs[e][1]] + (1 if previous.get(e) == r else 0))
            * var
            for (e, r), var in x.items()
        )
        - sum(costs)
    )
    for (e, r), var in x.items():
        model.add_hint(var, 1 if hint.get(e) == r else 0)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = spec.workers
    solver.parameters.random_seed = spec.seed
    solver.parameters.max_deterministic_time = spec.deterministic_budget
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    code = solver.solve(model)
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return dict(hint), code
    schedule = dict(fixed)
    schedule.update({e: r for (e, r), var in x.items() if solver.boolean_value(var)})
    if _value(table, spec, weights, schedule) < _value(table, spec, weights, hint):  # cut short before the hint
        return dict(hint), cp_model.FEASIBLE
    return schedule, code


def _optimise(
    table: PairTable,
    spec: PairingSpec,
    weights: Sequence[int],
    start: Mapping[int, int],
    *,
    fixed: Mapping[int, int],
    forbidden: set[int],
    rounds: set[int],
    started: float,
    previous: Mapping[int, int] | None = None,
) -> tuple[dict[int, int], str]:
    """Improve the feasible schedule ``start`` (which holds ``fixed``) in ``rounds``.

    A small instance (at most ``exact_limit`` pair × round variables) is one CP-SAT model over all
    feasible pairs and all open rounds: status "optimal" when CP-SAT proves it. A large one is
    improved round by round: each round in turn becomes a maximum-weight matching (CP-SAT, exact)
    over each person's best pairs, with every other round held fixed, so the total never drops;
    passes repeat until one gains nothing ("converged") or ``sweeps`` passes are done ("sweeps").
    The wall-clock ``time_limit`` stops it between two rounds ("time_limit")."""
    current = dict(start)
    deadline = started + spec.time_limit
    variables = sum(
        sum(1 for r in table.common_rounds[e] if r in rounds)
        for e in range(len(table.pairs))
        if e not in fixed and e not in forbidden
    )
    if variables <= spec.exact_limit:
        current, code = _cp_sat(
            table, spec, weights, current, fixed=fixed, forbidden=forbidden, rounds=rounds, previous=previous,
            seconds=deadline - time.perf_counter(),
        )  # fmt: skip
        from ortools.sat.python import cp_model  # lazy: see _cp_sat (already loaded by it here)

        if code == cp_model.OPTIMAL:
            return current, "optimal"
    status = "sweeps"
    pool = _candidates(table, spec, weights, [*current, *fixed])
    for _ in range(spec.sweeps):
        before = _value(table, spec, weights, current)
        for r in sorted(rounds):
            if time.perf_counter() >= deadline:
                return current, "time_limit"
            held = {e: rr for e, rr in current.items() if rr != r}
            held.update({e: rr for e, rr in fixed.items() if rr == r})
            current, _ = _cp_sat(
                table, spec, weights, current, fixed=held, forbidden=forbidden, rounds={r}, previous=previous,
                pool=pool, seconds=deadline - time.perf_counter(),
            )  # fmt: skip
        if _value(table, spec, weights, current) <= before:
            status = "converged"
            break
    return current, status


def upper_bound(table: PairTable, spec: PairingSpec) -> float:
    """An upper bound on the objective of any schedule: the linear relaxation, over every feasible
    pair, of "each person is in at most as many meetings as rounds they attend, no pair meets
    twice, at most all tables are used", with the rotation penalty (OR-Tools GLOP). Each schedule
    is a solution of it, so no schedule does better."""
    if not table.pairs:
        return 0.0
    from ortools.linear_solver import pywraplp  # lazy: see _cp_sat

    solver = pywraplp.Solver.CreateSolver("GLOP")
    y = [solver.NumVar(0.0, 1.0, "") for _ in table.pairs]
    # d_i: person i's meetings, at most the rounds they attend
    attends = [sum(1 for r in range(spec.rounds) if p.attends(r)) for p in table.participants]
    degree = [solver.NumVar(0.0, float(a), "") for a in attends]
    rows = []
    for d in degree:
        row = solver.Constraint(0.0, 0.0)
        row.SetCoefficient(d, -1.0)
        rows.append(row)
    seats = solver.Constraint(0.0, float(sum(spec.tables_in(r) for r in range(spec.rounds))))
    objective = solver.Objective()
    for var, (i, j), w in zip(y, table.pairs, _weights(table, spec), strict=True):
        rows[i].SetCoefficient(var, 1.0)
        rows[j].SetCoefficient(var, 1.0)
        seats.SetCoefficient(var, 1.0)
        objective.SetCoefficient(var, w / SCALE)
    # the rotation penalty, relaxed as in the exact model: t_i above every line F·(k·s_i - k(k+1)/2),
    # with s_i = a_i - d_i (a_i the rounds attended)
    penalty = spec.sit_out_penalty
    if penalty > 0:
        for a, d in zip(attends, degree, strict=True):
            if a < 2:
                continue
            t = solver.NumVar(0.0, solver.infinity(), "")
            objective.SetCoefficient(t, -1.0)
            for k in range(1, a):
                line = solver.Constraint(penalty * (k * a - k * (k + 1) / 2), solver.infinity())
                line.SetCoefficient(t, 1.0)
                line.SetCoefficient(d, penalty * k)
    objective.SetMaximization()
    if solver.Solve() != pywraplp.Solver.OPTIMAL:  # pragma: no cover - a bounded LP is always solved
        return float(sum(_weights(table, spec))) / SCALE
    return float(solver.Objective().Value())


def _result(
    table: PairTable,
    spec: PairingSpec,
    schedule: Mapping[int, int],
    *,
    method: str,
    status: str,
    seconds: float,
    bound: float,
    greedy_objective: float,
    tables: Mapping[int, int] | None = None,
) -> PairingResult:
    meetings = []
    taken: dict[int, set[int]] = {}
    tables = tables or {}
    for e, r in schedule.items():
        if e in tables:
            taken.setdefault(r, set()).add(tables[e])
    ordered = sorted(schedule.items(), key=lambda item: (item[1], -table.benefit[item[0]], table.pairs[item[0]]))
    for e, r in ordered:
        if e in tables:
            number = tables[e]
        else:
            used = taken.setdefault(r, set())
            number = next(t for t in range(1, len(schedule) + len(used) + 2) if t not in used)
            used.add(number)
        i, j = table.pairs[e]
        a, b = table.participants[i], table.participants[j]
        fit = _language_fit(a, b, spec)
        meetings.append(
            Meeting(
                round=r, table=number, a=a.id, b=b.id, benefit=round(table.benefit[e], 6),
                languages=fit[1], interpreted=fit[2], a_gives=exchange(table, i, j), b_gives=exchange(table, j, i),
            )
        )  # fmt: skip
    meetings.sort(key=lambda m: (m.round, m.table))
    objective = round(_value(table, spec, _weights(table, spec), schedule) / SCALE, 6)
    busy = {(p, m.round) for m in meetings for p in (m.a, m.b)}
    sit_outs = tuple(
        tuple(p.id for p in table.participants if p.attends(r) and (p.id, r) not in busy) for r in range(spec.rounds)
    )
    gap = (bound - objective) / bound if bound > 1e-9 else 0.0
    return PairingResult(
        meetings=tuple(meetings), objective=objective,
        total_benefit=round(sum(table.benefit[e] for e in schedule), 6),
        upper_bound=round(bound, 6), gap=round(max(gap, 0.0), 6),
        method=method, status=status, solve_seconds=round(seconds, 4), greedy_objective=round(greedy_objective, 6),
        sit_outs=sit_outs, rounds=spec.rounds,
    )  # fmt: skip


def greedy(participants: Sequence[Participant], spec: PairingSpec, table: PairTable | None = None) -> PairingResult:
    """The baseline: round by round, the heaviest free feasible pair first."""
    started = time.perf_counter()
    table = table or pair_benefits(participants, spec)
    weights = _weights(table, spec)
    schedule = _greedy_schedule(table, spec, weights)
    objective = _value(table, spec, weights, schedule) / SCALE
    return _result(
        table, spec, schedule, method="greedy", status="greedy", seconds=time.perf_counter() - started,
        bound=upper_bound(table, spec), greedy_objective=objective,
    )  # fmt: skip


def solve(participants: Sequence[Participant], spec: PairingSpec, table: PairTable | None = None) -> PairingResult:
    """The schedule of (near-)maximum total mutual benefit over all rounds, with its bound and gap."""
    started = time.perf_counter()
    table = table or pair_benefits(participants, spec)
    weights = _weights(table, spec)
    hint = _greedy_schedule(table, spec, weights)
    greedy_objective = _value(table, spec, weights, hint) / SCALE
    schedule, status = _optimise(
        table, spec, weights, hint, fixed={}, forbidden=set(), rounds=set(range(spec.rounds)), started=started
    )  # fmt: skip
    bound = upper_bound(table, spec)
    return _result(
        table, spec, schedule, method="cp-sat", status=status, seconds=time.perf_counter() - started, bound=bound,
        greedy_objective=greedy_objective,
    )  # fmt: skip


def repair(
    result: PairingResult,
    spec: PairingSpec,
    participants: Sequence[Participant],
    locked_meetings: Iterable[Meeting | tuple[int, str, str]] = (),
    removed_pairs: Iterable[tuple[str, str] | frozenset[str]] = (),
    table: PairTable | None = None,
) -> PairingResult:
    """A new schedule after people declined or asked to swap, changing as little as possible.

    ``removed_pairs`` will not meet (a declined meeting, or a swap: the old partner is removed);
    ``locked_meetings`` (accepted ones: a :class:`Meeting` or ``(round, a, b)``) stay exactly where
    they are, table included. Only the rounds in which a removed pair was meeting are re-solved;
    every meeting of the other rounds stays, and in the re-solved rounds a meeting of the previous
    schedule wins a tie against a new one."""
    started = time.perf_counter()
    table = table or pair_benefits(participants, spec)
    position = table.position()
    edge_of = {frozenset((table.participants[i].id, table.participants[j].id)): e for e, (i, j) in
               enumerate(table.pairs)}  # fmt: skip
    previous = {edge_of[m.pair]: m.round for m in result.meetings if m.pair in edge_of}
    previous_tables = {edge_of[m.pair]: m.table for m in result.meetings if m.pair in edge_of}
    removed = {frozenset(p) for p in removed_pairs}
    forbidden = {edge_of[p] for p in removed if p in edge_of}
    for p in removed:
        if not p <= set(position):
            raise PairingInputError("a removed pair names an unknown participant")
    locked: dict[int, int] = {}
    for item in locked_meetings:
        r, a, b = (item.round, item.a, item.b) if isinstance(item, Meeting) else item
        pair = frozenset((a, b))
        if pair not in edge_of or previous.get(edge_of[pair]) != r or pair in removed:
            raise PairingInputError("a locked meeting is not a meeting of the schedule, or is also removed")
        locked[edge_of[pair]] = r
    open_rounds = {r for e, r in previous.items() if e in forbidden}
    fixed = {e: r for e, r in previous.items() if r not in open_rounds and e not in forbidden}
    fixed.update(locked)
    weights = _weights(table, spec)
    kept = {e: r for e, r in previous.items() if e not in forbidden}
    hint = _greedy_schedule(
        table, spec, weights, fixed={**{e: r for e, r in kept.items() if e not in fixed}, **fixed},
        forbidden=forbidden, rounds=open_rounds,
    )  # fmt: skip
    schedule, status = _optimise(
        table, spec, weights, hint, fixed=fixed, forbidden=forbidden, rounds=open_rounds, started=started,
        previous=previous,
    )  # fmt: skip
    tables = {e: previous_tables[e] for e, r in schedule.items() if previous.get(e) == r}
    bound_table = PairTable(
        table.participants, table.gives, [p for e, p in enumerate(table.pairs) if e not in forbidden],
        [b for e, b in enumerate(table.benefit) if e not in forbidden],
        [f for e, f in enumerate(table.interpreted) if e not in forbidden],
        [c for e, c in enumerate(table.common_rounds) if e not in forbidden], table.share_index, table.learn_docs,
        table.rounds,
    )  # fmt: skip
    return _result(
        table, spec, schedule, method="repair", status=status, seconds=time.perf_counter() - started,
        bound=upper_bound(bound_table, spec), greedy_objective=result.greedy_objective, tables=tables,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------------
# Explanations


def explanation(meeting: Meeting, reader: str) -> dict:
    """The evidence of a meeting from one participant's side, as data for the page to put in words
    in the reader's language: who they meet, what each can share with the other, the language."""
    mine, theirs = (meeting.a_gives, meeting.b_gives) if reader == meeting.a else (meeting.b_gives, meeting.a_gives)
    return {
        "partner": meeting.other(reader),
        "round": meeting.round,
        "table": meeting.table,
        "you_can_share": {"concepts": mine.concepts, "themes": mine.themes},
        "they_can_share": {"concepts": theirs.concepts, "themes": theirs.themes},
        "both": sorted(set(mine.concepts + mine.themes) & set(theirs.concepts + theirs.themes)),
        "languages": meeting.languages,
        "interpreted": meeting.interpreted,
    }


def describe(
    meeting: Meeting,
    label: Callable[[str, str], str],
    name: Callable[[str], str] = str,
) -> str:
    """A plain fallback sentence: ``label(kind, code)`` names a concept or theme ("concept" or
    "theme") and ``name(id)`` a participant, so the wording of codes stays the caller's."""

    def gifts(exchange_: Exchange) -> str:
        words = [label("theme", t) for t in exchange_.themes] + [label("concept", c) for c in exchange_.concepts]
        return ", ".join(words) if words else "-"

    return (
        f"{name(meeting.a)} → {name(meeting.b)}: {gifts(meeting.a_gives)}; "
        f"{name(meeting.b)} → {name(meeting.a)}: {gifts(meeting.b_gives)}"
    )
