"""``harambee cooperations housekeeping [--today YYYY-MM-DD] [--remind-days N]``: reminders of due
milestones and progress updates. The task workers run it every day (HARAMBEE_SCHEDULE); run it by
hand to catch up or to act as if on another day."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from harambee.cooperation.services import cooperations_send_reminders


class Command(BaseCommand):
    help = "Cooperation housekeeping: remind focal points of due milestones and progress updates."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        house = sub.add_parser("housekeeping", help="send the reminders that are due")
        house.add_argument("--today", help="the date to act on (default: today)")
        house.add_argument("--remind-days", type=int, default=14)

    def handle(self, *args, action, today=None, remind_days=14, **options):
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError(f"--today: {today!r} is not a date (YYYY-MM-DD)") from None
        sent = cooperations_send_reminders(today=day, days_before=remind_days)
        self.stdout.write(f"{sent} reminders sent")
