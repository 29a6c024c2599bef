"""Background tasks of matching: the concepts and vectors of saved postings, in batches, and the shared
matching index built from them."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from harambee.background.queue import background_task, enqueue_on_commit, tasks_run_at_once
from harambee.background.selectors import task_pending, task_queued
from harambee.postings.choices import OPEN_STATUSES
from harambee.postings.models import Posting
from harambee.registry.models import MemberStatus

from .embedding import get_embedder
from .index import build_matching_index
from .services import features_refresh

# Postings per task: about 40 s of embedding on two cores, short enough to lose little when a worker
# is stopped, long enough for the embedder to work in batches.
BATCH = 256


@background_task(label=_("Compute the matching concepts and vectors of postings"), attempts=3, backoff=60)
def matching_features_refresh(ids: list[int]) -> int:
    """Concepts, then vectors, of the postings ``ids`` whose text changed; how many changed. The index is
    built again once they are stored."""
    changed = features_refresh(ids=ids)
    if changed:
        index_build_later()
    return changed


def features_refresh_later(ids) -> None:
    """Enqueue, once the transaction commits, the refresh of ``ids`` in tasks of at most BATCH postings."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), BATCH):
        enqueue_on_commit(matching_features_refresh, ids[start : start + BATCH])


@background_task(label=_("Catch up on missing matching concepts and vectors"), attempts=2, backoff=600)
def matching_features_catch_up() -> int:
    """Enqueue the refresh of open postings of active members that have no concepts yet, or no vector
    while an embedder is configured (written by a raw import, or their task was lost); how many.
    Nothing while refresh tasks are still queued or running: they are doing it."""
    if task_pending(matching_features_refresh):
        return 0
    missing = Q(features__isnull=True)
    if get_embedder() is not None:
        missing |= Q(features__embedder="")
    ids = list(
        Posting.objects.filter(status__in=OPEN_STATUSES, member__status=MemberStatus.ACTIVE)
        .filter(missing)
        .values_list("pk", flat=True)
    )
    features_refresh_later(ids)
    return len(ids)


@background_task(label=_("Build the shared matching index"), attempts=3, backoff=30)
def matching_index_build() -> str | None:
    """Build and publish a new generation of the matching index unless nothing changed since the
    current one; the new generation's id."""
    return build_matching_index()


def index_build_later() -> None:
    """Enqueue one index build once the transaction commits, unless one is already queued and not
    started (it will see this change too): builds never pile up behind a burst of writes.

    Where tasks run at once (tests, a site without workers) nothing is enqueued: the index is built
    on first need instead (``selectors.matching_index``), once for a whole batch of writes.
    """
    if tasks_run_at_once() or task_queued(matching_index_build):
        return
    enqueue_on_commit(matching_index_build)
