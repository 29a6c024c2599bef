"""Writes of the workspace: recording a person's visit."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from .models import Visit

#: Reloads within this time of the last one continue the same visit.
VISIT_GAP = timedelta(minutes=30)


@transaction.atomic
def visit_record(*, user, now: datetime | None = None) -> Visit:
    """Record that ``user`` looks at its workspace now; the visit tells since when things count as
    new (`Visit.since`).

    Bookkeeping like a last sign-in, not a change to anyone's data: no audit entry.
    """
    now = now or timezone.now()
    visit = Visit.objects.select_for_update().filter(user=user).first()
    if visit is None:
        visit = Visit.objects.create(user=user, last_at=now)
    else:
        if now - visit.last_at > VISIT_GAP:
            visit.previous_at = visit.last_at
        visit.last_at = now
        visit.save(update_fields=["last_at", "previous_at"])
    return visit
