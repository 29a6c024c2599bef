"""``harambee match evaluate --corpus DIR [--json] [--run FILE]``, ``harambee match embed`` and
``harambee match glossary-check [--corpus DIR …]``."""

import json as jsonlib
import time
from dataclasses import replace
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.core.progress import Stopwatch, command_progress
from harambee.matching.core.engine import EngineConfig
from harambee.matching.core.glossary import default_glossary, stem_collisions
from harambee.matching.corpus import CorpusError, corpus_documents, load_corpus, rank_corpus
from harambee.matching.embedding import EMBED_BATCH, get_embedder
from harambee.matching.evaluation import evaluate
from harambee.matching.services import embed_pending


class Command(BaseCommand):
    help = "Matching engine tools: evaluate on a labelled corpus, compute missing posting vectors."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        ev = sub.add_parser("evaluate", help="rank every offer for every need of a corpus and score the ranking")
        ev.add_argument("--corpus", required=True, help="directory with needs.jsonl, offers.jsonl, qrels.txt")
        ev.add_argument("--json", action="store_true", help="print the report as JSON")
        ev.add_argument("--run", help="also write the full ranking in TREC run format to this file")
        ev.add_argument("--no-embeddings", action="store_true", help="rank without semantic similarity")
        ev.add_argument("--no-glossary", action="store_true", help="rank without concept overlap")
        ev.add_argument("--no-structured", action="store_true", help="ignore modality, theme, sector, … fields")
        ev.add_argument("--no-hard-filters", action="store_true", help="rank ineligible offers with the others")
        ev.add_argument(
            "--ineligible-last",
            action="store_true",
            help="rank every ineligible offer after every eligible one (no ineligible penalty)",
        )
        check = sub.add_parser(
            "glossary-check",
            help="list words the glossary tagger takes for a form's word although they are other words",
        )
        check.add_argument(
            "--corpus", action="append", default=[], help="also check the words of this corpus's postings (repeatable)"
        )
        embed = sub.add_parser("embed", help="compute vectors of postings that have none or a stale one")
        embed.add_argument("--limit", type=int, default=None)
        embed.add_argument("--batch", type=int, default=EMBED_BATCH, help="postings per call to the model")

    def handle(self, *args, action, **options):
        if action == "evaluate":
            return self.evaluate(**options)
        if action == "glossary-check":
            return self.glossary_check(**options)
        return self.embed(**options)

    def evaluate(
        self,
        *,
        corpus,
        json: bool,
        run,
        no_embeddings,
        no_glossary,
        no_structured,
        no_hard_filters,
        ineligible_last,
        verbosity,
        **options,
    ):
        started = time.perf_counter()
        try:
            data = load_corpus(Path(corpus))
        except CorpusError as error:
            raise CommandError(str(error)) from None
        embedder = None if no_embeddings else get_embedder()
        config = EngineConfig(concepts=not no_glossary, structured=not no_structured, hard_filters=not no_hard_filters)
        if ineligible_last:
            config = replace(config, ineligible_penalty=None)
        shown = command_progress(self, label=_("Embedding"), unit=_("postings"), verbosity=verbosity)
        needs, offers, centroids = corpus_documents(data, embedder=embedder, progress=shown)
        ranked = rank_corpus(needs, offers, centroids=centroids, config=config)
        rankings = {need: [c.id for c in candidates] for need, candidates in ranked.items()}
        if run:
            with open(run, "w", encoding="utf-8") as handle:
                for need, candidates in ranked.items():
                    for c in candidates:
                        handle.write(f"{need} Q0 {c.id} {c.rank} {c.score:.6f} harambee\n")
        languages = {row["id"]: row.get("language", "") for row in data.needs + data.offers}
        report = evaluate(
            rankings, data.qrels, query_language={n["id"]: n.get("language", "") for n in data.needs},
            document_language={o["id"]: o.get("language", "") for o in data.offers},
        )  # fmt: skip
        payload = report.as_dict()
        payload["settings"] = {
            "needs": len(data.needs),
            "offers": len(data.offers),
            "judged_needs": len(data.qrels),
            "embedder": getattr(embedder, "name", None),
            "glossary": config.concepts,
            "structured": config.structured,
            "hard_filters": config.hard_filters,
            "seconds": round(time.perf_counter() - started, 2),
        }
        del languages
        if json:
            self.stdout.write(jsonlib.dumps(payload, ensure_ascii=False, indent=2))
            return
        self._print(payload)

    def _print(self, payload):
        s = payload["settings"]
        self.stdout.write(
            f"{s['needs']} needs × {s['offers']} offers, {s['judged_needs']} judged; "
            f"embedder: {s['embedder'] or 'off'}; "
            f"glossary {'on' if s['glossary'] else 'off'}; structured {'on' if s['structured'] else 'off'}; "
            f"hard filters {'on' if s['hard_filters'] else 'off'}; {s['seconds']} s"
        )
        header = f"{'':16} {'needs':>5} {'nDCG@10':>8} {'MRR':>6} {'P@1':>6} {'R@10':>6} {'own-lang top3':>13}"
        self.stdout.write(header)

        def line(name, row):
            self.stdout.write(
                f"{name:16} {row['queries']:5d} {row['ndcg_10']:8.3f} {row['mrr']:6.3f} {row['p_1']:6.3f} "
                f"{row['recall_10']:6.3f} {row['same_language_top3']:13.3f}"
            )

        line("overall", payload["overall"])
        for lang, row in payload["by_language"].items():
            line(f"  {lang}", row)
        line("cross-lingual", payload["cross_lingual"])
        line("same-language", payload["same_language"])
        self.stdout.write(
            _("Evaluated %(needs)s needs against %(offers)s offers in %(seconds)s s.")
            % {"needs": s["needs"], "offers": s["offers"], "seconds": s["seconds"]}
        )

    def glossary_check(self, *, corpus, **options):
        words: dict[str, list[str]] = {}
        for directory in corpus:
            try:
                data = load_corpus(Path(directory))
            except CorpusError as error:
                raise CommandError(str(error)) from None
            for row in data.needs + data.offers:
                words.setdefault(row.get("language") or "en", []).append(
                    f"{row.get('title') or ''} {row.get('description') or ''}"
                )
        collisions = stem_collisions(default_glossary(), words)
        for c in collisions:
            self.stdout.write(f"{c.language}\t{c.token}\t{c.form_word}\t{c.other_word}\t{','.join(c.concepts)}")
        self.stdout.write(
            _("%(count)s words share a stem with a glossary form's word without being a form of it.")
            % {"count": len(collisions)}
        )

    def embed(self, *, limit, batch, verbosity, **options):
        embedder = get_embedder()
        if embedder is None:
            raise CommandError(_("Semantic matching is off (HARAMBEE_EMBEDDER): there is nothing to embed."))
        stopwatch = Stopwatch()
        shown = command_progress(self, label=_("Embedding"), unit=_("postings"), verbosity=verbosity)
        done = embed_pending(limit=limit, batch=batch, progress=shown)
        self.stdout.write(
            _("Embedded %(count)s postings in %(seconds)s s (%(rate)s postings/s).") % stopwatch.summary(done)
        )
