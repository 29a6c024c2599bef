"""The task worker: django-tasks-db's worker with the platform's upkeep between tasks.

Upkeep, when the worker starts and then once a minute: queue again the tasks whose worker died
(`tasks_recover_stale`) and enqueue the periodic jobs that are due (`schedule_due`). A worker runs
one task at a time in its own process and starts no thread. SIGTERM or SIGINT lets the current task
finish, then the worker stops; a second signal stops it at once (the task then fails and is retried).
"""

from __future__ import annotations

import logging
import os
import random
import time

from django.db import close_old_connections
from django.db.utils import OperationalError
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from .lifecycle import new_worker_id, tasks_recover_stale
from .schedule import schedule_due
from .supervisor import PARENT_ENV

logger = logging.getLogger(__name__)

UPKEEP_EVERY = 60.0  # seconds


class Worker(db_worker.Worker):
    def __init__(self, *, upkeep: bool = True, **options) -> None:
        options.setdefault("worker_id", new_worker_id())
        options.setdefault("backend_name", "default")
        options.setdefault("excluded_queue_names", [])
        super().__init__(**options)
        self.upkeep_enabled = upkeep
        self._next_upkeep = 0.0
        # started by `harambee demo` or `serve`: the process that must still be our parent
        self.parent = int(os.environ.get(PARENT_ENV) or 0) or None

    def parent_gone(self) -> bool:
        if self.parent is None or os.getppid() == self.parent:
            return False
        logger.warning("worker %s: the web server that started it is gone; stopping", self.worker_id)
        return True

    def upkeep(self) -> None:
        if not self.upkeep_enabled or time.monotonic() < self._next_upkeep:
            return
        self._next_upkeep = time.monotonic() + UPKEEP_EVERY
        try:
            recovered = tasks_recover_stale()
            enqueued = schedule_due()
        except Exception:  # a broken upkeep must not stop the tasks; it is tried again in a minute
            logger.exception("worker %s: upkeep failed", self.worker_id)
            return
        if recovered or enqueued:
            logger.info("worker %s: %s tasks recovered, scheduled %s", self.worker_id, recovered, enqueued or "-")

    def claim_next(self) -> tuple[DBTaskResult | None, bool]:
        """The next ready task of this worker's queues, claimed (RUNNING, this worker's id), and whether
        the queue could be read (False when the database was locked)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
                return task_result, True
            except OperationalError as error:
                if is_locked_database_exception(error):
                    return None, False
                raise

    def run(self) -> None:
        """The library's loop (django-tasks-db 0.13.0 ``Worker.run``) with the upkeep before each claim."""
        logger.info("worker %s started; queues: %s", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - several workers started together do not all look at once
        while self.running and not self.parent_gone():
            close_old_connections()
            self.upkeep()
            task_result, read = self.claim_next()
            if task_result is not None:
                self.run_task(task_result)
            if self.batch and read and task_result is None:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            close_old_connections()
            if self.running and task_result is None:
                time.sleep(self.interval)


def run_queued_tasks(*, queues: list[str]) -> int:
    """Run, in this process, every task of ``queues`` that is ready now, and return how many ran (the
    demo loader sends the e-mails of the demo data this way, into its mail file). Quietly: only
    problems are logged."""
    worker = Worker(queue_names=queues, interval=0, batch=True, startup_delay=False, max_tasks=None, upkeep=False)
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db", "harambee.background")]
    levels = [each.level for each in loggers]
    for each in loggers:
        each.setLevel(logging.WARNING)
    try:
        worker.run()
    finally:
        for each, level in zip(loggers, levels, strict=True):
            each.setLevel(level)
    return worker._run_tasks
