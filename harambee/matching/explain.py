"""Explanations of a ranked candidate, in the reader's language.

"matched concepts: civil-servant training ↔ 公务员培训; same modality (training); eligible (LDC);
works in French" — each reason is built from the engine's evidence, with concept labels from the
glossary and taxonomy labels from the postings' vocabularies, so nothing here is free text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from harambee.postings.choices import LANGUAGES, MODALITIES, SECTORS, TARGET_GROUPS, THEMES
from harambee.registry.names import territory_name

from .core.engine import Candidate
from .core.glossary import Glossary, default_glossary

COMPONENT_LABELS = {
    "concepts": lambda: _("shared concepts"),
    "semantic": lambda: _("similar meaning"),
    "modality": lambda: _("modality"),
    "theme": lambda: _("theme"),
    "sector": lambda: _("sector"),
    "target_group": lambda: _("target group"),
    "format": lambda: _("format"),
    "capacity": lambda: _("capacity"),
    "dates": lambda: _("dates"),
}
FACET_LABELS = {"modalities": MODALITIES, "themes": THEMES, "sectors": SECTORS, "target_groups": TARGET_GROUPS}
MAX_CONCEPTS = 4


def reader_language() -> str:
    """The UI language as a content language code (zh-hans → zh)."""
    return (get_language() or "en").split("-")[0]


@dataclass(frozen=True)
class Reason:
    code: str  # concepts, modality, themes, …, eligibility, languages, failed
    text: str


def _join(labels) -> str:
    return ", ".join(str(label) for label in labels)


def explain(candidate: Candidate, *, candidate_language: str, glossary: Glossary | None = None) -> list[Reason]:
    """The reasons for ``candidate``, most telling first, in the active language."""
    glossary = glossary or default_glossary()
    reader = reader_language()
    reasons: list[Reason] = []
    if candidate.shared_concepts:
        pairs = []
        for concept_id in candidate.shared_concepts[:MAX_CONCEPTS]:
            concept = glossary.concepts.get(concept_id)
            if concept is None:
                continue
            mine, theirs = concept.label(reader), concept.label(candidate_language)
            pairs.append(mine if mine == theirs else f"{mine} ↔ {theirs}")
        if pairs:
            reasons.append(Reason("concepts", _("matched concepts: %(concepts)s") % {"concepts": "; ".join(pairs)}))
    semantic = candidate.component("semantic")
    if semantic is not None and semantic.value >= 0.5:
        reasons.append(Reason("semantic", _("descriptions close in meaning")))
    templates = {
        "modalities": lambda v: _("same modality (%(codes)s)") % {"codes": v},
        "themes": lambda v: _("shared themes: %(codes)s") % {"codes": v},
        "sectors": lambda v: _("same sector (%(codes)s)") % {"codes": v},
        "target_groups": lambda v: _("same target group (%(codes)s)") % {"codes": v},
    }
    for facet, template in templates.items():
        codes = candidate.shared.get(facet)
        if codes:
            text = template(_join(FACET_LABELS[facet].get(c, c) for c in codes))
            if facet in candidate.inferred:
                text += " " + _("(inferred from the text)")
            reasons.append(Reason(facet, text))
    eligibility = candidate.eligibility_reason
    if eligibility.startswith("group:"):
        reasons.append(Reason("eligibility", _("eligible (%(group)s)") % {"group": eligibility.split(":", 1)[1]}))
    elif eligibility.startswith("region:"):
        reasons.append(Reason("eligibility", _("eligible (region %(region)s)") % {"region": _region(eligibility)}))
    elif eligibility == "member":
        reasons.append(Reason("eligibility", _("eligible (named by the provider)")))
    elif eligibility == "unverified":
        reasons.append(Reason("eligibility", _("eligibility not verified (no country on record)")))
    elif eligibility == "open":
        reasons.append(Reason("eligibility", _("open to every member")))
    languages = candidate.shared.get("languages") or ()
    if languages:
        reasons.append(
            Reason(
                "languages", _("works in %(languages)s") % {"languages": _join(LANGUAGES.get(c, c) for c in languages)}
            )
        )
    failed = {
        "eligibility": _("not eligible"),
        "dates": _("the dates do not overlap"),
        "capacity_left": _("no capacity left"),
        "language": _("no common working language"),
    }
    for name in candidate.failed_filters:
        reasons.append(Reason("failed", failed[name]))
    return reasons


def _region(reason: str) -> str:
    code = reason.split(":", 1)[1]
    return territory_name(code, reader_language()) or code


def breakdown(candidate: Candidate) -> list[dict]:
    """The score's components for display: label, value and weight, largest contribution first."""
    rows = [
        {"name": c.name, "label": COMPONENT_LABELS[c.name](), "value": c.value, "weight": c.weight,
         "contribution": c.contribution}
        for c in candidate.components
    ]  # fmt: skip
    return sorted(rows, key=lambda r: -r["contribution"])
