"""The daily housekeeping of cooperations, run by the task workers every day (HARAMBEE_SCHEDULE) and
by ``harambee cooperations housekeeping``: reminders of due milestones and progress updates."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task

from .services import cooperations_send_reminders


@background_task(label=_("Daily housekeeping of cooperations"), attempts=3, backoff=600)
def cooperations_housekeeping_task() -> int:
    return cooperations_send_reminders(today=timezone.localdate())
