"""Reads of needs and offers: the filtered, searched list and its facet counts.

Counts come from the facet index alone (one covering index, no join), so that a list over
100,000 postings stays fast; the rows shown are read from the postings table with the full
visibility rule. The two can differ only for postings of a member suspended after publishing.
While an import is writing, the facet rows of its hidden postings are counted apart and taken off
(docs/adr/0008-imports-in-batches.md).
"""

import functools
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Count, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language

from harambee.matching.core import search as search_core
from harambee.matching.core.glossary import default_glossary
from harambee.registry.access import is_secretariat

from . import lifecycle, text
from .access import posting_lifecycle_roles, posting_list_for_user
from .choices import OPEN_STATUSES, PUBLIC_STATUSES, PostingKind, PostingStatus
from .models import MachineTranslation, Posting, PostingFacet
from .reading import machine_translation_configured, reading_prefetch
from .validation import posting_to_dict

# Facets filtered through the facet index (several codes of one facet: any of them).
INDEXED_FACETS = ("modality", "theme", "sector", "target_group", "region", "group", "language", "format")
PAGE_SIZE = 20
MAX_QUERY = 200  # characters of a search
# A search that finds fewer postings than this gets a "did you mean" when a corrected query finds more.
FEW_RESULTS = 3
# The best this many postings of a search are listed by relevance; the rest follow, newest first.
RANKED_LIMIT = 1000


@dataclass
class SearchResult:
    """What a query found among the postings of the other filters: their ids, best first, and a
    corrected query when it found few (``docs/search.md``)."""

    ids: list[int]
    suggestion: str | None = None


@dataclass
class PostingFilters:
    kind: str = ""
    q: str = ""
    status: list[str] = field(default_factory=list)
    member: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    # The reader's language (a query is also read in it); the active language when empty.
    language: str = field(default="", compare=False)
    # The ids matching the filters, found once per request by `_matching_ids`.
    matched: list[int] | None = field(default=None, repr=False, compare=False)
    searched: SearchResult | None = field(default=None, repr=False, compare=False)

    @property
    def statuses(self) -> list[str]:
        return self.status or list(OPEN_STATUSES)


def posting_filters_from_query(query, *, kind: str = "", signed_in: bool) -> PostingFilters:
    """The filters of a list's query string (a QueryDict: ?q=…&theme=skills&theme=data&region=002…),
    as the list reads them and as a saved search is stored; what is not a filter (the page) is ignored.
    Statuses other than the public ones count only for a person who is signed in."""
    valid_status = set(PostingStatus.values) if signed_in else set(PUBLIC_STATUSES)
    facets = {}
    for facet in INDEXED_FACETS:
        codes = [c[:20] for c in query.getlist(facet) if c][:20]
        if codes:
            facets[facet] = codes
    return PostingFilters(
        kind=kind or (query.get("kind") if query.get("kind") in PostingKind.values else ""),
        q=query.get("q", "")[:MAX_QUERY].strip(),
        status=[s for s in query.getlist("status") if s in valid_status],
        member=query.get("member", "")[:32].lower(),
        facets=facets,
    )


def posting_filters_query(filters: PostingFilters) -> str:
    """The canonical query string of the filters (kind left out: it is in the path): one order, no
    duplicates, no page, so that the same search always reads the same."""
    pairs: list[tuple[str, str]] = []
    if filters.q:
        pairs.append(("q", " ".join(filters.q.split())))
    if filters.member:
        pairs.append(("member", filters.member))
    pairs += [("status", s) for s in sorted(set(filters.status))]
    for facet in INDEXED_FACETS:
        pairs += [(facet, code) for code in sorted(set(filters.facets.get(facet, [])))]
    return urlencode(pairs)


