"""Events and workshops: a series, its editions (events), their agenda (sessions), speakers and materials.

An event's title, description and venue details are written in one UN language and translated per
field into others (`EventTranslation`, like a posting's); a session's title and description likewise
(`SessionTranslation`). Session times are moments (aware date-times), shown in the venue's time zone.
"""

import uuid
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from harambee.core.usertext import UserCharField, UserJSONField, UserTextField
from harambee.registry.models import Country, CountryGroup, Member, Region

from .choices import (
    FORMATS,
    LANGUAGES,
    PUBLIC_STATUSES,
    ActionStatus,
    ActionTarget,
    EventStatus,
    RegistrationStatus,
    SessionKind,
    Sex,
)


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

    @property
    def display_title(self) -> str:
        """The title in the reader's (active) language when the host translated it, else the original."""
        return self.translation_for()[0]

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


class Invitation(models.Model):
    """The host's call to nominate delegates: to one member, or open to a country group or a region
    (every member State in it may nominate), with a quota of delegates per member and a deadline."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey(
        Member, verbose_name=_("member"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    group = models.ForeignKey(
        CountryGroup, verbose_name=_("country group"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    quota = models.PositiveSmallIntegerField(_("delegates per member"), default=2)
    deadline = models.DateTimeField(_("nominations close"), null=True, blank=True)
    message = UserTextField(_("message"), max_length=3000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=(
                    (Q(member__isnull=False) & Q(group__isnull=True) & Q(region__isnull=True))
                    | (Q(member__isnull=True) & Q(group__isnull=False) & Q(region__isnull=True))
                    | (Q(member__isnull=True) & Q(group__isnull=True) & Q(region__isnull=False))
                ),
                name="invitation_one_addressee",
                violation_error_message=_("Invite one member, one country group or one region."),
            ),
            models.CheckConstraint(
                condition=Q(quota__gt=0),
                name="invitation_quota_positive",
                violation_error_message=_("The quota must be at least one delegate."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.member_id or self.group_id or self.region_id}"


def nomination_letter_upload_to(instance: "Registration", filename: str) -> str:
    return f"events/{instance.event_id}/nominations/{filename}"


class Registration(models.Model):
    """A delegate nominated by a member for an event, from nomination to attendance.

    Personal fields (passport details for a visa letter, dietary and accessibility needs) are seen only
    by the host's managers and the delegate's own member, and erased after the event ends plus the
    retention period (`personal_data_erased_at` records when)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations")
    member = models.ForeignKey(
        Member, verbose_name=_("delegation of"), on_delete=models.PROTECT, related_name="event_registrations"
    )
    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    full_name = UserCharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    position = UserCharField(_("position"), max_length=200, blank=True)
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True, default=Sex.UNSTATED)
    language = models.CharField(
        _("language for documents"), max_length=2, choices=list(LANGUAGES.items()), default="en"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.NOMINATED
    )
    decision_reason = UserTextField(_("reason"), max_length=2000, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    nomination_letter = models.FileField(
        _("nomination letter"), upload_to=nomination_letter_upload_to, max_length=255, blank=True
    )
    consent_participant_list = models.BooleanField(_("agrees to appear in the participant list"), default=False)
    visa_letter_requested = models.BooleanField(_("needs a visa invitation letter"), default=False)
    nationality = models.ForeignKey(
        Country, verbose_name=_("nationality"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    passport_number = UserCharField(_("passport number"), max_length=40, blank=True)
    passport_expiry = models.DateField(_("passport valid until"), null=True, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    dietary_needs = UserCharField(_("dietary needs"), max_length=500, blank=True)
    accessibility_needs = UserCharField(_("accessibility needs"), max_length=500, blank=True)
    registration_completed_at = models.DateTimeField(_("registration completed"), null=True, blank=True)
    badge_code = models.CharField(_("badge code"), max_length=32, unique=True, null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("nominated by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("nominated"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["event", "member", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [
            models.Index(fields=["event", "status"], name="registration_event_status_idx"),
            models.Index(fields=["event", "member"], name="registration_event_member_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name


class Attendance(models.Model):
    """A delegate checked in: at the event (no session) or at one session; one row each, never twice."""

    registration = models.ForeignKey(
        Registration, verbose_name=_("delegate"), on_delete=models.CASCADE, related_name="attendances"
    )
    session = models.ForeignKey(
        Session, verbose_name=_("session"), null=True, blank=True, on_delete=models.CASCADE, related_name="attendances"
    )
    checked_in_at = models.DateTimeField(_("checked in"), default=timezone.now)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["checked_in_at", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="attendance_once_per_session"),
            models.UniqueConstraint(
                fields=["registration"], condition=Q(session__isnull=True), name="attendance_once_at_event"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} @ {self.session_id or '-'}"


class CheckInStaff(models.Model):
    """A person the host lets check delegates in at one event (volunteers at the desk), without editing
    the event or seeing delegates' private fields."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="check_in_staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["event", "pk"]
        verbose_name = _("check-in staff")
        verbose_name_plural = _("check-in staff")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="check_in_staff_once")]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.user_id}"


# ---------------------------------------------------------------------------------------------------
# Documents of delegates: one PDF of every approved delegate's badge (or letter, or certificate)

from .choices import DocumentBatchStatus, DocumentKind  # noqa: E402


def document_batch_upload_to(instance: "DocumentBatch", filename: str) -> str:
    return f"events/{instance.event_id}/documents/{filename}"


class DocumentBatch(models.Model):
    """The host's request for one kind of document for all the event's delegates who may have it: made
    by a background task into one PDF (each delegate's pages in the delegate's language)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="document_batches")
    kind = models.CharField(_("document"), max_length=12, choices=DocumentKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentBatchStatus.choices, default=DocumentBatchStatus.QUEUED
    )
    file = models.FileField(_("file"), upload_to=document_batch_upload_to, max_length=255, blank=True)
    documents = models.PositiveIntegerField(_("documents"), default=0)
    skipped = models.PositiveIntegerField(_("delegates without this document"), default=0)
    error = models.TextField(_("error"), blank=True)
    seconds = models.FloatField(_("seconds taken"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("document batch")
        verbose_name_plural = _("document batches")
        indexes = [models.Index(fields=["event", "-created_at"], name="docbatch_event_idx")]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.kind} ({self.status})"


# ---------------------------------------------------------------------------------------------------
# Knowledge-exchange pairing (docs/pairing.md): profiles, runs and their meetings, swap requests


class PairingProfile(models.Model):
    """What an approved delegate can share and wants to learn at an event: taxonomy themes and
    glossary concepts they ticked, free text in any UN language (read through the matching glossary:
    `share_found`/`learn_found` are the concepts found in it, derived), their working languages, the
    rounds they cannot attend (1-based; none: every round) and whether to avoid their own delegation."""

    registration = models.OneToOneField(
        Registration, verbose_name=_("delegate"), on_delete=models.CASCADE, related_name="pairing_profile"
    )
    share_themes = models.JSONField(_("themes you can share"), default=list, blank=True)
    share_concepts = models.JSONField(_("topics you can share"), default=list, blank=True)
    share_text = UserTextField(_("what you can share, in your words"), max_length=2000, blank=True)
    learn_themes = models.JSONField(_("themes you want to learn about"), default=list, blank=True)
    learn_concepts = models.JSONField(_("topics you want to learn about"), default=list, blank=True)
    learn_text = UserTextField(_("what you want to learn, in your words"), max_length=2000, blank=True)
    text_language = models.CharField(_("language of your text"), max_length=2, choices=list(LANGUAGES.items()))
    share_found = models.JSONField(_("concepts read in what you can share"), default=dict, blank=True)
    learn_found = models.JSONField(_("concepts read in what you want to learn"), default=dict, blank=True)
    glossary_version = models.CharField(max_length=40, blank=True)
    languages = models.JSONField(_("languages you can meet in"), default=list)
    unavailable_rounds = models.JSONField(_("rounds you cannot attend"), default=list, blank=True)
    avoid_own_delegation = models.BooleanField(_("do not pair me with my own delegation"), default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("pairing profile")
        verbose_name_plural = _("pairing profiles")

    def __str__(self) -> str:
        return f"{self.registration_id}"


class PairingRunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to run")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class PairingRun(models.Model):
    """The host's pairing of an event's delegates: rounds of `minutes` from `starts_at` (or the
    knowledge-exchange session's start), `tables` meetings of two per round. Run by a background
    task that stores the meetings and the figures: the objective, the greedy baseline's, the upper
    bound, the gap and the time taken."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="pairing_runs")
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pairing_runs",
    )
    rounds = models.PositiveSmallIntegerField(_("rounds"), default=4)
    minutes = models.PositiveSmallIntegerField(_("minutes per round"), default=20)
    tables = models.PositiveSmallIntegerField(_("tables"), default=10)
    starts_at = models.DateTimeField(_("first round starts"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PairingRunStatus.choices, default=PairingRunStatus.QUEUED
    )
    participants = models.JSONField(_("participants"), default=list, blank=True)  # registration ids
    objective = models.FloatField(_("objective"), null=True, blank=True)
    total_benefit = models.FloatField(_("mutual benefit"), null=True, blank=True)
    greedy_objective = models.FloatField(_("greedy objective"), null=True, blank=True)
    upper_bound = models.FloatField(_("upper bound"), null=True, blank=True)
    gap = models.FloatField(_("optimality gap"), null=True, blank=True)
    solver_status = models.CharField(_("solver status"), max_length=20, blank=True)
    seconds = models.FloatField(_("run time (seconds)"), null=True, blank=True)
    sit_outs = models.JSONField(_("sitting out"), default=list, blank=True)  # per round: registration ids
    failure = models.CharField(_("why it failed"), max_length=40, blank=True)  # a code, rendered at display time
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pairing run")
        verbose_name_plural = _("pairing runs")
        constraints = [
            models.CheckConstraint(
                condition=Q(rounds__gte=1) & Q(rounds__lte=12),
                name="pairing_run_rounds_range",
                violation_error_message=_("Give between 1 and 12 rounds."),
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=5) & Q(minutes__lte=180),
                name="pairing_run_minutes_range",
                violation_error_message=_("A round lasts between 5 and 180 minutes."),
            ),
            models.CheckConstraint(
                condition=Q(tables__gte=1),
                name="pairing_run_tables_positive",
                violation_error_message=_("Give at least one table."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} #{self.pk}"

    def round_start(self, number: int) -> datetime | None:
        """When round `number` (1-based) starts, or None without a start."""
        start = self.starts_at or (self.session.starts_at if self.session_id else None)
        if start is None:
            return None
        from datetime import timedelta  # lazy: only this method needs it

        return start + timedelta(minutes=self.minutes * (number - 1))


class PairingMeeting(models.Model):
    """One meeting of a run: two delegates at a table in a round, with the evidence of the pairing as
    codes (`reasons`: what each can share that the other wants to learn, as concept ids and theme
    codes, the common topics and languages), put in words in the reader's language when shown."""

    class Answer(models.TextChoices):
        NONE = "", _("No answer yet")
        ACCEPTED = "accepted", _("Accepted")

    run = models.ForeignKey(PairingRun, on_delete=models.CASCADE, related_name="meetings")
    round = models.PositiveSmallIntegerField(_("round"))  # 1-based
    table = models.PositiveSmallIntegerField(_("table"))
    a = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    b = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    benefit = models.FloatField(_("mutual benefit"), default=0.0)
    reasons = models.JSONField(default=dict, blank=True)
    a_answer = models.CharField(max_length=10, choices=Answer.choices, blank=True, default=Answer.NONE)
    b_answer = models.CharField(max_length=10, choices=Answer.choices, blank=True, default=Answer.NONE)
    from_swap = models.BooleanField(default=False)

    class Meta:
        ordering = ["round", "table"]
        verbose_name = _("pairing meeting")
        verbose_name_plural = _("pairing meetings")
        constraints = [
            models.UniqueConstraint(fields=["run", "round", "table"], name="pairing_meeting_one_per_table"),
        ]
        indexes = [models.Index(fields=["run", "round"], name="pairing_meeting_round_idx")]

    def __str__(self) -> str:
        return f"{self.run_id} r{self.round} t{self.table}"


class SwapOutcome(models.TextChoices):
    REPAIRED = "repaired", _("Paired with someone else")
    WITH_HOST = "with_host", _("Waiting for the host")
    CLOSED = "closed", _("Closed by the host")


class PairingSwapRequest(models.Model):
    """A delegate's request to meet someone else in a round: re-paired at once with the best free
    partner (`new_partner`), or left with the host when nobody free fits (`outcome`)."""

    run = models.ForeignKey(PairingRun, on_delete=models.CASCADE, related_name="swap_requests")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    round = models.PositiveSmallIntegerField(_("round"))
    old_partner = models.ForeignKey(Registration, null=True, on_delete=models.SET_NULL, related_name="+")
    new_partner = models.ForeignKey(Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=10, choices=SwapOutcome.choices)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("swap request")
        verbose_name_plural = _("swap requests")

    def __str__(self) -> str:
        return f"{self.run_id} r{self.round} {self.registration_id}"


# ---------------------------------------------------------------------------------------------------
# Outcomes (issue 13 item 7): the evaluation survey, session notes and action items


class SurveyParticipation(models.Model):
    """That a delegate answered the event's evaluation survey: once each. What they answered is a
    `SurveyResponse`, which does not point back here, so that nobody learns who said what."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="survey_participations"
    )
    registration = models.OneToOneField(
        Registration, verbose_name=_("delegate"), on_delete=models.CASCADE, related_name="survey_participation"
    )
    answered_on = models.DateField(_("answered on"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("survey participation")
        verbose_name_plural = _("survey participations")

    def __str__(self) -> str:
        return f"{self.event_id}: {self.registration_id}"


class SurveyResponse(models.Model):
    """One delegate's answers to the evaluation survey (`answers`: {question id: 1–5 or text}), under
    the questions' `version`. A random key and a day (not a moment) keep it apart from who answered;
    `signed_name` is set only when the delegate chose to sign."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="survey_responses")
    version = models.CharField(_("questions version"), max_length=40)
    language = models.CharField(_("language"), max_length=2, choices=list(LANGUAGES.items()))
    answers = UserJSONField(_("answers"), default=dict)
    signed_name = UserCharField(_("signed by"), max_length=200, blank=True)
    submitted_on = models.DateField(_("answered on"))

    class Meta:
        ordering = ["submitted_on", "signed_name"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self) -> str:
        return f"{self.event_id}: {self.submitted_on}"


class SessionNote(models.Model):
    """The host's notes on a session (what was said, agreed, asked), in the event's language, with
    optional translations like the session's own."""

    session = models.OneToOneField(Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="note")
    text = UserTextField(_("notes"), max_length=20000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("session note")
        verbose_name_plural = _("session notes")

    def __str__(self) -> str:
        return f"{self.session_id}"

    def text_for(self, language: str | None = None) -> tuple[str, str]:
        """(text, its language) for a reader of `language`: the translation if any, else the original."""
        language = _reader_language(language)
        original = self.session.event.language
        if language != original:
            for translation in self.translations.all():
                if translation.language == language:
                    return translation.text, language
        return self.text, original


class SessionNoteTranslation(ContentTranslation):
    """A session's notes in another UN language."""

    note = models.ForeignKey(SessionNote, on_delete=models.CASCADE, related_name="translations")
    text = UserTextField(_("notes"), max_length=20000)

    class Meta:
        ordering = ["language"]
        verbose_name = _("session note translation")
        verbose_name_plural = _("session note translations")
        constraints = [models.UniqueConstraint(fields=["note", "language"], name="session_note_translation_unique")]

    def __str__(self) -> str:
        return f"{self.note_id} [{self.language}]"


class ActionItem(models.Model):
    """Something agreed at an event (optionally in one session): who does it (a member, and a person's
    name if given), by when, where it stands, and what it should become on the platform — a need, an
    offer, a pledge or a cooperation, linked here once it has (`outcomes.action_convert`)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="action_items")
    session = models.ForeignKey(
        Session, verbose_name=_("session"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=5000, blank=True)
    owner = models.ForeignKey(Member, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+")
    owner_person = UserCharField(_("person responsible"), max_length=200, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    target_kind = models.CharField(_("to become"), max_length=12, choices=ActionTarget.choices, blank=True)
    posting = models.ForeignKey(
        "postings.Posting", verbose_name=_("need or offer"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    cooperation = models.ForeignKey(
        "cooperation.Cooperation", verbose_name=_("cooperation"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    pledge = models.ForeignKey(
        "cooperation.Pledge", verbose_name=_("pledge"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    converted_at = models.DateTimeField(_("became"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["event", "status"], name="action_item_event_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(posting__isnull=True, cooperation__isnull=True)
                    | Q(posting__isnull=True, pledge__isnull=True)
                    | Q(cooperation__isnull=True, pledge__isnull=True)
                ),
                name="action_item_one_result",
                violation_error_message=_("An action item becomes one thing."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def result(self):
        """What the item became (a posting, a cooperation or a pledge), or None."""
        return self.posting or self.cooperation or self.pledge
