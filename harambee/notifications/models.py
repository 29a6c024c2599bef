"""In-app notifications. A notification stores a kind, its parameters and the name of the page it
links to, not text, so that each reader sees it in the language they read the site in.

A parameter is a plain value (a title, a number, a person's name) or a dict of values per language
(``in_every_language``), e.g. a member's name, which the reader sees in their own language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from harambee.core.text import shorten


@dataclass(frozen=True)
class Kind:
    """What a kind of notification says: who did what (``message``) and what to do next."""

    message: object
    next_step: object


SUBJECT_LIMIT = 100  # characters of an e-mail subject, "Harambee: " included

# kind -> Kind with %(name)s placeholders, registered by the apps that send notifications
MESSAGES: dict[str, Kind] = {}


def register_message(kind: str, message, next_step) -> None:
    """Declare the (lazily translated) text of a kind of notification and the next step it asks for."""
    MESSAGES[kind] = Kind(message=message, next_step=next_step)


def in_every_language(function) -> str | dict[str, str]:
    """``function()`` evaluated in each language of the site, for a parameter each reader sees in
    their own language; a plain value when it is the same in every language (a person's name)."""
    values = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values[code] = str(function())
    distinct = set(values.values())
    return distinct.pop() if len(distinct) == 1 else values


def _in_language(value, language: str):
    if isinstance(value, dict):
        return value.get(language) or value.get(settings.LANGUAGE_CODE) or next(iter(value.values()), "")
    return value


def isolate(value):
    """A parameter as an isolated run of text (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE), the
    plain-text form of <bdi>: a Latin title in an Arabic sentence keeps its full stop and figures
    where its writer put them, on the page and in the e-mail alike. Numbers stay as they are."""
    return f"\u2068{value}\u2069" if isinstance(value, str) and value else value


class _Params(dict):
    """Parameters in one language; a parameter an older notification lacks shows as "…"."""

    def __missing__(self, key):
        return "…"


class Notification(models.Model):
    """Something a person should know about, with a link to where to act."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=50)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    url_name = models.CharField(_("link"), max_length=100, blank=True, help_text=_("A URL pattern name."))
    url_kwargs = models.JSONField(_("link parameters"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    def link(self, language: str | None = None) -> str:
        """The path of the notification's page in ``language`` (the active one by default)."""
        if not self.url_name:
            return ""
        with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
            try:
                return reverse(self.url_name, kwargs=self.url_kwargs or {})
            except NoReverseMatch:
                return ""

    def _text(self, attribute: str) -> str:
        kind = MESSAGES.get(self.kind)
        if kind is None:
            return self.kind if attribute == "message" else ""
        template = str(getattr(kind, attribute))
        language = translation.get_language() or settings.LANGUAGE_CODE
        params = _Params({key: isolate(_in_language(value, language)) for key, value in (self.params or {}).items()})
        try:
            return template % params
        except (TypeError, ValueError):
            return template

    @property
    def message(self) -> str:
        """Who did what, in the active language (the kind itself when no app registered it)."""
        return self._text("message")

    @property
    def next_step(self) -> str:
        """What the recipient can do next, in the active language."""
        return self._text("next_step")

    def email(self) -> tuple[str, str]:
        """The subject and body of the notification's e-mail in its recipient's preferred language,
        with an absolute link in that language; the subject is shortened at a word boundary."""
        language = self.recipient.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            text = self.message
            # a subject is one short plain line: without the isolates, so that none is cut in half
            plain = text.replace("\u2068", "").replace("\u2069", "")
            subject = shorten(gettext("Harambee: %(message)s") % {"message": plain}, SUBJECT_LIMIT)
            lines = [text, "", self.next_step]
            link = self.link(language)
            if link:
                lines.append(f"{settings.HARAMBEE_SITE_URL.rstrip('/')}{link}")
        return subject, "\n".join(lines).strip() + "\n"
