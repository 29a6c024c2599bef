"""Background tasks of needs and offers: the reminder e-mail before a posting closes."""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.background.queue import background_task
from harambee.core.text import shorten
from harambee.registry.selectors import member_editors

from .choices import KIND_PATHS
from .models import Posting


@background_task(label=gettext_lazy("E-mail a closing-date reminder"), queue="mail", attempts=6, backoff=60)
def posting_reminder_mail(posting_id: int, language: str) -> bool:
    """Remind the posting's contact (else its member's editors and managers) that it closes soon, each
    in their preferred language (`language`, the sender's, when they have none), with the link to the
    posting reversed in that language."""
    posting = Posting.objects.select_related("member", "contact").filter(pk=posting_id).first()
    if posting is None:
        return False
    people = [posting.contact] if posting.contact_id else member_editors(posting.member)
    by_language: dict[str, list[str]] = {}
    for person in people:
        by_language.setdefault(person.preferred_language or language, []).append(person.email)
    for reader_language, recipients in sorted(by_language.items()):
        with translation.override(reader_language):
            title = shorten(posting.title, 80)
            subject = _("“%(title)s” closes on %(date)s") % {"title": title, "date": posting.expiry_date}
            body = _(
                "Your posting “%(title)s” on Harambee closes on %(date)s. Update its dates if it stays open, "
                "or mark it fulfilled or closed."
            ) % {"title": posting.title, "date": posting.expiry_date}
            link = reverse(
                "postings:detail", kwargs={"kind_path": KIND_PATHS[posting.kind], "external_id": posting.external_id}
            )
        send_mail(subject, f"{body}\n\n{settings.HARAMBEE_SITE_URL.rstrip('/')}{link}\n", None, recipients)
    return bool(by_language)
