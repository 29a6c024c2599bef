"""Web pages for needs and offers: browse and search, detail, create, edit, lifecycle, import, export."""

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.audit.selectors import audit_history_for
from harambee.core.confirm import confirmation_page
from harambee.core.csvfile import csv_response
from harambee.core.pagecache import public_page_cache
from harambee.core.web import query_without_page
from harambee.registry.choices import COUNTRY_GROUP_NAMES
from harambee.registry.names import territory_name
from harambee.registry.selectors import group_list, member_get, region_choices

from . import text, uploads
from .access import (
    PostingAction,
    default_contact,
    members_user_may_import_for,
    members_user_may_post_for,
    posting_can,
    posting_get_for_user,
)
from .choices import (
    FORMATS,
    LANGUAGES,
    MODALITIES,
    PUBLIC_STATUSES,
    SECTORS,
    TARGET_GROUPS,
    THEMES,
    PostingKind,
    PostingStatus,
    sdg_label,
)
from .forms import FIELD_OF_ERROR, ImportForm, PostingForm, TransitionForm
from .importing import postings_csv_rows, postings_export_lines, postings_import
from .reading import rendering_for
from .selectors import (
    PostingFilters,
    posting_facet_counts,
    posting_filters_from_query,
    posting_filters_query,
    posting_form_input,
    posting_page,
    posting_search,
    posting_search_suggestion,
    posting_transitions_for,
    postings_generation,
    postings_of_members,
)
from .services import (
    new_external_id,
    posting_create,
    posting_transition,
    posting_update,
)
from .validation import parse_posting

KIND_OF_PATH = {"needs": PostingKind.NEED, "offers": PostingKind.OFFER}


def _kind(kind_path: str) -> str:
    if kind_path not in KIND_OF_PATH:
        raise Http404
    return KIND_OF_PATH[kind_path]


def filters_from_request(request, kind: str = "") -> PostingFilters:
    """Filters live in the URL (?q=…&theme=skills&theme=data&region=002…) so searches can be shared."""
    return posting_filters_from_query(request.GET, kind=kind, signed_in=request.user.is_authenticated)


def _facet_groups(counts: dict, filters: PostingFilters) -> list[dict]:
    regions = {r.code: r.name for r in region_choices()}
    groups = {g.code: g.code for g in group_list()}
    labelled = [
        ("modality", _("Modality"), MODALITIES),
        ("theme", _("Theme"), THEMES),
        ("sector", _("Sector"), SECTORS),
        ("target_group", _("Target group"), TARGET_GROUPS),
        ("region", _("Region"), regions),
        ("group", _("Country group"), groups),
        ("language", _("Language"), LANGUAGES),
        ("format", _("Format"), FORMATS),
        ("status", _("Status"), {s: PostingStatus(s).label for s in PUBLIC_STATUSES}),
    ]
    result = []
    for facet, title, labels in labelled:
        chosen = filters.status if facet == "status" else filters.facets.get(facet, [])
        options = [
            {"code": code, "label": label, "count": counts.get(facet, {}).get(str(code), 0), "checked": code in chosen}
            for code, label in labels.items()
        ]
        options = [o for o in options if o["count"] or o["checked"]]
        if options:
            result.append({"facet": facet, "title": title, "options": options})
    return result


@require_safe
@public_page_cache(postings_generation)
def posting_list(request, kind_path: str):
    kind = _kind(kind_path)
    filters = filters_from_request(request, kind)
    counts = posting_facet_counts(user=request.user, filters=filters)
    page = posting_page(user=request.user, filters=filters, counts=counts, number=request.GET.get("page"))
    saved_query = posting_filters_query(filters)
    suggestion = posting_search_suggestion(filters)
    suggestion_query = posting_filters_query(replace(filters, q=suggestion)) if suggestion else ""
    return render(
        request,
        "postings/posting_list.html",
        {
            "kind": kind,
            "kind_path": kind_path,
            "filters": filters,
            "page": page,
            "facet_groups": _facet_groups(counts, filters),
            "query": query_without_page(request),
            "can_post": members_user_may_post_for(request.user).exists(),
            "follow_query": saved_query,
            "suggestion": suggestion,
            "suggestion_query": suggestion_query,
        },
    )


