"""CPU the server's gunicorn workers spend per request over the public mix, robust to other load.

Start the production server first (as `benchmarks/load.py` does, e.g. `harambee serve --workers 2
--threads 8 --bind 127.0.0.1:8090` with production settings on a prepared data folder), write up to 200
open needs' ids, comma-separated, to a file, then:

    uv run python benchmarks/server_cpu.py --needs /tmp/needs.txt [--port 8090] [--requests 3000] [--seed 1]

It visits every distinct page of the mix once (so that the page cache holds them), then sends the mix
again from 8 threads and prints the workers' CPU time (user + system, from /proc) per request. Wall
time depends on what else runs; CPU per request much less, which is why this script exists beside the
locust scenario of `load.py`.
"""

import argparse
import concurrent.futures
import os
import random
import subprocess
import time
import urllib.parse
import urllib.request

LANGUAGES = ("en", "fr", "ar", "es", "ru", "zh-hans")
SEARCHES = ("training", "données", "gobernanza", "данные", "الذكاء", "人工智能", "civil servants", "health")
WEIGHTS = ["home"] * 2 + ["list"] * 4 + ["search"] * 3 + ["need"] * 3 + ["api"] * 2  # as locustfile.py


def mix(needs: list[str], count: int) -> list[str]:
    paths = []
    for _ in range(count):
        page, kind, language = random.choice(WEIGHTS), random.choice(("needs", "offers")), random.choice(LANGUAGES)
        if page == "home":
            paths.append(f"/{language}/")
        elif page == "list":
            paths.append(f"/{language}/{kind}/")
        elif page == "search":
            paths.append(f"/{language}/{kind}/?q={urllib.parse.quote(random.choice(SEARCHES))}")
        elif page == "need":
            paths.append(f"/{language}/needs/{random.choice(needs)}/")
        else:
            paths.append(f"/api/v1/{kind}?page={random.randint(1, 5)}")
    return paths


def workers_cpu(pids: list[int]) -> float:
    ticks = 0
    for pid in pids:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--needs", required=True, help="a file of open needs' ids, comma-separated")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    random.seed(args.seed)
    needs = [n for n in open(args.needs).read().strip().split(",") if n]
    paths = mix(needs, args.requests)
    found = subprocess.run(["pgrep", "-f", "gunicorn config.wsgi"], capture_output=True, text=True).stdout.split()
    pids = [int(pid) for pid in found]

    def get(path: str) -> int:
        request = urllib.request.Request(f"http://127.0.0.1:{args.port}{path}", headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(get, sorted(set(paths))))
    cpu, started = workers_cpu(pids), time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(get, paths))
    cpu, wall = workers_cpu(pids) - cpu, time.monotonic() - started
    print(
        f"{len(paths)} requests ({sum(s == 200 for s in statuses)} answered 200) from 8 threads: "
        f"workers' CPU {1000 * cpu / len(paths):.2f} ms a request, wall {wall:.1f} s, "
        f"load average {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
