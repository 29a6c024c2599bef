"""Codes of events: format, status, kinds of session. Languages are the postings' (the six UN languages)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.postings.choices import FORMATS, LANGUAGES

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "EventStatus",
    "SessionKind",
    "PUBLIC_STATUSES",
    "RegistrationStatus",
    "QUOTA_STATUSES",
    "Sex",
]


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


class RegistrationStatus(models.TextChoices):
    """Where a delegate's nomination stands (the table of moves is `registrations.TRANSITIONS`)."""

    NOMINATED = "nominated", _("Nominated")
    APPROVED = "approved", _("Approved")
    WAITLISTED = "waitlisted", _("Waitlisted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


#: The statuses that hold (or wait for) a seat and count against a member's quota.
QUOTA_STATUSES = (RegistrationStatus.NOMINATED, RegistrationStatus.APPROVED, RegistrationStatus.WAITLISTED)


class Sex(models.TextChoices):
    """Sex as delegates choose to state it (for the event report's participants by sex; optional)."""

    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Another answer")
    UNSTATED = "", _("Prefers not to say")


# ---------------------------------------------------------------------------------------------------
# Documents of delegates (events/documents.py)


class DocumentKind(models.TextChoices):
    """The PDF documents of a delegate, in the delegate's language."""

    BADGE = "badge", _("Badge")
    VISA_LETTER = "visa", _("Visa invitation letter")
    CERTIFICATE = "certificate", _("Certificate of participation")


class DocumentBatchStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


# Outcomes (issue 13 item 7): action items agreed at an event


class ActionStatus(models.TextChoices):
    """Where an action item stands (the table of moves is `action_states.MOVES`)."""

    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionTarget(models.TextChoices):
    """What an action item is meant to become on the platform (in one step: `outcomes.action_convert`)."""

    NEED = "need", _("A need")
    OFFER = "offer", _("An offer")
    PLEDGE = "pledge", _("A pledge")
    COOPERATION = "cooperation", _("A cooperation")
