"""What the demo prints: its accounts (read from the demo data itself) and the closing block with
the address to open; and where the e-mails sent while loading the demo data go (a file in the
data folder, not the console)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.filebased import EmailBackend as FileEmailBackend
from django.utils.translation import gettext as _

from harambee.accounts.models import User
from harambee.registry.models import MemberStatus

from .data import DEMO_PASSWORD

CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
MAIL_FILE_BACKEND = "harambee.demo.console.DemoMailFileBackend"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str


def demo_accounts() -> list[DemoAccount]:
    """Every demo account, in the order it was created, with what it may do: read from the
    database, so that no account the demo data creates is left out."""
    accounts = []
    languages = dict(settings.LANGUAGES)
    people = User.objects.filter(is_demo=True).prefetch_related("memberships__member__country").order_by("pk")
    for user in people:
        roles = []
        if user.is_secretariat:
            roles.append(_("secretariat (acts for every member, approves organisations)"))
        for membership in user.memberships.all():
            role = _("%(role)s of %(member)s") % {
                "role": membership.get_role_display().lower(),
                "member": membership.member.display_name,
            }
            if membership.member.status == MemberStatus.PENDING:
                role = _("%(role)s (waiting for the secretariat's approval)") % {"role": role}
            roles.append(role)
        if not roles:
            roles.append(_("signed in, acts for no member"))
        description = "; ".join(roles)
        if user.preferred_language and user.preferred_language != settings.LANGUAGE_CODE:
            description = _("%(role)s, prefers %(language)s") % {
                "role": description,
                "language": languages.get(user.preferred_language, user.preferred_language),
            }
        accounts.append(DemoAccount(email=user.email, role=description))
    return accounts


def demo_url(host: str, port: int) -> str:
    """The address a browser opens for a server bound to ``host``:``port``."""
    if host in ("", "0", "0.0.0.0", "::"):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def closing_block(*, url: str, serving: bool) -> str:
    """The block the demo prints last: where to go, who to sign in as, how to stop."""
    accounts = demo_accounts()
    width = max((len(account.email) for account in accounts), default=0) + 2
    rule = "=" * 72
    lines = [rule, _("Harambee demo: open %(url)s") % {"url": url}, ""]
    lines.append(_("Demo accounts (every one has the password %(password)s):") % {"password": DEMO_PASSWORD})
    lines += [f"  {account.email:{width}}{account.role}" for account in accounts]
    lines.append("")
    if serving:
        lines.append(_("E-mails the demo sends from now on are printed below."))
        lines.append(_("Stop the demo with Ctrl+C."))
    else:
        lines.append(
            _("Not serving (--no-serve). Serve it with: harambee demo --port %(port)s")
            % {"port": url.rstrip("/").rsplit(":", 1)[-1]}
        )
    lines.append(rule)
    return "\n".join(lines)


def demo_mail_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-mail.txt"


class DemoMailFileBackend(FileEmailBackend):
    """Appends every message to one file in the data folder, as the console would print it."""

    sent = 0

    def __init__(self, *args, **kwargs):
        kwargs["file_path"] = str(demo_mail_file().parent)
        super().__init__(*args, **kwargs)

    def _get_filename(self):
        return str(demo_mail_file())

    def send_messages(self, email_messages):
        count = super().send_messages(email_messages)
        DemoMailFileBackend.sent += count or 0
        return count


@contextlib.contextmanager
def mail_kept_in_a_file():
    """While loading the demo data, e-mails that would be printed on the console go to
    ``demo_mail_file()`` (emptied first); yields a function that tells how many were kept,
    or None when e-mails do not go to the console (tests, SMTP)."""
    if settings.EMAIL_BACKEND != CONSOLE_BACKEND:
        yield None
        return
    path = demo_mail_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("", encoding="utf-8")
    DemoMailFileBackend.sent = 0
    settings.EMAIL_BACKEND = MAIL_FILE_BACKEND
    try:
        yield lambda: DemoMailFileBackend.sent
    finally:
        settings.EMAIL_BACKEND = CONSOLE_BACKEND
