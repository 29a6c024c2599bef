"""The matching engine: explainable ranking of counterparts for a need or an offer.

Pure Python and NumPy over dataclasses: no ORM, so the engine can be tested, benchmarked and run
on a corpus file exactly as the product runs it. The product turns postings into
:class:`MatchDoc` (``documents.py``), builds a :class:`CandidateIndex` of the other kind once per
change of the postings, and asks it for the top candidates of one posting.

A candidate first passes (or fails) the **hard filters**: the requester is eligible for the offer
(country groups, M49 regions, named members), the offer does not end before the need starts, the
offer has capacity left, and the two share a working language. Then a weighted sum of named
**soft components**, each in [0, 1], scores it; the weights live in one :class:`EngineConfig`.
Suggestions are the eligible candidates, best score first; a caller that asks for the others too
gets each of them ranked as if its score were ``ineligible_penalty`` lower, so that it can show
them apart ("related, but not open to you").

Everything is computed for all candidates at once with array operations, and the full score
breakdown only for the candidates returned, so ranking 100,000 offers stays within milliseconds.
"""

from __future__ import annotations

import collections
import functools
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .vocabulary import FORMATS, LANGUAGES, MODALITIES, SECTORS, TARGET_GROUPS, THEMES, VOCABULARIES

# How far one modality serves a request for another (symmetric; 1 on the diagonal).
MODALITY_AFFINITY = {
    frozenset({"training", "technical_assistance"}): 0.4,
    frozenset({"policy_exchange", "technical_assistance"}): 0.5,
    frozenset({"joint_research", "technical_assistance"}): 0.3,
    frozenset({"training", "policy_exchange"}): 0.2,
    frozenset({"joint_research", "training"}): 0.2,
    frozenset({"financial_support", "technical_assistance"}): 0.2,
}
# Value of a structured component when one side does not say (neither a match nor a mismatch).
UNKNOWN = 0.5

HARD_FILTERS = ("eligibility", "dates", "capacity_left", "language")


@dataclass(frozen=True)
class EngineConfig:
    """Weights of the soft components and switches for the ablations of docs/matching.md."""

    # Fitted on a synthetic labelled corpus (benchmarks/matching_synthetic_corpus.py, then
    # benchmarks/matching_weights.py; docs/matching.md records the run), rounded.
    weights: dict[str, float] = field(
        default_factory=lambda: {
            "concepts": 0.31,
            "semantic": 0.32,
            "modality": 0.08,
            "theme": 0.04,
            "sector": 0.11,
            "target_group": 0.01,
            "format": 0.05,
            "capacity": 0.05,
            "dates": 0.03,
        }
    )
    hard_filters: bool = True
    structured: bool = True  # modality, theme, sector, target group, format, capacity
    concepts: bool = True
    semantic: bool = True
    # A semantic similarity this many standard deviations above the mean over all candidates scores 1.
    semantic_spread: float = 2.7
    # How two tag sets compare: "jaccard" (|A ∩ B| / |A ∪ B|) or "containment" (|A ∩ B| / min(|A|, |B|)).
    overlap: str = "jaccard"
    # With include_ineligible, a candidate failing a hard filter is ranked as if its score were this much
    # lower, so that a related offer the requester cannot take up still comes before unrelated ones
    # (None: after every eligible candidate). Suggestions list eligible candidates only.
    ineligible_penalty: float | None = 0.19

    def active_weights(self, *, has_vectors: bool) -> dict[str, float]:
        """The weights of the components in use, summing to 1."""
        weights = dict(self.weights)
        if not self.structured:
            for name in ("modality", "theme", "sector", "target_group", "format", "capacity", "dates"):
                weights.pop(name, None)
        if not self.concepts:
            weights.pop("concepts", None)
        if not (self.semantic and has_vectors):
            weights.pop("semantic", None)
        total = sum(weights.values()) or 1.0
        return {name: value / total for name, value in weights.items() if value > 0}


@dataclass(frozen=True)
class MatchDoc:
    """What the engine knows of one posting. Sets hold taxonomy codes; ``regions`` are the M49
    codes (every level) of the owner's country and ``groups`` its country groups;
    ``geography_known`` is False for an organisation without a country."""

    id: str
    kind: str
    language: str
    member: str
    title: str = ""
    groups: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    geography_known: bool = True
    modalities: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    sectors: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    delivery_languages: frozenset[str] = frozenset()
    format: str = ""
    capacity_unit: str = ""
    capacity_value: float | None = None
    remaining: float | None = None  # offers: capacity not yet committed (None: not limited)
    start: date | None = None
    end: date | None = None
    eligible_groups: frozenset[str] = frozenset()
    eligible_regions: frozenset[str] = frozenset()
    eligible_members: frozenset[str] = frozenset()
    concepts: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    inferred: dict[str, frozenset[str]] = field(default_factory=dict, hash=False, compare=False)
    vector: np.ndarray | None = field(default=None, hash=False, compare=False, repr=False)

    def working_languages(self) -> frozenset[str]:
        """Declared delivery languages, else the language the posting is written in."""
        return self.delivery_languages or frozenset({self.language})

    def tags(self, facet: str) -> tuple[frozenset[str], bool]:
        """The declared codes of a facet, else those inferred from its concepts (and whether inferred)."""
        declared = getattr(self, facet)
        if declared:
            return declared, False
        inferred = self.inferred.get(facet, frozenset())
        return inferred, bool(inferred)


