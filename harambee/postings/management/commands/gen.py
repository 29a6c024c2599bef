import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.core.devtools import DevToolMissing, synthetic_postings_generator
from harambee.core.progress import Stopwatch, progress
from harambee.postings.importing import postings_import
from harambee.postings.models import Posting
from harambee.registry.models import Member, MemberStatus


class Command(BaseCommand):
    help = (
        "Generate a realistic synthetic dataset: `gen postings --count N [--seed S] [--out FILE]` "
        "(needs the development dependencies)."
    )

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["postings"])
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--out", default="", help="Write JSON Lines to this file instead of the database.")
        parser.add_argument("--quiet", action="store_true", help="No progress and no summary (as --verbosity 0).")

    def handle(self, *args, what, count, seed, out, quiet, verbosity, **options):
        if quiet:
            verbosity = 0
        if not 0 < count <= 2_000_000:
            raise CommandError(_("--count must be between 1 and 2,000,000."))
        try:
            generate_postings = synthetic_postings_generator()
        except DevToolMissing as missing:
            raise CommandError(str(missing)) from None
        members = [
            (code.upper(), kind)
            for code, kind in Member.objects.filter(status=MemberStatus.ACTIVE).values_list("code", "kind")
        ]
        if not members:
            raise CommandError(_("There are no active members; load the demo data or add members first."))
        start = Posting.objects.filter(external_id__startswith="GEN-").count()
        stopwatch = Stopwatch()
        rows = generate_postings(count, members=members, seed=seed, start_index=start, today=date.today())
        rows = progress(
            rows,
            total=count,
            label=_("Generating"),
            unit=_("postings"),
            stream=self.stderr,
            verbosity=verbosity,
            then="" if out else _("Saving to the database…"),
        )
        lines = (json.dumps(row, ensure_ascii=False) for row in rows)
        if out:
            with Path(out).open("w", encoding="utf-8") as handle:
                for line in lines:
                    handle.write(line + "\n")
            if verbosity:
                self.stdout.write(
                    _("Wrote %(count)s postings to %(file)s in %(seconds)s s (%(rate)s postings/s).")
                    % {**stopwatch.summary(count), "file": out}
                )
            return
        report = postings_import(lines=lines)
        if report.problems:
            raise CommandError("; ".join(str(p) for p in report.problems[:5]))
        if verbosity:
            self.stdout.write(
                _("Generated %(count)s postings in %(seconds)s s (%(rate)s postings/s).")
                % stopwatch.summary(report.created + report.updated)
            )
