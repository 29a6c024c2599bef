"""`harambee restore DIR`: restore a backup into an empty data folder or database, and verify it."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from harambee.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup folder into an empty data folder or database, then verify every table against it."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="a backup folder written by `harambee backup`")

    def handle(self, *args, backup, **options):
        try:
            report = restore_backup(backup=Path(backup))
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not report.ok:
            raise CommandError("The restored data differ from the backup:\n  " + "\n  ".join(report.mismatches))
        self.stdout.write(
            f"Restored {report.backup}: {report.tables} tables, {report.rows} rows and {report.files} files, "
            "every table's row count and checksum equal to the backup's."
        )
        # the schema may be older than this code: bring it up to date (a no-op when it is current)
        call_command("migrate", verbosity=0)
        self.stdout.write("Migrations applied. Build the matching index again: it is not part of a backup.")
