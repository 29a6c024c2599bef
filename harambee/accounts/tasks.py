"""Background tasks of accounts: the e-mails with an invitation link or a password-reset link.

Neither link is in the task's arguments (they are stored in the task's row): each task rebuilds its
link from the database and the secret key when it runs.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMultiAlternatives, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.background.queue import background_task
from harambee.core.formats import format_moment

from .models import Invitation, InvitationStatus, User

PASSWORD_RESET_SUBJECT = "accounts/password_reset_subject.txt"
PASSWORD_RESET_BODY = "accounts/password_reset_email.txt"


@background_task(label=gettext_lazy("E-mail an invitation"), queue="mail", attempts=6, backoff=60)
def invitation_send_mail(invitation_id: int, base_url: str, language: str) -> bool:
    """Mail an open invitation's link, in the inviter's language at the time; False when the
    invitation was revoked or used meanwhile."""
    invitation = Invitation.objects.select_related("member", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or invitation.status != InvitationStatus.OPEN:
        return False
    with translation.override(language):
        link = base_url.rstrip("/") + reverse("accounts:invitation_accept", kwargs={"token": invitation.link_token()})
        target = invitation.member.display_name if invitation.member else _("the Harambee secretariat")
        subject = _("Invitation to join %(target)s on Harambee") % {"target": target}
        body = _(
            "%(inviter)s invites you to join %(target)s on Harambee, the platform for international "
            "cooperation on AI capacity-building.\n\nAccept the invitation here (valid until %(date)s):\n%(link)s\n"
        ) % {
            "inviter": invitation.invited_by.full_name or invitation.invited_by.email,
            "target": target,
            "date": format_moment(invitation.expires_at, language),
            "link": link,
        }
        if invitation.message:
            body += "\n" + invitation.message + "\n"
    send_mail(subject, body, None, [invitation.email])
    return True


@background_task(label=gettext_lazy("E-mail a password-reset link"), queue="mail", attempts=4, backoff=60)
def password_reset_send_mail(user_id: int, domain: str, protocol: str, site_name: str) -> bool:
    """Mail a reset link, made now, in the person's preferred language; False when the account can no
    longer reset its password (deactivated meanwhile)."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password():
        return False
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": site_name,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol,
    }
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = "".join(render_to_string(PASSWORD_RESET_SUBJECT, context).splitlines())
        body = render_to_string(PASSWORD_RESET_BODY, context)
    EmailMultiAlternatives(subject, body, None, [user.email]).send()
    return True