def _matching_ids_sql(filters: PostingFilters, *, with_query: bool = True) -> tuple[str, list] | None:
    """SQL for the ids of postings of the kind matching every filter but the status (and the query
    unless ``with_query`` is False: the cross-lingual search then runs on its own, :func:`_search`).

    The filters are intersected first (INTERSECT of index lookups), so counting facets then
    only visits the rows of the matching postings; None when nothing restricts.
    """
    parts: list[str] = []
    params: list = []
    facet_table = PostingFacet._meta.db_table
    for facet, codes in sorted(filters.facets.items()):
        if codes:
            marks = ", ".join(["%s"] * len(codes))
            kind = " AND kind = %s" if filters.kind else ""
            parts.append(f"SELECT posting_id FROM {facet_table} WHERE facet = %s AND code IN ({marks}){kind}")
            params += [facet, *codes, *([filters.kind] if filters.kind else [])]
    if filters.member:
        parts.append(
            "SELECT p.id FROM postings_posting p JOIN registry_member m ON m.id = p.member_id WHERE m.code = %s"
            + (" AND p.kind = %s" if filters.kind else "")
        )
        params += [filters.member, *([filters.kind] if filters.kind else [])]
    terms = text.query_terms(filters.q) if filters.q and with_query else []
    if terms:
        parts.append(_fulltext_sql([terms], filters.kind))
        params += [_fulltext_expression([terms]), *([filters.kind] if filters.kind else [])]
    if not parts:
        return None
    return " INTERSECT ".join(parts), params


def _fulltext_sql(groups, kind: str) -> str:
    """SQL for the ids of postings (of ``kind`` if given) with all the terms of any one group; its
    parameters are the expression (:func:`_fulltext_expression`), then the kind."""
    if connection.vendor == "postgresql":
        return (
            "SELECT id FROM postings_posting WHERE to_tsvector('simple', search_document) @@ to_tsquery('simple', %s)"
        ) + (" AND kind = %s" if kind else "")
    if kind:  # the full-text index holds both kinds: keep the matches of one
        # CROSS JOIN keeps the full-text match as the outer loop (each match then looks its
        # posting up by id); with a plain JOIN SQLite's planner walked every posting of the
        # kind and ran the MATCH once per posting (~100x slower at 2,000 postings).
        return (
            "SELECT p.id FROM postings_posting_fts f CROSS JOIN postings_posting p ON p.id = f.rowid "
            "WHERE postings_posting_fts MATCH %s AND p.kind = %s"
        )
    return "SELECT rowid FROM postings_posting_fts WHERE postings_posting_fts MATCH %s"


def _fulltext_expression(groups) -> str:
    groups = [list(group) for group in groups]
    if connection.vendor == "postgresql":
        return text.tsquery_any_expression(groups) if len(groups) > 1 else text.tsquery_expression(groups[0])
    return text.fts5_any_expression(groups) if len(groups) > 1 else text.fts5_match_expression(groups[0])


def _fulltext_ids(groups, kind: str) -> set[int]:
    groups = [group for group in groups if group]
    if not groups:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(_fulltext_sql(groups, kind), [_fulltext_expression(groups), *([kind] if kind else [])])
        return {row[0] for row in cursor.fetchall()}


# The postings that have a form of a concept, per process: a concept's forms are the same for every
# query that names it, so its lookup (one full-text query over 10 to 30 forms) is kept until the next
# write to any posting (the generation) — `_CONCEPT_HITS_SIZE` concepts at most, the least used dropped.
_CONCEPT_HITS: dict[tuple, frozenset[int]] = {}
_CONCEPT_HITS_SIZE = 256


def _concept_ids(forms, kind: str, generation: str) -> frozenset[int]:
    key = (connection.alias, connection.settings_dict.get("NAME"), generation, kind, forms)
    hits = _CONCEPT_HITS.pop(key, None)
    if hits is None:
        hits = frozenset(_fulltext_ids(forms, kind))
    _CONCEPT_HITS[key] = hits  # the most recently used last
    while len(_CONCEPT_HITS) > _CONCEPT_HITS_SIZE:
        del _CONCEPT_HITS[next(iter(_CONCEPT_HITS))]
    return hits


