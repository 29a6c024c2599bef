"""Fit the matching engine's weights on a labelled corpus that we generate ourselves.

    uv run python benchmarks/matching_synthetic_corpus.py --out /tmp/synth-corpus
    uv run python benchmarks/matching_weights.py --corpus /tmp/synth-corpus [--rounds 600] [--seed 7]

The corpus is synthetic (see ``matching_synthetic_corpus.py``), never a benchmark corpus: the
held-out and development corpora only measure the result. The script builds the documents and
vectors exactly as ``harambee match evaluate`` does, computes every soft component of every
(need, offer) pair once with the engine, then searches, for the highest mean nDCG@10 (gain
2^g − 1, candidates failing a hard filter ranked as the evaluation ranks them):

- the weights of the soft components (log-normal random steps from the current ones, kept when
  better), and
- the semantic spread (how many standard deviations above the mean score 1) and the penalty that
  ranks a candidate failing a hard filter below eligible ones of higher score,

and prints the current and the fitted configuration. ``EngineConfig``'s defaults are set from its
output, rounded (docs/matching.md records the run).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django  # lazy: a benchmark script sets Django up itself

    django.setup()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    _setup()
    from harambee.matching.core.engine import CandidateIndex, EngineConfig  # lazy: after django.setup()
    from harambee.matching.core.glossary import default_glossary  # lazy: after django.setup()
    from harambee.matching.corpus import corpus_documents, load_corpus  # lazy: after django.setup()
    from harambee.matching.embedding import (  # lazy: after django.setup()
        corpus_centroids,
        embed_batched,
        get_embedder,
        language_centroids,
        posting_text,
    )
    from harambee.matching.evaluation import ndcg  # lazy: after django.setup()

    started = time.perf_counter()
    corpus = load_corpus(args.corpus)
    needs, offers, _ = corpus_documents(corpus, embedder=None)
    # the vectors, computed once per corpus and model (embedding is most of the time)
    embedder = get_embedder()
    cache = args.corpus / f"vectors-{embedder.name}.npy"
    rows = corpus.needs + corpus.offers
    if cache.exists():
        vectors = np.load(cache)
    else:
        vectors = np.vstack(embed_batched(embedder, [posting_text(r["title"], r["description"]) for r in rows]))
        np.save(cache, vectors)
    docs = [replace(d, vector=v) for d, v in zip(needs + offers, vectors, strict=True)]
    centroids = corpus_centroids(vectors, [d.language for d in docs], language_centroids(embedder, default_glossary()))
    needs, offers = docs[: len(needs)], docs[len(needs) :]
    index = CandidateIndex(offers, centroids=centroids)
    config = EngineConfig()
    names = list(config.weights)
    ids = [o.id for o in offers]
    queries = []
    for need in needs:
        grades = {ids.index(o): g for o, g in corpus.qrels.get(need.id, {}).items() if o in ids}
        if not any(g >= 2 for g in grades.values()):
            continue
        _, parts, _, _ = index._scores(need, config)
        bad = np.zeros(index.size, dtype=bool)
        for mask in index._hard_filters(need).values():
            bad |= mask
        raw = parts["semantic_raw"].astype(np.float64)
        z = (raw - raw.mean()) / (raw.std() or 1.0)
        matrix = np.vstack([parts[n] for n in names]).astype(np.float64)
        queries.append((matrix, z, bad, grades))
    semantic = names.index("semantic")
    print(f"{len(queries)} needs, {len(offers)} offers; components computed in {time.perf_counter() - started:.0f} s")

    def score(weights: np.ndarray, spread: float, penalty: float) -> float:
        total = 0.0
        for matrix, z, bad, grades in queries:
            matrix[semantic] = np.clip(z / spread, 0.0, 1.0)
            s = weights @ matrix - penalty * bad
            top = np.argsort(-s, kind="stable")[:10]
            total += ndcg(top.tolist(), grades)
        return total / len(queries)

    best_w = np.array([config.weights[n] for n in names], dtype=np.float64)
    best_w /= best_w.sum()
    penalty = config.ineligible_penalty if config.ineligible_penalty is not None else 10.0
    best = (best_w, config.semantic_spread, penalty)
    best_score = score(*best)
    print(f"current: nDCG@10 {best_score:.4f}")
    # the penalty's landscape is flat above the largest score gap: start from the best of a coarse grid
    for grid_penalty in (0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0):
        value = score(best[0], best[1], grid_penalty)
        if value > best_score + 1e-9:
            best, best_score = (best[0], best[1], grid_penalty), value
    rng = np.random.default_rng(args.seed)
    for _ in range(args.rounds):
        w, spread, penalty = best
        w = np.clip(w * np.exp(rng.normal(0, 0.3, len(w))), 0.005, None)
        w /= w.sum()
        spread = float(np.clip(spread * np.exp(rng.normal(0, 0.15)), 1.5, 8.0))
        penalty = float(np.clip(penalty * np.exp(rng.normal(0, 0.3)), 0.02, 10.0))
        value = score(w, spread, penalty)
        if value > best_score + 1e-9:
            best, best_score = (w, spread, penalty), value
    w, spread, penalty = best
    print(f"fitted: nDCG@10 {best_score:.4f}; semantic_spread {spread:.2f}; ineligible_penalty {penalty:.3f}")
    for name, weight in zip(names, w, strict=True):
        print(f"  {name:<13} {weight:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
