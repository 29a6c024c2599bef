"""Cooperations: what an accepted match or a published allocation round turns into, tracked from
agreement to results (progress updates, milestones, results with indicators), and pledges that
cooperations draw down.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from harambee.core.iati import code_label
from harambee.core.usertext import UserCharField, UserTextField
from harambee.iati import mapping
from harambee.postings.choices import CAPACITY_UNITS
from harambee.postings.models import Posting
from harambee.postings.reading import rendering_for
from harambee.registry.models import Member

IATI = mapping()


class CooperationOrigin(models.TextChoices):
    MATCH = "match", _("Accepted match")
    ALLOCATION = "allocation", _("Allocation round")
    WORKSHOP = "workshop", _("Workshop action item")
    DIRECT = "direct", _("Entered directly")


class PledgeOrigin(models.TextChoices):
    """Where a pledge came from: made on the platform (not recorded), or a workshop's action item."""

    UNRECORDED = "", _("Not recorded")
    WORKSHOP = "workshop", _("Workshop action item")


class CooperationStatus(models.TextChoices):
    AGREED = "agreed", _("Agreed")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Cooperation(models.Model):
    """A cooperation project between a provider and a beneficiary member."""

    title = UserCharField(_("title"), max_length=300)
    title_names_beneficiary = models.BooleanField(
        _("title followed by the beneficiary"),
        default=False,
        help_text=_("The title is the offer's; pages add the beneficiary's name in the reader's language."),
    )
    provider = models.ForeignKey(
        Member, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="cooperations_provided"
    )
    beneficiary = models.ForeignKey(
        Member, verbose_name=_("beneficiary"), on_delete=models.PROTECT, related_name="cooperations_received"
    )
    need = models.ForeignKey(
        Posting, verbose_name=_("need"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    offer = models.ForeignKey(
        Posting, verbose_name=_("offer"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    origin = models.CharField(_("origin"), max_length=20, choices=CooperationOrigin.choices)
    units = models.DecimalField(_("units committed"), max_digits=16, decimal_places=2, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CooperationStatus.choices, default=CooperationStatus.AGREED
    )
    description = UserTextField(_("description"), max_length=20000, blank=True)
    channel = models.CharField(_("cooperation channel"), max_length=20, blank=True)
    modality = models.CharField(_("modality"), max_length=30, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    implementers = models.ManyToManyField(
        Member, verbose_name=_("implementing organisations"), blank=True, related_name="cooperations_implemented"
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    last_progress_at = models.DateTimeField(_("last progress update"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # IATI: defaults come from the modality and themes (harambee.iati.iati_defaults) and stay editable;
    # the codes are those of the vendored IATI codelists (harambee.iati.codelists), checked by tracking.py
    dac_sectors = models.JSONField(_("DAC sectors"), default=list, blank=True)  # [{"code": "11430", "percentage": 50}]
    aid_type = models.CharField(_("aid type"), max_length=4, blank=True)
    finance_type = models.CharField(_("finance type"), max_length=4, default=IATI.finance_type)
    flow_type = models.CharField(_("flow type"), max_length=2, default=IATI.flow_type)
    collaboration_type = models.CharField(
        _("collaboration type"), max_length=1, default=IATI.collaboration_type_default
    )
    activity_status = models.CharField(_("activity status"), max_length=1, default=IATI.activity_status)
    currency = models.CharField(_("default currency"), max_length=3, default=IATI.currency)
    # set for activities imported from IATI, so that importing the same file again updates them
    iati_identifier = models.CharField(_("IATI identifier"), max_length=200, blank=True, db_index=True)
    pledge = models.ForeignKey(
        "Pledge",
        verbose_name=_("pledge drawn down"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperations",
    )
    is_public = models.BooleanField(_("public"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        constraints = [
            # matching starts at most one cooperation for a need and an offer
            models.UniqueConstraint(
                fields=["need", "offer"],
                condition=Q(origin=CooperationOrigin.MATCH),
                name="cooperation_one_per_matched_pair",
                violation_error_message=_("This need and offer already work together."),
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title in the active language: a title made from an offer is the offer's title as the
        reader sees it (`postings.reading`: its human translation, else a labelled machine one) with
        the beneficiary named in the reader's language ("Course → Egypt", "… ← مصر"); a title someone
        typed is shown as typed. The offer counts only when it was loaded with the cooperation."""
        if not self.title_names_beneficiary:
            return self.title
        return gettext("%(offer)s → %(beneficiary)s") % {
            "offer": self.offer_title(),
            "beneficiary": self.beneficiary.display_name,
        }

    def offer_title(self, language: str | None = None) -> str:
        """The title of a cooperation made from an offer, in `language` (the active one by default),
        while it is still the offer's (no query: the offer only when it was loaded)."""
        offer = self._state.fields_cache.get("offer") if self.offer_id else None
        if offer is None or offer.title[:300] != self.title:
            return self.title
        return rendering_for(offer, language).plain_title[:300]

    def freshness(self, today: date) -> str:
        """Like UN DESA's partnership registry: green while the last progress update (or the start)
        is under 12 months old, amber when an update is due (12–24 months), red when it is 24
        months overdue (24–36), then inactive."""
        since = self.last_progress_at.date() if self.last_progress_at else (self.actual_start or self.created_at.date())
        months = (today.year - since.year) * 12 + today.month - since.month - (today.day < since.day)
        if self.status in (CooperationStatus.COMPLETED, CooperationStatus.CANCELLED):
            return "closed"
        for limit, state in FRESHNESS_BANDS:
            if months < limit:
                return state
        return "inactive"


#: The freshness rule's bands: under this many months since the last report (or the start), this
#: state; beyond the last one, "inactive" (`Cooperation.freshness`, and in SQL
#: `cooperation.selectors.freshness_expression`).
FRESHNESS_BANDS = ((12, "green"), (24, "amber"), (36, "red"))
#: Every freshness state, in the order pages list them, and its name for people (the dashboard, the
#: member pages and the cooperation pages say the same words).
FRESHNESS_STATES = ("green", "amber", "red", "inactive", "closed")
FRESHNESS_LABELS = {
    "green": _("Up to date"),
    "amber": _("Update due"),
    "red": _("Update overdue"),
    "inactive": _("Inactive"),
    "closed": _("Completed or cancelled"),
}


class Budget(models.Model):
    """A planned budget of a cooperation for a period of at most a year (IATI rule 7.5.3)."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="budgets")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    value_date = models.DateField(_("value date"))

    class Meta:
        ordering = ["period_start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gt=models.F("period_start")), name="budget_period_order")
        ]

    def __str__(self) -> str:
        return f"{self.period_start}–{self.period_end}: {self.value} {self.currency}"


class Transaction(models.Model):
    """A commitment, disbursement or expenditure of a cooperation (IATI TransactionType code)."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="transactions")
    type = models.CharField(_("type"), max_length=2)
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    description = UserCharField(_("description"), max_length=500, blank=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.type} {self.date}: {self.value} {self.currency}"

    @property
    def type_label(self) -> str:
        """The IATI TransactionType's name in the active language, else the code."""
        return code_label("TransactionType", self.type) or self.type


class ProgressUpdate(models.Model):
    """A dated report on a cooperation by either side: percent done, a narrative, links."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    member = models.ForeignKey(Member, verbose_name=_("reported by"), on_delete=models.PROTECT, related_name="+")
    percent = models.PositiveSmallIntegerField(_("percent done"))
    narrative = UserTextField(_("narrative"), max_length=10000)
    links = models.JSONField(_("links to attachments"), default=list, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.CheckConstraint(condition=Q(percent__lte=100), name="progress_percent_max_100")]

    def __str__(self) -> str:
        return f"{self.cooperation_id}: {self.percent}%"


class Milestone(models.Model):
    """A step of a cooperation with its due date; reminders go out before it is due."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="milestones")
    title = UserCharField(_("title"), max_length=300)
    due = models.DateField(_("due"))
    done_at = models.DateField(_("done"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.title


class Result(models.Model):
    """An expected result (output or outcome) of a cooperation, measured by indicators."""

    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="results")
    title = UserCharField(_("title"), max_length=300)
    type = models.CharField(_("type"), max_length=2, default="1")  # IATI ResultType: 1 output, 2 outcome…

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    @property
    def type_label(self) -> str:
        """The IATI ResultType's name in the active language, else the code."""
        return code_label("ResultType", self.type) or self.type


class Indicator(models.Model):
    """A quantitative indicator with baseline, target and actual, optionally by sex."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    title = UserCharField(_("title"), max_length=300)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(_("actual"), max_digits=16, decimal_places=2, null=True, blank=True)
    # {"sex": {"female": 12, "male": 10}}: actual values by dimension
    disaggregation = models.JSONField(_("disaggregation"), default=dict, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


#: What a pledge counts: the capacity units of the posting taxonomy (postings.choices), with their labels.
PledgeUnit = models.TextChoices("PledgeUnit", [(code.upper(), (code, label)) for code, label in CAPACITY_UNITS.items()])


class Pledge(models.Model):
    """A member's public promise (an amount, seats or expert-days, on a theme, over a period) that
    its cooperations draw down."""

    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="pledges")
    title = UserCharField(_("title"), max_length=300)
    unit = models.CharField(_("unit"), max_length=20, choices=PledgeUnit.choices)
    value = models.DecimalField(_("pledged"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    theme = models.CharField(_("theme"), max_length=30, blank=True)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    is_public = models.BooleanField(_("public"), default=True)
    origin = models.CharField(
        _("origin"), max_length=10, choices=PledgeOrigin.choices, blank=True, default=PledgeOrigin.UNRECORDED
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(value__gt=0), name="pledge_value_positive"),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="pledge_period_order"),
        ]

    def __str__(self) -> str:
        return self.title
