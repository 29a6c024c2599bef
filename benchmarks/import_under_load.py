"""A big command-line import while 16 clients write through the API (SQLite, production server).

Run: uv run python benchmarks/import_under_load.py [--count 20000] [--writers 16] [--workers 3]
                                                    [--data-dir DIR] [--port 8765]

Creates a fresh SQLite data folder (migrated, demo data, an API token for a manager), writes
`--count` synthetic postings to a JSON Lines file (`harambee gen postings --out`), starts
`harambee serve` (gunicorn, production settings, a test secret, `HARAMBEE_EMBEDDER=none` so that
the two cores go to writing rather than to computing vectors), starts `--writers` threads that
each create needs through `POST /api/v1/needs` with the token, one after the other, for the
whole run, then times `harambee import postings FILE` in its own process. The writers go on
until the import has finished. A 503 answer is counted separately and retried after its
Retry-After; any other status but 201 is a failed write. Prints the import time, the writes
attempted, the failed writes by status, and the 50th/95th percentile and maximum latency of the
writes that went through.
"""

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HARAMBEE = str(Path(sys.executable).parent / "harambee")
TOKEN_SCRIPT = (
    "from harambee.accounts.models import User\n"
    "from harambee.accounts.services import api_token_create\n"
    "print(api_token_create(user=User.objects.get(email='zambia.manager@demo.harambee.test'), name='bench').key)\n"
)


def run(argv: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([HARAMBEE, *argv], cwd=ROOT, env=env, check=True, capture_output=True, text=True, **kwargs)


def wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer {url}")


class Writers:
    """Threads that create needs through the API until told to stop."""

    def __init__(self, base: str, key: str, count: int):
        self.base, self.key, self.count = base, key, count
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.latencies: list[float] = []
        self.slowest = 0.0
        self.retried = 0
        self.threads = [threading.Thread(target=self.work, args=(n,), daemon=True) for n in range(count)]

    def work(self, n: int) -> None:
        i = 0
        while not self.stop.is_set():
            i += 1
            body = json.dumps({
                "member": "zmb", "language": "en", "title": f"Load test need {n}-{i}",
                "description": "Training of civil servants in the use of AI for statistics.",
            }).encode()  # fmt: skip
            request = urllib.request.Request(
                f"{self.base}/api/v1/needs", data=body, method="POST",
                headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
            )  # fmt: skip
            started = time.perf_counter()
            retry_after = 0.0
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
                retry_after = float(error.headers.get("Retry-After") or 0)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                status = "no answer"
            elapsed = time.perf_counter() - started
            with self.lock:
                self.statuses[status] += 1
                self.slowest = max(self.slowest, elapsed)
                if status == 201:
                    self.latencies.append(elapsed)
                elif status == 503:
                    self.retried += 1
            if status == 503:
                time.sleep(retry_after or 1)

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=180)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--data-dir", help="a new folder (default: a temporary one)")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    work = Path(args.data_dir or tempfile.mkdtemp(prefix="harambee-load-"))
    if (work / "harambee.sqlite3").exists():
        raise SystemExit(f"{work} already holds a database; give a new folder")
    work.mkdir(parents=True, exist_ok=True)
    port = args.port or free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        HARAMBEE_DATA_DIR=str(work),
        HARAMBEE_EMBEDDER="none",
        HARAMBEE_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        HARAMBEE_LOG_LEVEL="WARNING",
    )
    local = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    print(f"data folder: {work}")
    run(["migrate", "--no-input", "-v", "0"], local)
    run(["loaddemo", "-v", "0"], local)
    key = run(["shell", "-c", TOKEN_SCRIPT], local).stdout.strip().splitlines()[-1]
    postings = work / "postings.jsonl"
    run(["gen", "postings", "--count", str(args.count), "--seed", "11", "--out", str(postings)], local)
    server_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "HARAMBEE_SECRET_KEY": "benchmark-secret-key-not-for-production-0123456789",
        "HARAMBEE_ALLOWED_HOSTS": "127.0.0.1",
        "HARAMBEE_SECURE_COOKIES": "0",
    }
    server = subprocess.Popen(
        [HARAMBEE, "serve", "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}", "--timeout", "120"],
        cwd=ROOT, env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/api/v1/needs")
        writers = Writers(base, key, args.writers)
        writers.start()
        time.sleep(3)  # the writers are under way before the import starts
        started = time.perf_counter()
        result = subprocess.run(
            [HARAMBEE, "import", "postings", str(postings)], cwd=ROOT, env=local, capture_output=True, text=True
        )
        imported = time.perf_counter() - started
        time.sleep(2)
        writers.finish()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    print(f"command: {' '.join(sys.argv)}")
    print(f"import of {args.count:,} postings: {imported:.1f} s (exit {result.returncode}) {result.stdout.strip()}")
    if result.returncode:
        print(result.stderr[-2000:])
    statuses = writers.statuses
    attempted = sum(statuses.values())
    failed = {status: n for status, n in statuses.items() if status not in (201, 503)}
    print(f"writers: {args.writers} threads, {args.workers} gunicorn workers")
    print(f"writes attempted: {attempted}; created (201): {statuses[201]}; busy (503, retried): {statuses[503]}")
    print(f"writes failed: {sum(failed.values())} {dict(sorted(failed.items(), key=str)) if failed else ''}".rstrip())
    latencies = sorted(writers.latencies)
    if latencies:
        p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
        print(
            f"write latency (201): p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {latencies[-1] * 1000:.0f} ms (slowest answer of any status: {writers.slowest * 1000:.0f} ms)"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if __name__ == "__main__":
    main()
