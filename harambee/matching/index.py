"""The shared matching index of this site: built once per change, memory-mapped by every web process.

``build_matching_index`` reads the open, public postings of active members with their stored concepts
and vectors, builds one candidate index per kind with the framework-free engine, writes them as a new
generation under ``HARAMBEE_MATCHING_INDEX_DIR`` (default ``DATA_DIR/matching-index``) and switches
the ``current`` pointer (``core/store.py``). It runs as a background task after postings or their
vectors change (``tasks.py``); web processes only read (:func:`current_index`, one ``stat`` a request).

Each generation records the *source* it was built from (the latest write to any posting, the latest
computed feature, the embedder): a build that finds the current generation built from the same source
does nothing.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import numpy as np
from django.conf import settings

from harambee.postings.choices import OPEN_STATUSES
from harambee.postings.models import Posting
from harambee.postings.selectors import postings_generation
from harambee.registry.models import MemberStatus

from .core.documents import Geography, infer_tags
from .core.engine import FORMAT, CandidateIndex, MatchDoc
from .core.glossary import default_glossary
from .core.store import IndexReader, OpenedIndex, build_lock, publish, read_manifest, read_pointer, write_generation
from .documents import doc_from_posting, geographies
from .embedding import corpus_centroids, get_embedder, language_centroids
from .models import PostingFeatures

logger = logging.getLogger(__name__)


def index_root() -> Path:
    configured = getattr(settings, "HARAMBEE_MATCHING_INDEX_DIR", None)
    return Path(configured) if configured else Path(settings.DATA_DIR) / "matching-index"


def features_generation() -> str:
    latest = PostingFeatures.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()
    return latest.isoformat() if latest else "none"


def source_generation() -> dict:
    """What an index built now would be built from; two index lookups."""
    embedder = get_embedder()
    return {
        "postings": postings_generation(),
        "features": features_generation(),
        "embedder": getattr(embedder, "name", None),
    }


def posting_doc(posting: Posting, places, features: PostingFeatures | None, glossary) -> MatchDoc:
    """The posting as the engine sees it; stored concepts and vector when its features exist."""
    geography = places.get(posting.member.code) or Geography()
    doc = doc_from_posting(posting, geography, glossary, tag=features is None)
    if features is not None:
        concepts = dict(features.concepts)
        vector = features.vector_array() if features.embedder else None
        doc = replace(doc, concepts=concepts, inferred=infer_tags(concepts, glossary), vector=vector)
    return doc


def build_indexes(embedder) -> tuple[dict[str, CandidateIndex], bool]:
    """One candidate index per kind over the open postings of active members; whether vectors took part."""
    glossary = default_glossary()
    postings = list(
        Posting.objects.filter(status__in=OPEN_STATUSES, member__status=MemberStatus.ACTIVE)
        .select_related("member", "features")
        .prefetch_related("eligible_members")
        .order_by("pk")
    )
    places = geographies({p.member.code for p in postings})
    docs = [posting_doc(p, places, getattr(p, "features", None), glossary) for p in postings]
    del postings
    with_vectors = [d for d in docs if d.vector is not None]
    semantic = embedder is not None and bool(with_vectors)
    centroids = None
    if semantic:
        centroids = corpus_centroids(
            np.vstack([d.vector for d in with_vectors]),
            [d.language for d in with_vectors],
            language_centroids(embedder, glossary),
        )
    del with_vectors
    indexes = {}
    for kind in ("need", "offer"):
        kind_docs = [d for d in docs if d.kind == kind]
        if not semantic:
            kind_docs = [replace(d, vector=None) for d in kind_docs]
        indexes[kind] = CandidateIndex(kind_docs, centroids=centroids)
    return indexes, semantic


def build_matching_index(*, force: bool = False) -> str | None:
    """Build and publish a new generation unless the current one was built from the same source; the
    new generation's id, or None when nothing changed. Builds never overlap on one data folder."""
    root = index_root()
    with build_lock(root):
        source = source_generation()
        current = read_pointer(root)
        if current is not None and not force:
            try:
                manifest = read_manifest(root, current)
            except FileNotFoundError:
                manifest = {}
            if manifest.get("format") == FORMAT and _same_source(manifest.get("source", {}), source):
                return None
        indexes, semantic = build_indexes(get_embedder())
        generation = write_generation(root, indexes, source=dict(source, semantic=semantic))
        publish(root, generation)
        logger.info("matching index %s: %s needs, %s offers", generation, indexes["need"].size, indexes["offer"].size)
        return generation


_READERS: dict[Path, IndexReader] = {}


def current_index() -> OpenedIndex | None:
    """The current generation as this process has it open (one ``stat`` when nothing changed)."""
    root = index_root()
    reader = _READERS.get(root)
    if reader is None:
        reader = _READERS[root] = IndexReader(root)
    return reader.current()


def index_is_current(opened: OpenedIndex | None) -> bool:
    """Whether ``opened`` was built from what the database holds now (two index lookups)."""
    return opened is not None and _same_source(opened.source, source_generation())


def _same_source(recorded: dict, source: dict) -> bool:
    return {k: v for k, v in recorded.items() if k != "semantic"} == source
