"""Load on the documented production server: the public mix of `locustfile.py`, bounded in time.

Run (SQLite in a fresh data folder, or PostgreSQL with DATABASE_URL pointing at an empty database):

    uv run python benchmarks/load.py [--postings 2000] [--workers 2] [--threads 8] [--duration 60]
    DATABASE_URL=postgres://… uv run python benchmarks/load.py
    uv run python benchmarks/load.py --data-dir /tmp/prepared          # prepare once and keep the folder…
    uv run python benchmarks/load.py --data-dir /tmp/prepared --reuse  # …then measure it again

It prepares the data (migrate, the demo, `--postings` generated needs and offers, their matching
features and vectors), starts `harambee serve` (gunicorn, production settings, behind no proxy but
told `X-Forwarded-Proto: https` as nginx would), warms it up, then runs two scenarios with locust
headless and prints, per scenario, requests, failures, requests per second and the 50th, 95th and
99th percentiles of the response time, overall and per kind of page:

- 50 users without think time (targets: p95 ≤ 500 ms);
- 200 users with 1 s think time (targets: no error, p95 ≤ 1 s).

The machine's load average is printed before each scenario: locust and the server share the cores,
and figures taken while other work runs are pessimistic. The page cache (HARAMBEE_PAGE_CACHE,
HARAMBEE_PAGE_CACHE_SECONDS) is the server's, as configured in the environment.
"""

import argparse
import csv
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = [("50 users, no think time", 50, 0.0), ("200 users, 1 s think time", 200, 1.0)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _harambee(*args: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "harambee.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"harambee {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


NEEDS_SCRIPT = (
    "from harambee.postings.models import Posting;"
    "print(','.join(Posting.objects.filter(kind='need', status__in=['published','partially_matched'])"
    ".order_by('pk').values_list('external_id', flat=True)[:200]))"
)


INDEX_SCRIPT = "from harambee.matching.index import build_matching_index; build_matching_index()"


def open_needs(env: dict) -> list[str]:
    """Up to 200 open needs to visit."""
    local = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.local", "HARAMBEE_DEBUG": "0"}
    return _harambee("shell", "-c", NEEDS_SCRIPT, env=local).strip().splitlines()[-1].split(",")


def prepare(env: dict, postings: int) -> list[str]:
    """Migrate, load the demo and generated postings, compute their features; the needs to visit."""
    local = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.local", "HARAMBEE_DEBUG": "0"}
    _harambee("migrate", "--no-input", env=local)
    _harambee("loaddemo", "--no-accounts", env=local)
    if postings:
        _harambee("gen", "postings", "--count", str(postings), "--quiet", env=local)
    # the concepts and vectors of every posting, then the shared matching index: the queued tasks, run
    # to the end before measuring (no worker computes vectors while the server is measured)
    _harambee("worker", "--batch", env=local)
    _harambee("shell", "-c", INDEX_SCRIPT, env=local)
    return open_needs(env)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
            with urllib.request.urlopen(request, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} ({os.cpu_count()} cores)"


def run_scenario(host: str, users: int, think: float, duration: int, needs: list[str], out: Path) -> dict:
    env = {**os.environ, "HARAMBEE_LOAD_THINK": str(think), "HARAMBEE_LOAD_NEEDS": ",".join(needs)}
    prefix = out / f"u{users}-t{think:g}"
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
         "-u", str(users), "-r", str(min(users, 50)), "-t", f"{duration}s", "--host", host,
         "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
        cwd=ROOT, env=env, check=False, capture_output=True,
    )  # fmt: skip
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=2000, help="generated postings besides the demo")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("HARAMBEE_WORKERS", "2")))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("HARAMBEE_THREADS", "8")))
    parser.add_argument("--data-dir", help="the data folder to use (kept), instead of a temporary one")
    parser.add_argument("--reuse", action="store_true", help="the data folder or DATABASE_URL is prepared already")
    parser.add_argument("--duration", type=int, default=60, help="seconds per scenario")
    parser.add_argument("--warmup", type=int, default=20, help="seconds of light load before measuring")
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    args = parser.parse_args()

    data_dir = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="harambee-load-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    keep = args.keep or bool(args.data_dir)
    env = {
        **os.environ,
        "HARAMBEE_DATA_DIR": str(data_dir),
        "HARAMBEE_SECRET_KEY": secrets.token_urlsafe(50),
        "HARAMBEE_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HARAMBEE_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONDONTWRITEBYTECODE": "",
    }
    database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    started = time.monotonic()
    if args.reuse:
        local = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.local", "HARAMBEE_DEBUG": "0"}
        _harambee("migrate", "--no-input", env=local)
        _harambee("worker", "--batch", env=local)
        _harambee("shell", "-c", INDEX_SCRIPT, env=local)
        needs = open_needs(env)
        print(f"{database}: reusing {data_dir}")
    else:
        needs = prepare(env, args.postings)
        print(f"{database}: demo + {args.postings} generated postings ready in {time.monotonic() - started:.0f} s")
    shutil.rmtree(data_dir / "cache", ignore_errors=True)  # no page kept from an earlier run

    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "harambee.cli", "serve", "--workers", str(args.workers), "--threads", str(args.threads),
         "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.production"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    out = data_dir / "locust"
    out.mkdir(exist_ok=True)
    try:
        wait_for(f"{host}/en/")
        run_scenario(host, 5, 0.0, args.warmup, needs, out)
        cache = os.environ.get("HARAMBEE_PAGE_CACHE", "file")
        seconds = os.environ.get("HARAMBEE_PAGE_CACHE_SECONDS", "600")
        print(
            f"gunicorn: {args.workers} workers × {args.threads} threads · page cache {cache}, {seconds} s · "
            f"{args.duration} s a scenario · {os.cpu_count()} cores"
        )
        columns = ("requests", "failures", "req/s", "p50 ms", "p95 ms", "p99 ms")
        print(f"{'scenario':28} {'page':20} " + " ".join(f"{c:>9}" for c in columns))
        for title, users, think in SCENARIOS:
            print(f"{title}: {load_average()}")
            rows = run_scenario(host, users, think, args.duration, needs, out)
            for index, name in enumerate(["Aggregated"] + sorted(n for n in rows if n != "Aggregated")):
                row = rows[name]
                label = "all" if name == "Aggregated" else name
                print(
                    f"{title if index == 0 else '':28} {label:20} {row['Request Count']:>9} "
                    f"{row['Failure Count']:>9} {float(row['Requests/s']):>9.1f} {row['50%']:>9} {row['95%']:>9} "
                    f"{row['99%']:>9}"
                )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)  # gunicorn lets the requests in flight finish
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
        if not keep:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
