"""The stored vectors' part in searching postings: how close each posting is to a query's meaning.

The search itself (concepts, full text, ranking) is ``core/search.py`` run by the postings
selectors; this function re-ranks the head of a search's results (``register_search_similarity``,
``apps.py``). Each vector is centred on its language's centroid first, as the engine does, so that
a query is not simply closest to postings written in its own language.
"""

from __future__ import annotations

import functools

import numpy as np
from django.conf import settings

from harambee.postings.text import detect_language

from .core.glossary import default_glossary
from .embedding import get_embedder, language_centroids
from .models import PostingFeatures


@functools.lru_cache(maxsize=512)
def _query_vector(embedder_name: str, text: str) -> np.ndarray:
    """The embedding of a query (about 30 ms with the shipped model; repeated queries are free)."""
    return get_embedder().embed([text])[0]


def query_similarities(text: str, ids: list[int]) -> dict[int, float]:
    """Cosine similarity between the query and each posting with a stored vector, both centred on
    their language's centroid; empty when vectors are off (``HARAMBEE_SEARCH_VECTORS`` False, or
    no embedder)."""
    if not ids or not getattr(settings, "HARAMBEE_SEARCH_VECTORS", True):
        return {}
    embedder = get_embedder()
    if embedder is None:
        return {}
    rows = list(
        PostingFeatures.objects.filter(posting_id__in=ids, embedder=embedder.name, vector__isnull=False).values_list(
            "posting_id", "posting__language", "vector"
        )
    )
    if not rows:
        return {}
    centroids = language_centroids(embedder, default_glossary())
    query = _query_vector(embedder.name, text)
    language = detect_language(text) or "en"
    query = query - centroids.get(language, 0)
    query = query / (np.linalg.norm(query) or 1.0)
    out = {}
    for posting_id, posting_language, vector in rows:
        v = np.frombuffer(bytes(vector), dtype=np.float32)
        if v.shape != query.shape:
            continue
        v = v - centroids.get(posting_language, 0)
        out[posting_id] = float(v @ query / (np.linalg.norm(v) or 1.0))
    return out
