"""The matching engine: explainable ranking of counterparts for a need or an offer.

Pure Python and NumPy over dataclasses: no ORM, so the engine can be tested, benchmarked and run
on a corpus file exactly as the product runs it. The product turns postings into
:class:`MatchDoc` (``documents.py``), builds a :class:`CandidateIndex` of the other kind once per
change of the postings, and asks it for the top candidates of one posting.

A candidate first passes (or fails) the **hard filters**: the requester is eligible for the offer
(country groups, M49 regions, named members), the offer does not end before the need starts, the
offer has capacity left, and the two share a working language. Then a weighted sum of named
**soft components**, each in [0, 1], scores it; the weights live in one :class:`EngineConfig`.
Eligible candidates come first, best score first; candidates that fail a hard filter follow, so a
caller can show them apart ("related, but not open to you") or leave them out.

Everything is computed for all candidates at once with array operations, and the full score
breakdown only for the candidates returned, so ranking 100,000 offers stays within milliseconds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from harambee.postings import choices
from harambee.postings.text import UN_LANGUAGES

# The taxonomy's codes (taxonomy.md), in a fixed order: each code is one bit of a candidate's mask.
MODALITIES = tuple(choices.MODALITIES)
THEMES = tuple(choices.THEMES)
SECTORS = tuple(choices.SECTORS)
TARGET_GROUPS = tuple(choices.TARGET_GROUPS)
LANGUAGES = UN_LANGUAGES
FORMATS = tuple(choices.FORMATS)

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

    weights: dict[str, float] = field(
        default_factory=lambda: {
            "concepts": 0.30,
            "semantic": 0.30,
            "modality": 0.12,
            "theme": 0.08,
            "sector": 0.08,
            "target_group": 0.02,
            "format": 0.05,
            "capacity": 0.05,
        }
    )
    hard_filters: bool = True
    structured: bool = True  # modality, theme, sector, target group, format, capacity
    concepts: bool = True
    semantic: bool = True
    # A semantic similarity this many standard deviations above the mean over all candidates scores 1.
    semantic_spread: float = 3.0

    def active_weights(self, *, has_vectors: bool) -> dict[str, float]:
        """The weights of the components in use, summing to 1."""
        weights = dict(self.weights)
        if not self.structured:
            for name in ("modality", "theme", "sector", "target_group", "format", "capacity"):
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


# Bits set in every value below 2**16: the facet masks (at most 12 codes) are looked up, not looped.
_POPCOUNT = np.array([bin(v).count("1") for v in range(1 << 16)], dtype=np.float32)


def _popcount(values: np.ndarray) -> np.ndarray:
    return _POPCOUNT[values & 0xFFFF]


_NO_DATE = -1


class CandidateIndex:
    """The postings of one kind, as arrays, ready to rank against any posting of the other kind.

    The inverse document frequency of each concept is computed over these candidates, so a concept
    every candidate mentions ("artificial intelligence") weighs little and a rare one much.
    """

    def __init__(self, docs: Sequence[MatchDoc], *, centroids: dict[str, np.ndarray] | None = None):
        self.docs = list(docs)
        self.ids = [d.id for d in self.docs]
        self.size = n = len(self.docs)
        self.position = {doc_id: i for i, doc_id in enumerate(self.ids)}
        # concepts: idf over the candidates, L2-normalised tf-idf per candidate, inverted lists
        df: dict[str, int] = {}
        for doc in self.docs:
            for concept in doc.concepts:
                df[concept] = df.get(concept, 0) + 1
        self.idf = {c: math.log((1 + n) / (1 + k)) + 1.0 for c, k in df.items()}
        postings: dict[str, tuple[list[int], list[float]]] = {}
        self.doc_concept_weights: list[dict[str, float]] = []
        for i, doc in enumerate(self.docs):
            weights = self.concept_vector(doc.concepts)
            self.doc_concept_weights.append(weights)
            for concept, weight in weights.items():
                rows, values = postings.setdefault(concept, ([], []))
                rows.append(i)
                values.append(weight)
        self.concept_postings = {
            c: (np.asarray(rows, dtype=np.int64), np.asarray(values, dtype=np.float32))
            for c, (rows, values) in postings.items()
        }
        # vectors, centred per language
        # a candidate whose vector is not computed yet gets a zero vector: no semantic credit
        with_vectors = np.array([d.vector is not None for d in self.docs], dtype=bool)
        self.has_vectors = bool(with_vectors.any())
        self.vectors = None
        if self.has_vectors:
            dim = next(d.vector for d in self.docs if d.vector is not None).shape[0]
            matrix = np.vstack([d.vector if d.vector is not None else np.zeros(dim) for d in self.docs])
            self.vectors = _centre(matrix.astype(np.float32), [d.language for d in self.docs], centroids)
            self.vectors[~with_vectors] = 0.0
        self.centroids = centroids
        # structured fields as bit masks and numbers
        self.modality_bits = self._bits("modalities", MODALITIES)
        self.theme_bits = self._bits("themes", THEMES)
        self.sector_bits = self._bits("sectors", SECTORS)
        self.target_bits = self._bits("target_groups", TARGET_GROUPS)
        self.language_bits = np.array([_mask(d.working_languages(), LANGUAGES) for d in self.docs], dtype=np.int64)
        self.format_codes = np.array([FORMATS.index(d.format) if d.format in FORMATS else -1 for d in self.docs])
        self.starts = np.array([d.start.toordinal() if d.start else _NO_DATE for d in self.docs], dtype=np.int64)
        self.ends = np.array([d.end.toordinal() if d.end else _NO_DATE for d in self.docs], dtype=np.int64)
        self.remaining = np.array(
            [d.remaining if d.remaining is not None else np.inf for d in self.docs], dtype=np.float64
        )
        units = sorted({d.capacity_unit for d in self.docs if d.capacity_unit})
        self.capacity_unit_codes = {unit: i for i, unit in enumerate(units)}
        self.capacity_units = np.array([self.capacity_unit_codes.get(d.capacity_unit, -1) for d in self.docs])
        self.capacity_values = np.array(
            [d.capacity_value if d.capacity_value is not None else np.nan for d in self.docs], dtype=np.float64
        )
        # eligibility rules: candidates share few distinct rules, each checked once per query
        rules: dict[tuple, int] = {}
        self.rule_of = np.zeros(n, dtype=np.int64)
        for i, doc in enumerate(self.docs):
            key = (doc.eligible_groups, doc.eligible_regions, doc.eligible_members)
            self.rule_of[i] = rules.setdefault(key, len(rules))
        self.rules = list(rules)

    def _bits(self, facet: str, vocabulary: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        declared, inferred = [], []
        for doc in self.docs:
            tags, was_inferred = doc.tags(facet)
            declared.append(_mask(tags, vocabulary))
            inferred.append(was_inferred)
        return np.array(declared, dtype=np.int64), np.array(inferred, dtype=bool)

    def concept_vector(self, concepts: dict[str, float]) -> dict[str, float]:
        """Sublinear tf times idf, L2-normalised (concepts unknown to the candidates weigh the maximum)."""
        top = math.log(1 + self.size) + 1.0
        weights = {c: (1 + math.log(tf)) * self.idf.get(c, top) for c, tf in concepts.items() if tf > 0}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {c: w / norm for c, w in weights.items()}

    # -----------------------------------------------------------------------------------------------

    def rank(
        self,
        query: MatchDoc,
        *,
        config: EngineConfig | None = None,
        top_k: int | None = 10,
        include_ineligible: bool = False,
        exclude: Iterable[str] = (),
    ) -> list[Candidate]:
        """The best candidates for ``query``: eligible ones by score, then (if asked) the others.

        ``top_k=None`` ranks every candidate. Ties are broken by candidate id, so a ranking is
        reproducible.
        """
        config = config or EngineConfig()
        n = self.size
        if n == 0:
            return []
        scores, parts, weights = self._scores(query, config)
        failed = self._hard_filters(query) if config.hard_filters else {}
        eligible = np.ones(n, dtype=bool)
        for mask in failed.values():
            eligible &= ~mask
        excluded = [self.position[i] for i in exclude if i in self.position]
        keep = np.ones(n, dtype=bool)
        keep[excluded] = False
        # eligible first, then by score (rounded, so float noise never decides), then by id
        order_key = np.where(eligible, 1.0, 0.0) * 10.0 + np.round(scores, 9)
        candidates = np.flatnonzero(keep & (eligible | include_ineligible))
        if candidates.size == 0:
            return []
        if top_k is not None and candidates.size > top_k * 4:
            # narrow with a partial sort first; the exact order (and id tie-break) is applied below
            cut = np.argpartition(-order_key[candidates], top_k * 4)[: top_k * 4]
            threshold = order_key[candidates[cut]].min()
            candidates = candidates[order_key[candidates] >= threshold]
        ordered = sorted(candidates.tolist(), key=lambda i: (-order_key[i], self.ids[i]))
        if top_k is not None:
            ordered = ordered[:top_k]
        return [
            self._candidate(query, i, rank, float(scores[i]), bool(eligible[i]), failed, parts, weights)
            for rank, i in enumerate(ordered, start=1)
        ]

    def _scores(self, query: MatchDoc, config: EngineConfig):
        n = self.size
        query_vector = query.vector if (config.semantic and self.has_vectors) else None
        weights = config.active_weights(has_vectors=query_vector is not None)
        parts: dict[str, np.ndarray] = {}
        if "concepts" in weights:
            values = np.zeros(n, dtype=np.float32)
            for concept, weight in self.concept_vector(query.concepts).items():
                rows = self.concept_postings.get(concept)
                if rows is not None:
                    values[rows[0]] += weight * rows[1]
            parts["concepts"] = np.clip(values, 0.0, 1.0)
        if "semantic" in weights:
            q = _centre(np.asarray(query_vector, dtype=np.float32)[None, :], [query.language], self.centroids)[0]
            cosines = self.vectors @ q
            spread = float(cosines.std()) or 1.0
            parts["semantic"] = np.clip((cosines - float(cosines.mean())) / (config.semantic_spread * spread), 0, 1)
            parts["semantic_raw"] = cosines
        if "modality" in weights:
            parts["modality"] = self._modality(query)
        for name, facet, vocabulary, bits in (
            ("theme", "themes", THEMES, self.theme_bits[0]),
            ("sector", "sectors", SECTORS, self.sector_bits[0]),
            ("target_group", "target_groups", TARGET_GROUPS, self.target_bits[0]),
        ):
            if name in weights:
                parts[name] = self._overlap(query, facet, vocabulary, bits)
        if "format" in weights:
            parts["format"] = self._format(query)
        if "capacity" in weights:
            parts["capacity"] = self._capacity(query)
        scores = np.zeros(n, dtype=np.float64)
        for name, weight in weights.items():
            scores += weight * parts[name]
        return scores, parts, weights

    # Each structured component is a function of the candidate's small bit mask: it is computed once
    # per possible mask for this query (at most 4,096) and then looked up for every candidate.

    def _modality(self, query: MatchDoc) -> np.ndarray:
        tags, _ = query.tags("modalities")
        if not tags:
            return np.full(self.size, UNKNOWN, dtype=np.float32)
        table = np.full(1 << len(MODALITIES), UNKNOWN, dtype=np.float32)
        for mask in range(1, len(table)):
            theirs = [m for j, m in enumerate(MODALITIES) if mask >> j & 1]
            table[mask] = max(
                1.0 if mine == other else MODALITY_AFFINITY.get(frozenset({mine, other}), 0.0)
                for mine in tags
                for other in theirs
            )
        return table[self.modality_bits[0]]

    def _overlap(self, query: MatchDoc, facet: str, vocabulary: Sequence[str], bits: np.ndarray) -> np.ndarray:
        """Jaccard overlap of two tag sets; UNKNOWN when either side has none."""
        tags, _ = query.tags(facet)
        mine = _mask(tags, vocabulary)
        if not mine:
            return np.full(self.size, UNKNOWN, dtype=np.float32)
        masks = np.arange(1 << len(vocabulary), dtype=np.int64)
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
        return table[self.format_codes + 1]

    def _capacity(self, query: MatchDoc) -> np.ndarray:
        """How much of the need an offer can cover (the same unit on both sides), or the reverse."""
        values = np.full(self.size, UNKNOWN, dtype=np.float32)
        if not query.capacity_unit or not query.capacity_value:
            return values
        code = self.capacity_unit_codes.get(query.capacity_unit)
        if code is None:
            return values
        same = (self.capacity_units == code) & ~np.isnan(self.capacity_values)
        if query.kind == "need":
            available = np.minimum(self.capacity_values, self.remaining)
            values[same] = np.clip(available[same] / query.capacity_value, 0.0, 1.0)
        else:
            values[same] = np.clip(query.capacity_value / np.maximum(self.capacity_values[same], 1e-9), 0.0, 1.0)
        return values

    def _hard_filters(self, query: MatchDoc) -> dict[str, np.ndarray]:
        """Per filter, the candidates failing it."""
        failed: dict[str, np.ndarray] = {}
        if query.kind == "need":
            rule_ok = np.array([_eligible(query, *rule)[0] for rule in self.rules], dtype=bool)
            failed["eligibility"] = ~rule_ok[self.rule_of]
            # the offer ends before the need starts
            failed["dates"] = (
                (self.ends != _NO_DATE)
                & (query.start is not None)
                & (self.ends < (query.start.toordinal() if query.start else 0))
            )
            failed["capacity_left"] = self.remaining <= 0
        else:
            ok = [_eligible(doc, *(query.eligible_groups, query.eligible_regions, query.eligible_members))[0]
                  for doc in self.docs]  # fmt: skip
            failed["eligibility"] = ~np.array(ok, dtype=bool)
            failed["dates"] = (
                (self.starts != _NO_DATE)
                & (query.end is not None)
                & (self.starts > (query.end.toordinal() if query.end else 0))
            )
            no_capacity = query.remaining is not None and query.remaining <= 0
            failed["capacity_left"] = np.full(self.size, no_capacity, dtype=bool)
        failed["language"] = (self.language_bits & _mask(query.working_languages(), LANGUAGES)) == 0
        return failed

    def _candidate(self, query, i, rank, score, eligible, failed, parts, weights) -> Candidate:
        doc = self.docs[i]
        components = tuple(Component(name, float(parts[name][i]), weights[name]) for name in weights)
        mine = self.concept_vector(query.concepts)
        theirs = self.doc_concept_weights[i]
        shared_concepts = tuple(sorted(set(mine) & set(theirs), key=lambda c: (-mine[c] * theirs[c], c)))
        shared: dict[str, tuple[str, ...]] = {}
        inferred = []
        for facet in ("modalities", "themes", "sectors", "target_groups"):
            a, a_inferred = query.tags(facet)
            b, b_inferred = doc.tags(facet)
            if a & b:
                shared[facet] = tuple(sorted(a & b))
                if a_inferred or b_inferred:
                    inferred.append(facet)
        common = query.working_languages() & doc.working_languages()
        shared["languages"] = tuple(code for code in LANGUAGES if code in common)
        offer, need = (doc, query) if query.kind == "need" else (query, doc)
        reason = _eligible(need, offer.eligible_groups, offer.eligible_regions, offer.eligible_members)[1]
        return Candidate(
            id=doc.id,
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


def _centre(matrix: np.ndarray, languages: list[str], centroids: dict[str, np.ndarray] | None) -> np.ndarray:
    out = matrix.astype(np.float32, copy=True)
    if centroids:
        for lang in set(languages):
            if lang in centroids:
                rows = [i for i, code in enumerate(languages) if code == lang]
                out[rows] -= centroids[lang]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms
