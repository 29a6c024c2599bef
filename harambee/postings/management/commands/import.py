import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.core.exchange import IMPORTERS
from harambee.core.progress import Stopwatch, command_progress, progress
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

    def handle(self, *args, what, files, member, dry_run, create_missing_members, verbosity, **options):
        stopwatch = Stopwatch()
        if what != "postings":
            shown = command_progress(self, label=_("Importing"), unit=_("files"), verbosity=verbosity)
            IMPORTERS[what](files=files, dry_run=dry_run, stdout=self.stdout, stderr=self.stderr, progress=shown)
            return
        lines = progress(
            self._lines(files),
            total=self._count_lines(files),
            label=_("Checking"),
            unit=_("lines"),
            stream=self.stderr,
            verbosity=verbosity,
            then="" if dry_run else _("Saving to the database…"),
        )
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
        timing = stopwatch.summary(report.lines)
        self.stdout.write(
            _(
                "%(verb)s %(lines)s lines: %(created)s created, %(updated)s updated, %(unchanged)s unchanged "
                "(%(seconds)s s, %(rate)s lines/s)."
            )
            % {"verb": verb, "lines": report.lines, "created": report.created, "updated": report.updated,
               "unchanged": report.unchanged, "seconds": timing["seconds"], "rate": timing["rate"]}
        )  # fmt: skip
        if report.members_created:
            self.stdout.write(
                _("Pending members created: %(codes)s")
                % {"codes": ", ".join(c.upper() for c in report.members_created)}
            )

    def _count_lines(self, files) -> int | None:
        """Lines in the files, for the progress bar (None when one is standard input or missing)."""
        if "-" in files or not all(Path(name).is_file() for name in files):
            return None
        total = 0
        for name in files:
            with Path(name).open("rb") as handle:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        return total

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
