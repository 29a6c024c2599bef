"""Writes of background work that people make: the secretariat retries a failed task."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record
from harambee.registry.access import is_secretariat


@transaction.atomic
def task_retry(*, task: DBTaskResult, actor) -> DBTaskResult:
    """Queue a failed task again, with a fresh set of attempts; only the secretariat may."""
    if not is_secretariat(actor):
        raise PermissionDenied(_("Only the secretariat can retry background work."))
    task = DBTaskResult.objects.select_for_update().get(pk=task.pk)
    if task.status != TaskResultStatus.FAILED:
        raise ValidationError(_("Only a failed task can be retried; this one is no longer failed."))
    attempts = len(task.worker_ids)
    task.status = TaskResultStatus.READY
    task.run_after = timezone.now()
    task.finished_at = None
    task.worker_ids = []
    task.save(update_fields=["status", "run_after", "finished_at", "worker_ids"])
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=task,
        changes={"status": [TaskResultStatus.FAILED, TaskResultStatus.READY], "attempts": [attempts, 0]},
        reason=_("Retried by the secretariat after: %(error)s") % {"error": task.exception_class_path},
    )
    return task
