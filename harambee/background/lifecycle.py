"""What happens to a task row after it ran or its worker died: retries with back-off, the recovery of
tasks whose worker stopped mid-task, and a person's retry of a failed task.

django-tasks-db records one row per task (READY → RUNNING → SUCCESSFUL or FAILED) and keeps the ids
of the workers that claimed it, one per attempt. It neither retries nor notices a dead worker; this
module does both, for every task, in one place.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from harambee.core.processes import process_alive, this_host

from .queue import retry_policy

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The worker running the task stopped before the task finished (killed, crashed, restarted)."""


WORKER_LOST_PATH = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


def new_worker_id() -> str:
    """``host:pid:random``: unique, and it tells a later worker on the same machine whether this one
    is still alive (at most 64 characters, the library's limit)."""
    return f"{this_host()[:44]}:{os.getpid()}:{get_random_string(8)}"


def worker_gone(worker_id: str, started_at: datetime | None, *, now: datetime) -> bool:
    """Whether the worker that started a task at ``started_at`` can no longer be running it.

    On this machine: its process is gone (or it is this very process, which runs nothing while it
    looks). Elsewhere, or for a process id that lives on (another program may have taken it): the
    task has been running for longer than the lease (``HARAMBEE_TASK_LEASE_SECONDS``).
    """
    if started_at is None or now - started_at > timedelta(seconds=settings.HARAMBEE_TASK_LEASE_SECONDS):
        return True
    parts = worker_id.rsplit(":", 2)
    if len(parts) != 3 or not parts[1].isdigit() or parts[0] != this_host()[:44]:
        return False
    pid = int(parts[1])
    return pid == os.getpid() or not process_alive(pid)


def tasks_recover_stale(*, now: datetime | None = None) -> int:
    """Queue again the tasks whose worker died while running them (or fail them for good when they
    have used up their attempts: a task that kills its worker must not kill every worker in turn).
    Returns how many were recovered. Workers call it when they start and once a minute."""
    now = now or timezone.now()
    recovered = 0
    for row in DBTaskResult.objects.running().only("id", "task_path", "worker_ids", "started_at"):
        last = row.worker_ids[-1] if row.worker_ids else ""
        if not worker_gone(last, row.started_at, now=now):
            continue
        still_running = DBTaskResult.objects.filter(
            pk=row.pk, status=TaskResultStatus.RUNNING, started_at=row.started_at
        )
        exhausted = len(row.worker_ids) >= retry_policy(row.task_path).attempts
        if exhausted:
            changed = still_running.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=WORKER_LOST_PATH,
                traceback=f"{WORKER_LOST_PATH}: worker {last} stopped during attempt {len(row.worker_ids)}\n",
            )
        else:
            changed = still_running.update(status=TaskResultStatus.READY, run_after=now)
        if changed:
            outcome = "it failed for good" if exhausted else "it is queued again"
            logger.warning("task %s (%s): its worker %s stopped; %s", row.pk, row.task_path, last, outcome)
        recovered += changed
    return recovered


def retry_failed(sender, task_result, **kwargs) -> None:
    """After a task failed in a worker: queue it again after its back-off, until its attempts are used
    up; then it stays failed (the secretariat sees it and may retry it). Tasks that ran at once (the
    immediate backend) are not retried: their error is logged."""
    db_result = getattr(task_result, "db_result", None)
    if db_result is None or task_result.status != TaskResultStatus.FAILED:
        return
    policy = retry_policy(db_result.task_path)
    attempts = len(db_result.worker_ids)
    if attempts >= policy.attempts:
        logger.error("task %s (%s) failed %s times; it stays failed", db_result.pk, db_result.task_path, attempts)
        return
    run_after = timezone.now() + timedelta(seconds=policy.delay(attempts))
    DBTaskResult.objects.filter(pk=db_result.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=run_after, finished_at=None
    )
