"""Background tasks of needs and offers: the reminder e-mail before a posting closes."""

from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.background.queue import background_task
from harambee.core.text import shorten

from .models import Posting


@background_task(label=gettext_lazy("E-mail a closing-date reminder"), queue="mail", attempts=6, backoff=60)
def posting_reminder_mail(posting_id: int, language: str) -> bool:
    """Remind the posting's contact (else its member's managers and editors) that it closes soon."""
    posting = Posting.objects.select_related("member", "contact").filter(pk=posting_id).first()
    if posting is None:
        return False
    recipients = list(
        posting.member.memberships.filter(role__in=["manager", "editor"]).values_list("user__email", flat=True)
    )
    if posting.contact_id:
        recipients = [posting.contact.email]
    if not recipients:
        return False
    with translation.override(language):
        title = shorten(posting.title, 80)
        subject = _("“%(title)s” closes on %(date)s") % {"title": title, "date": posting.expiry_date}
        body = _(
            "Your posting “%(title)s” on Harambee closes on %(date)s. Update its dates if it stays open, "
            "or mark it fulfilled or closed."
        ) % {"title": posting.title, "date": posting.expiry_date}
    send_mail(subject, body, None, recipients)
    return True
