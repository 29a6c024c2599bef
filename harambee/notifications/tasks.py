"""Background tasks of notifications: the e-mail of each notification."""

from django.core.mail import send_mail
from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task

from .models import Notification


@background_task(label=_("E-mail a notification"), queue="mail", attempts=6, backoff=60)
def notification_send_mail(notification_id: int) -> bool:
    """Send a notification's e-mail in its recipient's language; False when the notification is gone."""
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None:
        return False
    subject, body = notification.email()
    send_mail(subject, body, None, [notification.recipient.email])
    return True
