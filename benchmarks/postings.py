"""Needs and offers at scale: import time and list / facet / search / API latency.

Run: uv run python benchmarks/postings.py [--count 100000] [--requests 30] [--data-dir DIR]
     uv run python benchmarks/postings.py --reuse --data-dir DIR   (time the pages again, no import)
     DATABASE_URL=postgres://… uv run python benchmarks/postings.py   (an empty database)

Loads the demo, generates `--count` synthetic postings in six languages to a JSON Lines file,
times `harambee import postings` on it (one process), then times warm requests through
Django's test client in one process and prints the median and 95th percentile per page.
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

PAGES = [
    ("list offers", "/en/offers/"),
    ("list needs, page 50", "/fr/needs/?page=50"),
    ("facets: theme + region", "/en/offers/?theme=skills&region=002"),
    ("facets: 3 filters", "/es/needs/?modality=training&sector=agriculture&language=es"),
    ("search en", "/en/offers/?q=civil+servants+training"),
    ("search fr", "/fr/needs/?q=formation+agents"),
    ("search zh", "/zh-hans/offers/?q=公务员培训"),
    ("search ar", "/ar/needs/?q=الذكاء+الاصطناعي"),
    ("search ru + facet", "/ru/offers/?q=обучение&theme=skills"),
    ("API list", "/api/v1/offers"),
    ("API facets", "/api/v1/needs?theme=data&group=LDC"),
    ("API search", "/api/v1/offers?q=data+governance"),
    ("API page size 100", "/api/v1/needs?page_size=100&page=20"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="time the pages of an already loaded database (no import)")
    parser.add_argument("--data-dir", help="HARAMBEE_DATA_DIR (its SQLite file is reused with --reuse)")
    args = parser.parse_args()
    work = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="harambee-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        HARAMBEE_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HARAMBEE_DEBUG="0",
        HARAMBEE_ALLOWED_HOSTS="testserver",
        HARAMBEE_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    import django

    django.setup()
    from django.core.management import call_command

    from harambee.postings.signals import postings_changed

    # matching features (concepts, vectors) are computed after commit by a background thread in
    # production; this benchmark times the postings pages alone (see benchmarks/matching_engine.py)
    postings_changed.disconnect(dispatch_uid="matching-features")
    from django.db import connection

    from harambee.postings.models import Posting

    call_command("migrate", verbosity=0)
    if args.reuse:
        print(f"database: {connection.vendor}; postings: {Posting.objects.count():,} (reused)")
    else:
        load(args, work)
    time_pages(args)


def load(args, work: Path) -> None:
    from datetime import date

    from django.core.management import call_command
    from django.db import connection

    from harambee.postings.models import Posting
    from harambee.registry.models import Member
    from harambee_synth import generate_postings

    call_command("loaddemo", verbosity=0, stdout=open(os.devnull, "w"))
    members = [(c.upper(), k) for c, k in Member.objects.filter(status="active").values_list("code", "kind")]
    path = work / "postings.jsonl"
    start = time.perf_counter()
    with path.open("w", encoding="utf-8") as handle:
        for row in generate_postings(args.count, members=members, seed=7, start_index=10_000, today=date.today()):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    generated = time.perf_counter() - start
    start = time.perf_counter()
    call_command("import", "postings", str(path), stdout=open(os.devnull, "w"))
    imported = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    total = Posting.objects.count()
    print(f"database: {connection.vendor}; postings: {total:,}")
    print(f"generate {args.count:,} postings: {generated:.1f} s; import: {imported:.1f} s "
          f"({args.count / imported:,.0f} postings/s)")  # fmt: skip


def time_pages(args) -> None:
    from django.test import Client

    client = Client()
    print(f"{'page':28} {'median ms':>10} {'p95 ms':>8} {'results':>8}")
    for name, url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        timings = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results = response.json()["count"] if url.startswith("/api/") else "-"
        print(
            f"{name:28} {statistics.median(timings):10.1f} {timings[int(len(timings) * 0.95) - 1]:8.1f} {results!s:>8}"
        )


if __name__ == "__main__":
    main()
