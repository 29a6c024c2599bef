"""The secretariat's pages: pending organisations, member status, new members, invitations, audit trail,
background work."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from harambee.accounts.selectors import erasure_request_get, erasure_requests_open, invitations_open, user_by_email
from harambee.accounts.services import invitation_create, personal_data_erase, two_factor_turn_off
from harambee.audit.selectors import audit_entry_list, audit_model_choices
from harambee.background.selectors import background_work_summary, task_get, task_label
from harambee.background.services import task_retry
from harambee.core.confirm import confirmation_page
from harambee.core.web import add_service_errors, paginate, query_without_page
from harambee.operations.selectors import last_backup_at
from harambee.registry.access import MemberAction, is_secretariat, member_get_for_user
from harambee.registry.selectors import members_pending
from harambee.registry.services import member_create_organisation, member_create_state, member_set_status

from .forms import (
    AuditFilterForm,
    MemberStatusForm,
    OrganisationMemberForm,
    SecretariatInvitationForm,
    StateMemberForm,
    TwoFactorResetForm,
)


def secretariat_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_secretariat(request.user):
            raise PermissionDenied(_("Only the secretariat can open this page."))
        return view(request, *args, **kwargs)

    return wrapper


@secretariat_required
@require_safe
def dashboard(request):
    pending = members_pending()
    invitations = invitations_open(limit=50)
    return render(
        request,
        "secretariat/dashboard.html",
        {
            "pending": pending,
            "invitations": invitations,
            "state_form": StateMemberForm(auto_id="state-%s"),
            "organisation_form": OrganisationMemberForm(auto_id="organisation-%s"),
            "invite_form": SecretariatInvitationForm(auto_id="invite-%s"),
        },
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def member_status(request, code: str):
    member = member_get_for_user(user=request.user, code=code, action=MemberAction.APPROVE)
    form = MemberStatusForm(request.POST or None, initial={"status": member.status})
    if request.method == "POST" and form.is_valid():
        try:
            member_set_status(
                member=member,
                actor=request.user,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The status was changed and the member's people were told, with the reason."))
            return redirect("registry:member_detail", code=member.code)
    return render(request, "secretariat/member_status.html", {"member": member, "form": form})


@secretariat_required
@require_http_methods(["POST"])
def member_add(request):
    kind = request.POST.get("kind")
    form = (StateMemberForm if kind == "state" else OrganisationMemberForm)(request.POST)
    if form.is_valid():
        try:
            if kind == "state":
                member = member_create_state(country=form.cleaned_data["country"], actor=request.user)
            else:
                member = member_create_organisation(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The member was added."))
            return redirect("registry:member_detail", code=member.code)
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("secretariat:dashboard")


@secretariat_required
@require_http_methods(["POST"])
def invite_secretariat(request):
    form = SecretariatInvitationForm(request.POST)
    if form.is_valid():
        try:
            issued = invitation_create(
                actor=request.user,
                as_secretariat=True,
                base_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link is: %(link)s")
                % {"email": issued.invitation.email, "link": request.build_absolute_uri(issued.path())},
            )
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("secretariat:dashboard")


@secretariat_required
@require_safe
def audit_log(request):
    form = AuditFilterForm(request.GET or None, model_choices=audit_model_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_entry_list(**{k: v for k, v in filters.items() if v})
    page = paginate(request, entries)
    return render(
        request, "secretariat/audit_log.html", {"form": form, "page": page, "query": query_without_page(request)}
    )


@secretariat_required
@require_safe
def background_work(request):
    return render(
        request,
        "secretariat/background_work.html",
        {"work": background_work_summary(), "last_backup": last_backup_at()},
    )


@secretariat_required
@require_http_methods(["POST"])
def background_task_retry(request, task_id):
    task = task_get(task_id)
    if task is None:
        raise Http404(_("No such task: it may have been retried or removed meanwhile."))
    try:
        task_retry(task=task, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(task)s” is queued again.") % {"task": task_label(task.task_path)})
    return redirect("secretariat:background_work")


@secretariat_required
@require_http_methods(["GET", "POST"])
def two_factor_reset(request):
    """Reset a person's two-factor sign-in (a lost phone): with a reason, confirmed, audited."""
    form = TwoFactorResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = user_by_email(form.cleaned_data["email"])
        if person is None:
            form.add_error("email", _("No account uses this e-mail address."))
        else:
            confirm = confirmation_page(
                request,
                question=_("Reset the two-factor sign-in of %(email)s?") % {"email": person.email},
                consequence=_(
                    "Their authenticator key and recovery codes stop working. If their role requires it, they set "
                    "up a new one at their next sign-in."
                ),
                confirm_label=_("Yes, reset it"),
                cancel_url=reverse("secretariat:two_factor_reset"),
            )
            if confirm is not None:
                return confirm
            try:
                two_factor_turn_off(user=person, actor=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The two-factor sign-in of %(email)s was reset.") % {"email": person.email})
                return redirect("secretariat:two_factor_reset")
    return render(request, "secretariat/two_factor_reset.html", {"form": form})


@secretariat_required
@require_safe
def erasure_requests(request):
    return render(request, "secretariat/erasure_requests.html", {"requests": erasure_requests_open()})


@secretariat_required
@require_http_methods(["POST"])
def erasure_carry_out(request, pk: int):
    erasure = erasure_request_get(pk)
    if erasure is None:
        raise Http404(_("No such request."))
    confirm = confirmation_page(
        request,
        question=_("Erase the personal data of %(person)s?") % {"person": erasure.user.email},
        consequence=_(
            "Their name and e-mail address are replaced everywhere, their account is closed, their roles, "
            "notifications and sign-in records are deleted. This cannot be undone."
        ),
        confirm_label=_("Yes, erase"),
        cancel_url=reverse("secretariat:erasure_requests"),
    )
    if confirm is not None:
        return confirm
    try:
        personal_data_erase(erasure=erasure, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The personal data were erased."))
    return redirect("secretariat:erasure_requests")
