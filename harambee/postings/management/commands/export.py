from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.core.csvfile import csv_write
from harambee.core.exchange import EXPORTERS
from harambee.core.progress import command_progress
from harambee.postings.importing import postings_csv_rows, postings_export_lines
from harambee.postings.models import Posting
from harambee.registry.models import Member


class Command(BaseCommand):
    help = "Export data: `export postings [--format jsonl|csv] [--member CODE] [--kind need|offer] [--out FILE]`."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["postings", *sorted(EXPORTERS)])
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--member", default="")
        parser.add_argument("--kind", choices=["need", "offer"], default="")
        parser.add_argument("--out", default="-", help="Output file (default: standard output).")

    def handle(self, *args, what, format, member, kind, out, verbosity, **options):
        if what != "postings":
            shown = command_progress(self, label=_("Exporting"), unit=what, verbosity=verbosity)
            EXPORTERS[what](member=member, out=out, stdout=self.stdout, stderr=self.stderr, progress=shown)
            return
        postings = Posting.objects.all()
        if member:
            postings = postings.filter(member__code=member.lower())
            if not postings.exists() and not Posting.objects.filter(member__code=member.lower()).exists():
                if not Member.objects.filter(code=member.lower()).exists():
                    raise CommandError(_("Unknown member: %(code)s") % {"code": member})
        if kind:
            postings = postings.filter(kind=kind)
        if format == "csv":
            csv_write(postings_csv_rows(postings), out=out, stdout=self.stdout)
            return
        chunks = postings_export_lines(postings)
        if out == "-":
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
            return
        with Path(out).open("w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
