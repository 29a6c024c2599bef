"""Needs and offers (one table, two kinds), their translations and their facet index."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import IsNull
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.core.usertext import UserCharField, UserTextField
from harambee.registry.models import Member

from .choices import (
    CAPACITY_UNITS,
    CHANNELS,
    FORMATS,
    LANGUAGES,
    PUBLIC_STATUSES,
    PostingKind,
    PostingOrigin,
    PostingStatus,
)

# A published posting not updated for this long is stale; amber shortly before.
STALE_AFTER = timedelta(days=183)
AMBER_AFTER = timedelta(days=150)


class ImportRunState(models.TextChoices):
    RUNNING = "running", _("Running")
    ROLLING_BACK = "rolling_back", _("Rolling back")
    APPLIED = "applied", _("Applied")
    ROLLED_BACK = "rolled_back", _("Rolled back")


class ImportRun(models.Model):
    """One import of postings, written in batches and made visible at once
    (docs/adr/0008-imports-in-batches.md).

    While it runs, the postings it writes carry it (`Posting.import_run`) and are hidden; a run
    whose process died is rolled back by the next import or by housekeeping.
    """

    state = models.CharField(_("state"), max_length=12, choices=ImportRunState.choices, default=ImportRunState.RUNNING)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    heartbeat_at = models.DateTimeField(_("last batch written"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), default=0)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lines = models.PositiveIntegerField(_("lines"), default=0)
    members_created = models.JSONField(_("members created"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        indexes = [models.Index(fields=["state"], name="import_run_state_idx")]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.state})"


class _AlmostAlways(models.Func):
    """A condition true for (almost) every row. SQLite gets it as `likelihood(condition, 1.0)`, so
    that its query planner plans as if the condition were not there: any extra term on postings
    (even `likely(…)`) makes it plan a newest-first list with a LIMIT as a scan of members and a
    sort, 100 times slower. Elsewhere it is the condition itself (PostgreSQL knows from its
    statistics that nearly every row matches)."""

    function = "likelihood"
    template = "%(function)s(%(expressions)s, 1.0)"
    output_field = models.BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        return compiler.compile(self.source_expressions[0])

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, **extra_context)


class PostingManager(models.Manager):
    """The postings everybody works with: never the rows of an import still in progress."""

    def get_queryset(self):
        return super().get_queryset().filter(_AlmostAlways(IsNull(F("import_run"), True)))


class Posting(models.Model):
    """A need (capacity a member lacks) or an offer (capacity a provider can give).

    Needs and offers share every field but eligibility, which only offers carry; one table
    keeps search, facets, import and lifecycle in one place. `search_document` holds the
    normalised tokens of the title, description and translations, indexed by SQLite FTS5 or
    a PostgreSQL GIN index (see migrations).
    """

    external_id = models.CharField(_("identifier"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=5, choices=PostingKind.choices)
    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="postings")
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact focal point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=20000, help_text=_("Markdown."))
    language = models.CharField(_("language"), max_length=2, choices=list(LANGUAGES.items()))
    language_detected = models.BooleanField(_("language detected automatically"), default=False)
    modalities = models.JSONField(_("modalities"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    sdgs = models.JSONField(_("Sustainable Development Goals"), default=list, blank=True)
    channel = models.CharField(_("cooperation channel"), max_length=20, choices=list(CHANNELS.items()), blank=True)
    delivery_languages = models.JSONField(_("working languages"), default=list, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=list(FORMATS.items()), blank=True)
    location = UserCharField(_("location"), max_length=200, blank=True)
    capacity_unit = models.CharField(
        _("capacity unit"), max_length=12, choices=list(CAPACITY_UNITS.items()), blank=True
    )
    capacity_value = models.DecimalField(_("capacity"), max_digits=16, decimal_places=2, null=True, blank=True)
    # Units committed through published allocation rounds; what is left is capacity − used.
    capacity_used = models.DecimalField(_("capacity committed"), max_digits=16, decimal_places=2, default=0)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    apply_by = models.DateField(_("apply by"), null=True, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    eligible_groups = models.JSONField(_("eligible country groups"), default=list, blank=True)
    eligible_regions = models.JSONField(_("eligible regions"), default=list, blank=True)
    eligible_members = models.ManyToManyField(
        Member, verbose_name=_("eligible members"), blank=True, related_name="eligible_for"
    )
    status = models.CharField(_("status"), max_length=20, choices=PostingStatus.choices, default=PostingStatus.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)
    content_updated_at = models.DateTimeField(_("content updated"), default=timezone.now)
    reminder_sent_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)
    search_document = models.TextField(editable=False, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    origin = models.CharField(
        _("origin"), max_length=10, choices=PostingOrigin.choices, blank=True, default=PostingOrigin.UNRECORDED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set while an import is writing this row (hidden from `objects` until the import makes it
    # visible); a staged update is a copy that `replaces` the live posting when the import ends.
    import_run = models.ForeignKey(
        ImportRun, null=True, blank=True, editable=False, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    replaces = models.ForeignKey(
        "self", null=True, blank=True, editable=False, on_delete=models.CASCADE, related_name="+", db_index=False
    )

    objects = PostingManager()
    # Every row, the staged rows of running imports included (for the importer and its clean-up).
    all_objects = models.Manager()  # noqa: DJ012 (a second manager, not a field)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("posting")
        verbose_name_plural = _("postings")
        indexes = [
            models.Index(fields=["kind", "-published_at", "-id"], name="posting_list_idx"),
            models.Index(fields=["-published_at", "-id"], name="posting_recent_idx"),
            models.Index(fields=["-updated_at"], name="posting_updated_idx"),
            # import_run: counts of a member's postings stay index-only with the rows of imports hidden
            models.Index(fields=["member", "kind", "status", "import_run"], name="posting_member_idx"),
            models.Index(fields=["status", "apply_by"], name="posting_apply_by_idx"),
            models.Index(fields=["status", "end"], name="posting_end_idx"),
            # partial: the few staged rows only, so that no query of live postings is tempted by them
            models.Index(fields=["import_run"], condition=Q(import_run__isnull=False), name="posting_staged_idx"),
            models.Index(fields=["replaces"], condition=Q(replaces__isnull=False), name="posting_replaces_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="posting_end_after_start",
                violation_error_message=_("The end date is before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(capacity_value__isnull=True) | Q(capacity_value__gt=0),
                name="posting_capacity_positive",
                violation_error_message=_("The capacity must be positive."),
            ),
            models.CheckConstraint(
                condition=(Q(capacity_unit="") & Q(capacity_value__isnull=True))
                | (~Q(capacity_unit="") & Q(capacity_value__isnull=False)),
                name="posting_capacity_unit_and_value",
                violation_error_message=_("Give both the capacity and its unit, or neither."),
            ),
            models.CheckConstraint(
                condition=(Q(capacity_unit="amount") & ~Q(currency="")) | (~Q(capacity_unit="amount") & Q(currency="")),
                name="posting_currency_with_amount",
                violation_error_message=_("An amount needs a currency, and only an amount has one."),
            ),
            models.CheckConstraint(condition=Q(kind__in=["need", "offer"]), name="posting_kind_valid"),
            models.CheckConstraint(condition=Q(capacity_used__gte=0), name="posting_capacity_used_not_negative"),
        ]

    def __str__(self) -> str:
        return self.title

    def validate_unique(self, exclude=None):
        """The identifier must be free among the hidden rows of running imports too."""
        super().validate_unique(exclude=exclude)
        if exclude and "external_id" in exclude:
            return
        staged = Posting.all_objects.filter(external_id=self.external_id, import_run__isnull=False)
        if staged.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"external_id": _("An import that is still running is writing a posting with this identifier.")}
            )

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def expiry_date(self) -> date | None:
        """The day the posting stops being open: its apply-by date, else its end date."""
        return self.apply_by or self.end

    @property
    def freshness(self) -> str:
        """Traffic light for a published posting: green, amber (stale soon) or red (stale)."""
        age = timezone.now() - self.content_updated_at
        if age >= STALE_AFTER:
            return "red"
        if age >= AMBER_AFTER:
            return "amber"
        return "green"

    @property
    def capacity_left(self):
        """Capacity not yet committed (None when the posting states none)."""
        if self.capacity_value is None:
            return None
        return max(self.capacity_value - (self.capacity_used or 0), 0)

    @property
    def is_stale(self) -> bool:
        return self.freshness == "red"


class TranslationOrigin(models.TextChoices):
    HUMAN = "human", _("Human translation")
    MACHINE = "machine", _("Machine translation")


class PostingTranslation(models.Model):
    """A posting's title and description in another UN language, marked human or machine."""

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2, choices=list(LANGUAGES.items()))
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=20000)
    origin = models.CharField(_("origin"), max_length=10, choices=TranslationOrigin.choices)
    verified = models.BooleanField(_("verified"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(fields=["posting", "language"], name="posting_translation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.posting_id} [{self.language}]"


class MachineTranslation(models.Model):
    """A posting's title and description translated by the deployment's translation service.

    Computed in the background (``postings.tasks``), never while a page is built, and shown labelled
    "machine translation". ``source_hash`` identifies the original it was made from: once the
    posting's text changes, the stored translation no longer counts (docs/reading.md).
    """

    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="machine_translations")
    language = models.CharField(_("language"), max_length=2, choices=list(LANGUAGES.items()))
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=40000)
    source_hash = models.CharField(max_length=32)
    provider = models.CharField(_("translation service"), max_length=200)
    created_at = models.DateTimeField(_("translated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("machine translation")
        verbose_name_plural = _("machine translations")
        constraints = [
            models.UniqueConstraint(fields=["posting", "language"], name="machine_translation_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.posting_id} [{self.language}, machine]"


class PostingFacet(models.Model):
    """One (facet, code) of a posting, kept by the services as an index for filters and counts.

    Kind and status are copied here so that facet counts over 100,000 postings read one
    covering index instead of joining the postings table.
    """

    # Indexed by facet_posting_idx, which also covers counting the facets of a set of postings.
    posting = models.ForeignKey(Posting, on_delete=models.CASCADE, related_name="facets", db_index=False)
    kind = models.CharField(max_length=5)
    status = models.CharField(max_length=20)
    facet = models.CharField(max_length=20)
    code = models.CharField(max_length=20)

    class Meta:
        verbose_name = _("posting facet")
        verbose_name_plural = _("posting facets")
        indexes = [
            # kind, facet, code, status: counts group by (facet, code, status) in index order, unsorted
            models.Index(fields=["kind", "facet", "code", "status"], name="facet_count_idx"),
            models.Index(fields=["facet", "code", "kind", "posting"], name="facet_match_idx"),
            models.Index(fields=["posting", "kind", "facet", "code", "status"], name="facet_posting_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.posting_id} {self.facet}={self.code}"
