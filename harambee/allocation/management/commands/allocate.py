from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from harambee.allocation.core.command import AllocationCommandError, result_json
from harambee.allocation.engine import MODES


class Command(BaseCommand):
    """`harambee allocate FILE.json [--mode optimal|stable]`: print the round's result as JSON.

    The console script runs the same code without setting Django up
    (`harambee.allocation.core.command.main`); this command serves `manage.py`, `call_command` and the
    tests, with the messages in the active language. Reads no database and needs none of the project's
    checks (URLs, templates): they are skipped, as they cost more than a small round.
    """

    help = "Run an allocation round on a JSON instance: `allocate FILE.json [--mode optimal|stable]` (FILE - = stdin)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="Instance file (JSON), or - for standard input.")
        parser.add_argument("--mode", choices=MODES, default=None, help="Override the policy's mode.")

    def handle(self, *args, file, mode, **options):
        try:
            self.stdout.write(result_json(file, mode, translate=gettext))
        except AllocationCommandError as error:
            raise CommandError(str(error)) from error