@require_safe
@public_page_cache(postings_generation)
def posting_detail(request, kind_path: str, external_id: str):
    posting = posting_get_for_user(user=request.user, external_id=external_id)
    if posting.kind != _kind(kind_path):
        return redirect(
            "postings:detail", kind_path="needs" if posting.kind == "need" else "offers", external_id=external_id
        )
    shown = rendering_for(posting)
    can_edit = posting_can(request.user, posting, PostingAction.EDIT)
    signed_in = request.user.is_authenticated
    return render(
        request,
        "postings/posting_detail.html",
        {
            "posting": posting,
            "kind_path": kind_path,
            "title": shown.title,
            "shown": shown,
            "description_html": text.render_markdown(shown.description),
            "original_html": text.render_markdown(posting.description) if shown.translated else "",
            "original_language": LANGUAGES[posting.language],
            "can_edit": can_edit,
            "transitions": posting_transitions_for(request.user, posting) if signed_in else [],
            "history": audit_history_for(posting, public_only=not can_edit)[:20],
            "labels": {
                "modalities": [MODALITIES.get(c, c) for c in posting.modalities],
                "themes": [THEMES.get(c, c) for c in posting.themes],
                "sectors": [SECTORS.get(c, c) for c in posting.sectors],
                "target_groups": [TARGET_GROUPS.get(c, c) for c in posting.target_groups],
                "delivery_languages": [LANGUAGES.get(c, c) for c in posting.delivery_languages],
                "sdgs": [sdg_label(n) for n in posting.sdgs],
                "eligible": [str(COUNTRY_GROUP_NAMES.get(c, c)) for c in posting.eligible_groups]
                + [territory_name(str(c), get_language()) or str(c) for c in posting.eligible_regions],
            },
        },
    )


