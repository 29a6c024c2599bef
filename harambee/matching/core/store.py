"""The matching index on disk: one directory per generation, a ``current`` pointer, memory-mapped readers.

A build writes every array of the two candidate indexes (needs, offers) as ``.npy`` files into a new
directory ``<root>/<generation>/`` (written under a temporary name, then renamed), then switches the
pointer ``<root>/current.json`` with ``os.replace``: a reader sees the old generation or the new one,
never half of one. Readers (:class:`IndexReader`) memory-map the arrays read-only, so every process on
the machine shares one copy of the pages in the page cache, and check the pointer with one ``stat``
per use. A generation that is no longer current is removed after a grace period (a reader that read
the pointer just before the switch still opens it; an opened one keeps its mapping when the files are
unlinked).

Layout of a generation: ``manifest.json`` (generation, format, when, the source it was built from,
the kinds) and per kind ``<kind>/meta.json`` plus one ``<kind>/<array>.npy`` per array of
:meth:`CandidateIndex.arrays`.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from .engine import FORMAT, CandidateIndex

POINTER = "current.json"
# A superseded generation stays on disk this long before a later build removes it.
GRACE_SECONDS = 300
# A temporary directory older than this was left by a build that died.
ABANDONED_SECONDS = 3600


class IndexMissing(LookupError):
    """No generation has been published under this root yet."""


@dataclass(frozen=True)
class OpenedIndex:
    """One generation, opened: its manifest and a candidate index per kind ("need", "offer")."""

    generation: str
    manifest: dict
    indexes: dict[str, CandidateIndex]

    @property
    def source(self) -> dict:
        return self.manifest.get("source", {})


def _fsync_directory(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_generation(root: Path, indexes: dict[str, CandidateIndex], *, source: dict | None = None) -> str:
    """Write ``indexes`` as a new generation under ``root`` (not yet current); its id."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    generation = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)
    temporary = root / f".{generation}.tmp"
    temporary.mkdir()
    kinds = {}
    for kind, index in indexes.items():
        folder = temporary / kind
        folder.mkdir()
        for name, array in index.arrays.items():
            with open(folder / f"{name}.npy", "wb") as file:
                np.save(file, np.ascontiguousarray(array), allow_pickle=False)
                file.flush()
                os.fsync(file.fileno())
        (folder / "meta.json").write_text(json.dumps(index.meta, ensure_ascii=False), encoding="utf-8")
        kinds[kind] = {"size": index.size, "has_vectors": index.has_vectors}
    manifest = {
        "generation": generation,
        "format": FORMAT,
        "built_at": datetime.now(UTC).isoformat(),
        "source": source or {},
        "kinds": kinds,
    }
    (temporary / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    _fsync_directory(temporary)
    os.rename(temporary, root / generation)
    _fsync_directory(root)
    return generation


def read_pointer(root: Path) -> str | None:
    """The current generation's id, or None before the first publication."""
    try:
        return json.loads((Path(root) / POINTER).read_text(encoding="utf-8"))["generation"]
    except FileNotFoundError:
        return None


def publish(root: Path, generation: str, *, grace: float = GRACE_SECONDS) -> None:
    """Make ``generation`` current (atomically), then remove generations superseded for longer than ``grace``."""
    root = Path(root)
    if not (root / generation / "manifest.json").exists():
        raise IndexMissing(f"{root / generation}: no such generation")
    previous = read_pointer(root)
    temporary = root / f".{POINTER}.{secrets.token_hex(4)}"
    temporary.write_text(json.dumps({"generation": generation}), encoding="utf-8")
    os.replace(temporary, root / POINTER)
    _fsync_directory(root)
    if previous and previous != generation and (root / previous).is_dir():
        os.utime(root / previous)  # superseded now: its grace period starts
    remove_superseded(root, grace=grace)


def remove_superseded(root: Path, *, grace: float = GRACE_SECONDS) -> list[str]:
    """Remove generations other than the current one that were superseded more than ``grace`` seconds
    ago, and temporary directories of builds that died; the names removed."""
    root = Path(root)
    current = read_pointer(root)
    now = time.time()
    removed = []
    for entry in root.iterdir():
        if not entry.is_dir() or entry.name == current:
            continue
        age = now - entry.stat().st_mtime
        if entry.name.startswith("."):
            if age < ABANDONED_SECONDS:
                continue
        elif age < grace or not (entry / "manifest.json").exists():
            continue
        shutil.rmtree(entry, ignore_errors=True)
        removed.append(entry.name)
    return removed


def read_manifest(root: Path, generation: str) -> dict:
    return json.loads((Path(root) / generation / "manifest.json").read_text(encoding="utf-8"))


def open_generation(root: Path, generation: str) -> OpenedIndex:
    """The arrays of one generation, memory-mapped read-only."""
    folder = Path(root) / generation
    manifest = read_manifest(root, generation)
    indexes = {}
    for kind in manifest["kinds"]:
        meta = json.loads((folder / kind / "meta.json").read_text(encoding="utf-8"))
        arrays = {path.stem: _load(path) for path in (folder / kind).glob("*.npy")}
        indexes[kind] = CandidateIndex.from_arrays(arrays, meta)
    return OpenedIndex(generation=generation, manifest=manifest, indexes=indexes)


def _load(path: Path) -> np.ndarray:
    """A read-only array over the file's pages (a plain ndarray view: np.memmap's subclass hooks cost
    more than the arithmetic on small slices)."""
    array = np.load(path, mmap_mode="r", allow_pickle=False)
    return array.view(np.ndarray) if array.size else np.array(array)


class IndexReader:
    """Opens the current generation under ``root`` and re-opens it when the pointer changes.

    :meth:`current` costs one ``stat`` of the pointer when nothing changed. One reader per process is
    enough; it holds no lock and never writes.
    """

    def __init__(self, root: Path):
        self.root = Path(root)
        self._stamp: tuple | None = None
        self._opened: OpenedIndex | None = None

    def current(self) -> OpenedIndex | None:
        """The current generation, opened; None before the first publication."""
        try:
            status = os.stat(self.root / POINTER)
        except FileNotFoundError:
            self._stamp, self._opened = None, None
            return None
        stamp = (status.st_ino, status.st_mtime_ns, status.st_ctime_ns, status.st_size)
        if stamp != self._stamp or self._opened is None:
            for _attempt in range(3):  # a build may switch the pointer between our read and our open
                generation = read_pointer(self.root)
                if generation is None:
                    return None
                try:
                    opened = open_generation(self.root, generation)
                except FileNotFoundError:
                    continue
                except ValueError:  # another format or other taxonomy codes: as if none, until a build
                    self._stamp, self._opened = stamp, None
                    return None
                self._stamp, self._opened = stamp, opened
                break
        return self._opened


@contextlib.contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Held while one build reads its sources and publishes, so that two builds (two workers) never
    publish out of order; the second waits, then usually finds nothing left to do."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".build.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
