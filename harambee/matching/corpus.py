"""Running the engine over a corpus in the interchange format (needs.jsonl, offers.jsonl, qrels.txt)
exactly as the product runs it: the same documents, glossary, embedder, centring and configuration."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from harambee.core.progress import Progress, no_progress

from .core.documents import Geography, doc_from_interchange
from .core.engine import Candidate, CandidateIndex, EngineConfig, MatchDoc
from .core.glossary import Glossary, default_glossary
from .documents import reference_geographies
from .embedding import EMBED_BATCH, Embedder, corpus_centroids, embed_batched, language_centroids, posting_text
from .evaluation import parse_qrels


class CorpusError(ValueError):
    """A corpus file is missing or a line of it cannot be read."""


@dataclass
class Corpus:
    needs: list[dict]
    offers: list[dict]
    qrels: dict[str, dict[str, int]]


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        raise CorpusError(f"{path}: no such file")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusError(f"{path.name} line {number}: {error.msg}") from None
        if not isinstance(row, dict) or "id" not in row:
            raise CorpusError(f"{path.name} line {number}: expected an object with an id")
        rows.append(row)
    return rows


def load_corpus(directory: Path) -> Corpus:
    """The three files of a corpus directory (qrels.txt may be absent: no scores then)."""
    directory = Path(directory)
    qrels_path = directory / "qrels.txt"
    try:
        qrels = parse_qrels(qrels_path.read_text(encoding="utf-8")) if qrels_path.exists() else {}
    except ValueError as error:
        raise CorpusError(str(error)) from None
    needs = [dict(row, kind="need") for row in _read_jsonl(directory / "needs.jsonl")]
    offers = [dict(row, kind="offer") for row in _read_jsonl(directory / "offers.jsonl")]
    return Corpus(needs=needs, offers=offers, qrels=qrels)


def corpus_documents(
    corpus: Corpus,
    *,
    embedder: Embedder | None,
    glossary: Glossary | None = None,
    batch: int = EMBED_BATCH,
    progress: Progress = no_progress,
) -> tuple[list[MatchDoc], list[MatchDoc], dict | None]:
    """MatchDocs of the needs and offers (with vectors when an embedder is given) and the centroids.

    Members' geography comes from the shipped reference data, so a corpus is evaluated the same way
    on any machine, without a database."""
    glossary = glossary or default_glossary()
    places = reference_geographies([str(row.get("member") or "") for row in corpus.needs + corpus.offers])
    docs = [
        doc_from_interchange(row, places.get(str(row.get("member") or "").lower(), Geography()), glossary)
        for row in corpus.needs + corpus.offers
    ]
    centroids = None
    if embedder is not None:
        rows = corpus.needs + corpus.offers
        texts = [posting_text(row.get("title") or "", row.get("description") or "") for row in rows]
        vectors = embed_batched(embedder, texts, batch=batch, progress=progress)
        docs = [replace(doc, vector=vector) for doc, vector in zip(docs, vectors, strict=True)]
        matrix = np.vstack([doc.vector for doc in docs]) if docs else np.zeros((0, embedder.dim))
        centroids = corpus_centroids(matrix, [doc.language for doc in docs], language_centroids(embedder, glossary))
    return docs[: len(corpus.needs)], docs[len(corpus.needs) :], centroids


def rank_corpus(
    needs: list[MatchDoc], offers: list[MatchDoc], *, centroids, config: EngineConfig | None = None
) -> dict[str, list[Candidate]]:
    """Every offer ranked for every need, the ineligible ones too (ranked with the configuration's
    ``ineligible_penalty``, as the engine lists them when asked for them)."""
    index = CandidateIndex(offers, centroids=centroids)
    return {need.id: index.rank(need, config=config, top_k=None, include_ineligible=True) for need in needs}
