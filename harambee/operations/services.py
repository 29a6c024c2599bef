"""Writes of operations: the retention job (periods in settings; docs/operations.md)."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record
from harambee.notifications.models import Notification

from .models import RetentionRun


@transaction.atomic
def retention_run(*, now=None) -> RetentionRun:
    """Delete what is older than its retention period — notifications (read or not) after
    ``HARAMBEE_RETAIN_NOTIFICATIONS_DAYS``, failed sign-in records after ``HARAMBEE_RETAIN_SIGN_IN_DAYS``
    (whatever their cool-off) — and record the counts in one audited run."""
    now = now or timezone.now()
    notifications, _rows = Notification.objects.filter(
        created_at__lt=now - timedelta(days=settings.HARAMBEE_RETAIN_NOTIFICATIONS_DAYS)
    ).delete()
    sign_ins, _rows = AccessAttempt.objects.filter(
        attempt_time__lt=now - timedelta(days=settings.HARAMBEE_RETAIN_SIGN_IN_DAYS)
    ).delete()
    counts = {"notifications": notifications, "sign_in_records": sign_ins}
    run = RetentionRun.objects.create(counts=counts)
    audit_record(
        actor=None,
        action=AuditAction.DELETE,
        instance=run,
        changes={kind: [count, 0] for kind, count in counts.items()},
        reason=gettext("Deleted after their retention period"),
    )
    return run
