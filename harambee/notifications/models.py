"""In-app notifications. A notification stores a kind and its parameters, not text, so that each
reader sees it in the language they read the site in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# kind -> message with %(name)s placeholders, registered by the apps that send notifications
MESSAGES: dict[str, object] = {}


def register_message(kind: str, message) -> None:
    """Declare the (lazily translated) text of a kind of notification."""
    MESSAGES[kind] = message


class Notification(models.Model):
    """Something a person should know about, with a link to where to act."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=50)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    def link(self, language: str) -> str:
        """The notification's page in ``language`` (URLs are stored without a language prefix)."""
        if not self.url:
            return ""
        code = "zh-hans" if language.startswith("zh") else language.split("-")[0]
        return f"/{code}{self.url}"

    @property
    def message(self) -> str:
        """The text in the active language (the kind itself when no app registered it)."""
        template = MESSAGES.get(self.kind)
        if template is None:
            return self.kind
        try:
            return str(template) % self.params
        except (KeyError, TypeError, ValueError):
            return str(template)
