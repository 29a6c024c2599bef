"""The taxonomy codes the engine compares, in a fixed order: each code is one bit of a candidate's mask.

The order is part of the on-disk index format (a stored mask means these codes in this order), so the
core owns it; ``tests/test_matching_index.py`` keeps the codes equal to the postings taxonomy
(``harambee.postings.choices``, where their translated labels live).
"""

MODALITIES = ("policy_exchange", "technical_assistance", "financial_support", "training", "joint_research")
THEMES = ("infrastructure", "data", "skills", "research_models", "applications", "governance", "safety")
SECTORS = (
    "agriculture",
    "health",
    "education",
    "climate",
    "public_services",
    "finance",
    "manufacturing",
    "language_culture",
    "disaster_risk",
    "justice",
    "transport",
    "energy",
)
TARGET_GROUPS = (
    "women_girls",
    "youth",
    "persons_with_disabilities",
    "indigenous_peoples",
    "rural_remote",
    "civil_servants",
    "researchers",
    "smes",
)
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
FORMATS = ("online", "in_person", "hybrid")

VOCABULARIES = {
    "modalities": MODALITIES,
    "themes": THEMES,
    "sectors": SECTORS,
    "target_groups": TARGET_GROUPS,
    "languages": LANGUAGES,
    "formats": FORMATS,
}
