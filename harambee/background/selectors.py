"""Reads of background work: the queue's health (for monitoring) and what the secretariat's Background
work page shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Min
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import ScheduledRun
from .queue import LABELS, retry_policy
from .schedule import Job, scheduled_jobs


@dataclass(frozen=True)
class QueueHealth:
    """How far behind the workers are: tasks ready to run now, and how long the oldest has waited."""

    queued: int
    oldest_queued_seconds: float | None


def queue_health(*, now: datetime | None = None) -> QueueHealth:
    """Tasks ready to run now (not those waiting for a retry's back-off) and the age of the oldest, counted
    from when it became ready. Two indexed queries; meant for a health check as much as for the page."""
    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    queued = ready.count()
    if not queued:
        return QueueHealth(queued=0, oldest_queued_seconds=None)
    never_deferred = ready.filter(run_after=get_date_max()).aggregate(oldest=Min("enqueued_at"))["oldest"]
    deferred = ready.exclude(run_after=get_date_max()).aggregate(oldest=Min("run_after"))["oldest"]
    oldest = min(moment for moment in (never_deferred, deferred) if moment is not None)
    return QueueHealth(queued=queued, oldest_queued_seconds=max((now - oldest).total_seconds(), 0.0))


def task_pending(declared) -> bool:
    """Whether a task of this kind is queued (or waiting for a retry) or running."""
    return DBTaskResult.objects.filter(
        task_path=declared.module_path, status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    ).exists()


def task_queued(declared) -> bool:
    """Whether a task of this kind is queued and not started yet (a running one may have read its
    sources already, so work that changed since needs another)."""
    return DBTaskResult.objects.filter(task_path=declared.module_path, status=TaskResultStatus.READY).exists()


def task_label(task_path: str):
    """The translatable name of a task (importing its module registers it), else its function's name."""
    if task_path not in LABELS:
        try:
            import_string(task_path)
        except ImportError:
            pass
    return LABELS.get(task_path, task_path.rpartition(".")[2])


#: What an error message may carry that the page must not show: credentials in URLs, `password=…`-like
#: pairs, bearer tokens, long opaque strings (keys, tokens, signatures) and people's e-mail addresses.
_SECRETS = (
    (re.compile(r"\b(Bearer|Token|Basic)\s+[A-Za-z0-9._~+/=-]{8,}", re.IGNORECASE), r"\1 ***"),
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@", re.IGNORECASE), r"\1***@"),
    (
        re.compile(
            r"\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|key|authorization|auth|signature)"
            r"(['\"]?\s*[=:]\s*['\"]?)[^\s'\",;&)}]+",
            re.IGNORECASE,
        ),
        r"\1\2***",
    ),
    (re.compile(r"(?<![\w.@-])[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)"), r"***@\1"),
    (re.compile(r"(?<![\w/.-])(?!/)[A-Za-z0-9_+/=-]{32,}"), "***"),  # not a path
)
ERROR_SUMMARY_LENGTH = 300


def error_summary(text: str) -> str:
    """A failed task's error for the secretariat's page: secrets and addresses masked, at most
    ERROR_SUMMARY_LENGTH characters."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text if len(text) <= ERROR_SUMMARY_LENGTH else text[: ERROR_SUMMARY_LENGTH - 1] + "…"


def _error_line(row: DBTaskResult) -> str:
    """The last line of the traceback (the exception and its message), secrets masked (`error_summary`)."""
    lines = [line for line in (row.traceback or "").strip().splitlines() if line.strip()]
    return error_summary(lines[-1].strip() if lines else row.exception_class_path)


@dataclass(frozen=True)
class TaskRow:
    id: str
    label: object
    status: str
    enqueued_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    run_after: datetime | None  # when a queued task waits for its retry's back-off
    attempts: int
    max_attempts: int
    error: str  # the last error ("" when none)


def _task_row(row: DBTaskResult, now: datetime) -> TaskRow:
    waiting = row.run_after if row.run_after != get_date_max() and row.run_after > now else None
    return TaskRow(
        id=str(row.pk),
        label=task_label(row.task_path),
        status=row.status,
        enqueued_at=row.enqueued_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        run_after=waiting,
        attempts=len(row.worker_ids),
        max_attempts=retry_policy(row.task_path).attempts,
        error=_error_line(row) if row.exception_class_path else "",
    )


@dataclass(frozen=True)
class ScheduleRow:
    job: Job
    label: object
    last_enqueued_at: datetime | None
    last_status: str  # of the task enqueued for the last period ("" when pruned or never run)
    next_at: datetime


@dataclass(frozen=True)
class BackgroundWork:
    health: QueueHealth
    counts: dict[str, int]  # queued (ready now), waiting (for a retry), running, failed, successful_24h
    queued: list[TaskRow]  # ready, or waiting for a retry's back-off; the oldest first
    running: list[TaskRow]
    failures: list[TaskRow]  # the latest failed tasks, newest first
    schedule: list[ScheduleRow]


def _schedule(now: datetime) -> list[ScheduleRow]:
    jobs = scheduled_jobs()
    latest = {}
    for run in ScheduledRun.objects.filter(job__in=[job.name for job in jobs]).order_by("job", "-period"):
        latest.setdefault(run.job, run)
    ids = [run.task_id for run in latest.values() if run.task_id]
    statuses = {str(pk): status for pk, status in DBTaskResult.objects.filter(pk__in=ids).values_list("pk", "status")}
    rows = []
    for job in jobs:
        run = latest.get(job.name)
        current = job.period(now)
        done = run is not None and run.period >= current
        rows.append(
            ScheduleRow(
                job=job,
                label=task_label(job.task),
                last_enqueued_at=run.enqueued_at if run else None,
                last_status=statuses.get(run.task_id, "") if run else "",
                next_at=job.starts(current + 1) if done else now,
            )
        )
    return rows


def background_work_summary(*, now: datetime | None = None, limit: int = 20) -> BackgroundWork:
    """Everything the secretariat's Background work page shows."""
    now = now or timezone.now()
    health = queue_health(now=now)
    by_status = dict(DBTaskResult.objects.order_by().values_list("status").annotate(n=Count("pk")))
    ready_total = by_status.get(TaskResultStatus.READY, 0)
    counts = {
        "queued": health.queued,
        "waiting": ready_total - health.queued,
        "running": by_status.get(TaskResultStatus.RUNNING, 0),
        "failed": by_status.get(TaskResultStatus.FAILED, 0),
        "successful_24h": DBTaskResult.objects.filter(
            status=TaskResultStatus.SUCCESSFUL, finished_at__gte=now - timedelta(days=1)
        ).count(),
    }
    queued = DBTaskResult.objects.filter(status=TaskResultStatus.READY).order_by("enqueued_at")[:limit]
    running = DBTaskResult.objects.running().order_by("started_at")[:limit]
    failures = DBTaskResult.objects.failed().order_by("-finished_at")[:limit]
    return BackgroundWork(
        health=health,
        counts=counts,
        queued=[_task_row(row, now) for row in queued],
        running=[_task_row(row, now) for row in running],
        failures=[_task_row(row, now) for row in failures],
        schedule=_schedule(now),
    )


def task_get(task_id) -> DBTaskResult | None:
    """One task by its id (a UUID), or None."""
    return DBTaskResult.objects.filter(pk=task_id).first()