@dataclass(frozen=True)
class Component:
    """One soft component of a candidate's score: its value in [0, 1] and its weight."""

    name: str
    value: float
    weight: float

    @property
    def contribution(self) -> float:
        return self.value * self.weight


@dataclass(frozen=True)
class Candidate:
    """A ranked counterpart with its score, the hard filters it failed and the evidence."""

    id: str
    rank: int
    score: float
    eligible: bool
    failed_filters: tuple[str, ...]
    components: tuple[Component, ...]
    shared_concepts: tuple[str, ...]  # concept ids, the most weighty first
    shared: dict[str, tuple[str, ...]]  # facet -> shared codes (modalities, themes, …, languages)
    inferred: tuple[str, ...]  # facets compared on tags inferred from the texts
    eligibility_reason: str  # "open", "group:LDC", "region:002", "member", "unverified"

    def component(self, name: str) -> Component | None:
        return next((c for c in self.components if c.name == name), None)


# ---------------------------------------------------------------------------------------------------
# The candidate index


def _mask(codes: Iterable[str], vocabulary: Sequence[str]) -> int:
    bits = 0
    for code in codes:
        if code in vocabulary:
            bits |= 1 << vocabulary.index(code)
    return bits


def _codes(mask: int, vocabulary: Sequence[str]) -> frozenset[str]:
    return frozenset(code for j, code in enumerate(vocabulary) if mask >> j & 1)


# Bits set in every value below 2**16: the facet masks (at most 12 codes) are looked up, not looped.
_POPCOUNT = np.array([bin(v).count("1") for v in range(1 << 16)], dtype=np.float32)


def _popcount(values: np.ndarray) -> np.ndarray:
    return _POPCOUNT[values & 0xFFFF]


_NO_DATE = -1
# The structured facets stored as masks: (array name, MatchDoc facet, vocabulary).
_FACETS = (
    ("modality", "modalities", MODALITIES),
    ("theme", "themes", THEMES),
    ("sector", "sectors", SECTORS),
    ("target", "target_groups", TARGET_GROUPS),
)
# Version of the arrays' layout (docs/adr/0010): a reader refuses another.
FORMAT = 2


@dataclass(frozen=True)
class Requester:
    """Who asks, as eligibility rules see it: a member code, its M49 regions and country groups."""

    member: str
    groups: frozenset[str]
    regions: frozenset[str]
    geography_known: bool


