"""Web pages of an event's outcomes: the report (public for a published event, fuller for hosts), the
evaluation survey (approved delegates) and its results (hosts), session notes and action items (hosts),
and turning an action item into a need, an offer, a pledge or a cooperation in one step.

Like `views.py`, these reach the ORM only through access functions, selectors and services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.core.exceptions import PermissionDenied
from harambee.core.pagecache import public_page_cache
from harambee.core.web import add_service_errors
from harambee.registry.selectors import members_active

from . import action_states
from .access import EventAction, event_get_for_user
from .choices import LANGUAGES, ActionStatus, ActionTarget
from .outcomes import action_convert, action_create, action_move, action_update, session_note_save, survey_submit
from .outcomes_access import (
    OutcomeAction,
    action_can_convert,
    action_may_see_person,
    event_has_started,
    outcome_can,
    survey_registration_for,
)
from .outcomes_forms import ActionForm, ActionMoveForm, ConvertForm, NoteForm, SurveyForm
from .outcomes_selectors import (
    action_item_get,
    event_report,
    event_sessions_brief,
    session_note_get,
    session_notes_of,
    survey_answered_count,
    survey_summary,
)
from .selectors import session_get

STATUS_LABELS = dict(ActionStatus.choices)


@require_safe
@public_page_cache()
def report(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug)
    is_host = outcome_can(request.user, event, OutcomeAction.HOST)
    figures = event_report(event, user=request.user)
    for item in figures.actions:
        item.show_person = bool(item.owner_person) and action_may_see_person(request.user, item)
        item.may_convert = item.result is None and action_can_convert(request.user, item)
        item.moves = [(s, STATUS_LABELS[s]) for s in action_states.next_statuses(item.status)] if is_host else []
    context = {
        "event": event,
        "title": event.translation_for()[0],
        "figures": figures,
        "is_host": is_host,
        "targets": ActionTarget.choices,
        "may_answer": outcome_can(request.user, event, OutcomeAction.ANSWER),
    }
    if is_host:
        context["notes"] = session_notes_of(event)
        context["answered"] = survey_answered_count(event)
    return render(request, "events/outcomes/report.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def survey_answer(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug)
    registration = survey_registration_for(request.user, event)
    if registration is None:
        raise PermissionDenied(_("Only the event's approved delegates answer its survey."))
    answered = hasattr(registration, "survey_participation")
    started = event_has_started(event)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and started and not answered:
        language = (get_language() or "en").split("-")[0]
        try:
            survey_submit(
                event=event, actor=request.user, answers=form.answers(), sign=form.cleaned_data["sign"],
                language=language if language in LANGUAGES else "en",
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you: your answers were recorded."))
            return redirect("events:report", slug=event.slug)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "events/outcomes/survey.html",
        {"event": event, "title": event.translation_for()[0], "form": form, "answered": answered, "started": started},
        status=status,
    )


@login_required
@require_safe
def survey_results(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    return render(
        request,
        "events/outcomes/survey_results.html",
        {"event": event, "title": event.translation_for()[0], "summary": survey_summary(event)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def note_edit(request, slug: str, session_id: int):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    session = session_get(event, session_id)
    if session is None:
        raise Http404(_("No such session."))
    note = session_note_get(session)
    form = NoteForm(request.POST or None, event=event, initial=NoteForm.initial_from(note))
    if request.method == "POST" and form.is_valid():
        try:
            session_note_save(
                session=session, actor=request.user, text=form.cleaned_data["text"], translations=form.translations()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("events:report", slug=event.slug)
    return render(
        request,
        "events/outcomes/note_form.html",
        {"event": event, "session": session, "form": form, "original_language": LANGUAGES.get(event.language)},
    )


def _action_form(request, event, initial):
    return ActionForm(
        request.POST or None,
        event=event,
        members=list(members_active()),
        sessions=event_sessions_brief(event),
        initial=initial,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_new(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    form = _action_form(request, event, {"owner": event.host.code})
    if request.method == "POST" and form.is_valid():
        try:
            action_create(event=event, actor=request.user, data=form.to_input())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The action item was added."))
            return redirect("events:report", slug=event.slug)
    return render(request, "events/outcomes/action_form.html", {"event": event, "form": form})


def _action_of(event, action_id: int):
    item = action_item_get(event, action_id)
    if item is None:
        raise Http404(_("No such action item."))
    return item


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, slug: str, action_id: int):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    item = _action_of(event, action_id)
    form = _action_form(request, event, ActionForm.initial_from(item))
    if request.method == "POST" and form.is_valid():
        try:
            action_update(item=item, actor=request.user, data=form.to_input())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("events:report", slug=event.slug)
    return render(request, "events/outcomes/action_form.html", {"event": event, "form": form, "item": item})


@login_required
@require_POST
def action_move_view(request, slug: str, action_id: int):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    item = _action_of(event, action_id)
    form = ActionMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("events:report", slug=event.slug)
    try:
        item = action_move(item=item, actor=request.user, status=form.cleaned_data["status"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Now “%(status)s”.") % {"status": item.get_status_display()})
    return redirect(f"{_report_url(event)}#action-{item.pk}")


def _report_url(event) -> str:
    return reverse("events:report", args=[event.slug])


@login_required
@require_http_methods(["GET", "POST"])
def action_convert_view(request, slug: str, action_id: int):
    event = event_get_for_user(user=request.user, slug=slug)
    item = _action_of(event, action_id)
    if not action_can_convert(request.user, item):
        raise PermissionDenied(_("Only the event's hosts or the owner's editors and managers may do this."))
    kind = request.POST.get("kind") or request.GET.get("kind") or item.target_kind or ActionTarget.NEED
    if kind not in ActionTarget.values:
        kind = ActionTarget.NEED
    members = list(members_active())
    form = ConvertForm(
        request.POST if request.method == "POST" else None,
        kind=kind,
        members=members,
        initial=ConvertForm.initial_for(item, kind),
    )
    status = 200
    if item.result is not None:
        messages.info(request, _("This action item has already become something."))
        return redirect(f"{_report_url(event)}#action-{item.pk}")
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                action_convert(item=item, actor=request.user, kind=kind, data=form.to_input())
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied as error:
                form.add_error(None, str(error) or _("You may not do this."))
                status = 403
            else:
                messages.success(request, _("Done: the action item is linked to what it became."))
                return redirect(f"{_report_url(event)}#action-{item.pk}")
    return render(
        request,
        "events/outcomes/convert_form.html",
        {"event": event, "item": item, "form": form, "kind": kind, "targets": ActionTarget.choices},
        status=status,
    )
