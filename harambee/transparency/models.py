"""The dashboard's summary table: figures computed by a background task, read by the page and the report."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FigureSnapshot(models.Model):
    """The figures (`selectors.Figures` as JSON) of one combination of filters (`Filters.key`): the
    unfiltered page and each year's report, refreshed by `tasks.transparency_figures_refresh`."""

    key = models.CharField(_("filters"), max_length=200, primary_key=True)
    computed_at = models.DateTimeField(_("computed"))
    data = models.JSONField(_("figures"))

    class Meta:
        verbose_name = _("figures snapshot")
        verbose_name_plural = _("figures snapshots")

    def __str__(self) -> str:
        return self.key
