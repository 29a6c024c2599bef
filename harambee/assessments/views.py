"""Pages of readiness assessments: a member's assessments across years, the questionnaire by dimension,
the read view (scores, radar against peers, gaps that become needs), exports and the secretariat's queue.
Thin: access functions decide, selectors read, services write."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.core.csvfile import csv_response
from harambee.core.exceptions import PermissionDenied
from harambee.core.web import add_service_errors
from harambee.registry.access import member_get_for_user, members_user_may_act_for

from . import services
from .access import (
    AssessmentAction,
    assessment_can,
    assessment_get_for_user,
    assessments_visible_to,
    may_review,
    member_may_read_private,
    member_may_start,
    role_allows,
    why_not,
)
from .core.framework import text
from .exporting import assessment_csv_rows, assessment_json
from .forms import CommentForm, EvidenceForm, ReturnForm, StartForm
from .models import AssessmentStatus
from .reading import dimension_blocks, fmt, lang, progress, radar_for
from .selectors import (
    assessment_full,
    assessments_listing,
    assessments_of_member,
    framework_of,
    review_queue,
    score_of,
)

DEFAULT_BELOW = 2


def _scored(assessments) -> list[tuple]:
    rows = []
    for assessment in assessments:
        framework = framework_of(assessment)
        score = score_of(assessment)
        rows.append(
            (assessment, fmt(score.overall), [fmt(score.by_dimension.get(d.code)) for d in framework.dimensions])
        )
    return rows


@require_safe
def index(request):
    """Published assessments for everyone; the reader's own members' assessments; the secretariat's queue."""
    visible = assessments_visible_to(request.user)
    own = []
    if request.user.is_authenticated:
        own_ids = list(request.user.member_roles())
        own = _scored(assessments_listing(visible.filter(member_id__in=own_ids)))
    published = _scored(assessments_listing(visible.filter(public=True, status=AssessmentStatus.VALIDATED)))
    startable = list(members_user_may_act_for(request.user).filter(kind="state").order_by("code"))
    return render(
        request,
        "assessments/index.html",
        {"own": own, "published": published, "startable": startable, "may_review": may_review(request.user)},
    )


