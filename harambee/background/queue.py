"""Declaring background tasks and enqueuing them.

A task is a module-level function decorated with `background_task`, which makes it a django-tasks
task and records how often it is tried and how long to wait between tries (`Retry`). Services
enqueue tasks with `enqueue_on_commit`: nothing is enqueued for a write that is rolled back, and a
worker never starts a task before the data it needs is committed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks.backends.immediate import ImmediateBackend


@dataclass(frozen=True)
class Retry:
    """At most ``attempts`` tries in all; the n-th retry waits ``backoff · 2ⁿ⁻¹`` seconds (at most an hour)."""

    attempts: int = 5
    backoff: float = 30.0

    def delay(self, attempts_made: int) -> float:
        return min(self.backoff * 2 ** max(attempts_made - 1, 0), 3600.0)


DEFAULT_RETRY = Retry()
# Per task (its module path, as the task rows store it): the retry policy and a label for people.
RETRIES: dict[str, Retry] = {}
LABELS: dict[str, object] = {}


def background_task(
    *, label, attempts: int = DEFAULT_RETRY.attempts, backoff: float = DEFAULT_RETRY.backoff, queue: str = "default"
) -> Callable:
    """Make a module-level function a background task that is tried up to ``attempts`` times.

    ``label`` (translatable) names the task on the secretariat's Background work page; ``queue`` is
    "default" or "mail" (e-mails, so that they never wait behind a long batch of other work when
    several workers share the queues out).
    """

    def decorate(function):
        declared = task(queue_name=queue)(function)
        RETRIES[declared.module_path] = Retry(attempts=attempts, backoff=backoff)
        LABELS[declared.module_path] = label
        return declared

    return decorate


def retry_policy(task_path: str) -> Retry:
    return RETRIES.get(task_path, DEFAULT_RETRY)


def enqueue_on_commit(declared, *args, **kwargs) -> None:
    """Enqueue ``declared(*args, **kwargs)`` once the current transaction commits (at once outside one).

    Arguments are stored as JSON in the task's row until it is pruned: pass ids and plain values,
    never a secret (a link with a token is rebuilt by the task from the database and the secret key).
    """
    transaction.on_commit(lambda: declared.enqueue(*args, **kwargs))


def tasks_run_at_once() -> bool:
    """True when tasks run in the process that enqueues them (the immediate backend: tests, or a site
    without workers), false when a worker runs them later."""
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend)
