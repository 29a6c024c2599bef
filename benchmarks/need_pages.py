"""Building need pages: the time to build distinct need pages (each need in the six languages, in a
shuffled order, the page cache off), with the kept suggestions and with them forgotten before every
page (what each page cost before a need's ranking was shared by its languages).

Run on a prepared data folder (`benchmarks/load.py --data-dir D` prepares one):

    uv run python benchmarks/need_pages.py --data-dir /tmp/prepared [--needs 40]
"""

import argparse
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, help="a prepared HARAMBEE_DATA_DIR (SQLite) or use DATABASE_URL")
    parser.add_argument("--needs", type=int, default=40, help="needs visited, each in the six languages")
    args = parser.parse_args()
    os.environ.update(
        HARAMBEE_DATA_DIR=args.data_dir, HARAMBEE_DEBUG="0", HARAMBEE_PAGE_CACHE_SECONDS="0",
        OPENBLAS_NUM_THREADS="1", HARAMBEE_ALLOWED_HOSTS="testserver",
    )  # fmt: skip
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    warnings.filterwarnings("ignore")
    import django

    django.setup()
    from django.test import Client

    from harambee.matching.selectors import forget_ranked_suggestions
    from harambee.postings.models import Posting

    needs = list(
        Posting.objects.filter(kind="need", status__in=["published", "partially_matched"])
        .order_by("pk")
        .values_list("external_id", flat=True)[: args.needs]
    )
    languages = ["en", "fr", "ar", "es", "ru", "zh-hans"]
    client = Client()
    for need in needs[:5]:  # templates, the index, the model of each process: loaded once
        client.get(f"/en/needs/{need}/")
    pages = [(language, need) for need in needs for language in languages]
    random.Random(2).shuffle(pages)
    load = os.getloadavg()
    print(f"{len(pages)} distinct need pages ({len(needs)} needs × 6 languages), load average {load[0]:.2f}")
    for label, forget in (("suggestions kept per process", False), ("ranked for every page", True)):
        forget_ranked_suggestions()
        times = []
        for language, need in pages:
            if forget:
                forget_ranked_suggestions()
            started = time.perf_counter()
            response = client.get(f"/{language}/needs/{need}/")
            times.append(time.perf_counter() - started)
            assert response.status_code == 200, (language, need, response.status_code)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"{label:30} mean {1000 * statistics.mean(times):6.1f} ms · median "
            f"{1000 * statistics.median(times):6.1f} ms · p95 {1000 * p95:6.1f} ms"
        )


if __name__ == "__main__":
    main()