@require_http_methods(["GET", "POST"])
def member_assessments(request, code: str):
    """One member's assessments across years (what the reader may see), and starting this year's."""
    member = member_get_for_user(user=request.user, code=code)
    may_start = member_may_start(request.user, member) and member.kind == "state"
    form = StartForm(request.POST or None)
    if request.method == "POST":
        if not may_start:
            raise PermissionDenied(_("Only the member's managers and editors can start its assessment."))
        if form.is_valid():
            try:
                assessment = services.start_assessment(
                    actor=request.user, member=member, year=form.cleaned_data["year"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The assessment was started; answer the questions dimension by dimension."))
                return redirect("assessments:edit", pk=assessment.pk)
    rows = _scored(assessments_of_member(assessments_visible_to(request.user), member))
    dimensions = [text(d.title, lang()) for d in framework_of(rows[0][0]).dimensions] if rows else []
    # each score with its dimension's title (a narrow screen shows the title beside the score)
    rows = [(assessment, overall, list(zip(dimensions, dims, strict=False))) for assessment, overall, dims in rows]
    return render(
        request,
        "assessments/member.html",
        {
            "member": member,
            "rows": rows,
            "dimensions": dimensions,
            "form": form,
            "may_start": may_start,
            "private": member_may_read_private(request.user, member),
        },
    )


def _below(request) -> int:
    try:
        value = int(request.GET.get("below", DEFAULT_BELOW))
    except ValueError:
        return DEFAULT_BELOW
    return value if 1 <= value <= 4 else DEFAULT_BELOW


@require_safe
def detail(request, pk: int):
    assessment = assessment_full(assessment_get_for_user(user=request.user, pk=pk))
    framework = framework_of(assessment)
    blocks = dimension_blocks(assessment, framework)
    below = _below(request)
    gaps = [row for block in blocks for row in block.rows if row.level is not None and row.level < below]
    can = {action.value: assessment_can(request.user, assessment, action) for action in AssessmentAction}
    score = score_of(assessment)
    answered, total = progress(assessment)
    return render(
        request,
        "assessments/detail.html",
        {
            "assessment": assessment,
            "framework": framework,
            "blocks": blocks,
            "radar": radar_for(assessment) if answered else None,
            "overall": fmt(score.overall),
            "answered": answered,
            "total": total,
            "gaps": gaps,
            "below": below,
            "below_choices": range(1, 5),
            "can": can,
            "return_form": ReturnForm(),
            # who wrote a comment is shown to the member's people and the secretariat, not to the public
            "show_authors": member_may_read_private(request.user, assessment.member),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk: int):
    """The questionnaire, one dimension at a time: each question with its five level definitions."""
    assessment = assessment_get_for_user(user=request.user, pk=pk)
    if not assessment_can(request.user, assessment, AssessmentAction.CONTRIBUTE):
        if role_allows(request.user, assessment, AssessmentAction.CONTRIBUTE):
            messages.error(request, why_not(assessment, AssessmentAction.CONTRIBUTE))
            return redirect("assessments:detail", pk=assessment.pk)
        raise PermissionDenied(why_not(assessment, AssessmentAction.CONTRIBUTE))
    framework = framework_of(assessment)
    codes = [d.code for d in framework.dimensions]
    current = request.GET.get("dimension") or request.POST.get("dimension") or codes[0]
    if current not in codes:
        current = codes[0]
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        indicators = framework.indicators_in(current)
        answers = {i.code: request.POST.get(f"level-{i.code}") or None for i in indicators}
        notes = {i.code: request.POST.get(f"note-{i.code}", "") for i in indicators}
        try:
            services.save_answers(assessment=assessment, actor=request.user, answers=answers, notes=notes)
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        else:
            messages.success(request, _("Your answers were saved."))
            following = codes[codes.index(current) + 1] if codes.index(current) + 1 < len(codes) else None
            if following and "next" in request.POST:
                return redirect(f"{reverse('assessments:edit', args=[assessment.pk])}?dimension={following}")
            return redirect(f"{reverse('assessments:edit', args=[assessment.pk])}?dimension={current}")
    full = assessment_full(assessment)
    blocks = dimension_blocks(full, framework)
    block = next(b for b in blocks if b.code == current)
    answered, total = progress(full)
    return render(
        request,
        "assessments/edit.html",
        {
            "assessment": full,
            "blocks": blocks,
            "current": block,
            "errors": errors,
            "posted": request.POST if errors else None,
            "answered": answered,
            "total": total,
            "percent": round(100 * answered / total) if total else 0,
            "is_last": current == codes[-1],
            "comment_form": CommentForm(),
            "evidence_form": EvidenceForm(),
            "may_submit": assessment_can(request.user, full, AssessmentAction.SUBMIT),
        },
    )


def _back_to_edit(assessment, indicator: str, framework):
    try:
        dimension = framework.indicator(indicator).dimension
    except (KeyError, LookupError, AttributeError):
        dimension = ""
    url = reverse("assessments:edit", args=[assessment.pk])
    return redirect(f"{url}?dimension={dimension}#ind-{indicator}" if dimension else url)


@login_required
@require_POST
def comment(request, pk: int):
    assessment = assessment_get_for_user(user=request.user, pk=pk, action=AssessmentAction.CONTRIBUTE)
    form = CommentForm(request.POST)
    indicator = request.POST.get("indicator", "")
    if form.is_valid():
        try:
            services.add_comment(
                assessment=assessment, actor=request.user, indicator_code=indicator, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your comment was added."))
    else:
        messages.error(request, _("Write a comment."))
    return _back_to_edit(assessment, indicator, framework_of(assessment))


@login_required
@require_POST
def evidence(request, pk: int):
    assessment = assessment_get_for_user(user=request.user, pk=pk, action=AssessmentAction.CONTRIBUTE)
    form = EvidenceForm(request.POST, request.FILES)
    indicator = request.POST.get("indicator", "")
    if form.is_valid():
        try:
            services.add_evidence(
                assessment=assessment, actor=request.user, indicator_code=indicator,
                title=form.cleaned_data["title"], url=form.cleaned_data["url"], upload=form.cleaned_data["file"],
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The evidence was added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return _back_to_edit(assessment, indicator, framework_of(assessment))


@require_safe
def evidence_download(request, pk: int, evidence_id: int):
    assessment = assessment_full(assessment_get_for_user(user=request.user, pk=pk))
    item = next((e for e in assessment.evidence.all() if e.pk == evidence_id), None)
    if item is None or not item.file:
        raise Http404(_("No such evidence."))
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1])


def _transition(request, pk: int, action: AssessmentAction, run, success: str):
    assessment = assessment_get_for_user(user=request.user, pk=pk)
    if not assessment_can(request.user, assessment, action):
        if not role_allows(request.user, assessment, action):
            raise PermissionDenied(_("You may not do this with this assessment."))
        messages.error(request, why_not(assessment, action))
        return redirect("assessments:detail", pk=assessment.pk)
    try:
        run(assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("assessments:detail", pk=assessment.pk)


@login_required
@require_POST
def submit(request, pk: int):
    return _transition(
        request, pk, AssessmentAction.SUBMIT,
        lambda a: services.submit(assessment=a, actor=request.user),
        _("The assessment was submitted to the secretariat."),
    )  # fmt: skip


@login_required
@require_POST
def validate(request, pk: int):
    return _transition(
        request, pk, AssessmentAction.REVIEW,
        lambda a: services.validate(assessment=a, actor=request.user),
        _("The assessment was validated."),
    )  # fmt: skip


@login_required
@require_POST
def return_view(request, pk: int):
    return _transition(
        request, pk, AssessmentAction.REVIEW,
        lambda a: services.return_assessment(assessment=a, actor=request.user, reason=request.POST.get("reason", "")),
        _("The assessment was returned to the member."),
    )  # fmt: skip


@login_required
@require_POST
def set_public(request, pk: int):
    public = request.POST.get("public") == "1"
    return _transition(
        request, pk, AssessmentAction.PUBLISH,
        lambda a: services.set_public(assessment=a, actor=request.user, public=public),
        _("The assessment is now public.") if public else _("The assessment is now private."),
    )  # fmt: skip


@login_required
@require_POST
def create_need(request, pk: int):
    indicator = request.POST.get("indicator", "")
    try:
        below = int(request.POST.get("below", DEFAULT_BELOW))
    except ValueError:
        below = DEFAULT_BELOW
    return _transition(
        request, pk, AssessmentAction.CREATE_NEED,
        lambda a: services.create_need_from_gap(
            assessment=a, actor=request.user, indicator_code=indicator, below=below
        ),
        _("A draft need was created for this gap; review it and publish it from its page."),
    )  # fmt: skip


@require_safe
def export_csv(request, pk: int):
    assessment = assessment_full(assessment_get_for_user(user=request.user, pk=pk, action=AssessmentAction.EXPORT))
    filename = f"assessment-{assessment.member.code}-{assessment.year}.csv"
    return csv_response(assessment_csv_rows(assessment), filename=filename)


@require_safe
def export_json(request, pk: int):
    assessment = assessment_full(assessment_get_for_user(user=request.user, pk=pk, action=AssessmentAction.EXPORT))
    response = HttpResponse(
        json.dumps(assessment_json(assessment), ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"assessment-{assessment.member.code}-{assessment.year}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_safe
def queue(request):
    if not may_review(request.user):
        raise PermissionDenied(_("Only the secretariat reviews assessments."))
    return render(request, "assessments/queue.html", {"rows": _scored(review_queue())})
