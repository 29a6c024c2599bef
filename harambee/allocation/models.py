"""Allocation rounds: a provider's scarce offers, members' requests, and the computed assignment."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.core.usertext import UserCharField, UserTextField
from harambee.postings.models import Posting
from harambee.registry.models import Member

# The capacity units a round can share out (seats of a course, days of an expert).
ROUND_UNITS = ("seats", "expert_days")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open for requests")
    CLOSED = "closed", _("Closed")
    COMPUTED = "computed", _("Computed, under review")
    PUBLISHED = "published", _("Published")


class AllocationRound(models.Model):
    """A provider's round over one or more of its offers with seats or expert-days.

    ``policy`` holds the declarative policy of docs/allocation.md. When computed, ``snapshot`` is
    the exact engine instance (inputs and policy) and ``result`` its output; ``snapshot_hash``
    identifies the instance, so re-running the snapshot must give the same result.
    """

    provider = models.ForeignKey(Member, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="rounds")
    title = UserCharField(_("title"), max_length=200)
    description = UserTextField(_("description"), max_length=5000, blank=True)
    offers = models.ManyToManyField(Posting, verbose_name=_("offers"), related_name="allocation_rounds")
    deadline = models.DateTimeField(_("requests until"))
    policy = models.JSONField(_("policy"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    snapshot_hash = models.CharField(max_length=64, blank=True, editable=False)
    result = models.JSONField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    computed_at = models.DateTimeField(_("computed"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("allocation round")
        verbose_name_plural = _("allocation rounds")

    def __str__(self) -> str:
        return self.title

    @property
    def accepts_requests(self) -> bool:
        return self.status == RoundStatus.OPEN and timezone.now() < self.deadline


class AllocationRequest(models.Model):
    """One unit asked for by a member in a round (a member nominating five officials files five)."""

    round = models.ForeignKey(AllocationRound, on_delete=models.CASCADE, related_name="requests")
    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+")
    need = models.ForeignKey(
        Posting, verbose_name=_("need"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    nominee = UserCharField(_("nominee or purpose"), max_length=200, blank=True)
    motivation = UserTextField(_("motivation"), max_length=5000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("filed"), auto_now_add=True)

    class Meta:
        ordering = ["round", "member", "id"]
        verbose_name = _("allocation request")
        verbose_name_plural = _("allocation requests")

    def __str__(self) -> str:
        return f"R{self.pk}"

    @property
    def engine_id(self) -> str:
        return f"R{self.pk}"


class AllocationChoice(models.Model):
    """An offer of the round a request would accept, its rank and the match score attached to it."""

    request = models.ForeignKey(AllocationRequest, on_delete=models.CASCADE, related_name="choices")
    offer = models.ForeignKey(Posting, on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("match score"))

    class Meta:
        ordering = ["request", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["request", "offer"], name="allocation_choice_once"),
            models.UniqueConstraint(fields=["request", "rank"], name="allocation_choice_rank_once"),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=1), name="allocation_score_in_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} → {self.offer_id} ({self.rank})"
