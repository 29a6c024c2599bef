"""Ranking quality measures over graded relevance judgments (pure Python).

nDCG@k uses the exponential gain 2^grade − 1 and the log2(rank + 1) discount; the ideal ranking
is built from every judgment of the query. "Relevant" for MRR, P@1 and Recall@k means grade ≥ 2
(a good or excellent fit), as the corpus README suggests.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

RELEVANT_GRADE = 2


def parse_qrels(text: str) -> dict[str, dict[str, int]]:
    """TREC qrels (``query 0 document grade`` per line) -> {query: {document: grade}}."""
    judgments: dict[str, dict[str, int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        parts = line.split()
        if not parts or line.lstrip().startswith("#"):
            continue
        if len(parts) != 4:
            raise ValueError(f"qrels line {number}: expected 4 fields, got {len(parts)}")
        try:
            grade = int(parts[3])
        except ValueError:
            raise ValueError(f"qrels line {number}: grade {parts[3]!r} is not an integer") from None
        judgments.setdefault(parts[0], {})[parts[2]] = grade
    return judgments


def ndcg(ranking: Sequence[str], grades: Mapping[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain at k (0 when nothing is relevant)."""
    gain = sum((2 ** grades.get(doc, 0) - 1) / math.log2(rank + 2) for rank, doc in enumerate(ranking[:k]))
    ideal_grades = sorted((g for g in grades.values() if g > 0), reverse=True)[:k]
    ideal = sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(ideal_grades))
    return gain / ideal if ideal else 0.0


def reciprocal_rank(ranking: Sequence[str], grades: Mapping[str, int]) -> float:
    for rank, doc in enumerate(ranking, start=1):
        if grades.get(doc, 0) >= RELEVANT_GRADE:
            return 1.0 / rank
    return 0.0


def precision_at_1(ranking: Sequence[str], grades: Mapping[str, int]) -> float:
    return 1.0 if ranking and grades.get(ranking[0], 0) >= RELEVANT_GRADE else 0.0


def recall(ranking: Sequence[str], grades: Mapping[str, int], k: int = 10) -> float:
    relevant = {doc for doc, grade in grades.items() if grade >= RELEVANT_GRADE}
    return len(relevant & set(ranking[:k])) / len(relevant) if relevant else 0.0


@dataclass
class Scores:
    """Mean measures over a set of queries."""

    queries: int = 0
    ndcg_10: float = 0.0
    mrr: float = 0.0
    p_1: float = 0.0
    recall_10: float = 0.0
    same_language_top3: float = 0.0

    def as_dict(self) -> dict:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


@dataclass
class Report:
    """Overall scores, per query language, and cross-lingual against same-language queries."""

    overall: Scores
    by_language: dict[str, Scores] = field(default_factory=dict)
    cross_lingual: Scores = field(default_factory=Scores)
    same_language: Scores = field(default_factory=Scores)
    per_query: dict[str, dict] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "overall": self.overall.as_dict(),
            "by_language": {lang: s.as_dict() for lang, s in sorted(self.by_language.items())},
            "cross_lingual": self.cross_lingual.as_dict(),
            "same_language": self.same_language.as_dict(),
            "per_query": self.per_query,
        }


def _mean(rows: list[dict]) -> Scores:
    if not rows:
        return Scores()
    keys = ("ndcg_10", "mrr", "p_1", "recall_10", "same_language_top3")
    return Scores(queries=len(rows), **{k: sum(r[k] for r in rows) / len(rows) for k in keys})


def evaluate(
    rankings: Mapping[str, Sequence[str]],
    qrels: Mapping[str, Mapping[str, int]],
    *,
    query_language: Mapping[str, str],
    document_language: Mapping[str, str],
) -> Report:
    """Measures of ``rankings`` (query -> documents, best first) against ``qrels``.

    Every judged query counts (an empty ranking scores 0). A query is *cross-lingual* when all of
    its best-graded documents are written in another language than the query.
    """
    rows: dict[str, dict] = {}
    for query, grades in sorted(qrels.items()):
        ranking = list(rankings.get(query, ()))
        language = query_language.get(query, "")
        top3 = ranking[:3]
        best = max(grades.values(), default=0)
        best_docs = [doc for doc, grade in grades.items() if grade == best and grade > 0]
        rows[query] = {
            "language": language,
            "ndcg_10": ndcg(ranking, grades),
            "mrr": reciprocal_rank(ranking, grades),
            "p_1": precision_at_1(ranking, grades),
            "recall_10": recall(ranking, grades),
            "same_language_top3": (
                sum(document_language.get(doc) == language for doc in top3) / len(top3) if top3 else 0.0
            ),
            "cross_lingual": bool(best_docs) and all(document_language.get(d) != language for d in best_docs),
        }
    by_language: dict[str, list[dict]] = {}
    for row in rows.values():
        by_language.setdefault(row["language"], []).append(row)
    return Report(
        overall=_mean(list(rows.values())),
        by_language={lang: _mean(group) for lang, group in by_language.items()},
        cross_lingual=_mean([r for r in rows.values() if r["cross_lingual"]]),
        same_language=_mean([r for r in rows.values() if not r["cross_lingual"]]),
        per_query={q: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()} for q, r in rows.items()},
    )
