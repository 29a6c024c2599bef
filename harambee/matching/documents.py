"""Turning stored postings into the engine's MatchDoc, with the members' geography from the registry.

This is the one place where the matching app reads the registry and the postings tables for the
engine; the framework-free part (fields to MatchDoc, inferred tags) is ``core/documents.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from harambee.postings.text import markdown_to_plain
from harambee.registry.models import Country, Member
from harambee.registry.reference import read_csv

from .core.documents import Geography, doc_from_fields, resolve_geographies
from .core.engine import MatchDoc
from .core.glossary import Glossary


def geographies(codes: Iterable[str]) -> dict[str, Geography]:
    """Geography per member code (case-insensitive), from the registry: a member's country, or a
    country by ISO alpha-3 when no member has that code. Two queries whatever the number of codes."""
    wanted = {code.lower() for code in codes if code}
    members = {m.code: m.country_id for m in Member.objects.filter(code__in=wanted)}
    iso3 = {country for country in members.values() if country} | {c.upper() for c in wanted if len(c) == 3}
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=iso3).prefetch_related("groups")}
    for country in countries.values():
        country.group_codes = [g.code for g in country.groups.all()]
    return resolve_geographies(wanted, members, countries)


@dataclass(frozen=True)
class _ReferenceCountry:
    iso3: str
    region_id: str
    subregion_id: str
    intermediate_region_id: str
    group_codes: frozenset[str]


@functools.cache
def _reference_tables() -> tuple[dict[str, str | None], dict[str, _ReferenceCountry]]:
    groups: dict[str, set[str]] = {}
    for row in read_csv("country_groups"):
        groups.setdefault(row["iso3"], set()).add(row["group"])
    countries = {
        row["iso3"]: _ReferenceCountry(
            iso3=row["iso3"],
            region_id=row["region"],
            subregion_id=row["subregion"],
            intermediate_region_id=row["intermediate_region"],
            group_codes=frozenset(groups.get(row["iso3"], ())),
        )
        for row in read_csv("m49")
    }
    organisations = {row["code"]: row["country"] or None for row in read_csv("organisations")}
    return organisations, countries


def reference_geographies(codes: Iterable[str]) -> dict[str, Geography]:
    """Geography per code from the reference data shipped with the platform, without a database:
    a reference organisation's country, else a country by ISO alpha-3 (what `geographies` finds in
    a registry that holds the reference data). Used to evaluate a corpus on any machine."""
    organisations, countries = _reference_tables()
    wanted = {code.lower() for code in codes if code}
    known = {code: organisations[code] for code in wanted if code in organisations}
    return resolve_geographies(wanted, known, countries)


def doc_from_posting(posting, geography: Geography, glossary: Glossary | None = None, *, tag: bool = True) -> MatchDoc:
    """A MatchDoc from a stored Posting (its member and eligible members prefetched)."""
    capacity = {}
    if posting.capacity_unit and posting.capacity_value is not None:
        capacity = {posting.capacity_unit: float(posting.capacity_value)}
    left = posting.capacity_left
    return doc_from_fields(
        id=str(posting.pk),
        remaining=float(left) if left is not None and posting.kind == "offer" else None,
        kind=posting.kind,
        language=posting.language,
        member=posting.member.code,
        title=posting.title,
        description=markdown_to_plain(posting.description) if tag else "",
        geography=geography,
        glossary=glossary,
        tag=tag,
        modalities=posting.modalities,
        themes=posting.themes,
        sectors=posting.sectors,
        target_groups=posting.target_groups,
        delivery_languages=posting.delivery_languages,
        format=posting.format,
        capacity=capacity,
        start=posting.start,
        end=posting.end,
        eligible_groups=posting.eligible_groups,
        eligible_regions=posting.eligible_regions,
        eligible_members=[m.code for m in posting.eligible_members.all()],
    )
