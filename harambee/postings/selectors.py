"""Reads of needs and offers: the filtered, searched list and its facet counts."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, QuerySet
from django.db.models.expressions import RawSQL

from harambee.registry.access import is_secretariat
from harambee.registry.models import MemberStatus

from . import text
from .access import posting_list_for_user
from .choices import OPEN_STATUSES, PUBLIC_STATUSES
from .models import Posting, PostingFacet

# Facets filtered through the facet index (several codes of one facet: any of them).
INDEXED_FACETS = ("modality", "theme", "sector", "target_group", "region", "group", "language", "format")


@dataclass
class PostingFilters:
    kind: str = ""
    q: str = ""
    status: list[str] = field(default_factory=list)
    member: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)

    @property
    def statuses(self) -> list[str]:
        return self.status or list(OPEN_STATUSES)


def _search(qs: QuerySet, query: str) -> QuerySet:
    terms = text.query_terms(query)
    if not terms:
        return qs
    if connection.vendor == "postgresql":
        return qs.extra(
            where=["to_tsvector('simple', postings_posting.search_document) @@ to_tsquery('simple', %s)"],
            params=[text.tsquery_expression(terms)],
        )
    return qs.filter(
        pk__in=RawSQL(
            "SELECT rowid FROM postings_posting_fts WHERE postings_posting_fts MATCH %s",
            [text.fts5_match_expression(terms)],
        )
    )


def _filtered_ids(filters: PostingFilters, *, skip: str = "") -> QuerySet:
    qs = Posting.objects.filter(status__in=filters.statuses)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.member:
        qs = qs.filter(member__code=filters.member)
    for facet, codes in filters.facets.items():
        if codes and facet != skip:
            qs = qs.filter(pk__in=PostingFacet.objects.filter(facet=facet, code__in=codes).values("posting_id"))
    if filters.q:
        qs = _search(qs, filters.q)
    return qs


def posting_search(*, user, filters: PostingFilters) -> QuerySet[Posting]:
    """Postings the user may see that match the filters, newest first."""
    qs = posting_list_for_user(user=user) & _filtered_ids(filters)
    return qs.select_related("member__country").prefetch_related("translations").order_by("-published_at", "-pk")


def posting_facet_counts(*, user, filters: PostingFilters) -> dict[str, dict[str, int]]:
    """Counts per facet code among the matching postings (each facet ignoring its own filter)."""
    counts: dict[str, dict[str, int]] = {}
    plain = not filters.q and not filters.member and not any(filters.facets.values())
    public_only = not is_secretariat(user) and all(s in PUBLIC_STATUSES for s in filters.statuses)
    for facet in INDEXED_FACETS:
        rows = PostingFacet.objects.filter(facet=facet, status__in=filters.statuses)
        if filters.kind:
            rows = rows.filter(kind=filters.kind)
        if not (
            plain
            or (
                len([f for f, c in filters.facets.items() if c]) == 1
                and filters.facets.get(facet)
                and not filters.q
                and not filters.member
            )
        ):
            rows = rows.filter(posting_id__in=_filtered_ids(filters, skip=facet).values("pk"))
        counts[facet] = dict(rows.values_list("code").annotate(n=Count("id")).values_list("code", "n"))
    status_rows = Posting.objects.filter(pk__in=_filtered_ids(PostingFilters(
        kind=filters.kind, q=filters.q, member=filters.member, facets=filters.facets, status=list(PUBLIC_STATUSES)
    )).values("pk")) if not plain else Posting.objects.filter(status__in=PUBLIC_STATUSES, **(
        {"kind": filters.kind} if filters.kind else {}))  # fmt: skip
    if public_only:
        status_rows = status_rows.filter(member__status=MemberStatus.ACTIVE)
    counts["status"] = dict(status_rows.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    return counts


def postings_of_member(*, user, member) -> QuerySet[Posting]:
    """A member's postings as `user` may see them (all of them for its own people)."""
    return (posting_list_for_user(user=user).filter(member=member)
            .select_related("member").order_by("kind", "-updated_at"))  # fmt: skip
