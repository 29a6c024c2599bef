"""The daily housekeeping of needs and offers, run by the task workers every day (HARAMBEE_SCHEDULE)
and by ``harambee postings housekeeping``: expiry, closing-date reminders, unconfirmed uploads of the
web import, imports whose process died."""

from dataclasses import asdict, dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task

from .importing import import_runs_recover
from .services import postings_expire, postings_send_expiry_reminders
from .uploads import uploads_expire


@dataclass(frozen=True)
class Housekeeping:
    expired: int
    reminded: int
    uploads: int
    runs: int


def postings_housekeeping(*, today: date | None = None, remind_days: int = 14) -> Housekeeping:
    """Expire what is past its date, remind what closes within ``remind_days``, remove unconfirmed
    uploads and roll back dead imports; how many of each."""
    day = today or date.today()
    return Housekeeping(
        expired=postings_expire(today=day),
        reminded=postings_send_expiry_reminders(today=day, days_before=remind_days),
        uploads=uploads_expire(),
        runs=import_runs_recover(),
    )


@background_task(label=_("Daily housekeeping of needs and offers"), attempts=3, backoff=600)
def postings_housekeeping_task() -> dict:
    return asdict(postings_housekeeping())
