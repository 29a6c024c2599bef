"""Knowledge-exchange pairing at 200 participants × 6 rounds: CP-SAT against greedy and the bound.

Run: uv run python benchmarks/pairing.py [--participants 200] [--rounds 6] [--tables 90]
                                         [--delegations 40] [--seed 7] [--vectors]

Generates a workshop like the Beijing one (seeded): ~40 delegations of about five people, each
person speaking one of the six UN languages and, for most, English too; interpretation offered
between English, French and Chinese at 10 tables a round; one person in ten misses a round or two;
a few do-not-pair requests. Each person can share one or two taxonomy themes and three to six
glossary concepts mostly of those themes' areas (harambee/matching/core/glossary), and wants to
learn one or two other themes and their concepts. ``--vectors`` adds a 64-dimensional text vector
per side (the sum of a random vector per concept plus noise) so the engine's semantic component
counts too.

Prints the time to score the pairs, the CP-SAT solve (wall clock of ``solve``, which includes the
greedy hint and the bound), the objective against greedy and the upper bound, the gap, and the
load average of the machine (it is shared: timings vary with it).
"""

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))

from harambee.events.core.pairing import (  # noqa: E402
    Interest,
    PairingSpec,
    Participant,
    greedy,
    pair_benefits,
    repair,
    solve,
)
from harambee.matching.core.glossary import default_glossary  # noqa: E402
from harambee.matching.core.vocabulary import THEMES  # noqa: E402

LANGUAGE_SHARE = {"en": 0.30, "fr": 0.20, "es": 0.15, "ar": 0.13, "zh": 0.12, "ru": 0.10}


def synthetic_participants(*, participants: int, rounds: int, delegations: int, seed: int, vectors: bool):
    rng = np.random.default_rng(seed)
    glossary = default_glossary()
    by_area = {
        theme: sorted(c for c, concept in glossary.concepts.items() if concept.area == theme) for theme in THEMES
    }
    others = sorted(c for c, concept in glossary.concepts.items() if concept.area not in THEMES)
    concept_vectors = {c: rng.normal(size=64) for c in sorted(glossary.concepts)}
    languages = list(LANGUAGE_SHARE)
    delegation_language = rng.choice(languages, size=delegations, p=list(LANGUAGE_SHARE.values()))
    theme_popularity = np.array([1.0, 1.6, 1.3, 0.9, 1.2, 1.8, 1.0])
    theme_popularity /= theme_popularity.sum()

    def interest(count_themes: int, avoid: frozenset[str] = frozenset()) -> Interest:
        pool = [t for t in THEMES if t not in avoid]
        weights = np.array([theme_popularity[THEMES.index(t)] for t in pool])
        themes = frozenset(rng.choice(pool, size=count_themes, replace=False, p=weights / weights.sum()).tolist())
        concepts: dict[str, float] = {}
        for _ in range(int(rng.integers(3, 7))):
            area = by_area[str(rng.choice(sorted(themes)))]
            if area and rng.random() < 0.85:  # "applications" has no concepts of its own: sectors
                concepts[str(rng.choice(area))] = 1.0
            else:
                concepts[str(rng.choice(others))] = 1.0
        vector = None
        if vectors:
            vector = sum(concept_vectors[c] for c in concepts) + rng.normal(scale=1.5, size=64)
        return Interest(concepts=concepts, themes=themes, vector=vector)

    people = []
    for k in range(participants):
        d = int(k % delegations)
        own = str(delegation_language[d])
        spoken = {own}
        if own != "en" and rng.random() < 0.7:
            spoken.add("en")
        if rng.random() < 0.15:
            spoken.add(str(rng.choice(languages)))
        available = None
        if rng.random() < 0.1:
            missing = rng.choice(rounds, size=int(rng.integers(1, 3)), replace=False)
            available = frozenset(r for r in range(rounds) if r not in set(missing.tolist()))
        share = interest(int(rng.integers(1, 3)))
        learn = interest(int(rng.integers(1, 3)), avoid=share.themes)
        people.append(
            Participant(
                id=f"p{k:03d}", delegation=f"D{d:02d}", languages=frozenset(spoken), available=available,
                share=share, learn=learn,
            )
        )  # fmt: skip
    # a few do-not-pair requests
    for _ in range(participants // 20):
        i, j = rng.choice(participants, size=2, replace=False).tolist()
        p = people[i]
        people[i] = Participant(**{**p.__dict__, "do_not_pair": p.do_not_pair | {people[j].id}})
    return people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--tables", type=int, default=90)
    parser.add_argument("--delegations", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--vectors", action="store_true")
    parser.add_argument("--sweeps", type=int, default=PairingSpec.sweeps)
    parser.add_argument("--sit-out-penalty", type=float, default=PairingSpec.sit_out_penalty)
    args = parser.parse_args()
    people = synthetic_participants(
        participants=args.participants, rounds=args.rounds, delegations=args.delegations, seed=args.seed,
        vectors=args.vectors,
    )  # fmt: skip
    spec = PairingSpec(
        rounds=args.rounds, tables=args.tables, interpretation_languages=frozenset({"en", "fr", "zh"}),
        interpreted_tables=10, sweeps=args.sweeps, sit_out_penalty=args.sit_out_penalty,
    )  # fmt: skip
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    started = time.perf_counter()
    table = pair_benefits(people, spec)
    scored = time.perf_counter() - started
    print(f"participants {len(people)}, rounds {spec.rounds}, tables {args.tables}, feasible pairs {len(table.pairs)}")
    print(f"pair scoring (matching engine): {scored:.2f} s")
    started = time.perf_counter()
    base = greedy(people, spec, table=table)
    greedy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    result = solve(people, spec, table=table)
    solve_seconds = time.perf_counter() - started
    meetings = len(result.meetings)
    sat_out = sum(len(r) for r in result.sit_outs)
    print(f"greedy:  objective {base.objective:.3f}  meetings {len(base.meetings)}  {greedy_seconds:.2f} s")
    print(
        f"cp-sat:  objective {result.objective:.3f}  meetings {meetings}  sit-outs {sat_out}  "
        f"{solve_seconds:.2f} s  status {result.status}"
    )
    print(f"bound:   {result.upper_bound:.3f}")
    for name, res in (("greedy", base), ("cp-sat", result)):
        outs = [sum(1 for ids in res.sit_outs if p.id in ids) for p in people]
        print(
            f"{name}: mutual benefit {res.total_benefit:.3f}; rounds sat out per person: "
            f"at most {max(outs)}, {sum(1 for k in outs if k >= 2)} people twice or more"
        )
    print(f"gap to bound: {result.gap:.2%}; cp-sat over greedy: {result.objective / base.objective - 1:+.2%}")
    print(f"total (scoring + solve): {scored + solve_seconds:.2f} s")
    # one person declines a meeting of round 3; two other meetings of that round were accepted
    middle = result.in_round(min(3, spec.rounds - 1))
    started = time.perf_counter()
    fixed = repair(result, spec, people, locked_meetings=middle[1:3], removed_pairs=[(middle[0].a, middle[0].b)])
    changed = len(set(result.meetings) ^ set(fixed.meetings)) // 2
    print(f"repair after one decline: {time.perf_counter() - started:.2f} s, objective {fixed.objective:.3f}, "
          f"about {changed} meetings changed, status {fixed.status}")  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
