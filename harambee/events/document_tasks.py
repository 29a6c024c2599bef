"""The background task that makes one kind of document for all of an event's delegates in one PDF."""

import logging
import time

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy

from harambee.background.queue import background_task

from . import documents
from .choices import DocumentBatchStatus, DocumentKind
from .models import DocumentBatch
from .selectors import event_attendances, registrations_for_documents
from .services import (
    document_batch_failed,
    document_batch_finished,
    document_batch_started,
    registration_assign_badge_codes,
)

logger = logging.getLogger(__name__)


@background_task(label=gettext_lazy("Make delegates' documents"), attempts=2, backoff=60)
def document_batch_make(batch_id: int) -> int:
    """Render the batch's document for every delegate of its event who may have it (`documents.refusal`),
    each in the delegate's language, into one PDF; returns how many documents it holds."""
    batch = DocumentBatch.objects.select_related("event__host", "event__country").filter(pk=batch_id).first()
    if batch is None or batch.status == DocumentBatchStatus.DONE:
        return 0
    document_batch_started(batch=batch)
    started = time.perf_counter()
    try:
        event = batch.event
        prefetch_related_objects([event], "translations")
        registrations = list(registrations_for_documents(event))
        attendances = event_attendances(event)
        chosen = []
        for registration in registrations:
            registration.event = event
            if documents.refusal(registration, batch.kind, attendances=attendances) is None:
                chosen.append(registration)
        if batch.kind == DocumentKind.BADGE:
            registration_assign_badge_codes(registrations=chosen, actor=None)
        pdf = documents.render_documents(chosen, batch.kind) if chosen else None
        document_batch_finished(
            batch=batch,
            pdf=pdf,
            documents=len(chosen),
            skipped=len(registrations) - len(chosen),
            seconds=time.perf_counter() - started,
        )
    except Exception as error:
        logger.exception("document batch %s failed", batch_id)
        document_batch_failed(batch=batch, error=f"{type(error).__name__}: {error}")
        return 0
    return len(chosen)
