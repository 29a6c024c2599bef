"""Web pages of delegates' documents: the list of delegates with their badge, visa letter and certificate
for those who run the event, the delegation and the delegate; batches of one kind for the organisers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from harambee.core.exceptions import PermissionDenied
from harambee.core.web import paginate

from . import documents
from .access import (
    DocumentAction,
    document_can,
    event_get_for_documents,
    event_get_for_user,
    registration_get_for_documents,
)
from .choices import DocumentBatchStatus, DocumentKind
from .selectors import document_batch_get, document_batches_of, event_attendances, registrations_for_documents
from .services import document_batch_request, registration_assign_badge_codes

PER_PAGE = 50


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def documents_page(request, slug: str):
    """The delegates whose documents the reader may download, each document a link or the reason it is
    not available yet; for the organisers, the batches."""
    event = event_get_for_user(user=request.user, slug=slug)
    can_batch = document_can(request.user, event, DocumentAction.BATCH)
    page = paginate(request, registrations_for_documents(event, user=request.user), PER_PAGE)
    if not can_batch and not page.paginator.count:
        raise PermissionDenied(_("You have no delegates at this event."))
    attendances = event_attendances(event)
    rows = []
    for registration in page.object_list:
        registration.event = event
        shown = [
            (kind, label, documents.refusal(registration, kind, attendances=attendances))
            for kind, label in DocumentKind.choices
        ]
        reasons = {refused for _kind, _label, refused in shown}
        # one reason for all three (not approved, a cancelled event) is said once
        common = next(iter(reasons)) if len(reasons) == 1 else None
        rows.append({"registration": registration, "documents": [] if common else shown, "common_refusal": common})
    return render(
        request,
        "events/documents/page.html",
        {
            "event": event,
            "title": event.translation_for()[0],
            "page": page,
            "rows": rows,
            "can_batch": can_batch,
            "kinds": DocumentKind.choices,
            "batches": document_batches_of(event) if can_batch else [],
            "DONE": DocumentBatchStatus.DONE,
        },
    )


@login_required
@require_safe
def document_download(request, slug: str, registration_id: int, kind: str):
    """One delegate's document as PDF in the delegate's language, or a page saying why not (409)."""
    if kind not in DocumentKind.values:
        raise Http404(_("There is no such document."))
    registration = registration_get_for_documents(user=request.user, slug=slug, registration_id=registration_id)
    refused = documents.refusal(registration, kind, attendances=event_attendances(registration.event))
    if refused:
        return render(
            request,
            "events/documents/refused.html",
            {"event": registration.event, "registration": registration, "reason": refused},
            status=409,
        )
    if kind == DocumentKind.BADGE and not registration.badge_code:
        registration_assign_badge_codes(registrations=[registration], actor=request.user)
    pdf = documents.render_documents([registration], kind)
    return _pdf_response(pdf, documents.filename(registration, kind))


@login_required
@require_POST
def document_batch_new(request, slug: str):
    event = event_get_for_documents(user=request.user, slug=slug)
    try:
        document_batch_request(event=event, actor=request.user, kind=request.POST.get("kind", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The documents are being made; this page shows when they are ready."))
    return redirect("events:documents", slug=event.slug)


@login_required
@require_safe
def document_batch_download(request, slug: str, batch_id: int):
    event = event_get_for_documents(user=request.user, slug=slug)
    batch = document_batch_get(event, batch_id)
    if batch is None or batch.status != DocumentBatchStatus.DONE or not batch.file:
        raise Http404(_("No such document batch."))
    response = FileResponse(batch.file.open("rb"), as_attachment=True, filename=batch.file.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
