"""Cooperations: what a match (or, later, an allocation round) turns into.

Kept minimal for now: who provides, who benefits, where it came from and the postings it answers.
Tracking (milestones, results, IATI) extends this model.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.postings.models import Posting
from harambee.registry.models import Member


class CooperationOrigin(models.TextChoices):
    MATCH = "match", _("Accepted match")
    ALLOCATION = "allocation", _("Allocation round")
    WORKSHOP = "workshop", _("Workshop action item")
    DIRECT = "direct", _("Entered directly")


class CooperationStatus(models.TextChoices):
    AGREED = "agreed", _("Agreed")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Cooperation(models.Model):
    """A cooperation project between a provider and a beneficiary member."""

    title = models.CharField(_("title"), max_length=300)
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

    def __str__(self) -> str:
        return self.title