class CandidateIndex:
    """The postings of one kind, as arrays, ready to rank against any posting of the other kind.

    The inverse document frequency of each concept is computed over these candidates, so a concept
    every candidate mentions ("artificial intelligence") weighs little and a rare one much.

    Everything the ranking and the evidence of a candidate need is in NumPy arrays (``arrays``) and a
    small JSON-able description (``meta``): an index built from documents in memory and one
    memory-mapped from disk (``store.py``) are the same object and rank identically.
    """

    def __init__(
        self,
        docs: Sequence[MatchDoc],
        *,
        centroids: dict[str, np.ndarray] | None = None,
        vectors: tuple[np.ndarray, np.ndarray] | None = None,
    ):
        """``vectors``, when given, stands for the documents' own: a matrix with one row per document
        and which rows hold a vector (a caller that decoded them into one matrix need not split it)."""
        arrays, meta = _arrays_from_docs(list(docs), centroids, vectors)
        self._load(arrays, meta)

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], meta: dict) -> CandidateIndex:
        """An index over arrays written by :meth:`arrays` (in memory or memory-mapped)."""
        if meta.get("format") != FORMAT:
            raise ValueError(f"index format {meta.get('format')!r}, this engine reads {FORMAT}")
        if meta.get("vocabularies") != {name: list(codes) for name, codes in VOCABULARIES.items()}:
            raise ValueError("the index was written with other taxonomy codes")
        index = cls.__new__(cls)
        index._load(arrays, meta)
        return index

    def _load(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        self.arrays, self.meta = arrays, meta
        a = arrays
        self.size = int(meta["size"])
        self.ids = a["ids"]
        self._id_order, self._sorted_ids = a["id_order"], a["sorted_ids"]
        self.concepts = list(meta["concepts"])
        self.concept_index = {c: j for j, c in enumerate(self.concepts)}
        self.idf = dict(zip(self.concepts, a["idf"].tolist(), strict=True))
        self.concept_offsets, self.concept_rows, self.concept_values = (
            a["concept_offsets"], a["concept_rows"], a["concept_values"],
        )  # fmt: skip
        self.doc_offsets, self.doc_concepts, self.doc_weights = a["doc_offsets"], a["doc_concepts"], a["doc_weights"]
        self.has_vectors = bool(meta["has_vectors"])
        self.vectors = a["vectors"] if self.has_vectors else None
        languages = meta.get("centroid_languages")
        self.centroids = (
            {lang: np.asarray(a["centroids"][i]) for i, lang in enumerate(languages)} if languages is not None else None
        )
        self.bits = {name: a[f"{name}_bits"] for name, _, _ in _FACETS}
        self.inferred = {name: a[f"{name}_inferred"] for name, _, _ in _FACETS}
        self.language_bits = a["language_bits"]
        self.format_codes = a["format_codes"]
        self.starts, self.ends = a["starts"], a["ends"]
        self.remaining = a["remaining"]
        self.capacity_unit_codes = {unit: i for i, unit in enumerate(meta["capacity_units"])}
        self.capacity_units, self.capacity_values = a["capacity_units"], a["capacity_values"]
        self.rule_of = a["rule_of"]
        self.rules = [tuple(frozenset(part) for part in rule) for rule in meta["rules"]]
        self.profile_of = a["profile_of"]
        self.profiles = [
            Requester(member=m, groups=frozenset(g), regions=frozenset(r), geography_known=k)
            for m, g, r, k in meta["profiles"]
        ]

    # -----------------------------------------------------------------------------------------------

    def positions(self, ids: Iterable[str]) -> list[int]:
        """Rows of the candidates with these ids (unknown ids are skipped)."""
        wanted = [str(i) for i in ids]
        if not wanted or not self.size:
            return []
        sorted_ids = self._sorted_ids
        found = np.searchsorted(sorted_ids, wanted)
        return [
            int(self._id_order[j]) for j, doc_id in zip(found.tolist(), wanted, strict=True)
            if j < self.size and sorted_ids[j] == doc_id
        ]  # fmt: skip

    def doc_concept_weights(self, i: int) -> dict[str, float]:
        """The candidate's concept vector (tf-idf, L2-normalised)."""
        start, stop = int(self.doc_offsets[i]), int(self.doc_offsets[i + 1])
        return {
            self.concepts[c]: w
            for c, w in zip(self.doc_concepts[start:stop].tolist(), self.doc_weights[start:stop].tolist(), strict=True)
        }

    def concept_vector(self, concepts: dict[str, float]) -> dict[str, float]:
        """Sublinear tf times idf, L2-normalised (concepts unknown to the candidates weigh the maximum)."""
        return _concept_vector(concepts, self.idf, self.size)

    # -----------------------------------------------------------------------------------------------

    def rank(
        self,
        query: MatchDoc,
        *,
        config: EngineConfig | None = None,
        top_k: int | None = 10,
        include_ineligible: bool = False,
        exclude: Iterable[str] = (),
        exclude_member: str | None = None,
    ) -> list[Candidate]:
        """The best candidates for ``query``: eligible ones by score, and (if asked) the others, each
        ranked as if its score were ``config.ineligible_penalty`` lower (after all eligible ones when
        the penalty is None).

        ``top_k=None`` ranks every candidate. Ties are broken by candidate id, so a ranking is
        reproducible. ``exclude`` leaves out candidates by id, ``exclude_member`` those of a member.
        """
        config = config or EngineConfig()
        n = self.size
        if n == 0:
            return []
        failed = self._hard_filters(query) if config.hard_filters else {}
        eligible = np.ones(n, dtype=bool)
        for mask in failed.values():
            eligible &= ~mask
        keep = np.ones(n, dtype=bool)
        keep[self.positions(exclude)] = False
        if exclude_member is not None:
            theirs = [j for j, profile in enumerate(self.profiles) if profile.member == exclude_member]
            if theirs:
                keep &= ~np.isin(self.profile_of, theirs)
        candidates = np.flatnonzero(keep if include_ineligible else keep & eligible)
        if candidates.size == 0:
            return []
        # only the candidates that can be returned are scored when they are few (usually a small share:
        # most fail a hard filter); `at` is then the row of each entry of the arrays scored
        scores, parts, weights, at = self._scores(query, config, rows=candidates)
        if at is None:
            local, row_of, mine_eligible = candidates, None, eligible
        else:
            local, row_of, mine_eligible = np.arange(at.size), at, eligible[at]
        # by score, less the penalty of a failed hard filter (rounded, so float noise never decides), then by id
        order_key = np.round(scores, 9)
        if config.ineligible_penalty is None:  # eligible first
            np.add(order_key, 10.0, out=order_key, where=mine_eligible)
        else:
            np.subtract(order_key, config.ineligible_penalty, out=order_key, where=~mine_eligible)
        if top_k is not None and local.size > top_k * 4:
            # narrow with a partial sort first; the exact order (and id tie-break) is applied below
            cut = np.argpartition(-order_key[local], top_k * 4)[: top_k * 4]
            threshold = order_key[local[cut]].min()
            local = local[order_key[local] >= threshold]
        ids = self.ids if row_of is None else self.ids[row_of]
        ordered = sorted(local.tolist(), key=lambda j: (-order_key[j], str(ids[j])))
        if top_k is not None:
            ordered = ordered[:top_k]
        mine = self.concept_vector(query.concepts)
        return [
            self._candidate(
                query, i if row_of is None else int(row_of[i]), rank, float(scores[i]), bool(mine_eligible[i]),
                failed, parts, weights, mine=mine, at=i,
            )
            for rank, i in enumerate(ordered, start=1)
        ]  # fmt: skip

    def _scores(self, query: MatchDoc, config: EngineConfig, rows: np.ndarray | None = None):
        """Every component and the weighted score of every candidate, and None; or, when ``rows`` are
        few, of those rows only, and ``rows`` (the semantic similarity's mean and spread are still
        those over all candidates, and the concepts' idf that of all candidates)."""
        subset = rows is not None and rows.size < self.size // 2
        if subset:
            scores, parts, weights = self._restricted(rows)._component_scores(query, config, self, rows)
            return scores, parts, weights, rows
        return (*self._component_scores(query, config, self, None), None)

    def _restricted(self, rows: np.ndarray) -> CandidateIndex:
        """The candidates of ``rows`` as an index of their own for the per-row components (bits, format,
        dates, capacity); concepts and vectors stay with the whole index."""
        part = CandidateIndex.__new__(CandidateIndex)
        part.size = int(rows.size)
        part.bits = {name: bits[rows] for name, bits in self.bits.items()}
        part.format_codes = self.format_codes[rows]
        part.starts, part.ends, part.remaining = self.starts[rows], self.ends[rows], self.remaining[rows]
        part.capacity_unit_codes = self.capacity_unit_codes
        part.capacity_units, part.capacity_values = self.capacity_units[rows], self.capacity_values[rows]
        return part

    def _component_scores(self, query: MatchDoc, config: EngineConfig, whole: CandidateIndex, rows):
        """The components over this index's rows; ``whole`` holds the concepts and the vectors, and
        ``rows`` (or None for all) says which of its rows this index is."""
        n = self.size
        query_vector = query.vector if (config.semantic and whole.has_vectors) else None
        weights = config.active_weights(has_vectors=query_vector is not None)
        parts: dict[str, np.ndarray] = {}
        if "concepts" in weights:
            values = np.zeros(whole.size, dtype=np.float32)
            for concept, weight in whole.concept_vector(query.concepts).items():
                j = whole.concept_index.get(concept)
                if j is not None:
                    start, stop = whole.concept_offsets[j], whole.concept_offsets[j + 1]
                    values[whole.concept_rows[start:stop]] += weight * whole.concept_values[start:stop]
            parts["concepts"] = np.clip(values if rows is None else values[rows], 0.0, 1.0)
        if "semantic" in weights:
            q = _centre(np.asarray(query_vector, dtype=np.float32)[None, :], [query.language], whole.centroids)[0]
            mean, spread = whole._cosine_moments(q)
            # reading a few rows of the matrix costs less than the product with all of it
            cosines = whole.vectors @ q if rows is None else whole.vectors[rows] @ q
            parts["semantic"] = np.clip((cosines - mean) / (config.semantic_spread * (spread or 1.0)), 0, 1)
        if "modality" in weights:
            parts["modality"] = self._modality(query)
        for name, facet, vocabulary, bits in (
            ("theme", "themes", THEMES, self.bits["theme"]),
            ("sector", "sectors", SECTORS, self.bits["sector"]),
            ("target_group", "target_groups", TARGET_GROUPS, self.bits["target"]),
        ):
            if name in weights:
                parts[name] = self._overlap(query, facet, vocabulary, bits, config.overlap)
        if "format" in weights:
            parts["format"] = self._format(query)
        if "capacity" in weights:
            parts["capacity"] = self._capacity(query)
        if "dates" in weights:
            parts["dates"] = self._dates(query)
        scores = np.zeros(n, dtype=np.float64)
        for name, weight in weights.items():
            scores += weight * parts[name]
        return scores, parts, weights

    def vector_scores(self, vector: np.ndarray, language: str) -> np.ndarray | None:
        """How close each candidate's vector is to ``vector`` (a text in ``language``, centred on that
        language's centroid like the candidates): the cosine in standard deviations above the mean
        over the whole index (a search's semantic signal); None when the index has no vectors."""
        if not self.has_vectors or not self.size:
            return None
        q = _centre(np.asarray(vector, dtype=np.float32)[None, :], [language], self.centroids)[0]
        cosines = self.vectors @ q
        mean, spread = self._cosine_moments(q)
        return (cosines - mean) / spread if spread else np.zeros_like(cosines)

    def _cosine_moments(self, q: np.ndarray) -> tuple[float, float]:
        """Mean and standard deviation of the cosines of ``q`` with every candidate's vector, without
        the product: the mean is q·(mean vector), the mean square q·M·q with M the vectors' second
        moment matrix (both computed once per index, stored with it)."""
        if "vector_mean" not in self.arrays:  # an index written before the moments were stored
            self.arrays = {**self.arrays, **_vector_moments(self.vectors)}
        q64 = q.astype(np.float64)
        mean = float(self.arrays["vector_mean"] @ q64)
        square = float(q64 @ self.arrays["vector_moment"] @ q64)
        spread = max(square - mean * mean, 0.0) ** 0.5
        return mean, (spread if spread > 1e-9 else 0.0)

    # Each structured component is a function of the candidate's small bit mask: it is computed once
    # per possible mask for this query (at most 4,096) and then looked up for every candidate.

    def _modality(self, query: MatchDoc) -> np.ndarray:
        tags, _ = query.tags("modalities")
        if not tags:
            return np.full(self.size, UNKNOWN, dtype=np.float32)
        return _modality_table(frozenset(tags))[self.bits["modality"]]

    def _overlap(
        self, query: MatchDoc, facet: str, vocabulary: Sequence[str], bits: np.ndarray, how: str = "jaccard"
    ) -> np.ndarray:
        """Overlap of two tag sets (Jaccard, or containment: shared / the smaller set); UNKNOWN when
        either side has none."""
        tags, _ = query.tags(facet)
        mine = _mask(tags, vocabulary)
        if not mine:
            return np.full(self.size, UNKNOWN, dtype=np.float32)
        masks = np.arange(1 << len(vocabulary), dtype=np.int64)
        if how == "containment":
            smaller = np.minimum(_popcount(masks), _popcount(np.array([mine]))[0])
            table = (_popcount(masks & mine) / np.maximum(smaller, 1)).astype(np.float32)
        else:
            table = (_popcount(masks & mine) / np.maximum(_popcount(masks | mine), 1)).astype(np.float32)
        table[0] = UNKNOWN
        return table[bits]

    def _format(self, query: MatchDoc) -> np.ndarray:
        if query.format not in FORMATS:
            return np.full(self.size, UNKNOWN, dtype=np.float32)
        mine = FORMATS.index(query.format)
        hybrid = FORMATS.index("hybrid")
        table = np.array(
            [UNKNOWN]
            + [1.0 if code == mine else 0.6 if hybrid in (code, mine) else 0.0 for code in range(len(FORMATS))],
            dtype=np.float32,
        )
        return table[self._format_rows()]

    def _format_rows(self) -> np.ndarray:
        """Per candidate, its row in a format table (0: no format); computed once per index."""
        rows = getattr(self, "_format_index", None)
        if rows is None:
            rows = self._format_index = (self.format_codes + 1).astype(np.intp)
        return rows

    def _dates(self, query: MatchDoc) -> np.ndarray:
        """How much of the need's period the offer's availability covers (0 when the windows do not
        overlap); UNKNOWN when the need states no period or the candidate no date at all. An open
        start or end reaches as far as needed."""
        values = np.full(self.size, UNKNOWN, dtype=np.float32)
        if query.start is None or query.end is None:
            return values
        a, b = query.start.toordinal(), query.end.toordinal()
        known, starts, ends, lengths = self._date_bounds()
        overlap = (np.minimum(ends, b) - np.maximum(starts, a) + 1).astype(np.float32)
        if query.kind == "need":  # the share of the need's period within the offer's
            share = overlap / float(b - a + 1)
        else:  # the share of each need's period within the offer's (an open-ended need: the overlap)
            share = overlap / np.where(lengths > 0, lengths, np.maximum(overlap, 1.0))
        values[known] = np.clip(share[known], 0.0, 1.0)
        return values

    def _date_bounds(self):
        """Per candidate: whether it states a date, its start and end with an open side reaching as
        far as needed, and its length in days (0 when open); computed once per index."""
        bounds = getattr(self, "_bounds", None)
        if bounds is None:
            no_start, no_end = self.starts == _NO_DATE, self.ends == _NO_DATE
            starts = np.where(no_start, 0, self.starts).astype(np.int32)
            ends = np.where(no_end, 10_000_000, self.ends).astype(np.int32)
            lengths = np.where(no_start | no_end, 0, ends - starts + 1).astype(np.float32)
            bounds = self._bounds = (~(no_start & no_end), starts, ends, lengths)
        return bounds

    def _capacity(self, query: MatchDoc) -> np.ndarray:
        """How much of the need an offer can cover (the same unit on both sides), or the reverse."""
        code = self.capacity_unit_codes.get(query.capacity_unit) if query.capacity_value else None
        if not query.capacity_unit or code is None:
            return np.full(self.size, UNKNOWN, dtype=np.float32)
        # whole-array arithmetic, then one choice per row: cheaper than indexing by a mask twice
        # (rows in another unit or without a value are NaN here and take UNKNOWN)
        same = (self.capacity_units == code) & ~np.isnan(self.capacity_values)
        if query.kind == "need":
            ratio = np.minimum(self.capacity_values, self.remaining) / query.capacity_value
        else:
            ratio = query.capacity_value / np.maximum(self.capacity_values, 1e-9)
        return np.where(same, np.clip(ratio, 0.0, 1.0), np.float32(UNKNOWN)).astype(np.float32, copy=False)

    def _hard_filters(self, query: MatchDoc) -> dict[str, np.ndarray]:
        """Per filter, the candidates failing it."""
        failed: dict[str, np.ndarray] = {}
        if query.kind == "need":
            rule_ok = np.array([_eligible(query, *rule)[0] for rule in self.rules], dtype=bool)
            failed["eligibility"] = ~rule_ok[self.rule_of]
            # the offer ends before the need starts
            failed["dates"] = (
                (self.ends != _NO_DATE) & (self.ends < query.start.toordinal())
                if query.start is not None
                else np.zeros(self.size, dtype=bool)
            )
            failed["capacity_left"] = self.remaining <= 0
        else:
            rule = (query.eligible_groups, query.eligible_regions, query.eligible_members)
            profile_ok = np.array([_eligible(profile, *rule)[0] for profile in self.profiles], dtype=bool)
            failed["eligibility"] = ~profile_ok[self.profile_of]
            failed["dates"] = (
                (self.starts != _NO_DATE) & (self.starts > query.end.toordinal())
                if query.end is not None
                else np.zeros(self.size, dtype=bool)
            )
            no_capacity = query.remaining is not None and query.remaining <= 0
            failed["capacity_left"] = np.full(self.size, no_capacity, dtype=bool)
        failed["language"] = (self.language_bits & _mask(query.working_languages(), LANGUAGES)) == 0
        return failed

    def _candidate(self, query, i, rank, score, eligible, failed, parts, weights, *, mine=None, at=None) -> Candidate:
        """Candidate row ``i``; its components are entry ``at`` of ``parts`` (``i`` by default)."""
        at = i if at is None else at
        components = tuple(Component(name, float(parts[name][at]), weights[name]) for name in weights)
        if mine is None:
            mine = self.concept_vector(query.concepts)
        theirs = self.doc_concept_weights(i)
        shared_concepts = tuple(sorted(set(mine) & set(theirs), key=lambda c: (-mine[c] * theirs[c], c)))
        shared: dict[str, tuple[str, ...]] = {}
        inferred = []
        for name, facet, vocabulary in _FACETS:
            a, a_inferred = query.tags(facet)
            b = _codes(int(self.bits[name][i]), vocabulary)
            if a & b:
                shared[facet] = tuple(sorted(a & b))
                if a_inferred or bool(self.inferred[name][i]):
                    inferred.append(facet)
        common = query.working_languages() & _codes(int(self.language_bits[i]), LANGUAGES)
        shared["languages"] = tuple(code for code in LANGUAGES if code in common)
        if query.kind == "need":
            reason = _eligible(query, *self.rules[int(self.rule_of[i])])[1]
        else:
            rule = (query.eligible_groups, query.eligible_regions, query.eligible_members)
            reason = _eligible(self.profiles[int(self.profile_of[i])], *rule)[1]
        return Candidate(
            id=str(self.ids[i]),
            rank=rank,
            score=round(score, 6),
            eligible=eligible,
            failed_filters=tuple(name for name in HARD_FILTERS if name in failed and bool(failed[name][i])),
            components=components,
            shared_concepts=shared_concepts,
            shared=shared,
            inferred=tuple(inferred),
            eligibility_reason=reason,
        )


@functools.lru_cache(maxsize=64)
def _modality_table(tags: frozenset[str]) -> np.ndarray:
    table = np.full(1 << len(MODALITIES), UNKNOWN, dtype=np.float32)
    for mask in range(1, len(table)):
        theirs = [m for j, m in enumerate(MODALITIES) if mask >> j & 1]
        table[mask] = max(
            1.0 if mine == other else MODALITY_AFFINITY.get(frozenset({mine, other}), 0.0)
            for mine in tags
            for other in theirs
        )
    table.setflags(write=False)
    return table


def _concept_vector(concepts: dict[str, float], idf: dict[str, float], size: int) -> dict[str, float]:
    top = math.log(1 + size) + 1.0
    weights = {c: (1 + math.log(tf)) * idf.get(c, top) for c, tf in concepts.items() if tf > 0}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {c: w / norm for c, w in weights.items()}


def _arrays_from_docs(
    docs: list[MatchDoc], centroids: dict[str, np.ndarray] | None, vectors: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[dict, dict]:
    """The arrays and description of an index over ``docs`` (see :class:`CandidateIndex`)."""
    n = len(docs)
    arrays: dict[str, np.ndarray] = {}
    width = max((len(d.id) for d in docs), default=1)
    arrays["ids"] = ids = np.array([d.id for d in docs], dtype=f"<U{max(width, 1)}")
    arrays["id_order"] = order = np.argsort(ids, kind="stable").astype(np.int64)
    arrays["sorted_ids"] = ids[order]
    # concepts: idf over the candidates, L2-normalised tf-idf per candidate, inverted lists
    arrays.update(_concept_arrays(docs))
    concepts = arrays.pop("_names").tolist()
    # vectors, centred per language
    # a candidate whose vector is not computed yet gets a zero vector: no semantic credit
    if vectors is None:
        with_vectors = np.array([d.vector is not None for d in docs], dtype=bool)
        matrix = None
        if with_vectors.any():
            dim = next(d.vector for d in docs if d.vector is not None).shape[0]
            matrix = np.vstack([d.vector if d.vector is not None else np.zeros(dim) for d in docs])
    else:
        matrix, with_vectors = vectors
        with_vectors = np.asarray(with_vectors, dtype=bool)
    has_vectors = bool(with_vectors.any())
    if has_vectors:
        centred = _centre(np.asarray(matrix).astype(np.float32), [d.language for d in docs], centroids)
        centred[~with_vectors] = 0.0
        arrays["vectors"] = centred
        arrays.update(_vector_moments(centred))
    if centroids is not None:
        languages = sorted(centroids)
        arrays["centroids"] = np.vstack([np.asarray(centroids[lang], dtype=np.float32) for lang in languages])
    # structured fields as bit masks and numbers
    for name, facet, vocabulary in _FACETS:
        tagged = [doc.tags(facet) for doc in docs]
        masks: dict[frozenset[str], int] = {}  # few distinct tag sets: each mask computed once
        arrays[f"{name}_bits"] = np.array(
            [masks[tags] if tags in masks else masks.setdefault(tags, _mask(tags, vocabulary)) for tags, _ in tagged],
            dtype=np.uint16,
        )
        arrays[f"{name}_inferred"] = np.array([was for _, was in tagged], dtype=bool)
    masks = {}
    arrays["language_bits"] = np.array(
        [
            masks[tags] if tags in masks else masks.setdefault(tags, _mask(tags, LANGUAGES))
            for tags in (d.working_languages() for d in docs)
        ],
        dtype=np.uint8,
    )
    arrays["format_codes"] = np.array([FORMATS.index(d.format) if d.format in FORMATS else -1 for d in docs], np.int8)
    arrays["starts"] = np.array([d.start.toordinal() if d.start else _NO_DATE for d in docs], dtype=np.int32)
    arrays["ends"] = np.array([d.end.toordinal() if d.end else _NO_DATE for d in docs], dtype=np.int32)
    arrays["remaining"] = np.array([d.remaining if d.remaining is not None else np.inf for d in docs], np.float64)
    units = sorted({d.capacity_unit for d in docs if d.capacity_unit})
    unit_codes = {unit: i for i, unit in enumerate(units)}
    arrays["capacity_units"] = np.array([unit_codes.get(d.capacity_unit, -1) for d in docs], dtype=np.int8)
    arrays["capacity_values"] = np.array(
        [d.capacity_value if d.capacity_value is not None else np.nan for d in docs], dtype=np.float64
    )
    # eligibility rules of offers and requesters' geography: few distinct ones, each checked once per query
    rules: dict[tuple, int] = {}
    profiles: dict[tuple, int] = {}
    rule_of = np.zeros(n, dtype=np.int32)
    profile_of = np.zeros(n, dtype=np.int32)
    for i, doc in enumerate(docs):
        rule_of[i] = rules.setdefault((doc.eligible_groups, doc.eligible_regions, doc.eligible_members), len(rules))
        key = (doc.member, doc.groups, doc.regions, doc.geography_known)
        profile_of[i] = profiles.setdefault(key, len(profiles))
    arrays["rule_of"], arrays["profile_of"] = rule_of, profile_of
    meta = {
        "format": FORMAT,
        "size": n,
        "concepts": concepts,
        "has_vectors": has_vectors,
        "centroid_languages": sorted(centroids) if centroids is not None else None,
        "capacity_units": units,
        "rules": [[sorted(part) for part in rule] for rule in rules],
        "profiles": [[m, sorted(g), sorted(r), k] for m, g, r, k in profiles],
        "vocabularies": {name: list(codes) for name, codes in VOCABULARIES.items()},
    }
    return arrays, meta


def _concept_arrays(docs: list[MatchDoc]) -> dict[str, np.ndarray]:
    """The idf of each concept over ``docs``, each document's tf-idf vector (as :func:`_concept_vector`
    computes it, to the last bit) and the inverted lists, computed over flat arrays of all the pairs."""
    n = len(docs)
    names = list(itertools.chain.from_iterable(d.concepts for d in docs))
    df = collections.Counter(names)
    idf = {c: math.log((1 + n) / (1 + k)) + 1.0 for c, k in df.items()}
    concepts = sorted(idf)
    concept_index = {c: j for j, c in enumerate(concepts)}
    idf_array = np.array([idf[c] for c in concepts], dtype=np.float64)
    counts = np.fromiter((len(d.concepts) for d in docs), dtype=np.int64, count=n)
    rows = np.repeat(np.arange(n, dtype=np.int32), counts)
    codes = np.fromiter(map(concept_index.__getitem__, names), dtype=np.int32, count=len(names))
    tfs = np.fromiter(itertools.chain.from_iterable(d.concepts.values() for d in docs), np.float64, len(names))
    kept = tfs > 0
    rows, codes, tfs = rows[kept], codes[kept], tfs[kept]
    # math.log of each distinct tf (few), and the squares summed per document by Python's sum, in
    # document order: bit for bit what _concept_vector computes
    distinct, which = np.unique(tfs, return_inverse=True)
    logs = np.array([math.log(tf) for tf in distinct.tolist()], dtype=np.float64)
    weights = (1 + logs[which.reshape(-1)]) * idf_array[codes]
    doc_offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=doc_offsets[1:])
    squares = (weights * weights).tolist()
    bounds = doc_offsets.tolist()
    norms = np.array([math.sqrt(sum(squares[a:b])) or 1.0 for a, b in itertools.pairwise(bounds)], dtype=np.float64)
    weights = weights / norms[rows]
    # inverted lists: per concept, its candidates in row order
    order = np.lexsort((rows, codes))
    return {
        "_names": np.array(concepts, dtype=object),
        "idf": idf_array,
        "doc_offsets": doc_offsets,
        "doc_concepts": codes,
        "doc_weights": weights,
        "concept_rows": rows[order],
        "concept_values": weights[order].astype(np.float32),
        "concept_offsets": np.searchsorted(codes[order], np.arange(len(concepts) + 1)).astype(np.int64),
    }


def _eligible(requester: MatchDoc, groups, regions, members) -> tuple[bool, str]:
    """Whether the requester may take up an offer with these rules, and on which ground."""
    if not (groups or regions or members):
        return True, "open"
    if members and requester.member in members:
        return True, "member"
    if not requester.geography_known:
        return True, "unverified"  # an organisation without a country: the provider decides
    for group in sorted(groups):
        if group in requester.groups:
            return True, f"group:{group}"
    for region in sorted(regions):
        if region in requester.regions:
            return True, f"region:{region}"
    return False, "excluded"


def _vector_moments(vectors: np.ndarray) -> dict[str, np.ndarray]:
    """The mean vector and the second moment matrix (Vᵀ·V / n) of the candidates' vectors, in float64,
    so that the mean and spread of a query's cosines need no product with every vector."""
    n = max(vectors.shape[0], 1)
    mean = np.zeros(vectors.shape[1], dtype=np.float64)
    moment = np.zeros((vectors.shape[1], vectors.shape[1]), dtype=np.float64)
    for start in range(0, vectors.shape[0], 8192):  # in blocks: a float64 copy of all of it is large
        block = np.asarray(vectors[start : start + 8192], dtype=np.float64)
        mean += block.sum(axis=0)
        moment += block.T @ block
    return {"vector_mean": mean / n, "vector_moment": moment / n}


def _centre(matrix: np.ndarray, languages: list[str], centroids: dict[str, np.ndarray] | None) -> np.ndarray:
    out = matrix.astype(np.float32, copy=True)
    if centroids:
        codes = np.array(languages, dtype=object)
        for lang in set(languages):
            if lang in centroids:
                out[codes == lang] -= centroids[lang]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms
