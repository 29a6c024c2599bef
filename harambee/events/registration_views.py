"""Web pages for invitations and nominations: the host's invitations, nominations (grouped by
delegation, with decisions) and seats; a member's delegation, its nomination form and withdrawals;
an approved delegate's registration; and what the event page shows of all this."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.core.confirm import confirmation_page
from harambee.core.web import add_service_errors
from harambee.registry.access import member_can_act_for, member_get_for_user

from . import registrations, seats
from .access import (
    EventAction,
    delegation_can_view,
    event_can,
    event_get_for_user,
    registration_can_change_language,
    registration_can_complete,
    registration_can_view,
    registration_personal_visible,
)
from .choices import RegistrationStatus
from .document_language import LANGUAGE_STATUSES
from .registration_forms import (
    CompletionForm,
    DecisionForm,
    InvitationForm,
    NominationFilterForm,
    NominationForm,
    SeatsForm,
    WithdrawForm,
)
from .registration_selectors import (
    delegation_members,
    delegation_of,
    delegations,
    invitation_for,
    invitations_of,
    participant_list,
    quota_used,
    registration_get,
    status_counts,
    user_delegations,
)
from .registration_services import (
    deadline_text,
    invitation_create,
    invitation_delete,
    nomination_create,
    registration_complete,
    registration_decide,
    registration_withdraw,
    seats_apply,
)


def event_page_context(request, event) -> dict:
    """What the event page adds: the public participant list; for a member's people, whether their
    member is invited (quota, deadline at the venue) with a "Nominate a delegate" button; for the
    host's managers, links to invitations and nominations."""
    mine = []
    for member, invitation, can_nominate in user_delegations(request.user, event):
        mine.append(
            {
                "member": member,
                "invitation": invitation,
                "deadline": deadline_text(event, invitation.deadline) if invitation.deadline else "",
                "can_nominate": can_nominate and event.status == "published" and not event.is_past,
            }
        )
    return {
        "participants": participant_list(event) if event.is_public else [],
        "my_delegations": mine,
        "can_manage_delegates": event_can(request.user, event, EventAction.MANAGE_DELEGATES),
    }


def _managed_event(request, slug: str):
    return event_get_for_user(user=request.user, slug=slug, action=EventAction.MANAGE_DELEGATES)


# ---------------------------------------------------------------------------------------------------
# The host


