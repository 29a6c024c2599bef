"""What the workspace stores: when each person last looked at what waits for them."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: On a person's first visit, "new" means newer than this.
FIRST_VISIT_WINDOW = timedelta(days=30)


class Visit(models.Model):
    """A person's visits to their workspace ("What needs me"): the current one and the one before.

    Reloading the page within ``VISIT_GAP`` (services.py) continues the same visit, so that what was
    new when it began stays marked new until the person leaves; "new since your last visit" means
    newer than ``previous_at``.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="workspace_visit",
    )
    last_at = models.DateTimeField(_("last seen"))
    previous_at = models.DateTimeField(_("seen before"), null=True, blank=True)

    class Meta:
        verbose_name = _("workspace visit")
        verbose_name_plural = _("workspace visits")

    def __str__(self) -> str:
        return f"visit of {self.user_id}"

    @property
    def since(self) -> datetime:
        """Since when things count as new: the visit before this one (on a first visit, the last
        ``FIRST_VISIT_WINDOW``)."""
        return self.previous_at or self.last_at - FIRST_VISIT_WINDOW
