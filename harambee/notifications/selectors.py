"""Reads of notifications."""

from django.db.models import QuerySet

from .models import Notification


def notification_list_for_user(*, user) -> QuerySet[Notification]:
    """A person's own notifications, newest first (nobody else's, whatever the role)."""
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient=user)


def unread_count(*, user) -> int:
    return notification_list_for_user(user=user).filter(read_at__isnull=True).count()
