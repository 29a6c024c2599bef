"""Write: the language of a delegate's documents (visa invitation letter, badge, certificate), changed
after nomination by the delegate, her member's people or the host's managers
(`access.registration_can_change_language`).

One delegate's documents are rendered when downloaded (`documents.render_documents`), so they come out
in the new language at once. What was already produced in the old language is the host's batches
(`DocumentBatch`: every delegate's document of one kind in one PDF): the change reports which kinds of
finished batch hold her documents, and the page offers to make those batches again
(`services.document_batch_request`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record

from . import documents
from .access import registration_check_change_language
from .choices import LANGUAGES, QUOTA_STATUSES, DocumentBatchStatus, DocumentKind
from .models import DocumentBatch, Registration
from .selectors import event_attendances

#: The delegates whose language can change: those still taking part (nominated, approved, waitlisted); a
#: declined or withdrawn delegate has no documents to make.
LANGUAGE_STATUSES = QUOTA_STATUSES


@dataclass(frozen=True)
class LanguageChange:
    registration: Registration
    previous: str
    #: the kinds of document whose latest finished batch holds her documents in the previous language
    batches_to_remake: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.previous != self.registration.language


def batches_holding(registration: Registration) -> tuple[str, ...]:
    """The kinds of document of which the event has a finished batch with documents that she may have
    now (`documents.refusal`): those PDFs hold a page of hers. In `DocumentKind` order."""
    made = set(
        DocumentBatch.objects.filter(
            event_id=registration.event_id, status=DocumentBatchStatus.DONE, documents__gt=0
        ).values_list("kind", flat=True)
    )
    if not made:
        return ()
    attendances = event_attendances(registration.event)
    return tuple(
        kind
        for kind in DocumentKind.values
        if kind in made and documents.refusal(registration, kind, attendances=attendances) is None
    )


@transaction.atomic
def registration_language_set(*, registration: Registration, actor, language: str) -> LanguageChange:
    """Set the language of `registration`'s documents to `language` (one of the six: "en", "fr", "es",
    "ru", "ar", "zh"). Refused with a translated message for another value and for a declined or
    withdrawn delegate. Audited with the old and new language; no change, no entry."""
    registration_check_change_language(actor, registration)
    event = registration.event
    registration = Registration.objects.select_for_update(of=("self",)).select_related("member").get(pk=registration.pk)
    registration.event = event
    language = str(language or "").strip()
    if language not in LANGUAGES:
        raise ValidationError(
            {"language": [_("Choose one of the six languages of the United Nations for the documents.")]}
        )
    if registration.status not in LANGUAGE_STATUSES:
        raise ValidationError(
            _("This delegate is “%(status)s”: there are no documents to make.")
            % {"status": registration.get_status_display()}
        )
    previous = registration.language
    if previous == language:
        return LanguageChange(registration=registration, previous=previous)
    registration.language = language
    registration.save(update_fields=["language", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=registration,
        changes={"language": [previous, language]},
        member_code=registration.member.code,
    )
    return LanguageChange(registration=registration, previous=previous, batches_to_remake=batches_holding(registration))
