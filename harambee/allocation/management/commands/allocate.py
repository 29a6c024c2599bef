import json
import sys
from pathlib import Path

import orjson
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.allocation.engine import MODES, AllocationInputError, allocate, parse_instance
from harambee.core.memory import cycle_collector_paused


class Command(BaseCommand):
    """`harambee allocate FILE.json [--mode optimal|stable]`: print the round's result as JSON.

    Reads no database and needs none of the project's checks (URLs, templates): they are skipped,
    as they cost more than a small round. The result is written by orjson (the standard library's
    encoder with indentation is pure Python: 0.6 s for 10,000 requests, against 0.02 s).
    """

    help = "Run an allocation round on a JSON instance: `allocate FILE.json [--mode optimal|stable]` (FILE - = stdin)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="Instance file (JSON), or - for standard input.")
        parser.add_argument("--mode", choices=MODES, default=None, help="Override the policy's mode.")

    def handle(self, *args, file, mode, **options):
        with cycle_collector_paused():
            self.stdout.write(orjson.dumps(self.run(file, mode), option=orjson.OPT_INDENT_2).decode())

    def run(self, file: str, mode: str | None) -> dict:
        """The round's result as JSON data."""
        if file == "-":
            text = sys.stdin.read()
        else:
            try:
                text = Path(file).read_text(encoding="utf-8")
            except OSError as error:
                raise CommandError(
                    _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error.strerror}
                ) from error
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(
                _("Malformed JSON at line %(line)s, column %(column)s: %(message)s")
                % {"line": error.lineno, "column": error.colno, "message": error.msg}
            ) from error
        try:
            return allocate(parse_instance(data), mode=mode).to_dict()
        except AllocationInputError as error:
            lines = "\n".join(f"- {problem}" for problem in error.errors)
            raise CommandError(
                _("Invalid instance (%(count)s problems):\n%(problems)s")
                % {"count": len(error.errors), "problems": lines}
            ) from error
