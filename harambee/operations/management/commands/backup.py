"""`harambee backup --out DIR`: a consistent, dated backup of the database and the uploads."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from harambee.operations.backup import BackupError, make_backup, rotate_backups


class Command(BaseCommand):
    help = "Write a consistent, dated backup (database, uploads, manifest with checksums) while the platform runs."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="the folder that receives the backup (default: HARAMBEE_BACKUP_DIR)")
        parser.add_argument(
            "--rotate", action="store_true", help="then keep only the configured daily and weekly backups there"
        )

    def handle(self, *args, out=None, rotate=False, **options):
        folder = Path(out or settings.HARAMBEE_BACKUP_DIR)
        try:
            made = make_backup(out=folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup written: {made}")
        if rotate:
            for path in rotate_backups(
                folder, daily=settings.HARAMBEE_BACKUP_KEEP_DAILY, weekly=settings.HARAMBEE_BACKUP_KEEP_WEEKLY
            ):
                self.stdout.write(f"Removed the older backup {path}")