# Functions (query text, its language, kind) -> `search_core.VectorSearch` or None: the vector side of
# every search; the matching app registers the one of the stored vectors (`harambee/matching/search.py`).
_VECTORS: list = []


def register_search_vectors(function) -> None:
    """Let ``function(query, language, kind)`` add the vectors' nearest postings and similarities."""
    if function not in _VECTORS:
        _VECTORS.append(function)


def _reader_language(filters: PostingFilters) -> str:
    code = (filters.language or get_language() or "en").lower()
    return "zh" if code.startswith("zh") else code.split("-")[0]


def _search(filters: PostingFilters) -> SearchResult:
    """The postings the query finds among those of the other filters, best first (once per request)."""
    if filters.searched is None:
        filters.searched = _run_search(filters, suggest=True)
    return filters.searched


def _run_search(filters: PostingFilters, *, suggest: bool) -> SearchResult:
    languages = search_core.query_languages(text.detect_language(filters.q), _reader_language(filters))
    plan = search_core.plan_search(filters.q, languages)
    if plan.empty:  # no word and no concept (only punctuation, a lone letter): nothing to look for
        return SearchResult(ids=[])
    vectors = search_core.VectorSearch()
    for provider in _VECTORS:
        vectors = provider(filters.q, languages[0], filters.kind) or vectors
    generation = postings_generation()
    concept_hits = {concept: _concept_ids(plan.forms[concept], filters.kind, generation) for concept in plan.concepts}
    lexical_hits = _fulltext_ids([plan.lexical], filters.kind)
    total = Posting.all_objects.filter(kind=filters.kind).count() if filters.kind else Posting.all_objects.count()
    neighbours = (
        vectors.neighbours(search_core.NEIGHBOURS, search_core.NEIGHBOUR_THRESHOLD, search_core.NEIGHBOUR_SHARE)
        if plan.lexical
        else []
    )
    found = search_core.found(
        plan, concept_hits=concept_hits, lexical_hits=lexical_hits, neighbours=neighbours, total=total
    )
    others = _matching_ids_sql(filters, with_query=False)
    if others is not None and found:
        with connection.cursor() as cursor:
            cursor.execute(*others)
            found &= {row[0] for row in cursor.fetchall()}
    scores = search_core.relevance(
        plan,
        found,
        concept_hits=concept_hits,
        lexical_hits=lexical_hits,
        total=max(total, len(found)),
        similarity=vectors.similarity(found),
    )
    order = search_core.ranked(scores)
    if plan.concepts and len(order) > 1:  # what the best candidates' titles name lifts them
        best = order[: search_core.TITLE_RERANK]
        titles = {
            pk: _title_concepts(title, language)
            for pk, title, language in Posting.all_objects.filter(pk__in=best).values_list("pk", "title", "language")
        }
        scores = search_core.relevance(
            plan,
            best,
            concept_hits=concept_hits,
            lexical_hits=lexical_hits,
            total=max(total, len(found)),
            similarity=vectors.similarity(best),
            titles=titles,
        ) | {pk: scores[pk] for pk in order[search_core.TITLE_RERANK :]}
        order = search_core.ranked(scores)
    suggestion = None
    if suggest and len(order) < FEW_RESULTS:
        corrected = search_core.suggest(filters.q, search_core.glossary_words(default_glossary()))
        if corrected and corrected.casefold() != filters.q.casefold():
            again = PostingFilters(
                kind=filters.kind, q=corrected, member=filters.member, facets=filters.facets, language=filters.language
            )
            if len(_run_search(again, suggest=False).ids) > len(order):
                suggestion = corrected
    return SearchResult(ids=order, suggestion=suggestion)


