"""Periodic jobs without cron: the workers enqueue each job of ``HARAMBEE_SCHEDULE`` once per period.

A job runs every ``every`` seconds, ``offset`` seconds into each period (UTC): ``every`` = a day and
``offset`` = two hours is daily at 02:00 UTC. A worker that starts late enqueues the current period's
run at once; periods missed while no worker ran are not caught up one by one (each job does all
that is due when it runs).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # the dotted path of a background task that takes no argument
    every: int  # seconds
    offset: int = 0  # seconds into each period

    def period(self, now: datetime) -> int:
        return int((now.timestamp() - self.offset) // self.every)

    def starts(self, period: int) -> datetime:
        return datetime.fromtimestamp(period * self.every + self.offset, tz=UTC)


def scheduled_jobs() -> list[Job]:
    return [Job(**entry) for entry in settings.HARAMBEE_SCHEDULE]


def schedule_due(*, now: datetime | None = None) -> list[str]:
    """Enqueue every job whose current period has not been enqueued yet; the names of those enqueued.

    Several workers call this at the same time: the first to insert the (job, period) row enqueues
    the task in the same transaction (both are rows of this database, so they commit together); the
    others find the row there and do nothing.
    """
    now = now or timezone.now()
    enqueued = []
    for job in scheduled_jobs():
        period = job.period(now)
        if ScheduledRun.objects.filter(job=job.name, period=period).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, period=period)
                result = import_string(job.task).enqueue()
                run.task_id = str(result.id)
                run.save(update_fields=["task_id"])
        except IntegrityError:
            continue  # another worker was first
        logger.info("scheduled job %s enqueued (task %s)", job.name, run.task_id)
        enqueued.append(job.name)
    return enqueued
