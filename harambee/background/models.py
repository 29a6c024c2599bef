"""The one table of its own that background work needs: which period of each periodic job was enqueued.

The tasks themselves are django-tasks-db's rows (``django_tasks_db.models.DBTaskResult``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    """A periodic job enqueued for one period. The unique (job, period) pair lets exactly one of
    several workers enqueue it."""

    job = models.CharField(_("job"), max_length=64)
    period = models.BigIntegerField(_("period"))  # whole periods since the epoch (plus the job's offset)
    enqueued_at = models.DateTimeField(_("enqueued"), auto_now_add=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="background_one_run_per_period")]

    def __str__(self) -> str:
        return f"{self.job} #{self.period}"
