from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.postings.housekeeping import postings_housekeeping


class Command(BaseCommand):
    help = (
        "Daily housekeeping of needs and offers: expire those past their date, send reminders, remove "
        "unconfirmed uploads of the web import, roll back imports whose process died. The task workers "
        "run it every day; run it by hand to catch up or to act as if on another day."
    )

    def add_arguments(self, parser):
        parser.add_argument("task", choices=["housekeeping"])
        parser.add_argument("--today", default="", help="Run as if today were YYYY-MM-DD.")
        parser.add_argument("--remind-days", type=int, default=14)

    def handle(self, *args, task, today, remind_days, **options):
        try:
            day = date.fromisoformat(today) if today else date.today()
        except ValueError as error:
            raise CommandError(_("Not a valid date (YYYY-MM-DD): %(value)s") % {"value": today}) from error
        done = postings_housekeeping(today=day, remind_days=remind_days)
        self.stdout.write(
            _("%(expired)s expired, %(reminded)s reminded.") % {"expired": done.expired, "reminded": done.reminded}
        )
        self.stdout.write(
            _("%(uploads)s unconfirmed uploads removed, %(runs)s interrupted imports rolled back.")
            % {"uploads": done.uploads, "runs": done.runs}
        )