@functools.lru_cache(maxsize=8192)
def _title_concepts(title: str, language: str) -> frozenset[str]:
    """The concepts a posting's title names (titles repeat across searches: each is tagged once)."""
    return frozenset(default_glossary().tag(title, "zh" if language.startswith("zh") else language))


def posting_search_suggestion(filters: PostingFilters) -> str | None:
    """A corrected query when the query found few postings and the corrected one finds more."""
    return _search(filters).suggestion if filters.q else None


def _matching_ids(filters: PostingFilters) -> list[int] | None:
    """The matching ids, found once per request: the list and the counts then reuse them
    instead of intersecting the indexes (or searching) a second time."""
    if filters.matched is None:
        if filters.q:
            filters.matched = _search(filters).ids
            return filters.matched
        matching = _matching_ids_sql(filters)
        if matching is None:
            return None
        with connection.cursor() as cursor:
            cursor.execute(*matching)
            filters.matched = [row[0] for row in cursor.fetchall()]
    return filters.matched


def _restrict(qs: QuerySet, filters: PostingFilters, *, id_column: str) -> QuerySet:
    """Apply every filter but the kind and the status to postings or facet rows."""
    ids = _matching_ids(filters)
    if ids is None:
        return qs
    column = f"{qs.model._meta.db_table}.{id_column}"
    if connection.vendor == "postgresql":
        # `= ANY(array)` lets the planner weigh the share of rows that match: for a broad match
        # it walks the newest-first index and stops after one page, for a narrow one it looks
        # the ids up; a hashed array makes each test constant-time.
        condition = RawSQL(f"{column} = ANY(%s::bigint[])", [ids], output_field=BooleanField())
    else:  # one JSON parameter, however many ids (SQLite limits the number of parameters)
        condition = RawSQL(
            f"{column} IN (SELECT value FROM json_each(%s))", [json.dumps(ids)], output_field=BooleanField()
        )
    return qs.filter(condition)


def posting_search(*, user, filters: PostingFilters) -> QuerySet[Posting]:
    """Postings the user may see that match the filters: by relevance when there is a query (the
    best :data:`RANKED_LIMIT`, then the rest newest first), else newest first."""
    qs = posting_list_for_user(user=user).filter(status__in=filters.statuses)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    qs = _restrict(qs, filters, id_column="id")
    qs = qs.select_related("member__country").prefetch_related(*reading_prefetch())
    ranked = _search(filters).ids[:RANKED_LIMIT] if filters.q else []
    if ranked:  # a posting's place in the ranked ids; the others after them
        column = f"{Posting._meta.db_table}.id"
        if connection.vendor == "postgresql":
            place = f"COALESCE(array_position(%s::bigint[], {column}), {len(ranked) + 1})"
            relevance = RawSQL(place, [ranked])
        else:  # the offset of ",id," in ",id1,id2,…," grows with the rank (instr runs in C, no table)
            place = f"instr(%s, ',' || {column} || ',')"
            relevance = RawSQL(
                f"CASE {place} WHEN 0 THEN 2147483647 ELSE {place} END", [",".join(["", *map(str, ranked), ""])] * 2
            )
        return qs.order_by(relevance.asc(), "-published_at", "-pk")
    return qs.order_by("-published_at", "-pk")


def _facet_rows(*, user, filters: PostingFilters, statuses) -> QuerySet[PostingFacet]:
    rows = PostingFacet.objects.filter(status__in=statuses)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if not is_secretariat(user) and any(s not in PUBLIC_STATUSES for s in statuses):
        rows = rows.filter(posting_id__in=posting_list_for_user(user=user).values("pk"))
    return _restrict(rows, filters, id_column="posting_id")


def postings_generation() -> str:
    """Changes whenever any posting is written (every write sets `updated_at`); an index lookup."""
    latest = Posting.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()
    return latest.isoformat() if latest else "empty"


