"""Weight and speed of the public pages, as a visitor on a weak connection meets them.

Run: uv run python benchmarks/public_pages.py [--requests 50]

Loads the demo data into a throw-away SQLite database, then for each public page prints
the bytes of the page plus every asset it links to (raw and gzip-compressed, i.e.
transferred), the number of queries, and the median / 95th percentile response time
over warm requests in one process.
"""

import argparse
import gzip
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PAGES = ["/en/", "/ar/members/", "/fr/members/?group=LDC", "/zh-hans/members/zmb/", "/es/groups/LDC/", "/ru/register/"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="harambee-bench-")
    os.environ.update(
        HARAMBEE_DATA_DIR=data_dir,
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HARAMBEE_DEBUG="0",
        HARAMBEE_ALLOWED_HOSTS="testserver",
        HARAMBEE_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("loaddemo", verbosity=0, stdout=open(os.devnull, "w"))
    client = Client()
    print(f"{'page':28} {'raw KB':>8} {'sent KB':>8} {'queries':>8} {'median ms':>10} {'p95 ms':>8}")
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        html = response.content
        raw, sent = len(html), len(gzip.compress(html))
        for asset in set(re.findall(rb'<(?:link|script|img)[^>]+(?:href|src)="(/static/[^"]+)"', html)):
            body = b"".join(client.get(asset.decode()).streaming_content)
            raw, sent = raw + len(body), sent + len(gzip.compress(body))
        # request_started resets Django's query log, so count with an execute wrapper instead
        queries: list[str] = []

        def count(execute, sql, *rest, log=queries):
            log.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{url:28} {raw / 1000:8.1f} {sent / 1000:8.1f} {len(queries):8d} "
            f"{statistics.median(timings):10.1f} {p95:8.1f}"
        )


if __name__ == "__main__":
    main()
