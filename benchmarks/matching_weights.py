"""Fit the weights of the matching engine's soft components on synthetic postings.

    uv run python benchmarks/matching_weights.py [--postings 600] [--seed 7] [--rounds 400]

The labelled data is generated, never taken from a benchmark corpus: synthetic needs and offers in
the six languages (``harambee_synth``, the generator behind ``harambee gen postings``), each drawn
from a known topic. The topic is recovered from the posting's title (each title belongs to one
topic's phrase bank). A need and an offer of the same topic are an excellent fit (grade 3) when they
pass the engine's hard filters and a partial one (grade 1) otherwise; an offer of another topic
sharing the need's primary modality and a theme is a weak distractor (grade 0, judged); the rest
are unjudged. Some tags are dropped at random, as members often leave them out, so the texts have
to carry the meaning.

The script computes every component of every (need, offer) pair once with the engine, then searches
the weights (random search around the current ones, then coordinate steps) for the highest mean
nDCG@10 (gain 2^g - 1), and prints the weights found with the score of the current weights. The
engine's ``EngineConfig`` weights are set from its output (docs/matching.md).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from dataclasses import replace
from datetime import date

import numpy as np


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django  # lazy: a benchmark script sets Django up itself

    django.setup()


MEMBERS = [
    ("SEN", "state"),
    ("ZMB", "state"),
    ("EGY", "state"),
    ("BRA", "state"),
    ("MEX", "state"),
    ("FJI", "state"),
    ("KAZ", "state"),
    ("LAO", "state"),
    ("FRA", "state"),
    ("CHN", "state"),
    ("RUS", "state"),
    ("ARG", "state"),
    ("UNESCO", "organisation"),
    ("ITU", "organisation"),
    ("AU", "organisation"),
    ("TSINGHUA", "organisation"),
]


def synthetic_corpus(count: int, seed: int):
    from harambee_synth import generate_postings  # lazy: a development package
    from harambee_synth.banks import compiled_languages, load_topics  # lazy: a development package

    topics = [t.key for t in load_topics()]
    owner: dict[str, str] = {}
    for language in compiled_languages().values():
        for key in topics:
            for titles in language.topics[key].titles:
                for title in titles:
                    owner.setdefault(title, key)
    rows = list(generate_postings(count, members=MEMBERS, seed=seed, today=date(2026, 12, 1)))
    rng = random.Random(seed)
    out = []
    for row in rows:
        topic = next((owner[t] for t in sorted(owner, key=len, reverse=True) if row["title"].startswith(t)), None)
        if topic is None:
            continue
        for facet in ("modalities", "themes", "sectors"):
            if rng.random() < 0.4:
                row[facet] = []
        out.append((row, topic))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=400)
    args = parser.parse_args(argv)
    _setup()
    from harambee.matching.core.documents import Geography, doc_from_interchange  # lazy: after django.setup()
    from harambee.matching.core.engine import CandidateIndex, EngineConfig  # lazy: after django.setup()
    from harambee.matching.core.glossary import default_glossary  # lazy: after django.setup()
    from harambee.matching.documents import reference_geographies  # lazy: after django.setup()
    from harambee.matching.embedding import (  # lazy: after django.setup()
        corpus_centroids,
        embed_batched,
        get_embedder,
        language_centroids,
        posting_text,
    )
    from harambee.matching.evaluation import ndcg  # lazy: after django.setup()

    started = time.perf_counter()
    data = synthetic_corpus(args.postings, args.seed)
    glossary = default_glossary()
    places = reference_geographies([row["member"] for row, _ in data])
    docs = [doc_from_interchange(row, places.get(row["member"].lower(), Geography()), glossary) for row, _ in data]
    embedder = get_embedder()
    vectors = embed_batched(embedder, [posting_text(r["title"], r["description"]) for r, _ in data])
    docs = [replace(d, vector=np.asarray(v)) for d, v in zip(docs, vectors, strict=True)]
    centroids = corpus_centroids(np.vstack(vectors), [d.language for d in docs], language_centroids(embedder, glossary))
    topic = {d.id: t for d, (_, t) in zip(docs, data, strict=True)}
    needs = [d for d in docs if d.kind == "need"]
    offers = [d for d in docs if d.kind == "offer"]
    index = CandidateIndex(offers, centroids=centroids)
    config = EngineConfig()
    names = list(config.weights)
    features, qrels = [], []
    for need in needs:
        _, parts, _ = index._scores(need, config)
        failed = index._hard_filters(need)
        bad = np.zeros(index.size, dtype=bool)
        for mask in failed.values():
            bad |= mask
        grades = {}
        for i, offer in enumerate(offers):
            if topic[offer.id] == topic[need.id]:
                grades[i] = 1 if bad[i] else 3
        if not any(g == 3 for g in grades.values()):
            continue
        features.append((np.vstack([parts[n] for n in names]).astype(np.float64), ~bad))
        qrels.append(grades)
    print(f"{len(needs)} needs ({len(qrels)} with a fit), {len(offers)} offers; {time.perf_counter() - started:.0f} s")

    def score(weights: np.ndarray) -> float:
        total = 0.0
        for (matrix, ok), grades in zip(features, qrels, strict=True):
            s = weights @ matrix + 10.0 * ok
            top = np.argsort(-s, kind="stable")[:10]
            total += ndcg([int(i) for i in top], grades)
        return total / len(features)

    current = np.array([config.weights[n] for n in names])
    best, best_score = current.copy(), score(current)
    print(f"current weights: nDCG@10 {best_score:.4f}")
    rng = np.random.default_rng(args.seed)
    for _ in range(args.rounds):
        trial = np.clip(best * np.exp(rng.normal(0, 0.35, len(best))), 0.005, None)
        trial /= trial.sum()
        value = score(trial)
        if value > best_score + 1e-9:
            best, best_score = trial, value
    print(f"fitted weights: nDCG@10 {best_score:.4f}")
    for name, weight in zip(names, best, strict=True):
        print(f"  {name:<13} {weight:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
