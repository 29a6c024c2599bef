"""The shared matching index at 100,000 offers: build, per-process memory, top-10 latency, freshness.

Run: uv run python benchmarks/matching_index.py [--offers 100000] [--queries 200] [--part engine|site|all]

Embedding 100,000 texts would take hours on two cores, so the corpus is synthetic: random unit vectors
of the real embedder's dimension (384), five to twelve glossary concepts per posting (frequent concepts
more often), random structured fields, dates, capacities and eligibility rules. Ranking cost does not
depend on what the vectors mean.

engine: builds the candidate index of the offers in memory, writes it as a generation, then a fresh
process memory-maps it and ranks the top 10 for each need: resident memory before and after (RSS and
PSS, the process's share of pages shared with other processes), median and p95 latency, and the same
top 10 as the in-memory index for every need.

site: a SQLite data folder with the offers (and 2,000 needs) as postings with stored features, the
index built from the database as the background task builds it (timed), two web processes serving
suggestions (memory, latency of the whole selector: ranking plus the query for the postings shown),
then a new offer with its vector is saved and the index task runs: the time until both processes
suggest it. ``--reuse`` keeps the data folder of an earlier run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(os.environ.get("HARAMBEE_BENCH_DIR", "/tmp/harambee-bench-index"))
DIM = 384  # multilingual-e5-small
LANGS = ("ar", "zh", "en", "fr", "ru", "es")


class RandomEmbedder:
    """Stands in for the model where the benchmark needs an embedder (its name, the glossary centroids)."""

    name = "bench-random-384"
    dim = DIM

    def embed(self, texts):
        import numpy as np

        rng = np.random.default_rng(len(texts))
        vectors = rng.standard_normal((len(texts), DIM)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pss_mb() -> float:
    with open("/proc/self/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, share) -> float:
    values = sorted(values)
    return values[max(int(len(values) * share) - 1, 0)]


# ---------------------------------------------------------------------------------------------------
# A synthetic corpus


def synthetic_fields(count: int, *, kind: str, seed: int, concepts: list[str]):
    """``count`` posting field sets (engine names) with concepts and a unit vector each."""
    import random

    import numpy as np

    from harambee.matching.core import vocabulary as v

    rng = np.random.default_rng(seed)
    pick = random.Random(seed)
    # five to twelve distinct concepts per posting, frequent ones more often (Gumbel top-k sampling)
    offers = kind == "offer"
    log_weights = -0.8 * np.log(np.arange(len(concepts)) + 1.0)
    start = date(2026, 1, 1)

    def some(codes, most):
        return sorted(pick.sample(codes, pick.randint(0, most)))

    for chunk in range(0, count, 5000):
        size = min(5000, count - chunk)
        vectors = rng.standard_normal((size, DIM)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        keys = log_weights - np.log(-np.log(rng.random((size, len(concepts)))))
        chosen = np.argsort(-keys, axis=1)[:, :12]
        for row in range(size):
            roll = pick.random()
            first = start + timedelta(days=pick.randint(0, 364))
            fields = {
                "language": pick.choice(LANGS),
                "modalities": some(v.MODALITIES, 2),
                "themes": some(v.THEMES, 3),
                "sectors": some(v.SECTORS, 2),
                "target_groups": some(v.TARGET_GROUPS, 2),
                "delivery_languages": some(LANGS, 2),
                "format": pick.choice(["", *v.FORMATS]),
                "capacity": {"seats": pick.randint(5, 200)} if pick.random() < 0.6 else {},
                "start": first,
                "end": first + timedelta(days=pick.randint(30, 700)),
                "eligible_groups": (["LDC"] if roll < 0.1 else ["SIDS"] if roll < 0.2 else []) if offers else [],
                "eligible_regions": ["002"] if offers and 0.2 <= roll < 0.3 else [],
            }
            picked = chosen[row, : pick.randint(5, 12)].tolist()
            yield fields, {concepts[j]: pick.randint(1, 3) for j in picked}, vectors[row]


PLACES = [
    ({"002", "202", "014"}, {"LDC", "LLDC", "G77"}),
    ({"142", "035"}, {"G77"}),
    ({"019", "419", "029"}, {"SIDS", "G77"}),
    ({"150", "155"}, set()),
    ({"009", "054"}, {"SIDS", "LDC", "G77"}),
]


def engine_docs(count: int, *, kind: str, seed: int):
    from dataclasses import replace

    from harambee.matching.core.documents import Geography, doc_from_fields
    from harambee.matching.core.glossary import default_glossary

    glossary = default_glossary()
    places = [Geography(regions=frozenset(r), groups=frozenset(g), known=True) for r, g in PLACES]
    docs = []
    for i, (fields, concepts, vector) in enumerate(
        synthetic_fields(count, kind=kind, seed=seed, concepts=sorted(glossary.concepts))
    ):
        doc = doc_from_fields(
            id=f"{kind[0].upper()}{i}", kind=kind, member=f"m{i % 200:03d}", title="", description="",
            geography=places[i % len(places)], glossary=glossary, tag=False, **fields,
        )  # fmt: skip
        docs.append(replace(doc, concepts=concepts, vector=vector))
    return docs


def centroids_for(docs):
    import numpy as np

    from harambee.matching.embedding import corpus_centroids

    return corpus_centroids(np.vstack([d.vector for d in docs]), [d.language for d in docs])


# ---------------------------------------------------------------------------------------------------
# engine: write, then map in a fresh process


def part_engine(args) -> None:
    from harambee.matching.core.engine import CandidateIndex
    from harambee.matching.core.store import publish, write_generation

    root = WORK / "engine-index"
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    offers = engine_docs(args.offers, kind="offer", seed=9)
    print(f"engine: {len(offers):,} synthetic offers in {time.perf_counter() - started:.1f} s; RSS {rss_mb():.0f} MB")
    started = time.perf_counter()
    index = CandidateIndex(offers, centroids=centroids_for(offers))
    built = time.perf_counter() - started
    print(f"in-memory candidate index built in {built:.1f} s; RSS {rss_mb():.0f} MB")
    started = time.perf_counter()
    generation = write_generation(root, {"offer": index}, source={"benchmark": "engine"})
    publish(root, generation)
    size = sum(p.stat().st_size for p in (root / generation).rglob("*") if p.is_file())
    seconds = time.perf_counter() - started
    print(f"written as generation {generation} in {seconds:.1f} s: {size / 1e6:.0f} MB on disk")
    needs = engine_docs(args.queries, kind="need", seed=13)
    expected = [[(c.id, c.score) for c in index.rank(need, top_k=10)] for need in needs]
    del index, offers
    child = subprocess.run(
        [sys.executable, __file__, "--child-engine", str(root), "--queries", str(args.queries)],
        capture_output=True, text=True, check=True, env=web_process_env(),
    )  # fmt: skip
    report = json.loads(child.stdout.strip().splitlines()[-1])
    same = sum(
        got == want for got, want in zip(report.pop("tops"), [list(map(list, e)) for e in expected], strict=True)
    )
    print(
        f"fresh process: RSS {report['rss_start']:.0f} MB at start, {report['rss_open']:.0f} MB after opening the "
        f"index ({report['open_ms']:.1f} ms), {report['rss_end']:.0f} MB after {args.queries} top-10 rankings: "
        f"+{report['rss_end'] - report['rss_start']:.0f} MB RSS, +{report['pss_end'] - report['pss_start']:.0f} MB PSS"
    )
    print(
        f"BLAS threads per process: {web_process_env()['OPENBLAS_NUM_THREADS']}; "
        f"top-10 among {args.offers:,} memory-mapped offers: median {report['median']:.1f} ms, "
        f"p95 {report['p95']:.1f} ms over {args.queries} needs; identical to the in-memory index for "
        f"{same}/{len(expected)} needs"
    )


def child_engine(root: str, queries: int) -> None:
    from harambee.matching.core.store import IndexReader

    needs = engine_docs(queries, kind="need", seed=13)
    rss_start, pss_start = rss_mb(), pss_mb()
    started = time.perf_counter()
    opened = IndexReader(Path(root)).current()
    open_ms = (time.perf_counter() - started) * 1000
    index = opened.indexes["offer"]
    rss_open = rss_mb()
    index.rank(needs[0], top_k=10)
    timings, tops = [], []
    for need in needs:
        started = time.perf_counter()
        top = index.rank(need, top_k=10)
        timings.append((time.perf_counter() - started) * 1000)
        tops.append([[c.id, c.score] for c in top])
    if os.environ.get("PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for need in needs[:50]:
            index.rank(need, top_k=10)
        profile.disable()
        pstats.Stats(profile, stream=sys.stderr).sort_stats("tottime").print_stats(15)
    print(
        json.dumps(
            {
                "rss_start": rss_start, "pss_start": pss_start, "rss_open": rss_open, "open_ms": open_ms,
                "rss_end": rss_mb(), "pss_end": pss_mb(), "median": statistics.median(timings),
                "p95": percentile(timings, 0.95), "tops": tops,
            }
        )
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------------
# site: a database, two web processes, a new posting


def web_process_env() -> dict:
    """A web process's environment: one BLAS thread, as `harambee` sets it (harambee/cli.py), unless
    OPENBLAS_NUM_THREADS is given."""
    return {**os.environ, "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1")}


def site_env(data_dir: Path, *, background: bool) -> dict:
    return dict(
        web_process_env(),
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HARAMBEE_DATA_DIR=str(data_dir),
        HARAMBEE_EMBEDDER="class:matching_index.RandomEmbedder",
        HARAMBEE_TASK_BACKEND="database" if background else "immediate",
        PYTHONPATH=os.pathsep.join([str(ROOT / "benchmarks"), str(ROOT)]),
    )


def setup_django(data_dir: Path, *, background: bool) -> None:
    os.environ.update(site_env(data_dir, background=background))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import django

    django.setup()


def populate(args, data_dir: Path) -> None:
    """Migrate, then members, needs and offers with their features, in bulk."""
    import numpy as np
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from harambee.matching.core.glossary import default_glossary
    from harambee.matching.models import PostingFeatures
    from harambee.postings.models import Posting
    from harambee.registry.models import Country, Member, MemberKind, MemberStatus

    call_command("migrate", verbosity=0)
    glossary = default_glossary()
    countries = list(Country.objects.order_by("iso3")[:200])
    Member.objects.bulk_create(
        [
            Member(code=c.iso3.lower(), kind=MemberKind.STATE, name=c.iso3, country=c, iati_org_type="10",
                   status=MemberStatus.ACTIVE)
            for c in countries
        ],
        ignore_conflicts=True,
    )  # fmt: skip
    members = list(Member.objects.filter(code__in=[c.iso3.lower() for c in countries]).order_by("code"))
    now = timezone.now()
    started = time.perf_counter()
    for kind, count, seed in (("need", 2000, 13), ("offer", args.offers, 9)):
        rows = synthetic_fields(count, kind=kind, seed=seed, concepts=sorted(glossary.concepts))
        batch_postings, batch_features = [], []

        def flush(batch_postings=batch_postings, batch_features=batch_features):
            with transaction.atomic():
                created = Posting.objects.bulk_create(batch_postings, batch_size=1000)
                for posting, (concepts, vector) in zip(created, batch_features, strict=True):
                    posting._features = PostingFeatures(
                        posting=posting, glossary_version=glossary.version, concepts=concepts, text_hash="bench",
                        embedder=RandomEmbedder.name, vector_hash="bench", vector=np.asarray(vector).tobytes(),
                    )  # fmt: skip
                PostingFeatures.objects.bulk_create([p._features for p in created], batch_size=1000)
            batch_postings.clear()
            batch_features.clear()

        for i, (fields, concepts, vector) in enumerate(rows):
            capacity = fields.pop("capacity")
            batch_postings.append(
                Posting(
                    external_id=f"bench-{kind}-{i}", kind=kind, member=members[i % len(members)],
                    title=f"{kind} {i}", description="", status="published", published_at=now,
                    capacity_unit="seats" if capacity else "", capacity_value=capacity.get("seats"), **fields,
                )
            )  # fmt: skip
            batch_features.append((concepts, vector))
            if len(batch_postings) >= 5000:
                flush()
        if batch_postings:
            flush()
    print(f"site: {args.offers:,} offers and 2,000 needs with features stored in {time.perf_counter() - started:.0f} s")


def part_site(args) -> None:
    data_dir = WORK / "site"
    if not args.reuse:
        shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    setup_django(data_dir, background=True)
    from harambee.matching.core.glossary import default_glossary
    from harambee.matching.index import build_matching_index, index_root
    from harambee.matching.models import PostingFeatures
    from harambee.postings.models import Posting

    if not (args.reuse and (data_dir / "harambee.sqlite3").exists()):
        populate(args, data_dir)
    shutil.rmtree(index_root(), ignore_errors=True)
    rss_before = rss_mb()
    started = time.perf_counter()
    generation = build_matching_index()
    print(
        f"index built from the database (the background task's work) in {time.perf_counter() - started:.1f} s: "
        f"generation {generation}; the building process's RSS {rss_before:.0f} → {rss_mb():.0f} MB"
    )
    need = Posting.objects.filter(kind="need").order_by("pk").first()
    web = [
        subprocess.Popen(
            [sys.executable, __file__, "--child-web", str(data_dir), "--queries", str(args.queries)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=site_env(data_dir, background=True),
        )  # fmt: skip
        for _ in range(2)
    ]
    reports = [json.loads(process.stdout.readline()) for process in web]
    for number, report in enumerate(reports, start=1):
        print(
            f"web process {number}: RSS {report['rss_start']:.0f} MB before the index, {report['rss_end']:.0f} MB "
            f"after {args.queries} suggestion lists: +{report['rss_end'] - report['rss_start']:.0f} MB RSS, "
            f"+{report['pss_end'] - report['pss_start']:.0f} MB PSS; suggestions_for median "
            f"{report['median']:.1f} ms, p95 {report['p95']:.1f} ms (ranking and the postings' query)"
        )
    # a new offer that fits the need, saved with its vector as the features task saves it
    features = PostingFeatures.objects.get(posting=need)
    offer = Posting.objects.create(
        external_id=f"bench-new-{time.time_ns()}", kind="offer", member=Posting.objects.exclude(
            member=need.member).first().member, title="new", description="", status="published",
        language=need.language, modalities=need.modalities, themes=need.themes, sectors=need.sectors,
        target_groups=need.target_groups, delivery_languages=need.delivery_languages, format=need.format,
    )  # fmt: skip
    PostingFeatures.objects.create(
        posting=offer, glossary_version=default_glossary().version, concepts=features.concepts, text_hash="bench",
        embedder=features.embedder, vector_hash="bench", vector=features.vector,
    )  # fmt: skip
    vector_saved = time.time()
    for process in web:
        process.stdin.write(f"{need.pk} {offer.pk}\n")
        process.stdin.flush()
    started = time.perf_counter()
    generation = build_matching_index()
    build_seconds = time.perf_counter() - started
    seen = [float(process.stdout.readline()) for process in web]
    for process in web:
        process.wait(timeout=30)
    print(
        f"new offer: index task ran in {build_seconds:.1f} s (generation {generation}); suggested by web process 1 "
        f"after {seen[0] - vector_saved:.1f} s and by web process 2 after {seen[1] - vector_saved:.1f} s "
        f"from its vector being saved"
    )


def child_web(data_dir: str, queries: int) -> None:
    setup_django(Path(data_dir), background=True)
    from harambee.matching.selectors import suggestions_for
    from harambee.postings.models import Posting

    needs = list(Posting.objects.filter(kind="need").select_related("member").order_by("pk")[:queries])
    rss_start, pss_start = rss_mb(), pss_mb()
    suggestions_for(posting=needs[0])
    timings = []
    for need in needs:
        started = time.perf_counter()
        result = suggestions_for(posting=need)
        timings.append((time.perf_counter() - started) * 1000)
        assert len(result.candidates) == 10, len(result.candidates)
    report = {
        "rss_start": rss_start, "pss_start": pss_start, "rss_end": rss_mb(), "pss_end": pss_mb(),
        "median": statistics.median(timings), "p95": percentile(timings, 0.95),
    }  # fmt: skip
    print(json.dumps(report), flush=True)
    need_pk, offer_pk = map(int, sys.stdin.readline().split())
    need = Posting.objects.select_related("member").get(pk=need_pk)
    deadline = time.time() + 600
    while time.time() < deadline:
        if any(other.pk == offer_pk for _, other in suggestions_for(posting=need).candidates):
            print(time.time(), flush=True)
            return
        time.sleep(0.1)
    print("nan", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--part", choices=("engine", "site", "all"), default="all")
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--child-engine")
    parser.add_argument("--child-web")
    args = parser.parse_args()
    if args.child_engine:
        return child_engine(args.child_engine, args.queries)
    if args.child_web:
        return child_web(args.child_web, args.queries)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.part in ("engine", "all"):
        part_engine(args)
    if args.part in ("site", "all"):
        part_site(args)


if __name__ == "__main__":
    main()
