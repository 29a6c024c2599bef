"""Writes of operations: the retention job (periods in settings; docs/operations.md)."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record
from harambee.events.registration_services import personal_data_erase_due
from harambee.notifications.models import Notification
from harambee.postings.importing import imports_finished_delete
from harambee.postings.uploads import uploads_expire

from .models import RetentionRun


@transaction.atomic
def retention_run(*, now=None) -> RetentionRun:
    """Delete what is older than its retention period and record the counts in one audited run:

    * notifications (read or not) after ``HARAMBEE_RETAIN_NOTIFICATIONS_DAYS``;
    * failed sign-in records after ``HARAMBEE_RETAIN_SIGN_IN_DAYS`` (whatever their cool-off);
    * import staging after ``HARAMBEE_RETAIN_IMPORT_FILES_DAYS``: files uploaded to the web import and
      never confirmed (`postings.uploads`, normally removed within the hour by the postings'
      housekeeping: this is the backstop) and the bookkeeping rows of finished imports
      (`postings.ImportRun`, applied or rolled back; its actor, host and error go with it);
    * delegates' personal data (passport details, date of birth, needs, nomination letters) of events
      that ended more than ``HARAMBEE_DELEGATE_DATA_RETENTION_DAYS`` ago — the events' own rule,
      `events.registration_services.personal_data_erase_due`, which also audits each event.
    """
    now = now or timezone.now()
    notifications, _rows = Notification.objects.filter(
        created_at__lt=now - timedelta(days=settings.HARAMBEE_RETAIN_NOTIFICATIONS_DAYS)
    ).delete()
    sign_ins, _rows = AccessAttempt.objects.filter(
        attempt_time__lt=now - timedelta(days=settings.HARAMBEE_RETAIN_SIGN_IN_DAYS)
    ).delete()
    import_days = timedelta(days=settings.HARAMBEE_RETAIN_IMPORT_FILES_DAYS)
    import_files = uploads_expire(older_than=import_days, now=now)
    import_runs = imports_finished_delete(before=now - import_days)
    delegates = personal_data_erase_due(today=timezone.localdate(now))
    counts = {
        "notifications": notifications,
        "sign_in_records": sign_ins,
        "import_files": import_files,
        "import_runs": import_runs,
        "delegates_personal_data": delegates,
    }
    run = RetentionRun.objects.create(counts=counts)
    audit_record(
        actor=None,
        action=AuditAction.DELETE,
        instance=run,
        changes={kind: [count, 0] for kind, count in counts.items()},
        reason=gettext("Deleted after their retention period"),
    )
    return run
