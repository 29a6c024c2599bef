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

import contextlib
import gc
import json
import logging
from dataclasses import replace
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import TextField
from django.db.models.functions import Cast

from harambee.postings.choices import OPEN_STATUSES
from harambee.postings.models import Posting
from harambee.postings.selectors import postings_generation
from harambee.postings.text import markdown_to_plain
from harambee.registry.models import MemberStatus

from .core.documents import Geography, doc_from_fields, infer_tags
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


# The posting fields the engine reads, in the order ``build_indexes`` unpacks them; the lists of codes
# (JSON) are read as text and decoded once per distinct value (few distinct ones among many postings).
_CODE_LISTS = ("modalities", "themes", "sectors", "target_groups", "delivery_languages")
_COLUMNS = (
    "pk", "kind", "language", "member__code", "title", *(f"{name}_text" for name in _CODE_LISTS), "format",
    "capacity_unit", "capacity_value", "capacity_used", "start", "end", "eligible_groups_text",
    "eligible_regions_text", "features__pk", "features__concepts", "features__embedder", "features__vector",
)  # fmt: skip


@contextlib.contextmanager
def _no_cycle_collection():
    """The build allocates a few million small objects and frees none in cycles: the cyclic garbage
    collector would walk them again and again (a third of the build at 100,000 postings)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_indexes(embedder) -> tuple[dict[str, CandidateIndex], bool]:
    """One candidate index per kind over the open postings of active members; whether vectors took part.

    Reads plain rows (no model instances): the postings with their stored concepts and vectors in one
    query, their eligible members in one query over the through table, the text of the few postings
    without stored concepts in one more; each vector is decoded once into one float32 matrix. The
    documents are those :func:`posting_doc` makes of the same postings (``test_matching_index``).
    """
    with _no_cycle_collection():
        return _build_indexes(embedder)


def _build_indexes(embedder) -> tuple[dict[str, CandidateIndex], bool]:
    glossary = default_glossary()
    postings = Posting.objects.filter(status__in=OPEN_STATUSES, member__status=MemberStatus.ACTIVE)
    as_text = {
        f"{name}_text": Cast(name, TextField()) for name in (*_CODE_LISTS, "eligible_groups", "eligible_regions")
    }
    rows = list(postings.annotate(**as_text).order_by("pk").values_list(*_COLUMNS))
    decoded: dict[str | None, list] = {None: []}

    def codes(text: str | None) -> list:
        if text not in decoded:
            decoded[text] = json.loads(text)
        return decoded[text]

    eligible: dict[int, list[str]] = {}
    through = Posting.eligible_members.through.objects.filter(posting__in=postings)
    for posting_id, code in through.order_by("posting_id", "member_id").values_list("posting_id", "member__code"):
        eligible.setdefault(posting_id, []).append(code)
    untagged = [row[0] for row in rows if row[18] is None]
    texts = dict(Posting.objects.filter(pk__in=untagged).values_list("pk", "description")) if untagged else {}
    places = geographies({row[3] for row in rows})
    dim = next((len(row[21]) // 4 for row in rows if row[20] and row[21]), 0)
    matrix = np.zeros((len(rows), dim), dtype=np.float32)
    has_vector = np.zeros(len(rows), dtype=bool)
    docs = []
    for i, row in enumerate(rows):
        pk, kind, language, member, title = row[:5]
        stored, concepts, embedder_name, vector = row[18:22]
        if stored is not None and embedder_name and vector:
            matrix[i] = np.frombuffer(vector, dtype=np.float32)
            has_vector[i] = True
        left = None
        if kind == "offer" and row[12] is not None:
            left = float(max(row[12] - (row[13] or 0), 0))
        doc = doc_from_fields(
            id=str(pk),
            kind=kind,
            language=language,
            member=member,
            title=title,
            description=markdown_to_plain(texts[pk]) if stored is None else "",
            geography=places.get(member) or Geography(),
            glossary=glossary,
            tag=stored is None,
            stored_concepts=dict(concepts) if stored is not None else None,
            remaining=left,
            modalities=codes(row[5]),
            themes=codes(row[6]),
            sectors=codes(row[7]),
            target_groups=codes(row[8]),
            delivery_languages=codes(row[9]),
            format=row[10],
            capacity={row[11]: float(row[12])} if row[11] and row[12] is not None else {},
            start=row[14],
            end=row[15],
            eligible_groups=codes(row[16]),
            eligible_regions=codes(row[17]),
            eligible_members=eligible.get(pk, ()),
        )
        docs.append(doc)
    del rows
    semantic = embedder is not None and bool(has_vector.any())
    centroids = None
    if semantic:
        centroids = corpus_centroids(
            matrix[has_vector],
            [d.language for d, has in zip(docs, has_vector.tolist(), strict=True) if has],
            language_centroids(embedder, glossary),
        )
    indexes = {}
    for kind in ("need", "offer"):
        rows_of_kind = np.array([d.kind == kind for d in docs], dtype=bool)
        kind_docs = [d for d in docs if d.kind == kind]
        vectors = (matrix[rows_of_kind], has_vector[rows_of_kind]) if semantic else None
        indexes[kind] = CandidateIndex(kind_docs, centroids=centroids, vectors=vectors)
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


def index_generation() -> str:
    """The current index's generation as this process sees it ("" before the first), for cache keys."""
    opened = current_index()
    return opened.generation if opened is not None else ""


def index_is_current(opened: OpenedIndex | None) -> bool:
    """Whether ``opened`` was built from what the database holds now (two index lookups)."""
    return opened is not None and _same_source(opened.source, source_generation())


def _same_source(recorded: dict, source: dict) -> bool:
    return {k: v for k, v in recorded.items() if k != "semantic"} == source
