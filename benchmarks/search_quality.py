"""Search quality: nDCG@10 of the list search over a labelled query set, overall and per query language.

Run: uv run python benchmarks/search_quality.py [--data-dir DIR] [--reuse] [--no-vectors] [--show N]

Loads the postings of the matching development corpus (../shared/bench/matching-dev, 84 postings in
six languages; `--corpus` for another folder in the same format) into a fresh SQLite database,
computes their concepts and vectors as the product does, then runs each query of
benchmarks/search_queries.json through the list's own search (`posting_search`, both kinds, as a
visitor whose interface is in the query's language) and scores the first ten results against the
topic's graded judgments with the nDCG of `harambee match evaluate`.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUERIES = Path(__file__).resolve().parent / "search_queries.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent.parent / "shared" / "bench" / "matching-dev"))
    parser.add_argument("--data-dir", help="HARAMBEE_DATA_DIR (its SQLite file is reused with --reuse)")
    parser.add_argument("--reuse", action="store_true", help="the corpus is already loaded in --data-dir")
    parser.add_argument("--no-vectors", action="store_true", help="rank on concepts and words alone")
    parser.add_argument("--show", type=int, default=0, help="print queries below this nDCG x 100")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        corpus = Path("/work/shared/bench/matching-dev")
    work = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp(prefix="harambee-search-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        HARAMBEE_DATA_DIR=str(work),
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HARAMBEE_DEBUG="0",
        HARAMBEE_SEARCH_VECTORS="0" if args.no_vectors else "1",
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import translation

    from harambee.matching.core.search import plan_search, query_languages
    from harambee.matching.evaluation import ndcg
    from harambee.postings.models import Posting
    from harambee.postings.selectors import PostingFilters, posting_search

    call_command("migrate", verbosity=0)
    if not args.reuse:
        load(corpus, work)
    from django.contrib.auth.models import AnonymousUser

    data = json.loads(QUERIES.read_text(encoding="utf-8"))
    external = dict(Posting.objects.values_list("pk", "external_id"))
    by_language: dict[str, list[float]] = {}
    by_topic: dict[str, list[float]] = {}
    for topic in data["topics"]:
        grades = topic["judgments"]
        for language, query in topic["queries"].items():
            with translation.override("zh-hans" if language == "zh" else language):
                filters = PostingFilters(q=query, status=["published", "partially_matched"])
                found = [external[p.pk] for p in posting_search(user=AnonymousUser(), filters=filters)[:10]]
            score = ndcg(found, grades, k=10)
            by_language.setdefault(language, []).append(score)
            by_topic.setdefault(topic["id"], []).append(score)
            if score * 100 < args.show:
                marks = " ".join(f"{pid}:{grades.get(pid, 0)}" for pid in found)
                plan = plan_search(query, query_languages(None, language))
                print(f"  {topic['id']} {language} {score:.3f} {query!r} {plan.required}/{plan.concepts}: {marks}")
    every = [s for scores in by_language.values() for s in scores]
    print(f"queries: {len(every)} in {len(by_language)} languages, {len(by_topic)} topics")
    print(f"vectors: {'off' if args.no_vectors else 'on'}")
    print(f"nDCG@10 overall: {statistics.mean(every):.4f}")
    for language in sorted(by_language):
        print(f"  {language}: {statistics.mean(by_language[language]):.3f}")
    print("per topic: " + ", ".join(f"{t} {statistics.mean(s):.2f}" for t, s in by_topic.items()))


def load(corpus: Path, work: Path) -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from harambee.matching.index import build_matching_index
    from harambee.matching.services import features_refresh
    from harambee.postings.indexing import reindex
    from harambee.postings.models import Posting
    from harambee.registry.models import Member, MemberStatus

    lines = work / "corpus.jsonl"
    with lines.open("w", encoding="utf-8") as handle:
        for name in ("offers.jsonl", "needs.jsonl"):
            handle.write((corpus / name).read_text(encoding="utf-8").rstrip("\n") + "\n")
    call_command("import", "postings", str(lines), create_missing_members=True, stdout=open(os.devnull, "w"))
    # the corpus's members are created pending and their postings wait for moderation: publish them
    Member.objects.update(status=MemberStatus.ACTIVE)
    Posting.all_objects.update(status="published", published_at=timezone.now())
    reindex(list(Posting.objects.select_related("member")))
    features_refresh(ids=list(Posting.objects.values_list("pk", flat=True)))
    build_matching_index(force=True)


if __name__ == "__main__":
    main()
