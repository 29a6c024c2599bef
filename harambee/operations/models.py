"""What operations keeps: one row per retention run, with how many records of each kind it deleted."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRun(models.Model):
    """A run of the retention job: the counts of what it deleted (audited; the data themselves are gone)."""

    ran_at = models.DateTimeField(_("ran at"), auto_now_add=True)
    counts = models.JSONField(_("deleted"), default=dict)

    class Meta:
        ordering = ["-ran_at"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self) -> str:
        return f"retention {self.ran_at:%Y-%m-%d}"
