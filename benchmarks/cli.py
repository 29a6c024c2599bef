"""Start-up and end-to-end time of the `harambee` command line, as a person runs it.

Run: uv run python benchmarks/cli.py [--runs 10] [--requests 10000] [--offers 1000] [--seed 7]

Times, in fresh processes, `harambee --help` and `harambee allocate FILE.json > /dev/null` on the
allocation benchmark's instance (benchmarks/allocation.py: 10,000 requests × 1,000 offers, seed 7,
written to a temporary file first) and prints the median and the range of `--runs` runs, wall
clock and CPU (user + system) — the CPU time says what the command costs when other work shares
the machine's two cores, which the load average printed alongside tells.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
HARAMBEE = str(Path(sys.executable).parent / "harambee")


def timed(args: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of `runs` runs of the command (output discarded)."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([HARAMBEE, *args], stdout=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def report(label: str, walls: list[float], cpus: list[float]) -> None:
    print(
        f"{label}: median {statistics.median(walls):.2f} s wall (min {min(walls):.2f}, max {max(walls):.2f}), "
        f"median {statistics.median(cpus):.2f} s CPU, {len(walls)} runs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--offers", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("HARAMBEE_DATA_DIR", tempfile.mkdtemp(prefix="harambee-cli-bench-"))
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    report("harambee --help", *timed(["--help"], args.runs))
    sys.path.insert(0, str(HERE))
    from allocation import synthetic_instance

    data = synthetic_instance(requests=args.requests, offers=args.offers, seed=args.seed)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(data, handle)
    try:
        label = f"harambee allocate ({args.requests:,} × {args.offers:,}, seed {args.seed})"
        report(label, *timed(["allocate", handle.name], args.runs))
    finally:
        os.unlink(handle.name)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
