import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.core.exchange import IMPORTERS
from harambee.postings.importing import postings_import


class Command(BaseCommand):
    help = "Import data: `import postings FILE… [--member CODE] [--dry-run] [--create-missing-members]`."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["postings", *sorted(IMPORTERS)], help="What to import.")
        parser.add_argument("files", nargs="+", help="JSON Lines files ('-' reads standard input).")
        parser.add_argument("--member", default="", help="Import every posting as this member.")
        parser.add_argument("--dry-run", action="store_true", help="Validate and report; write nothing.")
        parser.add_argument(
            "--create-missing-members", action="store_true", help="Create unknown members as pending members."
        )

    def handle(self, *args, what, files, member, dry_run, create_missing_members, **options):
        if what != "postings":
            IMPORTERS[what](files=files, dry_run=dry_run, stdout=self.stdout, stderr=self.stderr)
            return
        lines = self._lines(files)
        report = postings_import(
            lines=lines, member_code=member, dry_run=dry_run, create_missing_members=create_missing_members
        )
        for problem in report.problems[:200]:
            self.stderr.write(str(problem))
        if report.problems:
            more = len(report.problems) - 200
            if more > 0:
                self.stderr.write(_("… and %(count)s more problems.") % {"count": more})
            raise CommandError(
                _("%(count)s problems in %(lines)s lines; nothing was written.")
                % {"count": len(report.problems), "lines": report.lines}
            )
        verb = _("Would import") if dry_run else _("Imported")
        self.stdout.write(
            _("%(verb)s %(lines)s lines: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
            % {"verb": verb, "lines": report.lines, "created": report.created, "updated": report.updated,
               "unchanged": report.unchanged}
        )  # fmt: skip
        if report.members_created:
            self.stdout.write(
                _("Pending members created: %(codes)s")
                % {"codes": ", ".join(c.upper() for c in report.members_created)}
            )

    def _lines(self, files):
        for name in files:
            if name == "-":
                yield from sys.stdin.buffer
                continue
            path = Path(name)
            if not path.is_file():
                raise CommandError(_("No such file: %(name)s") % {"name": name})
            with path.open("rb") as handle:
                yield from handle
