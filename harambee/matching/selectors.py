"""Reads of the matching app: suggested counterparts of a posting, built on a per-process snapshot.

The snapshot holds one candidate index per kind (open, public postings of active members) and the
language centroids; it is rebuilt when any posting or any posting's features change (two index
lookups per request tell). No thread: a request that finds it out of date answers from it, and the
process builds the next one once that response has been sent (`rebuild_stale_snapshot`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import numpy as np

from harambee.background.queue import tasks_run_at_once
from harambee.postings.choices import OPEN_STATUSES
from harambee.postings.models import Posting
from harambee.postings.selectors import postings_generation
from harambee.registry.models import MemberStatus

from .documents import Geography, doc_from_posting, geographies, infer_tags
from .embedding import corpus_centroids, get_embedder, language_centroids
from .engine import Candidate, CandidateIndex, EngineConfig, MatchDoc
from .glossary import default_glossary
from .models import PostingFeatures

SUGGESTIONS = 10
logger = logging.getLogger(__name__)


@dataclass
class MatchingSnapshot:
    generation: tuple
    indexes: dict[str, CandidateIndex]
    centroids: dict | None
    postings: dict[int, Posting]
    semantic: bool


_SNAPSHOT: MatchingSnapshot | None = None
_STALE = False  # a request answered from an out-of-date snapshot: build the next one after its response


def features_generation() -> str:
    latest = PostingFeatures.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()
    return latest.isoformat() if latest else "none"


def _doc(posting: Posting, places, features: PostingFeatures | None, glossary) -> MatchDoc:
    """The posting as the engine sees it; stored concepts and vector when its features exist."""
    geography = places.get(posting.member.code) or Geography()
    doc = doc_from_posting(posting, geography, glossary, tag=features is None)
    if features is not None:
        concepts = dict(features.concepts)
        vector = features.vector_array() if features.embedder else None
        doc = replace(doc, concepts=concepts, inferred=infer_tags(concepts, glossary), vector=vector)
    return doc


def _generation(embedder) -> tuple:
    return (postings_generation(), features_generation(), getattr(embedder, "name", None))


def matching_snapshot() -> MatchingSnapshot:
    """The current snapshot, rebuilt when postings or their features changed since the last one.

    Only the first snapshot of a process is built in the request. After a change, the request is
    answered from the previous snapshot, and the process builds the next one once the response has been
    sent (`rebuild_stale_snapshot`), because a rebuild reads every open posting and every save (and every
    vector a worker computes) changes the generation. Where tasks run at once (tests) it is rebuilt at once.
    """
    global _SNAPSHOT, _STALE
    embedder = get_embedder()
    generation = _generation(embedder)
    snapshot = _SNAPSHOT
    if snapshot is not None and snapshot.generation == generation:
        return snapshot
    if snapshot is not None and not tasks_run_at_once():
        _STALE = True
        return snapshot
    _SNAPSHOT = _build(generation, embedder)
    return _SNAPSHOT


def rebuild_stale_snapshot(**kwargs) -> None:
    """Build the next snapshot if a request answered from an out-of-date one (``request_finished``: the
    response has been sent). Two requests finishing at once in a threaded server may both build; the
    last one built wins, and both are current."""
    global _SNAPSHOT, _STALE
    if not _STALE:
        return
    _STALE = False
    try:
        embedder = get_embedder()
        generation = _generation(embedder)
        if _SNAPSHOT is None or _SNAPSHOT.generation != generation:
            _SNAPSHOT = _build(generation, embedder)
    except Exception:  # the next request tries again; suggestions stay those of the last snapshot
        logger.exception("rebuilding the matching snapshot failed")


def _build(generation, embedder) -> MatchingSnapshot:
    glossary = default_glossary()
    postings = list(
        Posting.objects.filter(status__in=OPEN_STATUSES, member__status=MemberStatus.ACTIVE)
        .select_related("member", "features")
        .prefetch_related("eligible_members")
        .order_by("pk")
    )
    places = geographies({p.member.code for p in postings})
    docs = {p.pk: _doc(p, places, getattr(p, "features", None), glossary) for p in postings}
    with_vectors = [d for d in docs.values() if d.vector is not None]
    semantic = embedder is not None and bool(with_vectors)
    centroids = None
    if semantic:
        centroids = corpus_centroids(
            np.vstack([d.vector for d in with_vectors]),
            [d.language for d in with_vectors],
            language_centroids(embedder, glossary),
        )
    indexes = {}
    for kind in ("need", "offer"):
        kind_docs = [d for d in docs.values() if d.kind == kind]
        if not semantic:
            kind_docs = [replace(d, vector=None) for d in kind_docs]
        indexes[kind] = CandidateIndex(kind_docs, centroids=centroids)
    return MatchingSnapshot(generation, indexes, centroids, {p.pk: p for p in postings}, semantic)


@dataclass
class Suggestions:
    """Suggested counterparts of a posting: ranked candidates with their postings."""

    candidates: list[tuple[Candidate, Posting]]
    semantic: bool  # whether semantic similarity took part
    semantic_configured: bool  # whether an embedder is configured at all
    query: MatchDoc | None = None


def suggestions_for(*, posting: Posting, limit: int = SUGGESTIONS, config: EngineConfig | None = None) -> Suggestions:
    """The best counterparts of ``posting`` among open public postings of the other kind.

    Only counterparts that pass the hard filters are suggested.
    """
    snapshot = matching_snapshot()
    other = "offer" if posting.kind == "need" else "need"
    index = snapshot.indexes[other]
    glossary = default_glossary()
    features = PostingFeatures.objects.filter(posting_id=posting.pk).first()
    places = geographies([posting.member.code])
    query = _doc(posting, places, features, glossary)
    semantic = snapshot.semantic and query.vector is not None
    if not semantic:
        query = replace(query, vector=None)
    ranked = index.rank(query, config=config, top_k=limit * 2, exclude=[str(posting.pk)])
    ranked = [c for c in ranked if snapshot.postings[int(c.id)].member_id != posting.member_id][:limit]
    return Suggestions(
        candidates=[(c, snapshot.postings[int(c.id)]) for c in ranked],
        semantic=semantic,
        semantic_configured=get_embedder() is not None,
        query=query,
    )


def scores_for(*, member, offers, need: Posting | None = None, text: str = "", language: str = "en") -> dict:
    """The engine's view of each of ``offers`` for a member: {offer pk: Candidate} (eligible or not).

    The requester is the member's ``need`` when given (its stored concepts and vector), else the
    ``text`` it wrote; scores are those the suggestions would show, centred the same way.
    """
    glossary = default_glossary()
    snapshot = matching_snapshot()
    places = geographies([member.code, *(o.member.code for o in offers)])
    if need is not None:
        query = _doc(need, places, PostingFeatures.objects.filter(posting_id=need.pk).first(), glossary)
    else:
        from .documents import doc_from_fields

        query = doc_from_fields(
            id="request", kind="need", language=language, member=member.code, title="", description=text,
            geography=places.get(member.code) or Geography(), glossary=glossary,
        )  # fmt: skip
    features = {f.posting_id: f for f in PostingFeatures.objects.filter(posting_id__in=[o.pk for o in offers])}
    docs = [_doc(o, places, features.get(o.pk), glossary) for o in offers]
    if not snapshot.semantic or query.vector is None:
        query = replace(query, vector=None)
        docs = [replace(d, vector=None) for d in docs]
    index = CandidateIndex(docs, centroids=snapshot.centroids)
    return {int(c.id): c for c in index.rank(query, top_k=None, include_ineligible=True)}
