"""Sending notifications: in the app at once, by e-mail in the background after the transaction commits."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record
from harambee.background.queue import enqueue_on_commit

from .models import MESSAGES, Notification
from .tasks import notification_send_mail


@transaction.atomic
def notify(
    *, recipients, kind: str, params: dict, url_name: str = "", url_kwargs: dict | None = None, email: bool = True
) -> list[Notification]:
    """Notify each recipient once (duplicates and inactive accounts skipped); e-mails are sent in
    each recipient's preferred language by a background task enqueued when the surrounding transaction
    commits.

    ``params`` fill the kind's message (values per language from ``in_every_language`` are shown
    in the reader's language); ``url_name`` and ``url_kwargs`` name the page to act on, reversed
    in each reader's language."""
    if kind not in MESSAGES:
        raise ValueError(f"unknown notification kind {kind!r}")
    url_kwargs = url_kwargs or {}
    if url_name:
        reverse(url_name, kwargs=url_kwargs)  # a link that cannot be built is a bug: fail here, not in a mail
    unique = {user.pk: user for user in recipients if user is not None and user.is_active}
    created = [
        Notification.objects.create(recipient=user, kind=kind, params=params, url_name=url_name, url_kwargs=url_kwargs)
        for user in unique.values()
    ]
    if email:
        for notification in created:
            enqueue_on_commit(notification_send_mail, notification.pk)
    return created


@transaction.atomic
def notification_mark_read(*, notification: Notification, actor) -> Notification:
    """Mark one of the actor's own notifications as read (others' are not found)."""
    notification = Notification.objects.select_for_update().get(pk=notification.pk, recipient=actor)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=notification, changes={"read": [False, True]})
    return notification


@transaction.atomic
def notifications_mark_all_read(*, actor) -> int:
    """Mark all the actor's notifications as read; returns how many changed."""
    unread = list(Notification.objects.filter(recipient=actor, read_at__isnull=True))
    now = timezone.now()
    for notification in unread:
        notification.read_at = now
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=notification, changes={"read": [False, True]})
    Notification.objects.filter(pk__in=[n.pk for n in unread]).update(read_at=now)
    return len(unread)
