"""Write a labelled synthetic corpus for the matching engine, in the benchmark corpora's format.

    uv run python benchmarks/matching_synthetic_corpus.py --out /tmp/synth-corpus [--postings 600] [--seed 7]

Then ``uv run harambee match evaluate --corpus /tmp/synth-corpus`` scores the engine on it, and
``benchmarks/matching_weights.py --corpus /tmp/synth-corpus`` fits the weights on it.

The postings come from the synthetic generator behind ``harambee gen postings`` (``harambee_synth``):
needs and offers in the six languages, each drawn from a known topic, which is recovered from the
posting's title (each title belongs to one topic's phrase bank). Judgments follow the rules of the
corpora's README, applied by this script with the engine's own hard filters:

- same topic, no hard constraint broken, overlapping dates and compatible format: 3
- same topic with one soft mismatch (date windows that do not overlap, online against in person,
  no shared modality): 2
- same topic but a hard constraint broken (eligibility, language, an offer ending before the need
  starts): 1
- another topic sharing the need's primary modality and a theme or a sector: 0 (a judged distractor)

Some tags are dropped at random (members often leave them out), so the texts have to carry the
meaning. Nothing here reads a benchmark corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from datetime import date
from pathlib import Path

MEMBERS = [
    ("SEN", "state"), ("ZMB", "state"), ("EGY", "state"), ("BRA", "state"), ("MEX", "state"), ("FJI", "state"),
    ("KAZ", "state"), ("LAO", "state"), ("FRA", "state"), ("CHN", "state"), ("RUS", "state"), ("ARG", "state"),
    ("UNESCO", "organisation"), ("ITU", "organisation"), ("AU", "organisation"), ("TSINGHUA", "organisation"),
]  # fmt: skip


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django  # lazy: a benchmark script sets Django up itself

    django.setup()


def synthetic_rows(count: int, seed: int) -> list[tuple[dict, str]]:
    """``count`` generated postings with their topic key, some tags dropped."""
    from harambee_synth import generate_postings  # lazy: a development package
    from harambee_synth.banks import compiled_languages, load_topics  # lazy: a development package

    owner: dict[str, str] = {}
    for language in compiled_languages().values():
        for key in (t.key for t in load_topics()):
            for titles in language.topics[key].titles:
                for title in titles:
                    owner.setdefault(title, key)
    titles = sorted(owner, key=len, reverse=True)
    rng = random.Random(seed)
    out = []
    for row in generate_postings(count, members=MEMBERS, seed=seed, today=date(2026, 12, 1)):
        topic = next((owner[t] for t in titles if row["title"].startswith(t)), None)
        if topic is None:
            continue
        for facet in ("modalities", "themes", "sectors"):
            if rng.random() < 0.4:
                row[facet] = []
        out.append((row, topic))
    return out


def judge(rows: list[tuple[dict, str]]) -> list[tuple[str, str, int]]:
    """(need id, offer id, grade) by the rules of the module docstring."""
    from harambee.matching.core.documents import Geography, doc_from_interchange  # lazy: after setup
    from harambee.matching.core.engine import CandidateIndex  # lazy: after setup
    from harambee.matching.documents import reference_geographies  # lazy: after setup

    places = reference_geographies([row["member"] for row, _ in rows])
    docs = [doc_from_interchange(dict(row), places.get(row["member"].lower(), Geography()), None) for row, _ in rows]
    topic = {row["id"]: key for row, key in rows}
    by_id = {row["id"]: row for row, _ in rows}
    needs = [d for d in docs if d.kind == "need"]
    offers = [d for d in docs if d.kind == "offer"]
    index = CandidateIndex(offers)
    out = []
    for need in needs:
        failed = index._hard_filters(need)
        n = by_id[need.id]
        for i, offer in enumerate(offers):
            o = by_id[offer.id]
            if topic[offer.id] == topic[need.id]:
                if any(bool(mask[i]) for mask in failed.values()):
                    grade = 1
                else:
                    soft = 0
                    if n.get("start") and n.get("end") and o.get("start") and o.get("end"):
                        soft += not (o["start"] <= n["end"] and n["start"] <= o["end"])
                    soft += {n.get("format"), o.get("format")} == {"online", "in_person"}
                    if n.get("modalities") and o.get("modalities"):
                        soft += not set(n["modalities"]) & set(o["modalities"])
                    grade = 3 if soft == 0 else 2 if soft == 1 else 1
                out.append((need.id, offer.id, grade))
            elif (
                n.get("modalities") and o.get("modalities") and n["modalities"][0] in o["modalities"]
                and (set(n.get("themes") or ()) & set(o.get("themes") or ())
                     or set(n.get("sectors") or ()) & set(o.get("sectors") or ()))
            ):  # fmt: skip
                out.append((need.id, offer.id, 0))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--postings", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    _setup()
    rows = synthetic_rows(args.postings, args.seed)
    judgments = judge(rows)
    judged = {need for need, _, grade in judgments if grade >= 2}
    args.out.mkdir(parents=True, exist_ok=True)
    with (
        open(args.out / "needs.jsonl", "w", encoding="utf-8") as needs,
        open(args.out / "offers.jsonl", "w", encoding="utf-8") as offers,
    ):
        for row, _ in rows:
            if row["kind"] == "need" and row["id"] not in judged:
                continue  # a need with no good offer cannot be scored
            (needs if row["kind"] == "need" else offers).write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(args.out / "qrels.txt", "w", encoding="utf-8") as qrels:
        for need, offer, grade in judgments:
            if need in judged:
                qrels.write(f"{need} 0 {offer} {grade}\n")
    print(f"{len(judged)} needs, {sum(r['kind'] == 'offer' for r, _ in rows)} offers, {len(judgments)} judgments")
    return 0


if __name__ == "__main__":
    sys.exit(main())
