"""The audit trail: one row per create, update, delete or state change of a domain object."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.core.usertext import UserCharField, UserTextField

from .display import prepare


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Updated")
    DELETE = "delete", _("Deleted")
    TRANSITION = "transition", _("State changed")


class AuditEntry(models.Model):
    """Who did what to which object, when, with field-level before/after values and a reason.

    `member_code` scopes the entry to the member whose object changed, so a member can read
    its own history without the audit app depending on the registry. `is_public` marks
    entries about public objects whose changed fields may be shown to anyone.
    """

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=AuditAction.choices, db_index=True)
    content_type = models.ForeignKey(ContentType, verbose_name=_("object type"), on_delete=models.PROTECT)
    object_id = models.CharField(_("object id"), max_length=64, db_index=True)
    object_repr = UserCharField(_("object"), max_length=300)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = UserTextField(_("reason"), blank=True)
    member_code = models.CharField(_("member"), max_length=32, blank=True, db_index=True)
    is_public = models.BooleanField(_("public"), default=False)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def change_rows(self) -> list[tuple[str, object, object]]:
        """(label, before, after) in the reader's language: codes by their labels, ids by the names of
        what they refer to, people by the registry's rule; prepared for a whole page by
        `display.prepare`, else for this entry alone as the public sees it."""
        if not hasattr(self, "prepared_rows"):
            prepare([self])
        return self.prepared_rows

    def who(self) -> str:
        """Who made the change, named by the registry's rule for people (never an e-mail address)."""
        if not hasattr(self, "who_label"):
            prepare([self])
        return self.who_label
