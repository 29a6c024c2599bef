"""The one write of the transparency app: storing the figures of the dashboard and the reports in
`FigureSnapshot`, so that a page never waits for them (docs/transparency.md)."""

from __future__ import annotations

from datetime import date

from django.core.cache import cache

from . import selectors
from .models import FigureSnapshot


def snapshot_refresh(*, filters: selectors.Filters, today: date | None = None) -> FigureSnapshot:
    """Compute the figures of ``filters`` and store them (replacing the previous snapshot)."""
    figures = selectors.compute_figures(filters, today=today)
    snapshot, _created = FigureSnapshot.objects.update_or_create(
        key=filters.key, defaults={"computed_at": figures.computed_at, "data": figures.as_json()}
    )
    cache.delete(selectors.figures_cache_key(filters))
    return snapshot


def snapshots_refresh(*, today: date | None = None) -> list[str]:
    """Refresh the snapshot of every combination of `selectors.snapshot_filters`; their keys."""
    return [snapshot_refresh(filters=filters, today=today).key for filters in selectors.snapshot_filters(today)]
