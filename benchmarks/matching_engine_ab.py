"""Per-query ranking time of two versions of the matching engine, on the same arrays, interleaved.

    git show main:harambee/matching/core/engine.py > /tmp/engine_baseline.py
    uv run python benchmarks/matching_engine_ab.py --baseline /tmp/engine_baseline.py [--offers 20000]

Both engines rank the same synthetic offers (random 384-dimension vectors, five to twelve of 400
concepts, random tags, formats, dates, capacities) for the same 100 needs, one after the other for
each need, so that the load of a shared machine weighs on both alike. The baseline reads the index
through ``CandidateIndex.from_arrays`` (the stored format must be the same).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from datetime import date, timedelta

import numpy as np

from harambee.matching.core import engine as current
from harambee.matching.core.vocabulary import FORMATS, LANGUAGES, MODALITIES, SECTORS, THEMES


def _doc(rng: random.Random, nrng, i: int, kind: str, concepts: list[str]):
    start = date(2026, 1, 1) + timedelta(days=rng.randrange(600))
    return current.MatchDoc(
        id=f"{kind}{i}", kind=kind, language=rng.choice(LANGUAGES), member=f"m{i % 300}",
        modalities=frozenset(rng.sample(MODALITIES, rng.randint(0, 2))),
        themes=frozenset(rng.sample(THEMES, rng.randint(0, 2))),
        sectors=frozenset(rng.sample(SECTORS, rng.randint(0, 2))),
        delivery_languages=frozenset(rng.sample(LANGUAGES, 2)), format=rng.choice((*FORMATS, "")),
        start=start, end=start + timedelta(days=rng.randrange(30, 700)), capacity_unit="seats",
        capacity_value=float(rng.randint(5, 50)), remaining=float(rng.randint(0, 50)),
        concepts={c: 1.0 for c in rng.sample(concepts, rng.randint(5, 12))},
        vector=nrng.normal(size=384).astype(np.float32),
    )  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", required=True, help="a copy of another version's engine.py")
    parser.add_argument("--offers", type=int, default=20_000)
    args = parser.parse_args(argv)
    spec = importlib.util.spec_from_file_location("harambee.matching.core.engine_baseline", args.baseline)
    baseline = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = baseline
    spec.loader.exec_module(baseline)
    rng, nrng = random.Random(1), np.random.default_rng(1)
    concepts = [f"c{i}" for i in range(400)]
    offers = [_doc(rng, nrng, i, "offer", concepts) for i in range(args.offers)]
    needs = [_doc(rng, nrng, i, "need", concepts) for i in range(100)]
    ours = current.CandidateIndex(offers)
    theirs = baseline.CandidateIndex.from_arrays(ours.arrays, ours.meta)
    for need in needs[:3]:  # warm up
        ours.rank(need)
        theirs.rank(need)
    times: dict[str, list[float]] = {"baseline": [], "this version": []}
    for need in needs:
        for name, index in (("baseline", theirs), ("this version", ours)):
            started = time.perf_counter()
            index.rank(need, top_k=10)
            times[name].append((time.perf_counter() - started) * 1000)
    for name, values in times.items():
        values.sort()
        print(
            f"{name}: top-10 among {args.offers:,} offers: median {statistics.median(values):.2f} ms, "
            f"p95 {values[94]:.2f} ms over {len(values)} needs"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