def machine_translations_generation() -> str:
    """Changes when the translation service stores a translation; nothing to read when none is configured."""
    if not machine_translation_configured():
        return ""
    latest = MachineTranslation.objects.order_by("-created_at").values_list("created_at", flat=True).first()
    return latest.isoformat() if latest else "none"


def posting_facet_counts(*, user, filters: PostingFilters) -> dict[str, dict[str, int]]:
    """Counts per facet code among the matching postings, and per public status (for the status
    facet and the total), in one grouped query over the facet index.

    Counts of public postings are the same for every visitor: they are cached per filter set until
    the next write to any posting, so a list or a search shared by many people (the unfiltered
    list above all) is counted once per change rather than once per visit.
    """
    public = all(s in PUBLIC_STATUSES for s in filters.statuses)
    if public:
        described = json.dumps(
            [filters.kind, sorted(filters.statuses), " ".join(filters.q.split()), filters.member,
             _reader_language(filters) if filters.q else "",
             sorted((facet, sorted(codes)) for facet, codes in filters.facets.items() if codes)],
            ensure_ascii=False,
        )  # fmt: skip
        digest = hashlib.sha256(described.encode()).hexdigest()[:32]
        key = f"postings:facets:{digest}:{postings_generation()}"
        counts = cache.get(key)
        if counts is None:
            counts = _count_facets(user=None, filters=filters)
            cache.set(key, counts, timeout=600)
        return counts
    return _count_facets(user=user, filters=filters)


def _count_facets(*, user, filters: PostingFilters) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {facet: {} for facet in (*INDEXED_FACETS, "status")}
    chosen = set(filters.statuses)
    statuses = sorted(set(PUBLIC_STATUSES) | chosen)
    rows = _facet_rows(user=user, filters=filters, statuses=statuses).filter(facet__in=INDEXED_FACETS)
    _add_counts(counts, rows, chosen, 1)
    staged = Posting.all_objects.filter(import_run__isnull=False)
    if staged.exists():  # an import is writing: its hidden postings are in the facet index, not yet counted
        _add_counts(counts, rows.filter(posting_id__in=staged.values("pk")), chosen, -1)
    return counts


def _add_counts(counts: dict, rows: QuerySet[PostingFacet], chosen: set[str], sign: int) -> None:
    grouped = rows.values_list("facet", "code", "status").annotate(n=Count("*"))
    for facet, code, status, n in grouped.values_list("facet", "code", "status", "n"):
        if status in chosen:
            counts[facet][code] = counts[facet].get(code, 0) + sign * n
        if facet == "language":  # every posting has exactly one language row: these count postings
            counts["status"][status] = counts["status"].get(status, 0) + sign * n


class CountedPaginator(Paginator):
    """A paginator told its total (from the facet counts) instead of running COUNT(*) again."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


def posting_page(*, user, filters: PostingFilters, counts: dict, number) -> Page:
    """One page of the list; the total is the sum of the status counts of the chosen statuses."""
    total = sum(n for status, n in counts["status"].items() if status in filters.statuses)
    return CountedPaginator(posting_search(user=user, filters=filters), PAGE_SIZE, count=total).get_page(number)


def posting_transitions_for(actor, posting: Posting) -> list[lifecycle.Transition]:
    """The lifecycle actions `actor` may take on `posting` now."""
    return lifecycle.available(posting.status, posting_lifecycle_roles(actor, posting))


def posting_form_input(posting: Posting) -> dict[str, Any]:
    """The interchange dict of a saved posting (used to pre-fill forms and by the API)."""
    return posting_to_dict(
        posting, translations=list(posting.translations.all()), eligible_members=list(posting.eligible_members.all())
    )


def postings_of_members(member_ids) -> QuerySet[Posting]:
    """Every posting of these members, whatever its status, grouped by member and kind, newest first."""
    return (
        Posting.objects.filter(member_id__in=member_ids)
        .select_related("member__country")
        .order_by("member__code", "kind", "-updated_at")
    )
