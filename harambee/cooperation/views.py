"""Web views of cooperations (tracking from agreement to results) and pledges."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.core.exceptions import PermissionDenied
from harambee.core.web import add_service_errors, paginate
from harambee.registry.selectors import members_active

from . import forms, services
from .access import (
    CooperationAction,
    PledgeAction,
    cooperation_can,
    cooperation_get_for_user,
    cooperation_list_for_user,
    members_user_may_enter_cooperations_for,
    members_user_may_pledge_for,
    pledge_can,
    pledge_list_for_user,
    pledge_refusal,
)
from .iati_export import cooperations_to_iati_xml
from .models import FRESHNESS_STATES, CooperationStatus
from .selectors import (
    cooperations_of_member_code,
    cooperations_of_members,
    delivered,
    indicator_of,
    milestones_open,
    pledges_with_delivery,
)

FRESHNESS = FRESHNESS_STATES


@require_safe
def cooperation_list(request):
    qs = cooperation_list_for_user(user=request.user)
    member = request.GET.get("member", "").strip().lower()
    if member:
        qs = cooperations_of_member_code(qs, member)
    status = request.GET.get("status", "")
    if status in CooperationStatus.values:
        qs = qs.filter(status=status)
    page = paginate(request, qs.order_by("-created_at", "-id"))
    today = timezone.localdate()
    rows = [{"cooperation": c, "freshness": c.freshness(today)} for c in page.object_list]
    return render(
        request,
        "cooperation/cooperation_list.html",
        {"page": page, "rows": rows, "statuses": CooperationStatus.choices, "status": status, "member": member},
    )


@login_required
@require_safe
def my_cooperations(request):
    own = list(request.user.member_roles())
    qs = cooperations_of_members(cooperation_list_for_user(user=request.user), own)
    today = timezone.localdate()
    rows = [{"cooperation": c, "freshness": c.freshness(today)} for c in qs.order_by("-created_at")[:200]]
    due = milestones_open([r["cooperation"] for r in rows], limit=50)
    return render(
        request,
        "cooperation/my_cooperations.html",
        {"rows": rows, "due": due, "progress_due": [r for r in rows if r["freshness"] in ("amber", "red", "inactive")]},
    )


@require_safe
def cooperation_detail(request, pk: int):
    cooperation = cooperation_get_for_user(user=request.user, pk=pk)
    can_report = cooperation_can(request.user, cooperation, CooperationAction.REPORT)
    context = {
        "cooperation": cooperation,
        "freshness": cooperation.freshness(timezone.localdate()),
        "updates": cooperation.updates.select_related("member")[:50],
        "milestones": cooperation.milestones.all(),
        "results": cooperation.results.prefetch_related("indicators"),
        "budgets": cooperation.budgets.all(),
        "transactions": cooperation.transactions.all(),
        "implementers": cooperation.implementers.all(),
        "can_report": can_report,
    }
    if can_report:
        context.update(
            # Six forms on one page: each its own id prefix, so every label points at its own field.
            progress_form=forms.ProgressForm(auto_id="progress-%s"),
            milestone_form=forms.MilestoneForm(auto_id="milestone-%s"),
            result_form=forms.ResultForm(auto_id="result-%s"),
            budget_form=forms.BudgetForm(auto_id="budget-%s"),
            transaction_form=forms.TransactionForm(auto_id="transaction-%s"),
            details_form=forms.DetailsForm(
                initial={f: getattr(cooperation, f) for f in forms.DetailsForm.base_fields},
                sectors=cooperation.dac_sectors,
                auto_id="details-%s",
            ),
            today=date.today(),
            pledges=(
                pledge_list_for_user(user=request.user).filter(member=cooperation.provider).order_by("-period_end")
                if pledge_can(request.user, cooperation.provider, PledgeAction.DRAW)
                else []
            ),
        )
    return render(request, "cooperation/cooperation_detail.html", context)


def _run(request, cooperation, action):
    data = request.POST
    if action == "progress":
        form = forms.ProgressForm(data)
        if form.is_valid():
            services.progress_report(
                cooperation=cooperation,
                actor=request.user,
                percent=form.cleaned_data["percent"],
                narrative=form.cleaned_data["narrative"],
                links=form.cleaned_data["links"].splitlines(),
            )
    elif action == "milestone":
        form = forms.MilestoneForm(data)
        if form.is_valid():
            services.milestone_add(cooperation=cooperation, actor=request.user, **form.cleaned_data)
    elif action == "milestone_done":
        form = forms.MilestoneDoneForm(data)
        if form.is_valid():
            milestone = cooperation.milestones.filter(pk=form.cleaned_data["milestone"]).first()
            if milestone is None:
                raise ValidationError(_("This cooperation has no such milestone."))
            services.milestone_complete(milestone=milestone, actor=request.user, done_on=form.cleaned_data["done_on"])
    elif action == "result":
        form = forms.ResultForm(data)
        if form.is_valid():
            d = form.cleaned_data
            services.result_add(
                cooperation=cooperation,
                actor=request.user,
                title=d["title"],
                type=d["type"],
                indicators=[
                    {
                        "title": d["indicator"],
                        "baseline_year": d["baseline_year"],
                        "baseline": d["baseline"],
                        "target": d["target"],
                    }
                ],
            )
    elif action == "indicator":
        form = forms.IndicatorForm(data)
        if form.is_valid():
            d = form.cleaned_data
            indicator = indicator_of(cooperation, d["indicator"])
            if indicator is None:
                raise ValidationError(_("This cooperation has no such indicator."))
            sex = {k: d[k] for k in ("female", "male") if d.get(k) is not None}
            services.indicator_report(
                indicator=indicator, actor=request.user, actual=d["actual"], disaggregation={"sex": sex} if sex else {}
            )
    elif action == "budget":
        form = forms.BudgetForm(data)
        if form.is_valid():
            services.budget_add(cooperation=cooperation, actor=request.user, **form.cleaned_data)
    elif action == "transaction":
        form = forms.TransactionForm(data)
        if form.is_valid():
            services.transaction_add(cooperation=cooperation, actor=request.user, **form.cleaned_data)
    elif action == "pledge":
        pledge = cooperation.provider.pledges.filter(pk=data.get("pledge") or 0).first()
        if pledge is None:
            raise ValidationError({"pledge": [_("Choose one of the provider's pledges.")]})
        services.cooperation_draw_pledge(cooperation=cooperation, pledge=pledge, actor=request.user)
        return None
    else:  # details
        form = forms.DetailsForm(data)
        if form.is_valid():
            d = {f: form.cleaned_data[f] for f in forms.DetailsForm.base_fields}
            d["dac_sectors"] = form.dac_sectors()
            services.cooperation_update(cooperation=cooperation, actor=request.user, data=d)
    return form


ACTIONS = (
    "progress",
    "milestone",
    "milestone_done",
    "result",
    "indicator",
    "budget",
    "transaction",
    "pledge",
    "details",
)


@login_required
@require_POST
def cooperation_action(request, pk: int, action: str):
    cooperation = cooperation_get_for_user(user=request.user, pk=pk, action=CooperationAction.REPORT)
    try:
        form = _run(request, cooperation, action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if form is not None and form.errors:
            messages.error(
                request,
                " ".join(
                    f"{form.fields[f].label if f in form.fields else ''}: {e}".strip(": ")
                    for f, errors in form.errors.items()
                    for e in errors
                ),
            )
        else:
            messages.success(request, _("Saved."))
    return redirect("cooperation:detail", pk=pk)


@require_safe
def pledge_list(request):
    pledges = pledges_with_delivery(pledge_list_for_user(user=request.user))
    page = paginate(request, pledges.order_by("member__code", "-period_end"))
    rows = [{"pledge": p, "delivered": delivered(p)} for p in page.object_list]
    return render(request, "cooperation/pledge_list.html", {"page": page, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def pledge_new(request):
    members = list(members_user_may_pledge_for(request.user).select_related("country").order_by("code"))
    if not members:
        raise PermissionDenied(pledge_refusal(request.user))
    form = forms.PledgeForm(request.POST or None)
    form.fields["member"].choices = [(m.code, m.display_name) for m in members]
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        member = next(m for m in members if m.code == d.pop("member"))
        try:
            services.pledge_create(member=member, actor=request.user, **d)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Pledge recorded."))
            return redirect("cooperation:pledges")
    return render(request, "cooperation/pledge_form.html", {"form": form})


@require_safe
def cooperation_iati(request, pk: int):
    """The cooperation as IATI 2.03 activity XML (public cooperations, or one's own)."""
    cooperation = cooperation_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(cooperations_to_iati_xml([cooperation]), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="harambee-cooperation-{pk}.xml"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def cooperation_new(request):
    active = members_active()
    providers = list(members_user_may_enter_cooperations_for(request.user).select_related("country").order_by("code"))
    if not providers:
        raise PermissionDenied(_("Only editors and managers of a member may enter cooperations."))
    form = forms.CooperationForm(request.POST or None)
    form.fields["provider"].choices = [(m.code, m.display_name) for m in providers]
    form.fields["beneficiary"].choices = [(m.code, m.display_name) for m in active]
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        members = {m.code: m for m in active}
        try:
            cooperation = services.cooperation_create_direct(
                provider=members[d.pop("provider")], beneficiary=members[d.pop("beneficiary")], actor=request.user, **d
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Cooperation recorded."))
            return redirect("cooperation:detail", pk=cooperation.pk)
    return render(request, "cooperation/cooperation_form.html", {"form": form})
