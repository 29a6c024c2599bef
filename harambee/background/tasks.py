"""The background app's own periodic job: forgetting old task rows."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import ScheduledRun
from .queue import background_task

KEEP_SUCCESSFUL = timedelta(days=7)
KEEP_FAILED = timedelta(days=30)


@background_task(label=_("Forget old finished tasks"))
def background_prune() -> dict:
    """Delete tasks that succeeded more than a week ago, failed ones after a month, and the schedule's
    rows of the same age."""
    now = timezone.now()
    successful, _rows = DBTaskResult.objects.filter(
        status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - KEEP_SUCCESSFUL
    ).delete()
    failed, _rows = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED, finished_at__lt=now - KEEP_FAILED
    ).delete()
    runs, _rows = ScheduledRun.objects.filter(enqueued_at__lt=now - KEEP_FAILED).delete()
    return {"successful": successful, "failed": failed, "scheduled_runs": runs}
