"""Reads of operations: the platform's health and the last backup."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from harambee.background.selectors import queue_health

from .backup import latest_backup


@dataclass(frozen=True)
class Health:
    database_ok: bool
    database_ms: float | None
    queued: int | None
    oldest_queued_seconds: float | None
    disk_free_bytes: int
    disk_total_bytes: int
    last_backup_at: datetime | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        return {
            "status": "ok" if self.ok else "fail",
            "problems": list(self.problems),
            "database": {"ok": self.database_ok, "ms": self.database_ms},
            "tasks": {"queued": self.queued, "oldest_queued_seconds": self.oldest_queued_seconds},
            "disk": {"free_bytes": self.disk_free_bytes, "total_bytes": self.disk_total_bytes},
            "last_backup_at": self.last_backup_at.isoformat() if self.last_backup_at else None,
        }


def last_backup_at() -> datetime | None:
    found = latest_backup(Path(settings.HARAMBEE_BACKUP_DIR))
    return found[0] if found else None


def platform_health() -> Health:
    """The database answers, the task queue moves, the data folder has room (thresholds in settings)."""
    problems = []
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database_ok, database_ms = True, round((time.perf_counter() - started) * 1000, 1)
    except Exception:  # the health check reports a database that does not answer; it never raises
        database_ok, database_ms = False, None
        problems.append("database")
    queued = oldest = None
    if database_ok:
        health = queue_health(now=timezone.now())
        queued, oldest = health.queued, health.oldest_queued_seconds
        if oldest is not None and oldest > settings.HARAMBEE_HEALTH_MAX_QUEUE_AGE:
            problems.append("tasks")
    data_dir = Path(settings.DATA_DIR)
    usage = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.parent)
    if usage.free < settings.HARAMBEE_HEALTH_MIN_FREE_BYTES:
        problems.append("disk")
    return Health(
        database_ok=database_ok,
        database_ms=database_ms,
        queued=queued,
        oldest_queued_seconds=round(oldest, 1) if oldest is not None else None,
        disk_free_bytes=usage.free,
        disk_total_bytes=usage.total,
        last_backup_at=last_backup_at(),
        problems=tuple(problems),
    )
