"""Cross-lingual search of postings: what a query asks for, which postings it finds, how they rank.

Framework-free. The product's side (``harambee/postings/selectors.py``) runs the full-text lookups
this module describes and hands their results back for ranking; ``benchmarks/search_quality.py``
measures the whole (docs/search.md).

A query is read like a posting: the glossary tags it (the same analyser, stop words and stems as
the documents) in the language it is written in and in the reader's language. Each concept it names
is then looked for through **every surface form of that concept in all six languages**, so
"formation des fonctionnaires" finds "公务员培训", "обучение государственных служащих" and "تدريب
الموظفين الحكوميين". A posting is found when it carries every main concept of the query (a concept
that is part of another concept of the query, such as "training" inside "civil servant training",
is not required), or when it contains every word of the query (the plain full-text match).

Found postings rank by a relevance score: the share of the query's concepts they carry, each
weighed by its rarity (idf), plus the plain full-text match; the stored vectors of the best of them
count with the concepts and words, and the postings nearest the query's vector are found too, so
that a posting the glossary does not describe can still be found by its meaning.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from harambee.postings.text import QueryTerm, fold, query_terms

from .glossary import STEMMED_LANGUAGES, Glossary, _content_words, _stemmer, default_glossary
from .vocabulary import LANGUAGES

# At most this many concepts of one query are looked up (each one is a full-text lookup).
MAX_CONCEPTS = 8
# Weights of the relevance score: the concepts carried, the plain full-text match, the vectors.
CONCEPT_WEIGHT = 0.55
LEXICAL_WEIGHT = 0.2
VECTOR_WEIGHT = 0.25
# The concepts of the query named in a posting's title (what the posting is about) count this much more.
TITLE_WEIGHT = 0.15
# The title counts for the best this many candidates (each title is tagged at search time).
TITLE_RERANK = 60
# A similarity this many standard deviations above the mean counts in full.
FULL_SIMILARITY = 3.0
# A posting is found by its concepts when it carries this share of the weight of the query's main ones.
MIN_CARRIED = 0.5
# The vectors alone find at most this many postings, each at least this many standard deviations above
# the mean and at least this share of the nearest one's.
NEIGHBOURS = 20
NEIGHBOUR_THRESHOLD = 1.5
NEIGHBOUR_SHARE = 0.75
# A stem shorter than this is not used as a prefix (too many words start with it).
MIN_PREFIX_STEM = 4


@dataclass(frozen=True)
class SearchPlan:
    """What a query asks for.

    ``concepts``: every glossary concept the query names; ``required``: those a posting must carry
    (the main ones); ``forms``: per concept, its surface forms in every language as lists of
    full-text terms (a posting has the concept's form when it has all the terms of one list);
    ``lexical``: the plain full-text terms of the query (all of them must match).
    """

    text: str
    languages: tuple[str, ...]
    concepts: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    forms: dict[str, tuple[tuple[QueryTerm, ...], ...]] = field(default_factory=dict)
    lexical: tuple[QueryTerm, ...] = ()
    # per main concept, the other concepts of the query that are parts of it ("civil servant
    # training": "civil servants", "training"); a posting carrying all the parts carries the whole
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # per concept of the query, the other concepts of the query that are parts of it: a posting
    # carrying the whole ("official statistics") carries each part ("statistics") too
    inside: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.concepts and not self.lexical


def query_languages(detected: str | None, interface: str | None) -> tuple[str, ...]:
    """The languages a query is read in: the detected one, then the reader's (each once); English
    when neither is one of the six."""
    out = tuple(dict.fromkeys(code for code in (detected, interface) if code in LANGUAGES))
    return out or ("en",)


def plan_search(text: str, languages: Iterable[str], glossary: Glossary | None = None) -> SearchPlan:
    """The plan of a query written in one of ``languages`` (most likely first)."""
    glossary = glossary or default_glossary()
    languages = tuple(languages)
    found: dict[str, int] = {}
    for language in languages:
        for concept, count in glossary.tag(text, language).items():
            found[concept] = max(found.get(concept, 0), count)
    concepts = tuple(sorted(found, key=lambda c: (-found[c], c))[:MAX_CONCEPTS])
    required = tuple(c for c in concepts if not _inside_another(c, concepts, languages[0], glossary))
    forms = {concept: concept_forms(concept, glossary) for concept in concepts}
    forms = {concept: terms for concept, terms in forms.items() if terms}
    kept = tuple(c for c in concepts if c in forms)
    inside = {c: tuple(d for d in kept if d != c and d in _label_concepts(c, languages[0], glossary)) for c in kept}
    parts = {c: inside[c] for c in required if c in inside}
    return SearchPlan(
        text=text,
        languages=languages,
        concepts=kept,
        required=tuple(c for c in required if c in forms),
        forms=forms,
        lexical=tuple(query_terms(text)),
        parts={c: p for c, p in parts.items() if len(p) > 1},
        inside={c: p for c, p in inside.items() if p},
    )


def carriers(plan: SearchPlan, concept_hits: Mapping[str, set[int]]) -> dict[str, set[int]]:
    """The postings carrying each concept of the query: those with one of its forms, for a main
    concept with parts those with all its parts, and for a part those carrying a whole it is part of."""
    out = {c: set(concept_hits.get(c, ())) for c in plan.concepts}
    for concept, parts in plan.parts.items():
        out[concept] |= set.intersection(*(set(concept_hits.get(p, ())) for p in parts))
    for concept, parts in plan.inside.items():
        for part in parts:
            out[part] |= set(concept_hits.get(concept, ()))
    return out


def _inside_another(concept: str, concepts: tuple[str, ...], language: str, glossary: Glossary) -> bool:
    """Whether ``concept`` is part of another concept of the query: the other's label tags it, and
    not the other way round (two concepts that tag each other are synonyms: the first one stays)."""
    for other in concepts:
        if other == concept:
            continue
        inside = concept in _label_concepts(other, language, glossary)
        contains = other in _label_concepts(concept, language, glossary)
        if inside and (not contains or other < concept):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _label_concepts(concept: str, language: str, glossary: Glossary) -> frozenset[str]:
    """The concepts that the forms of ``concept`` in ``language`` name (itself, and its parts)."""
    out: set[str] = set()
    for form, owner in glossary.forms.get(language, ()):
        if owner == concept:
            out.update(glossary.tag(form, language))
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def concept_forms(concept: str, glossary: Glossary) -> tuple[tuple[QueryTerm, ...], ...]:
    """Every surface form of ``concept`` in the six languages as full-text terms, each list once.

    A word becomes the prefix term of its stem when the stem starts the word ("fonctionnaires" ->
    ``fonctionnair*``, so the singular matches too), else the word's own term (Arabic, Chinese
    bigrams, stems that do not start their word). Stop words are left out, as the tagger does.
    """
    out: dict[frozenset[QueryTerm], tuple[QueryTerm, ...]] = {}
    for language in LANGUAGES:
        for form, owner in glossary.forms.get(language, ()):
            if owner != concept:
                continue
            terms = tuple(form_terms(form, language))
            if terms:
                out.setdefault(frozenset(terms), terms)
    # a form whose terms include all the terms of a shorter form adds nothing to an "any form" lookup
    kept = [terms for key, terms in out.items() if not any(other < key for other in out)]
    return tuple(sorted(kept, key=lambda terms: [t.text for t in terms]))


def form_terms(form: str, language: str) -> list[QueryTerm]:
    """The full-text terms of one surface form written in ``language``."""
    if language == "zh" or language not in STEMMED_LANGUAGES:
        return query_terms(form)
    terms: dict[str, QueryTerm] = {}
    for word in _content_words(form, language):
        for term in query_terms(word):
            if language != "ar" and term.prefix:
                stem = fold(_stemmer(language).stemWord(word))
                if len(stem) >= MIN_PREFIX_STEM and term.text.startswith(stem):
                    term = QueryTerm(stem, prefix=True)
            terms.setdefault(term.text, term)
    return list(terms.values())


class VectorSearch:
    """The vector side of one search (the product's is ``harambee/matching/search.py``): the
    postings nearest the query, and each posting's similarity to it in standard deviations above
    the mean (a z-score)."""

    def neighbours(self, limit: int, threshold: float, share: float) -> list[int]:
        """At most ``limit`` postings whose similarity is at least ``threshold`` and at least
        ``share`` of the nearest one's, nearest first."""
        return []

    def similarity(self, ids: Iterable[int]) -> dict[int, float]:
        """The similarity of each of ``ids`` that has a vector."""
        return {}


def concept_weights(plan: SearchPlan, concept_hits: Mapping[str, set[int]], total: int) -> dict[str, float]:
    """Each concept of the query weighed by its rarity among the ``total`` postings (idf)."""
    return {c: math.log(1 + total / (1 + len(concept_hits.get(c, ())))) for c in plan.concepts}


def found(
    plan: SearchPlan,
    *,
    concept_hits: Mapping[str, set[int]],
    lexical_hits: set[int],
    neighbours: Iterable[int] = (),
    total: int,
) -> set[int]:
    """The postings a query finds: those with every word of the query, those carrying at least
    :data:`MIN_CARRIED` of the weight of the query's main concepts, and the vectors' nearest."""
    out = set(lexical_hits) | set(neighbours)
    weights = concept_weights(plan, concept_hits, total)
    concept_hits = carriers(plan, concept_hits)
    main = {c: weights[c] for c in plan.required}
    whole = sum(main.values())
    if whole:
        carried: dict[int, float] = {}
        for concept, weight in main.items():
            for posting in concept_hits.get(concept, ()):
                carried[posting] = carried.get(posting, 0.0) + weight
        out |= {posting for posting, weight in carried.items() if weight >= MIN_CARRIED * whole - 1e-9}
    return out


def relevance(
    plan: SearchPlan,
    candidates: Iterable[int],
    *,
    concept_hits: Mapping[str, set[int]],
    lexical_hits: set[int],
    total: int,
    similarity: Mapping[int, float] | None = None,
    titles: Mapping[int, Iterable[str]] | None = None,
) -> dict[int, float]:
    """The relevance of each candidate: the idf-weighted share of the query's concepts it carries
    (``concept_hits``: the postings that have a form of each concept; ``total``: how many postings
    there are), whether it has every word of the query, its vector similarity (a z-score,
    counted from 0 to :data:`FULL_SIMILARITY` standard deviations), and, for the candidates in
    ``titles`` (posting -> the concepts its title names), the share of the query's concepts named in
    its title. Candidates outside ``titles`` score as if their title named none."""
    weights = concept_weights(plan, concept_hits, total)
    concept_hits = carriers(plan, concept_hits)
    whole = sum(weights.values())
    similarity = similarity or {}
    parts = {"concepts": CONCEPT_WEIGHT if whole else 0.0, "words": LEXICAL_WEIGHT, "vector": VECTOR_WEIGHT}
    if titles is not None and whole:
        parts["title"] = TITLE_WEIGHT
    scale = sum(parts.values()) or 1.0
    scores = {}
    for posting in candidates:
        carried = sum(w for c, w in weights.items() if posting in concept_hits.get(c, ())) / whole if whole else 0.0
        close = min(max(similarity.get(posting, 0.0), 0.0) / FULL_SIMILARITY, 1.0)
        score = parts["concepts"] * carried + parts["words"] * (posting in lexical_hits) + parts["vector"] * close
        if "title" in parts and posting in titles:
            named = title_concepts(plan, titles[posting])
            score += parts["title"] * sum(w for c, w in weights.items() if c in named) / whole
        scores[posting] = score / scale
    return scores


def title_concepts(plan: SearchPlan, named: Iterable[str]) -> set[str]:
    """The concepts of the query that a title naming ``named`` carries: those it names, the parts of
    a whole it names, and a whole all of whose parts it names."""
    out = {c for c in plan.concepts if c in set(named)}
    for concept, parts in plan.inside.items():
        if concept in out:
            out.update(parts)
    for concept, parts in plan.parts.items():
        if all(p in out for p in parts):
            out.add(concept)
    return out


def ranked(scores: Mapping[int, float]) -> list[int]:
    """Candidates best first; equal scores by the higher id (the newer posting)."""
    return sorted(scores, key=lambda p: (-scores[p], -p))


# ---------------------------------------------------------------------------------------------------
# Did you mean
# ---------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def glossary_words(glossary: Glossary) -> frozenset[str]:
    """The folded words of every surface form in the six languages (the vocabulary of suggestions)."""
    words = set()
    for language, forms in glossary.forms.items():
        for form, _concept in forms:
            for word in _content_words(form, language) if language != "zh" else ():
                if len(word) > 2 and not word.isdigit():
                    words.add(fold(word))
    return frozenset(words)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance between ``a`` and ``b``, or ``limit + 1`` as soon as it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _allowed(word: str) -> int:
    return 0 if len(word) < 4 else 1 if len(word) < 7 else 2


def suggest(text: str, vocabulary: Iterable[str] | frozenset[str]) -> str | None:
    """The query with each word that is not in ``vocabulary`` replaced by the nearest word that is
    (one edit for words of four to six letters, two for longer ones; ties go to the word first in
    alphabetical order); None when no word changes. Chinese and short words are kept."""
    known = vocabulary if isinstance(vocabulary, (set, frozenset)) else frozenset(vocabulary)
    by_length: dict[int, list[str]] = _by_length(known) if isinstance(known, frozenset) else {}
    if not by_length:
        for word in known:
            by_length.setdefault(len(word), []).append(word)
    words = unicodedata.normalize("NFKC", text).split()
    changed = False
    out = []
    for word in words:
        core = fold(word.strip(".,;:!?¿¡«»\"'()[]"))
        limit = _allowed(core)
        if not limit or core in known or not core.isalpha():
            out.append(word)
            continue
        best: tuple[int, str] | None = None
        for length in range(len(core) - limit, len(core) + limit + 1):
            for candidate in by_length.get(length, ()):
                if candidate[0] != core[0] and (len(core) < 2 or candidate[1:2] != core[1:2]):
                    continue  # a typo rarely changes both the first and the second letter
                distance = edit_distance(core, candidate, limit)
                if distance <= limit and (best is None or (distance, candidate) < best):
                    best = (distance, candidate)
        if best is None:
            out.append(word)
        else:
            out.append(best[1])
            changed = True
    return " ".join(out) if changed else None


@functools.lru_cache(maxsize=4)
def _by_length(vocabulary: frozenset[str]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for word in sorted(vocabulary):
        out.setdefault(len(word), []).append(word)
    return out
