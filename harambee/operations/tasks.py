"""Scheduled backups (``HARAMBEE_SCHEDULE``): a daily backup, then the rotation."""

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task

from .backup import make_backup, rotate_backups
from .services import retention_run


@background_task(label=_("Daily backup"))
def operations_backup() -> dict:
    """A backup into HARAMBEE_BACKUP_DIR, then keep the configured daily and weekly ones."""
    folder = Path(settings.HARAMBEE_BACKUP_DIR)
    made = make_backup(out=folder)
    removed = rotate_backups(
        folder, daily=settings.HARAMBEE_BACKUP_KEEP_DAILY, weekly=settings.HARAMBEE_BACKUP_KEEP_WEEKLY
    )
    return {"backup": str(made), "removed": len(removed)}


@background_task(label=_("Delete what is past its retention period"))
def operations_retention() -> dict:
    """Notifications and sign-in records past their periods (counts audited)."""
    return retention_run().counts
