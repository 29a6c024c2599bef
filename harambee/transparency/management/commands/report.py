"""``harambee report --year 2026 --lang fr --out report.pdf``: the year's implementation report
(the dashboard's figures and charts, the method and the disclaimer) as PDF, or as HTML when the
output file's name ends in .html."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from harambee.transparency import selectors
from harambee.transparency.report import report_html, report_pdf
from harambee.transparency.services import snapshot_refresh


class Command(BaseCommand):
    help = "Write the year's implementation report (PDF, or HTML for a .html file) in one of the six languages."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=None, help="the year reported on (default: this year)")
        parser.add_argument("--lang", default="en", help="en, fr, es, ru, ar or zh-hans (default: en)")
        parser.add_argument("--out", required=True, help="the file to write (.pdf or .html)")

    def handle(self, *args, year=None, lang="en", out, **options):
        languages = [code for code, _name in settings.LANGUAGES]
        if lang not in languages:
            raise CommandError(f"--lang: {lang!r} is not one of {', '.join(languages)}")
        year = year or timezone.localdate().year
        if not 2000 <= year <= 2100:
            raise CommandError(f"--year: {year} is not a year of the platform")
        path = Path(out)
        if not path.parent.is_dir():
            raise CommandError(f"--out: the folder {path.parent} does not exist")
        filters = selectors.Filters(year=year)
        if selectors.snapshot(filters) is None:  # none yet, or stale: compute and keep it for the dashboard
            snapshot_refresh(filters=filters)
        if path.suffix.lower() == ".html":
            path.write_text(report_html(year, lang, standalone=True), encoding="utf-8")
        else:
            path.write_bytes(report_pdf(year, lang))
        self.stdout.write(f"{path}: report {year} in {lang}, {path.stat().st_size:,} bytes")
