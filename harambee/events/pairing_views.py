"""Pages of knowledge-exchange pairing: a delegate's profile and schedule (accept, ask for a swap),
the host's set-up of runs and the whole grid with its figures and the swap requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from harambee.core.formats import format_number, format_percentage, time_zone_label
from harambee.core.web import add_service_errors

from .access import event_get_for_user
from .pairing import (
    concept_labels,
    grid_of,
    knowledge_exchange_sessions,
    latest_done_run,
    meetings_of_run,
    person_label,
    profiles_for_pairing,
    runs_of,
    schedule_of,
    swap_requests_of,
)
from .pairing_access import (
    pairing_check_host,
    pairing_is_host,
    pairing_meeting_get,
    pairing_registration_get,
    pairing_registrations_for_user,
    pairing_run_get_for_host,
)
from .pairing_forms import ProfileForm, RunForm
from .pairing_services import pairing_meeting_accept, pairing_profile_save, pairing_run_create, pairing_swap_request

FAILURES = {
    "too_few": lambda: _("Fewer than two approved delegates have filled in their pairing profile."),
    "input": lambda: _("The pairing could not be computed from these profiles; write to the secretariat."),
}


@login_required
@require_http_methods(["GET"])
def pairing_home(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug)
    run = latest_done_run(event)
    meetings = meetings_of_run(run) if run else []
    swaps = list(swap_requests_of(run)) if run else []
    delegates = []
    for registration in pairing_registrations_for_user(user=request.user, event=event).select_related(
        "pairing_profile"
    ):
        delegates.append(
            {
                "registration": registration,
                "has_profile": hasattr(registration, "pairing_profile"),
                "schedule": schedule_of(run, registration, meetings, swaps) if run else [],
            }
        )
    return render(
        request,
        "events/pairing/home.html",
        {
            "event": event,
            "run": run,
            "delegates": delegates,
            "is_host": pairing_is_host(request.user, event),
            "zone_label": time_zone_label(event.time_zone),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def pairing_profile(request, slug: str, registration_id: int):
    event = event_get_for_user(user=request.user, slug=slug)
    registration = pairing_registration_get(user=request.user, event=event, registration_id=registration_id)
    profile = getattr(registration, "pairing_profile", None) if hasattr(registration, "pairing_profile") else None
    latest = runs_of(event).first()
    form = ProfileForm(
        request.POST or None,
        rounds=latest.rounds if latest else 0,
        initial=ProfileForm.initial_from(profile, registration),
    )
    if request.method == "POST" and form.is_valid():
        try:
            pairing_profile_save(registration=registration, actor=request.user, data=form.to_input())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your pairing profile was saved."))
            return redirect("events:pairing_profile", slug=event.slug, registration_id=registration.pk)
    found = {}
    if profile is not None:
        found = {
            "share": concept_labels(profile.share_found),
            "learn": concept_labels(profile.learn_found),
        }
    return render(
        request,
        "events/pairing/profile.html",
        {"event": event, "registration": registration, "form": form, "profile": profile, "found": found},
    )


@login_required
@require_POST
def pairing_respond(request, slug: str, meeting_id: int):
    event = event_get_for_user(user=request.user, slug=slug)
    try:
        registration_id = int(request.POST.get("registration", ""))
    except ValueError:
        registration_id = 0
    registration = pairing_registration_get(user=request.user, event=event, registration_id=registration_id)
    meeting = pairing_meeting_get(user=request.user, event=event, meeting_id=meeting_id, registration=registration)
    action = request.POST.get("action")
    if action == "accept":
        pairing_meeting_accept(meeting=meeting, registration=registration, actor=request.user)
        messages.success(request, _("You accepted the meeting of round %(round)s.") % {"round": meeting.round})
    elif action == "swap":
        request_ = pairing_swap_request(meeting=meeting, registration=registration, actor=request.user)
        if request_.new_partner_id:
            messages.success(
                request,
                _(
                    "In round %(round)s you now meet %(partner)s, the best partner who was free in that round; "
                    "your previous partner's schedule shows the change."
                )
                % {"round": request_.round, "partner": person_label(request_.new_partner)},
            )
        else:
            messages.warning(
                request,
                _(
                    "Nobody free in round %(round)s can meet you (a shared language or interpretation, not of "
                    "your delegation, not met in another round): your meeting stays as it is and your request "
                    "is with the host."
                )
                % {"round": request_.round},
            )
    else:
        messages.error(request, _("Choose to accept the meeting or to ask for another partner."))
    return redirect(f"{_home_url(event)}#delegate-{registration.pk}")


def _home_url(event) -> str:
    return reverse("events:pairing", kwargs={"slug": event.slug})


@login_required
@require_http_methods(["GET", "POST"])
def pairing_runs(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug)
    pairing_check_host(request.user, event)
    sessions = list(knowledge_exchange_sessions(event).prefetch_related("translations"))
    form = RunForm(
        request.POST or None,
        event=event,
        sessions=sessions,
        initial={
            "session": sessions[0].pk if sessions else None,
            "tables": max(1, profiles_for_pairing(event).count() // 2),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            run = pairing_run_create(
                event=event,
                actor=request.user,
                rounds=form.cleaned_data["rounds"],
                minutes=form.cleaned_data["minutes"],
                tables=form.cleaned_data["tables"],
                session=form.session_obj(),
                starts_at=form.starts_at(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The pairing is being computed; this page shows it when it is done."))
            return redirect("events:pairing_run", slug=event.slug, run_id=run.pk)
    return render(request, "events/pairing/runs.html", {"event": event, "form": form, "runs": list(runs_of(event))})


@login_required
@require_http_methods(["GET"])
def pairing_run_detail(request, slug: str, run_id: int):
    event = event_get_for_user(user=request.user, slug=slug)
    run = pairing_run_get_for_host(user=request.user, event=event, run_id=run_id)
    run.event = event
    meetings = meetings_of_run(run)
    figures = {}
    if run.objective is not None:
        figures = {
            "objective": format_number(run.objective, 2),
            "greedy": format_number(run.greedy_objective, 2),
            "bound": format_number(run.upper_bound, 2),
            "gap": format_percentage(100 * run.gap),
            "gain": format_percentage(100 * (run.objective - run.greedy_objective) / run.greedy_objective)
            if run.greedy_objective
            else "",
            "seconds": format_number(run.seconds, 1),
            "meetings": len(meetings),
            "participants": len(run.participants),
        }
    failure = FAILURES[run.failure]() if run.failure in FAILURES else ""
    return render(
        request,
        "events/pairing/run.html",
        {
            "event": event,
            "run": run,
            "figures": figures,
            "failure": failure,
            "grid": grid_of(run, meetings),
            "swaps": list(swap_requests_of(run)),
        },
    )
