from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from harambee.postings.importing import import_runs_recover
from harambee.postings.services import postings_expire, postings_send_expiry_reminders
from harambee.postings.uploads import uploads_expire


class Command(BaseCommand):
    help = (
        "Daily housekeeping of needs and offers: expire those past their date, send reminders, remove "
        "unconfirmed uploads of the web import, roll back imports whose process died."
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
        expired = postings_expire(today=day)
        reminded = postings_send_expiry_reminders(today=day, days_before=remind_days)
        self.stdout.write(_("%(expired)s expired, %(reminded)s reminded.") % {"expired": expired, "reminded": reminded})
        uploads = uploads_expire()
        runs = import_runs_recover()
        self.stdout.write(
            _("%(uploads)s unconfirmed uploads removed, %(runs)s interrupted imports rolled back.")
            % {"uploads": uploads, "runs": runs}
        )
