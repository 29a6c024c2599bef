import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.allocation.engine import MODES, AllocationInputError, allocate, parse_instance


class Command(BaseCommand):
    """`harambee allocate FILE.json [--mode optimal|stable]`: print the round's result as JSON."""

    help = "Run an allocation round on a JSON instance: `allocate FILE.json [--mode optimal|stable]` (FILE - = stdin)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Instance file (JSON), or - for standard input.")
        parser.add_argument("--mode", choices=MODES, default=None, help="Override the policy's mode.")

    def handle(self, *args, file, mode, **options):
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
            result = allocate(parse_instance(data), mode=mode)
        except AllocationInputError as error:
            lines = "\n".join(f"- {problem}" for problem in error.errors)
            raise CommandError(
                _("Invalid instance (%(count)s problems):\n%(problems)s")
                % {"count": len(error.errors), "problems": lines}
            ) from error
        self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
