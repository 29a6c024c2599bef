"""The shared vocabulary of postings (../shared/reference/taxonomy.md): codes are fixed, labels translated."""

import csv
from functools import cache
from pathlib import Path

from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _


class PostingKind(models.TextChoices):
    NEED = "need", _("Need")
    OFFER = "offer", _("Offer")


#: The path segment of each kind in the pages' URLs (`postings:detail` and others take it as `kind_path`).
KIND_PATHS = {PostingKind.NEED: "needs", PostingKind.OFFER: "offers"}


class PostingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    PARTIALLY_MATCHED = "partially_matched", _("Partially matched")
    FULFILLED = "fulfilled", _("Fulfilled")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


# Statuses anyone may see; "open" ones are what the list shows by default.
PUBLIC_STATUSES = (
    PostingStatus.PUBLISHED,
    PostingStatus.PARTIALLY_MATCHED,
    PostingStatus.FULFILLED,
    PostingStatus.CLOSED,
    PostingStatus.EXPIRED,
)
OPEN_STATUSES = (PostingStatus.PUBLISHED, PostingStatus.PARTIALLY_MATCHED)

LANGUAGES = {
    "ar": _("Arabic"),
    "zh": _("Chinese"),
    "en": _("English"),
    "fr": _("French"),
    "ru": _("Russian"),
    "es": _("Spanish"),
}

MODALITIES = {
    "policy_exchange": _("Policy exchange"),
    "technical_assistance": _("Technical assistance"),
    "financial_support": _("Financial support"),
    "training": _("Training"),
    "joint_research": _("Joint research"),
}

THEMES = {
    "infrastructure": _("Infrastructure and compute"),
    "data": _("Data"),
    "skills": _("Skills and AI literacy"),
    "research_models": _("Research, models and language resources"),
    "applications": _("Applications (AI Plus)"),
    "governance": _("Governance, strategy and regulation"),
    "safety": _("Safety, testing and trustworthy AI"),
}

SECTORS = {
    "agriculture": _("Agriculture"),
    "health": _("Health"),
    "education": _("Education"),
    "climate": _("Climate"),
    "public_services": _("Public services"),
    "finance": _("Finance"),
    "manufacturing": _("Manufacturing"),
    "language_culture": _("Language and culture"),
    "disaster_risk": _("Disaster risk"),
    "justice": _("Justice"),
    "transport": _("Transport"),
    "energy": _("Energy"),
}

TARGET_GROUPS = {
    "women_girls": _("Women and girls"),
    "youth": _("Youth"),
    "persons_with_disabilities": _("Persons with disabilities"),
    "indigenous_peoples": _("Indigenous Peoples"),
    "rural_remote": _("People in rural and remote areas"),
    "civil_servants": _("Civil servants"),
    "researchers": _("Researchers"),
    "smes": _("Small and medium-sized enterprises"),
}

CHANNELS = {
    "north_south": _("North-South"),
    "south_south": _("South-South"),
    "triangular": _("Triangular"),
}

FORMATS = {
    "online": _("Online"),
    "in_person": _("In person"),
    "hybrid": _("Hybrid"),
}

CAPACITY_UNITS = {
    "seats": _("Seats"),
    "expert_days": _("Expert-days"),
    "amount": _("Amount"),
}

SDG_NUMBERS = tuple(range(1, 18))
SDG_NAMES_PATH = Path(__file__).resolve().parent / "data" / "sdgs.csv"


@cache
def sdg_names() -> dict[int, dict[str, str]]:
    """The Goals' official short names by number and language (data/sdgs.csv, from the UN)."""
    with SDG_NAMES_PATH.open(encoding="utf-8", newline="") as file:
        rows = csv.DictReader(line for line in file if not line.startswith("#"))
        return {int(row.pop("number")): row for row in rows}


def sdg_name(number) -> str:
    """The Goal's short name in the active language ("Quality education"); "" for no such Goal."""
    try:
        names = sdg_names().get(int(number))
    except (TypeError, ValueError):
        return ""
    if names is None:
        return ""
    language = (get_language() or "en").split("-")[0]
    return names.get(language) or names["en"]


def sdg_label(number) -> str:
    """ "SDG 4: Quality education" in the active language; "SDG 99" for a number that names no Goal."""
    name = sdg_name(number)
    if not name:
        return gettext("SDG %(number)s") % {"number": number}
    return gettext("SDG %(number)s: %(name)s") % {"number": number, "name": name}


COUNTRY_GROUPS = ("LDC", "LLDC", "SIDS", "G77")


class PostingOrigin(models.TextChoices):
    """Where a posting came from: typed, imported or through the API (not recorded), or a workshop's
    action item (events.ActionItem: the event's page links to it and it to the event)."""

    UNRECORDED = "", _("Not recorded")
    WORKSHOP = "workshop", _("Workshop action item")
