"""The transparency dashboard at scale: cold and warm render times and bytes.

Run: uv run python benchmarks/dashboard.py [--count 100000] [--cooperations 20000] [--data-dir DIR]
     uv run python benchmarks/dashboard.py --reuse --data-dir DIR   (time the page again, no loading)

Loads the demo and `--count` synthetic postings (as benchmarks/postings.py does: `harambee gen`'s
generator, then `harambee import postings`), bulk-creates `--cooperations` public cooperations
between active members (modality, themes, channel, a progress date spread over four years) with a
disbursement for one in four, then:
- refreshes the summary table (`transparency.services.snapshots_refresh`, what the background task
  does every ten minutes) and times it;
- cold: in a new process (`--cold`), the first request (imports, templates, the map's projection, the
  snapshot read), through Django's test client; then the same with the snapshots deleted (figures
  computed in the request, as before the summary table, or when the task has not run for an hour);
- in this process, for each of `URLS`: uncached (the 5-minute cache cleared: the unfiltered page reads
  its snapshot, filtered ones compute) and warm (from the cache), medians of `--requests`;
and prints the page's bytes uncompressed and gzipped.
"""

import argparse
import gzip
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

URL = "/en/dashboard/"
URLS = ["/en/dashboard/", "/ar/dashboard/?measure=cooperations", "/fr/dashboard/?group=LDC&theme=data"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--cooperations", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--data-dir")
    parser.add_argument("--cold", choices=["setup", "wsgi"], help="(internal) how the process starts; time one request")
    args = parser.parse_args()
    work = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="harambee-dashboard-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        HARAMBEE_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HARAMBEE_DEBUG="0",
        HARAMBEE_ALLOWED_HOSTS="testserver",
        HARAMBEE_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        HARAMBEE_PAGE_CACHE="off",
    )
    started = time.perf_counter()
    import django

    if args.cold == "wsgi":
        import config.wsgi  # noqa: F401 (what a gunicorn worker loads at boot)
    else:
        django.setup()
    if args.cold:
        setup = (time.perf_counter() - started) * 1000
        from django.test import Client

        started = time.perf_counter()
        response = Client().get(URL)
        assert response.status_code == 200, response.status_code
        print(f"{setup:.0f} {(time.perf_counter() - started) * 1000:.0f}")
        return
    from django.core.management import call_command
    from django.db import connection

    from harambee.postings.signals import postings_changed

    postings_changed.disconnect(dispatch_uid="matching-features")
    call_command("migrate", verbosity=0)
    if not args.reuse:
        import postings as postings_benchmark  # benchmarks/postings.py: demo + generated postings

        postings_benchmark.load(args, work)
        make_cooperations(args.cooperations)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    time_page(args)


def make_cooperations(n: int) -> None:
    from django.utils import timezone

    from harambee.cooperation.models import Cooperation, Transaction
    from harambee.postings.choices import CHANNELS, MODALITIES, THEMES
    from harambee.registry.models import Member

    rng = random.Random(11)
    members = list(Member.objects.filter(status="active").values_list("pk", flat=True))
    now = timezone.now()
    started = time.perf_counter()
    rows = [
        Cooperation(
            title=f"Benchmark cooperation {i}",
            provider_id=rng.choice(members),
            beneficiary_id=rng.choice(members),
            origin="direct",
            status=rng.choice(["agreed", "ongoing", "ongoing", "completed"]),
            channel=rng.choice(list(CHANNELS)),
            modality=rng.choice(list(MODALITIES)),
            themes=rng.sample(list(THEMES), 2),
            last_progress_at=now - timedelta(days=rng.randrange(0, 4 * 365)),
        )
        for i in range(n)
    ]
    Cooperation.objects.bulk_create(rows, batch_size=2000)
    ids = list(Cooperation.objects.filter(title__startswith="Benchmark").values_list("pk", flat=True))
    Transaction.objects.bulk_create(
        [
            Transaction(
                cooperation_id=pk, type="3", date=now.date(), value=rng.randrange(1000, 100_000), currency="USD"
            )
            for pk in ids[::4]
        ],
        batch_size=2000,
    )
    print(f"cooperations: {n:,} bulk-created in {time.perf_counter() - started:.1f} s")


def cold_request(args, start: str = "setup") -> str:
    """The first request of a new process started by django.setup() ("setup") or by loading
    config/wsgi.py as a gunicorn worker does at boot ("wsgi"), in ms, and the start before it. The
    process may write and read bytecode (as an installed site does; PYTHONDONTWRITEBYTECODE would add
    the compilation of every module, 2 to 3 s, to each new process); a first run writes it."""
    command = [sys.executable, __file__, "--cold", start, "--reuse", "--data-dir", args.data_dir]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout.split()
    return f"{out[-1]} ms (the start before it {out[-2]} ms)"


def time_page(args) -> None:
    from django.core.cache import cache
    from django.test import Client

    from harambee.cooperation.models import Cooperation
    from harambee.postings.models import Posting
    from harambee.transparency.models import FigureSnapshot
    from harambee.transparency.services import snapshots_refresh

    print(f"postings: {Posting.objects.count():,}; cooperations: {Cooperation.objects.count():,}")
    started = time.perf_counter()
    keys = snapshots_refresh()
    print(f"summary table refreshed ({len(keys)} snapshots, the task's work): {time.perf_counter() - started:.1f} s")
    cold_request(args)  # writes the bytecode of every module the page needs
    print(f"cold with the snapshot, first request after django.setup(): {cold_request(args)}")
    print(f"cold with the snapshot, first request of a worker (config/wsgi.py): {cold_request(args, 'wsgi')}")
    saved = list(FigureSnapshot.objects.all())
    FigureSnapshot.objects.all().delete()
    print(f"cold without a snapshot (figures computed in the request): {cold_request(args)}")
    FigureSnapshot.objects.bulk_create(saved)
    client = Client()
    cache.clear()
    body = client.get(URL).content
    print(f"page bytes: {len(body):,} uncompressed, {len(gzip.compress(body, 6)):,} gzipped")
    for url in URLS:
        uncached, warm = [], []
        for _ in range(args.requests):
            cache.clear()
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            uncached.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            client.get(url)
            warm.append((time.perf_counter() - started) * 1000)
        cold_ms, warm_ms = statistics.median(uncached), statistics.median(warm)
        print(f"{url:40} uncached median {cold_ms:7.0f} ms   warm median {warm_ms:5.0f} ms")


if __name__ == "__main__":
    main()
