import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.postings.importing import postings_import
from harambee.postings.models import Posting
from harambee.registry.models import Member, MemberStatus


class Command(BaseCommand):
    help = "Generate a realistic synthetic dataset: `gen postings --count N [--seed S] [--out FILE]`."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["postings"])
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--out", default="", help="Write JSON Lines to this file instead of the database.")

    def handle(self, *args, what, count, seed, out, **options):
        from harambee.postings.synthetic import generate_postings

        if not 0 < count <= 2_000_000:
            raise CommandError(_("--count must be between 1 and 2,000,000."))
        members = [
            (code.upper(), kind)
            for code, kind in Member.objects.filter(status=MemberStatus.ACTIVE).values_list("code", "kind")
        ]
        if not members:
            raise CommandError(_("There are no active members; load the demo data or add members first."))
        start = Posting.objects.filter(external_id__startswith="GEN-").count()
        rows = generate_postings(count, members=members, seed=seed, start_index=start, today=date.today())
        lines = (json.dumps(row, ensure_ascii=False) for row in rows)
        if out:
            with Path(out).open("w", encoding="utf-8") as handle:
                for line in lines:
                    handle.write(line + "\n")
            self.stdout.write(_("Wrote %(count)s postings to %(file)s.") % {"count": count, "file": out})
            return
        report = postings_import(lines=lines)
        if report.problems:
            raise CommandError("; ".join(str(p) for p in report.problems[:5]))
        self.stdout.write(_("Generated %(count)s postings.") % {"count": report.created + report.updated})