def _service_errors_to_form(form: PostingForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.message_dict.items():
        target = FIELD_OF_ERROR.get(name, name)
        if target in form.fields:
            form.add_error(target, errors)
        else:
            form.add_error(None, [f"{name}: {message}" for message in errors])


@login_required
@require_http_methods(["GET", "POST"])
def posting_new(request, kind_path: str):
    kind = _kind(kind_path)
    members = list(members_user_may_post_for(request.user).order_by("code"))
    if not members:
        raise PermissionDenied(_("You do not act for any member that can post needs or offers."))
    initial = {"member": request.GET.get("member", members[0].code), "delivery_languages": []}
    form = PostingForm(request.POST or None, kind=kind, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        member = next(m for m in members if m.code == form.cleaned_data["member"])
        try:
            data = parse_posting(
                form.interchange(external_id=new_external_id(kind), member_code=member.code),
                detect=text.detect_language,
            )
            posting = posting_create(
                actor=request.user, member=member, data=data, contact=default_contact(request.user, member)
            )
            if "submit" in request.POST:
                posting = posting_transition(posting=posting, actor=request.user, action="submit")
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("Saved as “%(status)s”.") % {"status": posting.get_status_display()})
            return redirect("postings:detail", kind_path=kind_path, external_id=posting.external_id)
    return render(request, "postings/posting_form.html", {"form": form, "kind": kind, "kind_path": kind_path})


@login_required
@require_http_methods(["GET", "POST"])
def posting_edit(request, kind_path: str, external_id: str):
    posting = posting_get_for_user(user=request.user, external_id=external_id, action=PostingAction.EDIT)
    initial = PostingForm.initial_from(posting_form_input(posting))
    form = PostingForm(request.POST or None, kind=posting.kind, members=[posting.member], editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            data = parse_posting(
                form.interchange(external_id=posting.external_id, member_code=posting.member.code),
                detect=text.detect_language,
            )
            posting = posting_update(
                posting=posting,
                actor=request.user,
                data=data,
                contact=posting.contact,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _service_errors_to_form(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("postings:detail", kind_path=kind_path, external_id=posting.external_id)
    return render(
        request,
        "postings/posting_form.html",
        {"form": form, "kind": posting.kind, "kind_path": kind_path, "posting": posting},
    )


@login_required
@require_POST
def posting_transition_view(request, kind_path: str, external_id: str):
    posting = posting_get_for_user(user=request.user, external_id=external_id)
    form = TransitionForm(request.POST)
    # Withdrawing asks first (core/confirm.py), once the person may withdraw this posting at all.
    may_withdraw = any(t.action == "withdraw" for t in posting_transitions_for(request.user, posting))
    if form.is_valid() and form.cleaned_data["action"] == "withdraw" and may_withdraw:
        ask = confirmation_page(
            request,
            question=_("Withdraw “%(title)s”?") % {"title": posting.title},
            consequence=_(
                "It leaves the public lists and gets no more suggestions or proposals; you can reopen it as a draft."
            ),
            confirm_label=_("Yes, withdraw"),
            cancel_url=reverse("postings:detail", args=[kind_path, external_id]),
        )
        if ask:
            return ask
    if form.is_valid():
        try:
            posting = posting_transition(
                posting=posting,
                actor=request.user,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Now “%(status)s”.") % {"status": posting.get_status_display()})
    return redirect("postings:detail", kind_path=kind_path, external_id=external_id)


@login_required
@require_safe
def my_postings(request):
    member_ids = list(request.user.member_roles())
    postings = postings_of_members(member_ids)
    return render(request, "postings/my_postings.html", {"postings": postings})


@login_required
@require_http_methods(["GET", "POST"])
def posting_import_view(request):
    """Upload, preview (a dry run with every problem by line), then confirm: all or nothing.

    The uploaded file waits for the confirmation at most `uploads.UPLOAD_TTL`; it is removed as
    soon as it is not needed any more (see `uploads`).
    """
    members = list(members_user_may_import_for(request.user))
    if not members:
        raise PermissionDenied(_("Only a member's managers or the secretariat can import."))
    form = ImportForm(request.POST or None, request.FILES or None, members=members)
    report = None
    if request.method == "POST" and "token" in request.POST:
        pending = uploads.upload_pending(request.session)
        if pending is None or request.POST["token"] != pending["token"]:
            messages.error(request, _("This import has expired; upload the file again."))
            return redirect("postings:import")
        member = member_get(pending["member"])
        try:
            with uploads.upload_path(pending["token"]).open("rb") as handle:
                report = postings_import(lines=handle, actor=request.user, member_code=member.code.upper())
        finally:
            uploads.upload_forget(request.session)
        if report.ok:
            messages.success(
                request,
                _("Imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
                % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged},
            )
            return redirect("postings:mine")
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > 50 * 1024 * 1024:
            form.add_error("file", _("The file is larger than 50 MB."))
        else:
            uploads.upload_forget(request.session)  # a new upload replaces the one waiting
            token = uploads.upload_store(upload.chunks())
            try:
                with uploads.upload_path(token).open("rb") as handle:
                    report = postings_import(
                        lines=handle,
                        actor=request.user,
                        member_code=form.cleaned_data["member"].upper(),
                        dry_run=True,
                        preview=20,
                    )
            except BaseException:
                uploads.upload_discard(token)
                raise
            if report.ok:
                uploads.upload_remember(request.session, token=token, member=form.cleaned_data["member"])
            else:
                uploads.upload_discard(token)
    pending = uploads.upload_pending(request.session)
    token = pending["token"] if pending else None
    return render(request, "postings/import.html", {"form": form, "report": report, "token": token})


@require_safe
def posting_export(request, kind_path: str, fmt: str):
    kind = _kind(kind_path)
    filters = filters_from_request(request, kind)
    postings = posting_search(user=request.user, filters=filters).prefetch_related(None)
    if fmt == "csv":
        return csv_response(postings_csv_rows(postings), filename=f"harambee-{kind_path}.csv")
    response = StreamingHttpResponse(postings_export_lines(postings), content_type="application/jsonl; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="harambee-{kind_path}.{fmt}"'
    return response
