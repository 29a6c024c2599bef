"""Events and workshops: a series, its editions (events), their agenda (sessions), speakers and materials.

An event's title, description and venue details are written in one UN language and translated per
field into others (`EventTranslation`, like a posting's); a session's title and description likewise
(`SessionTranslation`). Session times are moments (aware date-times), shown in the venue's time zone.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from harambee.core.usertext import UserCharField, UserJSONField, UserTextField
from harambee.registry.models import Country, Member

from .choices import FORMATS, LANGUAGES, PUBLIC_STATUSES, EventStatus, SessionKind


def _reader_language(language: str | None) -> str:
    return (language or get_language() or "en").split("-")[0]


class EventSeries(models.Model):
    """A recurring event (the Workshop on AI Capacity-Building), whose editions are events."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = UserCharField(_("name"), max_length=200)
    name_translations = UserJSONField(_("name in other languages"), default=dict, blank=True)
    hosts = models.ManyToManyField(Member, verbose_name=_("hosts"), blank=True, related_name="event_series")
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.name_translations.get(_reader_language(None)) or self.name


class Event(models.Model):
    """One edition of an event: where, when, in which languages, hosted by a member with co-hosts."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="editions",
    )
    edition = models.PositiveSmallIntegerField(_("edition"), null=True, blank=True)
    host = models.ForeignKey(Member, verbose_name=_("host"), on_delete=models.PROTECT, related_name="hosted_events")
    co_hosts = models.ManyToManyField(Member, verbose_name=_("co-hosts"), blank=True, related_name="co_hosted_events")
    language = models.CharField(_("language"), max_length=2, choices=list(LANGUAGES.items()))
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=20000, blank=True, help_text=_("Markdown."))
    venue_name = UserCharField(_("venue"), max_length=200, blank=True)
    venue_details = UserTextField(_("venue details"), max_length=2000, blank=True)
    city = UserCharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, help_text=_("An IANA time zone, e.g. Asia/Shanghai."))
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    format = models.CharField(_("format"), max_length=10, choices=list(FORMATS.items()))
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    interpretation_languages = models.JSONField(_("interpretation into"), default=list, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Participants."))
    status = models.CharField(_("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["status", "end_date"], name="event_status_end_idx"),
            models.Index(fields=["host", "status"], name="event_host_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="event_end_after_start",
                violation_error_message=_("The last day is before the first day."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="event_capacity_positive",
                violation_error_message=_("The capacity must be positive."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_past(self) -> bool:
        return self.end_date < timezone.localdate(timezone=self.zone)

    def day_start(self, day) -> datetime:
        """The moment `day` begins at the venue."""
        return self.at(day, time.min)

    def at(self, day, clock: time) -> datetime:
        """The moment of `day` at `clock` o'clock at the venue."""
        return datetime.combine(day, clock, tzinfo=self.zone)

    def translation_for(self, language: str | None = None):
        """The (title, description, venue details, translation or None) to show a reader of `language`."""
        language = _reader_language(language)
        if language != self.language:
            for translation in self.translations.all():
                if translation.language == language:
                    return (
                        translation.title,
                        translation.description or self.description,
                        translation.venue_details or self.venue_details,
                        translation,
                    )
        return self.title, self.description, self.venue_details, None


class ContentTranslation(models.Model):
    """The fields every translation has: its language and whether people or a machine wrote it."""

    class Origin(models.TextChoices):
        HUMAN = "human", _("Human translation")
        MACHINE = "machine", _("Machine translation")

    language = models.CharField(_("language"), max_length=2, choices=list(LANGUAGES.items()))
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.HUMAN)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class EventTranslation(ContentTranslation):
    """An event's title, description and venue details in another UN language."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="translations")
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=20000, blank=True)
    venue_details = UserTextField(_("venue details"), max_length=2000, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("event translation")
        verbose_name_plural = _("event translations")
        constraints = [models.UniqueConstraint(fields=["event", "language"], name="event_translation_unique")]

    def __str__(self) -> str:
        return f"{self.event_id} [{self.language}]"


class Session(models.Model):
    """One item of an event's agenda, from `starts_at` to `ends_at` (moments; shown in the venue's zone)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=10, choices=SessionKind.choices, default=SessionKind.PLENARY)
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=5000, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    room = UserCharField(_("room"), max_length=120, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [models.Index(fields=["event", "starts_at"], name="session_event_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def translation_for(self, language: str | None = None):
        """The (title, description) to show a reader of `language` (the event's language is the original)."""
        language = _reader_language(language)
        if language != self.event.language:
            for translation in self.translations.all():
                if translation.language == language:
                    return translation.title, translation.description or self.description
        return self.title, self.description


class SessionTranslation(ContentTranslation):
    """A session's title and description in another UN language."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="translations")
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=5000, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("session translation")
        verbose_name_plural = _("session translations")
        constraints = [models.UniqueConstraint(fields=["session", "language"], name="session_translation_unique")]

    def __str__(self) -> str:
        return f"{self.session_id} [{self.language}]"


class Speaker(models.Model):
    """A person speaking in a session. Named publicly only with their consent (`consent_public`);
    otherwise the public sees that a speaker of the affiliation speaks, and only the hosts see the name."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="speakers")
    name = UserCharField(_("name"), max_length=200)
    affiliation = UserCharField(_("affiliation"), max_length=200, blank=True)
    role = UserCharField(_("role"), max_length=100, blank=True, help_text=_("e.g. moderator, panellist."))
    consent_public = models.BooleanField(_("agrees to be named publicly"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


def material_upload_to(instance: "Material", filename: str) -> str:
    return f"events/{instance.session.event_id}/{filename}"


class Material(models.Model):
    """A document of a session: an uploaded file (type and size checked) or a link (http or https)."""

    session = models.ForeignKey(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="materials")
    title = UserCharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=material_upload_to, max_length=255, blank=True)
    file_type = models.CharField(_("file type"), max_length=10, blank=True)
    file_size = models.PositiveIntegerField(_("file size"), null=True, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="material_file_or_link",
                violation_error_message=_("Give either a file or a link."),
            ),
        ]

    def __str__(self) -> str:
        return self.title
