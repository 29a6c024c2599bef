"""The background task that keeps the dashboard's figures ready (`services.snapshots_refresh`)."""

from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task, enqueue_on_commit

from .services import snapshots_refresh


@background_task(label=_("Compute the dashboard's figures"), attempts=3, backoff=60)
def transparency_figures_refresh() -> list[str]:
    """Compute the figures of the unfiltered dashboard and of each year's report, and store them."""
    return snapshots_refresh()


def figures_refresh_later() -> None:
    """Enqueue the refresh once the current transaction commits (after the demo data is loaded…)."""
    enqueue_on_commit(transparency_figures_refresh)
