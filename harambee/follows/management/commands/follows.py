"""``harambee follows digest [--now YYYY-MM-DDTHH:MM]``: the digest of what people follow, for every
follow whose period has passed. The task workers run it every day (HARAMBEE_SCHEDULE); run it by hand
to catch up or to act as if at another time."""

from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from harambee.follows.services import follows_digest_run


class Command(BaseCommand):
    help = "Follows: send the digests that are due (in-app notifications and e-mails)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        digest = sub.add_parser("digest", help="send the digests that are due")
        digest.add_argument("--now", help="the moment to act at (ISO 8601, UTC when no offset; default: now)")

    def handle(self, *args, action, now=None, **options):
        try:
            moment = datetime.fromisoformat(now) if now else timezone.now()
        except ValueError:
            raise CommandError(f"--now: {now!r} is not a date and time (YYYY-MM-DDTHH:MM)") from None
        if timezone.is_naive(moment):
            moment = moment.replace(tzinfo=UTC)
        done = follows_digest_run(now=moment)
        self.stdout.write(f"{done['due']} follows due, {done['notified']} notifications, {done['mails']} e-mails")
