"""Codes of events: format, status, kinds of session. Languages are the postings' (the six UN languages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.postings.choices import FORMATS, LANGUAGES

__all__ = ["FORMATS", "LANGUAGES", "EventStatus", "SessionKind", "PUBLIC_STATUSES"]


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


#: What the public sees: a cancelled event stays visible, marked, so that links keep working.
PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary")
    PANEL = "panel", _("Panel")
    WORKSHOP = "workshop", _("Workshop")
    KNOWLEDGE_EXCHANGE = "exchange", _("Knowledge exchange")
    VISIT = "visit", _("Visit")
    BREAK = "break", _("Break")