@login_required
@require_http_methods(["GET", "POST"])
def invitations(request, slug: str):
    event = _managed_event(request, slug)
    form = InvitationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation_create(
                event=event, actor=request.user, member=data["member"], group=data["group"], region=data["region"],
                quota=data["quota"], deadline=form.deadline(), message=data["message"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The invitation was added."))
            return redirect("events:invitations", slug=event.slug)
    rows = [
        {"invitation": i, "deadline": deadline_text(event, i.deadline) if i.deadline else ""}
        for i in invitations_of(event)
    ]
    return render(
        request,
        "events/registrations/invitations.html",
        {"event": event, "form": form, "rows": rows},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def invitation_remove(request, slug: str, invitation_id: int):
    event = _managed_event(request, slug)
    invitation = next((i for i in invitations_of(event) if i.pk == invitation_id), None)
    if invitation is None:
        raise Http404(_("No such invitation."))
    asking = confirmation_page(
        request,
        question=_("Remove this invitation?"),
        consequence=_("Members it invited can no longer nominate under it; nominations already made stay."),
        confirm_label=_("Yes, remove the invitation"),
        cancel_url=reverse("events:invitations", kwargs={"slug": event.slug}),
    )
    if asking is not None:
        return asking
    invitation_delete(invitation=invitation, actor=request.user)
    messages.success(request, _("The invitation was removed."))
    return redirect("events:invitations", slug=event.slug)


@login_required
@require_safe
def nominations(request, slug: str):
    event = _managed_event(request, slug)
    filters = NominationFilterForm(request.GET or None, members=delegation_members(event))
    chosen = filters.cleaned_data if filters.is_valid() else {}
    groups = delegations(
        event, status=chosen.get("status", ""), member_code=chosen.get("member", ""), query=chosen.get("q", "")
    )
    for group in groups:
        for registration in group.registrations:
            registration.moves = registrations.available(registration.status, by=registrations.HOST)
            registration.personal = registration_personal_visible(request.user, registration)
            registration.may_change_language = registration.status in LANGUAGE_STATUSES
    counts = status_counts(event)
    held = counts.get(RegistrationStatus.APPROVED, 0) + counts.get(RegistrationStatus.NOMINATED, 0)
    return render(
        request,
        "events/registrations/nominations.html",
        {
            "event": event,
            "filters": filters,
            "delegations": groups,
            "counts": [(s, counts.get(s, 0)) for s in RegistrationStatus],
            "scarce": bool(event.capacity) and held > event.capacity,
            "decision_form": DecisionForm(),
        },
    )


@login_required
@require_POST
def registration_decide_view(request, slug: str, registration_id: int):
    event = _managed_event(request, slug)
    registration = registration_get(event, registration_id)
    if registration is None:
        raise Http404(_("No such nomination."))
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            registration_decide(
                registration=registration, actor=request.user, action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {"name": registration.full_name, "status": registration.get_status_display()},
            )
    else:
        messages.error(request, _("Choose a decision."))
    return redirect(
        reverse("events:nominations", kwargs={"slug": event.slug}) + f"#delegation-{registration.member.code}"
    )


@login_required
@require_http_methods(["GET", "POST"])
def seats_view(request, slug: str):
    event = _managed_event(request, slug)
    form = SeatsForm(request.POST or request.GET or None)
    policy = form.data.get("policy") or seats.DEFAULT_POLICY
    if request.method == "POST" and form.is_valid():
        try:
            outcome = seats_apply(
                event=event, actor=request.user, policy=form.cleaned_data["policy"],
                fingerprint=form.cleaned_data["fingerprint"],
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Seats applied: %(count)s delegates approved.") % {"count": len(outcome.placed_ids)}
            )
            return redirect("events:nominations", slug=event.slug)
    outcome, problem = None, ""
    try:
        outcome = seats.seat_outcome(event, policy)
    except ValidationError as error:
        problem = " ".join(error.messages)
    if outcome is not None:
        form = SeatsForm(initial={"policy": outcome.policy.code, "fingerprint": outcome.fingerprint})
    return render(
        request,
        "events/registrations/seats.html",
        {"event": event, "form": form, "outcome": outcome, "problem": problem, "policies": seats.SEAT_POLICIES},
    )


# ---------------------------------------------------------------------------------------------------
# The member


@login_required
@require_safe
def delegation(request, slug: str, code: str):
    event = event_get_for_user(user=request.user, slug=slug)
    member = member_get_for_user(user=request.user, code=code)
    rows = delegation_of(event, member)
    if not delegation_can_view(request.user, event, member):
        rows = [r for r in rows if registration_can_view(request.user, r)]  # a delegate sees their own
        if not rows:
            raise PermissionDenied(_("Only the member's people and the host's managers see its delegation."))
    invitation = invitation_for(event, member)
    may_act = member_can_act_for(request.user, member, secretariat=True)
    for registration in rows:
        registration.moves = registrations.available(registration.status, by=registrations.MEMBER) if may_act else []
        registration.may_complete = (
            registration.status == RegistrationStatus.APPROVED
            and registration.personal_data_erased_at is None
            and registration_can_complete(request.user, registration)
        )
        registration.personal = registration_personal_visible(request.user, registration)
        registration.may_change_language = registration.status in LANGUAGE_STATUSES and (
            registration_can_change_language(request.user, registration)
        )
    return render(
        request,
        "events/registrations/delegation.html",
        {
            "event": event,
            "member": member,
            "invitation": invitation,
            "deadline": deadline_text(event, invitation.deadline) if invitation and invitation.deadline else "",
            "used": quota_used(event, member),
            "rows": rows,
            "may_nominate": may_act and invitation is not None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def nominate(request, slug: str, code: str):
    event = event_get_for_user(user=request.user, slug=slug)
    member = member_get_for_user(user=request.user, code=code)
    if not member_can_act_for(request.user, member, secretariat=True):
        raise PermissionDenied(_("You may not nominate delegates for this member."))
    invitation = invitation_for(event, member)
    form = NominationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = nomination_create(
                event=event, member=member, actor=request.user, data=form.to_input(),
                letter=form.cleaned_data["nomination_letter"],
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(name)s is nominated; the host will decide.") % {"name": registration.full_name}
            )
            return redirect("events:delegation", slug=event.slug, code=member.code)
    return render(
        request,
        "events/registrations/nominate.html",
        {
            "event": event,
            "member": member,
            "invitation": invitation,
            "deadline": deadline_text(event, invitation.deadline) if invitation and invitation.deadline else "",
            "used": quota_used(event, member),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def _registration(request, slug: str, registration_id: int):
    event = event_get_for_user(user=request.user, slug=slug)
    registration = registration_get(event, registration_id)
    if registration is None or not registration_can_view(request.user, registration):
        raise Http404(_("No such nomination."))
    return event, registration


@login_required
@require_POST
def registration_withdraw_view(request, slug: str, registration_id: int):
    event, registration = _registration(request, slug, registration_id)
    if not member_can_act_for(request.user, registration.member, secretariat=True):
        raise PermissionDenied(_("You may not nominate delegates for this member."))
    back = reverse("events:delegation", kwargs={"slug": event.slug, "code": registration.member.code})
    asking = confirmation_page(
        request,
        question=_("Withdraw %(name)s?") % {"name": registration.full_name[:80]},
        consequence=_("The delegate no longer takes part; an approved delegate's seat and badge are freed."),
        confirm_label=_("Yes, withdraw the delegate"),
        cancel_url=back,
    )
    if asking is not None:
        return asking
    form = WithdrawForm(request.POST)
    form.is_valid()
    try:
        registration_withdraw(registration=registration, actor=request.user, reason=form.cleaned_data.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The delegate was withdrawn."))
    return redirect(back)


@login_required
@require_http_methods(["GET", "POST"])
def registration_complete_view(request, slug: str, registration_id: int):
    event, registration = _registration(request, slug, registration_id)
    if not registration_can_complete(request.user, registration):
        raise PermissionDenied(_("You may not complete this registration."))
    form = CompletionForm(request.POST or None, initial=CompletionForm.initial_from(registration))
    if request.method == "POST" and form.is_valid():
        try:
            registration_complete(registration=registration, actor=request.user, data=form.to_input())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The registration is complete. Thank you."))
            return redirect("events:delegation", slug=event.slug, code=registration.member.code)
    return render(
        request,
        "events/registrations/complete.html",
        {"event": event, "registration": registration, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def nomination_letter(request, slug: str, registration_id: int):
    event, registration = _registration(request, slug, registration_id)
    if not registration_personal_visible(request.user, registration) or not registration.nomination_letter:
        raise Http404(_("No such nomination letter."))
    response = FileResponse(
        registration.nomination_letter.open("rb"), as_attachment=True, filename=f"nomination-{registration.pk}.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
