"""Allocation rounds at 10,000 requests × 1,000 offers: every engine mode side by side.

Run: uv run python benchmarks/allocation.py [--requests 10000] [--offers 1000] [--seed 7]
                                            [--hr-requests N] [--skip-hr]

Generates the synthetic instance of the matching research (§3): each request lists Poisson(20)
acceptable offers (clipped to 5–40) drawn with Zipf-like offer popularity, scores Beta(2, 2),
capacity 1–9 per offer, 30% of requests from LDC members, 6 regions; seeded. Then, in one
process, times `allocate` (wall clock of the whole call: solve, unconstrained optimum, reasons,
metrics) for each policy, the greedy baseline, and the `matching` package's HospitalResident
solver on the same preferences, and prints peak RSS after each row.
"""

import argparse
import os
import resource
import sys
import threading
import time
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np

# The script's own folder holds benchmarks/matching.py, which would shadow the `matching`
# package from PyPI: import from the repository root instead.
HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]
sys.path.insert(0, str(HERE.parent))

REGIONS = ["002", "009", "019", "142", "150", "419"]


def synthetic_instance(*, requests: int, offers: int, seed: int) -> dict:
    """The research §3 instance as decoded JSON (members carry the LDC flag and the region)."""
    rng = np.random.default_rng(seed)
    popularity = 1.0 / np.arange(1, offers + 1) ** 0.8
    popularity = popularity[rng.permutation(offers)]
    popularity /= popularity.sum()
    capacities = rng.integers(1, 10, size=offers)
    # Members: organisations and states of very different sizes (Zipf-like), 30% of the requests
    # from LDC members; LDC-ness and region belong to the member.
    members = max(1, requests // 5)
    member_weight = 1.0 / np.arange(1, members + 1) ** 0.7
    member_weight /= member_weight.sum()
    member_of = rng.choice(members, size=requests, p=member_weight)
    order = rng.permutation(members)
    share = np.cumsum(member_weight[order])
    ldc_members = set(order[share <= 0.30].tolist())
    member_region = rng.integers(0, len(REGIONS), size=members)
    listed = np.clip(rng.poisson(20, size=requests), 5, min(40, offers))
    rows = []
    for i in range(requests):
        chosen = rng.choice(offers, size=int(listed[i]), replace=False, p=popularity)
        scores = rng.beta(2, 2, size=len(chosen))
        member = int(member_of[i])
        rows.append(
            {
                "id": f"R{i:05d}",
                "member": f"M{member:04d}",
                "groups": ["LDC"] if member in ldc_members else [],
                "region": REGIONS[member_region[member]],
                "choices": [
                    {"offer": f"O{int(j):04d}", "score": round(float(s), 6)}
                    for j, s in zip(chosen, scores, strict=True)
                ],
            }
        )
    return {
        "policy": {},
        "offers": [{"id": f"O{j:04d}", "capacity": int(capacities[j])} for j in range(offers)],
        "requests": rows,
    }


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_hospital_resident(data: dict, limit: int | None) -> tuple[dict[str, str], float, float, int]:
    """The `matching` package's resident-optimal HR on the plain preferences (score, then id).

    `matching` deep-copies its player graph recursively: it needs a high recursion limit and a
    big thread stack at this size (daffidwilde/matching#139).
    """
    from matching.games import HospitalResident

    requests = data["requests"] if limit is None else data["requests"][:limit]
    resident_prefs = {}
    applicants: dict[str, list[tuple[float, str]]] = {}
    for r in requests:
        order = sorted(r["choices"], key=lambda c: (-c["score"], c["offer"]))
        resident_prefs[r["id"]] = [c["offer"] for c in order]
        for c in r["choices"]:
            applicants.setdefault(c["offer"], []).append((c["score"], r["id"]))
    hospital_prefs = {
        o: [rid for _s, rid in sorted(rows, key=lambda a: (-a[0], a[1]))] for o, rows in applicants.items()
    }
    capacities = {o["id"]: o["capacity"] for o in data["offers"] if o["id"] in hospital_prefs}
    box: dict = {}

    def work() -> None:
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
            built = time.perf_counter()
            matching = game.solve(optimal="resident")
        box["build"] = built - started
        box["solve"] = time.perf_counter() - built
        box["pairs"] = {r.name: h.name for h, rs in matching.items() for r in rs}

    sys.setrecursionlimit(10**6)
    threading.stack_size(1 << 30)
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    threading.stack_size(0)
    return box["pairs"], box["build"], box["solve"], len(requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--offers", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--hr-requests", type=int, default=None, help="run `matching` on the first N requests only")
    parser.add_argument("--skip-hr", action="store_true", help="do not run the `matching` package")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")  # messages need settings; no DB
    import django

    django.setup()
    from harambee.allocation.engine import allocate, greedy_allocate, parse_instance

    started = time.perf_counter()
    data = synthetic_instance(requests=args.requests, offers=args.offers, seed=args.seed)
    generated = time.perf_counter() - started
    edges = sum(len(r["choices"]) for r in data["requests"])
    seats = sum(o["capacity"] for o in data["offers"])
    ldc = sum(1 for r in data["requests"] if r["groups"])
    print(
        f"instance: {args.requests:,} requests × {args.offers:,} offers, {edges:,} edges, {seats:,} seats, "
        f"{ldc / args.requests:.1%} LDC, {len({r['member'] for r in data['requests']}):,} members, "
        f"seed {args.seed} (generated in {generated:.2f} s; peak RSS so far {peak_rss_mb():.0f} MB)"
    )
    policies = {
        "empty": {},
        "bonus+cap+reserve": {"priority_bonus": {"LDC": 0.2}, "max_units_per_member": 5, "reserve": {"LDC": 0.3}},
        "maxmin": {"fairness": "maxmin"},
    }
    started = time.perf_counter()
    base = parse_instance(data)
    parse_seconds = time.perf_counter() - started
    # One parsed instance, the policy swapped: the variants share offers and requests.
    parsed = {
        name: replace(base, policy=parse_instance({"policy": policy, "offers": [], "requests": []}).policy)
        for name, policy in policies.items()
    }
    print(
        f"parse_instance (validation + normalisation): {parse_seconds:.2f} s; peak RSS so far {peak_rss_mb():.0f} MB\n"
    )
    rows = [
        ("optimal", "empty", lambda: allocate(parsed["empty"])),
        ("optimal", "bonus+cap+reserve", lambda: allocate(parsed["bonus+cap+reserve"])),
        ("optimal", "maxmin", lambda: allocate(parsed["maxmin"])),
        ("stable", "empty", lambda: allocate(parsed["empty"], mode="stable")),
        ("stable", "bonus+cap+reserve", lambda: allocate(parsed["bonus+cap+reserve"], mode="stable")),
        ("greedy", "empty", lambda: greedy_allocate(parsed["empty"])),
    ]
    header = (
        f"{'method':<9} {'policy':<18} {'wall s':>7} {'solve s':>8} {'total score':>12} {'assigned':>9} "
        f"{'LDC fill':>9} {'other fill':>10} {'blocking':>9} {'RSS MB':>7}"
    )
    print(header)
    print("-" * len(header))
    stable_pairs = None
    for method, policy, call in rows:
        started = time.perf_counter()
        result = call()
        wall = time.perf_counter() - started
        metrics = result.metrics
        fill = metrics["fill_by_group"]
        print(
            f"{method:<9} {policy:<18} {wall:>7.2f} {metrics['solve_seconds']:>8.2f} {metrics['total_score']:>12.1f} "
            f"{metrics['assigned']:>9,} {fill.get('LDC', 0):>9.3f} {fill.get('(none)', 0):>10.3f} "
            f"{metrics['blocking_pairs']:>9,} {peak_rss_mb():>7.0f}"
        )
        if method == "stable" and policy == "empty":
            stable_pairs = {a.request: a.offer for a in result.assignments}
        if policy == "maxmin":
            fairness = metrics["fairness"]
            maxmin_note = f"maxmin: min fill {fairness['min_fill']:.4f} after {fairness['max_flow_solves']} max-flows"
        if policy == "bonus+cap+reserve" and method == "optimal":
            filled, reserved = metrics["reserved_seats_filled_by_group"], metrics["reserved_seats"]
            reserve_note = f"reserve: {filled:,} of {reserved:,} reserved seats filled by LDC; "
            reserve_note += f"policy cost {metrics['policy_cost']:.1f}"
    if not args.skip_hr:
        started = time.perf_counter()
        pairs, build, solve, count = run_hospital_resident(data, args.hr_requests)
        wall = time.perf_counter() - started
        scores = {(r["id"], c["offer"]): c["score"] for r in data["requests"] for c in r["choices"]}
        total = sum(scores[r, o] for r, o in pairs.items())
        subset = "" if count == args.requests else f" (first {count:,} requests only)"
        print(
            f"{'matching':<9} {'empty' + subset:<18} {wall:>7.2f} {solve:>8.2f} {total:>12.1f} {len(pairs):>9,} "
            f"{'':>9} {'':>10} {'':>9} {peak_rss_mb():>7.0f}"
        )
        note = (
            f"`matching` 1.4.3 HospitalResident: {build:.1f} s building the game (deep copies), {solve:.1f} s solving"
        )
        if count == args.requests and stable_pairs is not None:
            note += f"; identical to our stable mode: {'yes' if pairs == stable_pairs else 'NO'}"
        print()
        print(note)
    print(maxmin_note)
    print(reserve_note)
    print(f"peak RSS of the whole process: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
