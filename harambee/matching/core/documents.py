"""Turning posting fields (the interchange names) into the engine's MatchDoc, without a database.

The product's side (``harambee/matching/documents.py``) reads stored postings and the registry and
calls these; the corpus evaluation calls them on lines of the JSON Lines posting format.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from .engine import MatchDoc
from .glossary import Glossary, default_glossary
from .vocabulary import MODALITIES, SECTORS, TARGET_GROUPS, THEMES

# Concept areas that name a theme, and sector areas (which also mean the theme "applications").
THEME_AREAS = {"skills", "governance", "safety", "infrastructure", "data", "research_models"}

# Glossary concepts that say which modality a text asks for or offers.
_MODALITY_CONCEPTS = {
    "training": (
        "training civil_servant_training teacher_training training_of_trainers bootcamp online_course e_learning "
        "executive_training scholarship fellowship summer_school workshop webinar upskilling_reskilling "
        "vocational_training degree_programme doctoral_programme internship training_materials "
        "curriculum_development mentoring academic_mobility"
    ),
    "technical_assistance": (
        "technical_assistance advisory_services expert_deployment feasibility_study needs_assessment policy_advice"
    ),
    "financial_support": "funding grant co_financing call_for_proposals",
    "joint_research": "joint_research joint_laboratory research_partnership academic_cooperation",
    "policy_exchange": (
        "policy_dialogue study_visit peer_learning good_practice_exchange knowledge_sharing twinning "
        "community_of_practice"
    ),
}
CONCEPT_MODALITIES: dict[str, str] = {
    concept: modality for modality, concepts in _MODALITY_CONCEPTS.items() for concept in concepts.split()
}


@functools.lru_cache(maxsize=4)
def concept_modalities(glossary: Glossary) -> dict[str, str]:
    """Concept id -> modality code: the explicit table, then concepts of area "modality" whose id
    starts with a modality code or names a form of it."""
    mapping = dict(CONCEPT_MODALITIES)
    for concept in glossary.concepts.values():
        if concept.id in mapping:
            continue
        for modality in MODALITIES:
            if concept.id == modality or concept.id.startswith(modality + "_"):
                mapping[concept.id] = modality
    return mapping


@dataclass(frozen=True)
class Geography:
    """Where a member is: its country's M49 regions (every level) and country groups."""

    regions: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    known: bool = False


def _geography(country) -> Geography:
    """A country's M49 regions (every level) and group codes; ``country`` has iso3, the three region
    ids and ``group_codes``."""
    if country is None:
        return Geography()
    regions = frozenset(r for r in (country.region_id, country.subregion_id, country.intermediate_region_id) if r)
    return Geography(regions=regions, groups=frozenset(country.group_codes), known=True)


def resolve_geographies(
    wanted: set[str], member_countries: dict[str, str | None], countries: dict
) -> dict[str, Geography]:
    """Geography per code: a member's country, else a country by ISO alpha-3 when no member has that code."""
    out = {}
    for code in wanted:
        iso3 = (member_countries[code] or "") if code in member_countries else code.upper()
        out[code] = _geography(countries.get(iso3))
    return out


def infer_tags(concepts: dict[str, float], glossary: Glossary) -> dict[str, frozenset[str]]:
    """Modalities, themes and sectors a text implies through its concepts."""
    implied = _implied_tags(glossary)
    found: dict[str, set[str]] = {}
    for concept_id in concepts:
        for facet, code in implied.get(concept_id, ()):
            found.setdefault(facet, set()).add(code)
    return {facet: frozenset(found[facet]) for facet in _FACET_ORDER if facet in found}


_FACET_ORDER = ("modalities", "themes", "sectors", "target_groups")


@functools.lru_cache(maxsize=4)
def _implied_tags(glossary: Glossary) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per concept id, the (facet, code) pairs it implies (what :func:`infer_tags` adds for it)."""
    modality_of = concept_modalities(glossary)
    out = {}
    for concept_id, concept in glossary.concepts.items():
        pairs = []
        if concept_id in modality_of:
            pairs.append(("modalities", modality_of[concept_id]))
        if concept.area in THEME_AREAS and concept.area in THEMES:
            pairs.append(("themes", concept.area))
        if concept.area in SECTORS:
            pairs += [("sectors", concept.area), ("themes", "applications")]
        if concept.area == "target_group" and concept_id in TARGET_GROUPS:
            pairs.append(("target_groups", concept_id))
        if pairs:
            out[concept_id] = tuple(pairs)
    return out


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def doc_from_fields(
    *,
    id: str,
    kind: str,
    language: str,
    member: str,
    title: str,
    description: str,
    geography: Geography,
    glossary: Glossary | None = None,
    tag: bool = True,
    stored_concepts: dict[str, float] | None = None,
    **fields,
) -> MatchDoc:
    """A MatchDoc from posting fields (interchange names); concepts are tagged here unless
    ``tag`` is False (the caller has them stored: ``stored_concepts``, else none)."""
    glossary = glossary or default_glossary()
    if stored_concepts is not None:
        concepts = stored_concepts
    else:
        concepts = dict(glossary.tag(f"{title}\n{description}", language)) if tag else {}
    capacity = fields.get("capacity") or {}
    unit, value = next(iter(capacity.items()), ("", None)) if isinstance(capacity, dict) else ("", None)
    if unit == "currency":
        unit, value = "amount", capacity.get("amount")
    return MatchDoc(
        id=id,
        kind=kind,
        language=language,
        member=member.lower(),
        title=title,
        groups=geography.groups,
        regions=geography.regions,
        geography_known=geography.known,
        modalities=frozenset(fields.get("modalities") or ()),
        themes=frozenset(fields.get("themes") or ()),
        sectors=frozenset(fields.get("sectors") or ()),
        target_groups=frozenset(fields.get("target_groups") or ()),
        delivery_languages=frozenset(fields.get("delivery_languages") or ()),
        format=fields.get("format") or "",
        capacity_unit=unit if value is not None else "",
        capacity_value=float(value) if value is not None else None,
        remaining=fields.get("remaining"),
        start=_date(fields.get("start")),
        end=_date(fields.get("end")),
        eligible_groups=frozenset(fields.get("eligible_groups") or ()),
        eligible_regions=frozenset(fields.get("eligible_regions") or ()),
        eligible_members=frozenset(m.lower() for m in fields.get("eligible_members") or ()),
        concepts=concepts,
        inferred=infer_tags(concepts, glossary),
    )


def doc_from_interchange(row: dict, geography: Geography, glossary: Glossary | None = None) -> MatchDoc:
    """A MatchDoc from one line of the JSON Lines posting format (``id``, ``member``, …)."""
    known = {k: v for k, v in row.items() if k not in {"id", "kind", "language", "member", "title", "description"}}
    return doc_from_fields(
        id=str(row["id"]),
        kind=row["kind"],
        language=row.get("language") or "en",
        member=str(row.get("member") or ""),
        title=row.get("title") or "",
        description=row.get("description") or "",
        geography=geography,
        glossary=glossary,
        **known,
    )
