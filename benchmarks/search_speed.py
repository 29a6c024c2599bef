"""Search latency at scale: the list's cross-lingual search over 100,000 postings.

Run: uv run python benchmarks/search_speed.py [--count 100000] [--data-dir DIR] [--reuse] [--rounds 1]
     DATABASE_URL=postgres://… uv run python benchmarks/search_speed.py   (an empty database)

Loads the demo and `--count` synthetic postings in six languages (`harambee_synth`, the import as
benchmarks/postings.py does it), gives every posting a random unit vector under the configured
embedder's name (embedding 100,000 texts takes hours, see benchmarks/embedding.py; a random vector
costs the search exactly what a real one does) and builds the shared matching index. Then it times,
for each query of benchmarks/search_queries.json (78 queries, six languages), what one visitor's
search costs: the facet counts and the first page of the list (`posting_facet_counts`,
`posting_page`), each query new to the process (its vector is computed again: the model's time
is included; the concepts' lookups are kept per process as in production) and no cached counts.
Prints the median and the 95th percentile of the wall-clock time, and of the process's CPU time
(what the search costs when the machine is shared).
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
QUERIES = Path(__file__).resolve().parent / "search_queries.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1, help="times each query is searched")
    parser.add_argument("--reuse", action="store_true", help="the postings are already loaded in --data-dir")
    parser.add_argument("--data-dir", help="HARAMBEE_DATA_DIR (its SQLite file is reused with --reuse)")
    args = parser.parse_args()
    work = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="harambee-search-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        HARAMBEE_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HARAMBEE_DEBUG="0",
        HARAMBEE_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from harambee.postings.models import Posting
    from harambee.postings.signals import postings_changed

    postings_changed.disconnect(dispatch_uid="matching-features")  # the features are written below
    call_command("migrate", verbosity=0)
    if not args.reuse:
        load(args, work)
    print(f"database: {connection.vendor}; postings: {Posting.objects.count():,}")
    time_searches(args)


def load(args, work: Path) -> None:
    from datetime import date

    import numpy as np
    from django.core.management import call_command
    from django.db import connection

    from harambee.matching.core.glossary import default_glossary
    from harambee.matching.embedding import get_embedder
    from harambee.matching.index import build_matching_index
    from harambee.matching.models import PostingFeatures
    from harambee.postings.models import Posting
    from harambee.registry.models import Member
    from harambee_synth import generate_postings

    call_command("loaddemo", verbosity=0, stdout=open(os.devnull, "w"))
    members = [(c.upper(), k) for c, k in Member.objects.filter(status="active").values_list("code", "kind")]
    path = work / "postings.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for row in generate_postings(args.count, members=members, seed=7, start_index=10_000, today=date.today()):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    start = time.perf_counter()
    call_command("import", "postings", str(path), stdout=open(os.devnull, "w"))
    print(f"import of {args.count:,} postings: {time.perf_counter() - start:.1f} s")
    embedder = get_embedder()
    rng = np.random.default_rng(7)
    version = default_glossary().version
    ids = list(Posting.objects.exclude(features__isnull=False).values_list("pk", flat=True))
    for chunk in range(0, len(ids), 5000):
        batch = ids[chunk : chunk + 5000]
        vectors = rng.standard_normal((len(batch), embedder.dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        PostingFeatures.objects.bulk_create(
            [
                PostingFeatures(
                    posting_id=pk, glossary_version=version, concepts={}, text_hash="synthetic",
                    embedder=embedder.name, vector_hash="synthetic", vector=vector.tobytes(),
                )
                for pk, vector in zip(batch, vectors, strict=True)
            ]
        )  # fmt: skip
    start = time.perf_counter()
    build_matching_index(force=True)
    print(f"matching index: built in {time.perf_counter() - start:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def time_searches(args) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import cache
    from django.utils import translation

    from harambee.matching import search as vector_search
    from harambee.postings.selectors import PostingFilters, posting_facet_counts, posting_page

    data = json.loads(QUERIES.read_text(encoding="utf-8"))
    queries = [(lang, q) for topic in data["topics"] for lang, q in topic["queries"].items()]
    visitor = AnonymousUser()

    def search(lang: str, query: str, kind: str) -> int:
        with translation.override("zh-hans" if lang == "zh" else lang):
            filters = PostingFilters(kind=kind, q=query)
            counts = posting_facet_counts(user=visitor, filters=filters)
            page = posting_page(user=visitor, filters=filters, counts=counts, number=1)
            list(page.object_list)
            return page.paginator.count

    search("en", "warm up", "offer")  # the model, the index and the glossary load once per process
    timings, cpu, found = [], [], []
    for round_number in range(args.rounds):
        for i, (lang, query) in enumerate(queries):
            cache.clear()
            vector_search._query_vector.cache_clear()
            kind = "offer" if (i + round_number) % 2 == 0 else "need"
            started, started_cpu = time.perf_counter(), time.process_time()
            found.append(search(lang, query, kind))
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
    timings.sort()
    cpu.sort()
    print(f"searches: {len(timings)} ({len(queries)} queries x {args.rounds}); results per search: "
          f"median {statistics.median(found):,.0f}, max {max(found):,}")  # fmt: skip
    print(f"search (counts + first page): median {statistics.median(timings):.1f} ms, "
          f"p95 {timings[int(len(timings) * 0.95) - 1]:.1f} ms, max {timings[-1]:.1f} ms")  # fmt: skip
    print(f"CPU time of this process per search: median {statistics.median(cpu):.1f} ms, "
          f"p95 {cpu[int(len(cpu) * 0.95) - 1]:.1f} ms; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")  # fmt: skip


if __name__ == "__main__":
    main()
