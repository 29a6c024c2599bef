"""Web pages for events: the public list, an event's page with its agenda, the printable programme,
calendar feeds and materials; for hosts, forms for the event, its sessions, speakers and materials."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.audit.selectors import audit_history_for
from harambee.core import formats
from harambee.core.confirm import confirmation_page
from harambee.core.pagecache import public_page_cache
from harambee.core.web import add_service_errors
from harambee.postings import text
from harambee.registry.access import member_list_for_user
from harambee.registry.models import MemberStatus

from . import ics, lifecycle, registration_views
from .access import EventAction, event_can, event_get_for_user, members_user_may_host_for
from .choices import LANGUAGES
from .forms import EventForm, MaterialForm, SessionForm, SpeakerForm, TransitionForm
from .models import Event, Session
from .selectors import agenda_by_day, event_lists, public_speakers, session_get, sessions_of
from .services import (
    event_create,
    event_transition,
    event_update,
    material_create,
    material_delete,
    session_create,
    session_delete,
    session_update,
    speaker_create,
    speaker_delete,
    speaker_update,
)

# A service names the moments; the session form asks for a day and two times.
SESSION_FIELD_OF_ERROR = {"starts_at": "start", "ends_at": "end", "translations": None, "event": None}


def _form_errors(form, error: ValidationError, renamed: dict | None = None) -> None:
    if hasattr(error, "error_dict") and renamed:
        error = ValidationError(
            {renamed.get(name, name) or "__all__": messages for name, messages in error.message_dict.items()}
        )
    add_service_errors(form, error)


def _languages(codes) -> list[str]:
    return [str(LANGUAGES[c]) for c in codes if c in LANGUAGES]


def _session_rows(event: Event, sessions, *, show_all: bool) -> list:
    """Each session with what the agenda shows: title and description in the reader's language, its times
    at the venue and (when the platform's zone differs) in the reader's, the speakers who may be named."""
    reader_zone = settings.TIME_ZONE
    reader = (get_language() or "en").split("-")[0]
    days = agenda_by_day(event, sessions)
    for agenda_day in days:
        for session in agenda_day.sessions:
            session.shown_title, description = session.translation_for()
            translated = next((t for t in session.translations.all() if t.language == reader), None)
            session.title_language = reader if translated and reader != event.language else event.language
            session.text_language = session.title_language if translated and translated.description else event.language
            session.description_html = text.render_markdown(description)
            session.named_speakers = public_speakers(session, show_all=show_all)
            session.unnamed_speakers = len(session.speakers.all()) - len(session.named_speakers)
            session.language_labels = _languages(session.languages)
            session.venue_span = "–".join(
                formats.format_clock(moment, event.time_zone) for moment in (session.starts_at, session.ends_at)
            )
            session.reader_span = ""
            if event.time_zone != reader_zone:
                reader_day = session.starts_at.astimezone(ZoneInfo(reader_zone)).date()
                span = "–".join(formats.format_clock(m) for m in (session.starts_at, session.ends_at))
                if reader_day != agenda_day.day:
                    span = f"{formats.format_day(reader_day)} {span}"
                session.reader_span = f"{span} {formats.time_zone_name(value=session.starts_at)}"
    return days


def _event_context(request, event: Event) -> dict:
    can_edit = event_can(request.user, event, EventAction.EDIT)
    title, description, venue_details, translation = event.translation_for()
    return {
        "event": event,
        "title": title,
        "description_html": text.render_markdown(description),
        "venue_details": venue_details,
        "translation": translation,
        "original_language": LANGUAGES.get(event.language, event.language),
        "can_edit": can_edit,
        "co_hosts": sorted(event.co_hosts.all(), key=lambda m: m.display_name.casefold()),
        "working_languages": _languages(event.working_languages),
        "interpretation_languages": _languages(event.interpretation_languages),
        "zone_label": formats.time_zone_label(event.time_zone),
        "reader_zone_differs": event.time_zone != settings.TIME_ZONE,
        "reader_zone": formats.time_zone_name(),
        "days": _session_rows(event, sessions_of(event), show_all=can_edit),
    }


@require_safe
@public_page_cache()
def event_list(request):
    upcoming, past = event_lists(user=request.user)
    for event in (*upcoming, *past):
        event.shown_title = event.translation_for()[0]
    return render(
        request,
        "events/event_list.html",
        {"upcoming": upcoming, "past": past, "can_create": members_user_may_host_for(request.user).exists()},
    )


@require_safe
@public_page_cache()
def event_detail(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug)
    context = _event_context(request, event)
    context.update(registration_views.event_page_context(request, event))
    if context["can_edit"]:
        context["transitions"] = lifecycle.available(event.status)
        context["history"] = audit_history_for(event, public_only=False)[:20]
    return render(request, "events/event_detail.html", context)


@require_safe
@public_page_cache()
def event_programme(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug)
    return render(request, "events/programme.html", _event_context(request, event))


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _domain() -> str:
    return settings.HARAMBEE_SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "harambee"


@require_safe
def event_calendar(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug)
    show_all = event_can(request.user, event, EventAction.EDIT)
    page = request.build_absolute_uri(reverse("events:detail", args=[event.slug]))

    def url_of(session):
        return page if session is None else f"{page}#session-{session.pk}"

    body = ics.event_calendar(
        event,
        [s for day in agenda_by_day(event) for s in day.sessions],
        url_of=url_of,
        domain=_domain(),
        speakers_of=lambda s: public_speakers(s, show_all=show_all),
    )
    return _calendar_response(body, f"{event.slug}.ics")


@require_safe
def session_calendar(request, slug: str, session_id: int):
    event = event_get_for_user(user=request.user, slug=slug)
    session = session_get(event, session_id)
    if session is None:
        raise Http404(_("No such session."))
    show_all = event_can(request.user, event, EventAction.EDIT)
    url = request.build_absolute_uri(reverse("events:detail", args=[event.slug])) + f"#session-{session.pk}"
    body = ics.session_calendar(
        event, session, url=url, domain=_domain(), speakers=public_speakers(session, show_all=show_all)
    )
    return _calendar_response(body, f"{event.slug}-{session.pk}.ics")


@require_safe
def material_download(request, slug: str, session_id: int, material_id: int):
    event = event_get_for_user(user=request.user, slug=slug)
    session = session_get(event, session_id)
    material = next((m for m in session.materials.all() if m.pk == material_id), None) if session else None
    if material is None or not material.file:
        raise Http404(_("No such material."))
    response = FileResponse(
        material.file.open("rb"), as_attachment=True, filename=material.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# ---------------------------------------------------------------------------------------------------
# For hosts


def _event_form(request, *, hosts, editing: bool, initial=None):
    members = list(member_list_for_user(user=request.user).filter(status=MemberStatus.ACTIVE).select_related("country"))
    return EventForm(request.POST or None, hosts=hosts, members=members, editing=editing, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def event_new(request):
    hosts = list(members_user_may_host_for(request.user).select_related("country").order_by("code"))
    if not hosts:
        raise PermissionDenied(_("You do not act for any member that can host events."))
    form = _event_form(request, hosts=hosts, editing=False, initial={"host": request.GET.get("host", hosts[0].code)})
    if request.method == "POST" and form.is_valid():
        try:
            event = event_create(actor=request.user, host=form.host_member(), data=form.to_input())
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The event was saved as a draft; add its agenda, then publish it."))
            return redirect("events:detail", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    form = _event_form(request, hosts=[event.host], editing=True, initial=EventForm.initial_from(event))
    if request.method == "POST" and form.is_valid():
        try:
            event = event_update(
                event=event, actor=request.user, data=form.to_input(), reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("events:detail", slug=event.slug)
    return render(request, "events/event_form.html", {"form": form, "event": event})


@login_required
@require_POST
def event_transition_view(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            event = event_transition(
                event=event, actor=request.user, action=form.cleaned_data["action"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Now “%(status)s”.") % {"status": event.get_status_display()})
    return redirect("events:detail", slug=event.slug)


def _editable_session(request, slug: str, session_id: int) -> tuple[Event, Session]:
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    session = session_get(event, session_id)
    if session is None:
        raise Http404(_("No such session."))
    return event, session


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request, slug: str):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    form = SessionForm(
        request.POST or None, event=event, initial={"day": event.start_date, "languages": event.working_languages}
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = session_create(event=event, actor=request.user, data=form.to_input())
        except ValidationError as error:
            _form_errors(form, error, SESSION_FIELD_OF_ERROR)
        else:
            messages.success(request, _("The session was added; add its speakers and materials below."))
            return redirect("events:session_edit", slug=event.slug, session_id=session.pk)
    return render(request, "events/session_form.html", {"form": form, "event": event})


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request, slug: str, session_id: int):
    event, session = _editable_session(request, slug, session_id)
    form = SessionForm(request.POST or None, event=event, initial=SessionForm.initial_from(session))
    if request.method == "POST" and form.is_valid():
        try:
            session_update(session=session, actor=request.user, data=form.to_input())
        except ValidationError as error:
            _form_errors(form, error, SESSION_FIELD_OF_ERROR)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("events:session_edit", slug=event.slug, session_id=session.pk)
    return render(
        request,
        "events/session_form.html",
        {
            "form": form,
            "event": event,
            "session": session,
            "speaker_form": SpeakerForm(),
            "material_form": MaterialForm(),
        },
    )


@login_required
@require_POST
def session_delete_view(request, slug: str, session_id: int):
    event, session = _editable_session(request, slug, session_id)
    asking = confirmation_page(
        request,
        question=_("Remove the session “%(title)s”?") % {"title": session.title[:80]},
        consequence=_(
            "The session leaves the agenda with its speakers and materials; calendars that imported it keep their copy."
        ),
        confirm_label=_("Yes, remove the session"),
        cancel_url=reverse("events:session_edit", kwargs={"slug": event.slug, "session_id": session.pk}),
    )
    if asking is not None:
        return asking
    session_delete(session=session, actor=request.user)
    messages.success(request, _("The session was removed."))
    return redirect("events:detail", slug=event.slug)


def _session_page_with(request, event, session, **forms):
    return render(
        request,
        "events/session_form.html",
        {
            "form": SessionForm(event=event, initial=SessionForm.initial_from(session)),
            "event": event,
            "session": session,
            "speaker_form": forms.get("speaker_form", SpeakerForm()),
            "material_form": forms.get("material_form", MaterialForm()),
        },
        status=400,
    )


def _speaker_values(form) -> dict:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "affiliation": data["affiliation"],
        "role": data["role"],
        "consent_public": data["consent_public"],
        "position": data["position"] or 0,
    }


@login_required
@require_POST
def speaker_new(request, slug: str, session_id: int):
    event, session = _editable_session(request, slug, session_id)
    form = SpeakerForm(request.POST)
    if form.is_valid():
        try:
            speaker_create(session=session, actor=request.user, **_speaker_values(form))
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The speaker was added."))
            return redirect("events:session_edit", slug=event.slug, session_id=session.pk)
    return _session_page_with(request, event, session, speaker_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def speaker_edit(request, slug: str, session_id: int, speaker_id: int):
    event, session = _editable_session(request, slug, session_id)
    speaker = next((s for s in session.speakers.all() if s.pk == speaker_id), None)
    if speaker is None:
        raise Http404(_("No such speaker."))
    initial = {n: getattr(speaker, n) for n in ("name", "affiliation", "role", "consent_public", "position")}
    form = SpeakerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            speaker_update(speaker=speaker, actor=request.user, **_speaker_values(form))
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Your changes were saved."))
            return redirect("events:session_edit", slug=event.slug, session_id=session.pk)
    return render(
        request, "events/speaker_form.html", {"form": form, "event": event, "session": session, "speaker": speaker}
    )


@login_required
@require_POST
def speaker_delete_view(request, slug: str, session_id: int, speaker_id: int):
    event, session = _editable_session(request, slug, session_id)
    speaker = next((s for s in session.speakers.all() if s.pk == speaker_id), None)
    if speaker is None:
        raise Http404(_("No such speaker."))
    asking = confirmation_page(
        request,
        question=_("Remove %(name)s from the speakers?") % {"name": speaker.name[:80]},
        consequence=_("The session no longer lists this speaker."),
        confirm_label=_("Yes, remove the speaker"),
        cancel_url=reverse("events:session_edit", kwargs={"slug": event.slug, "session_id": session.pk}),
    )
    if asking is not None:
        return asking
    speaker_delete(speaker=speaker, actor=request.user)
    messages.success(request, _("The speaker was removed."))
    return redirect("events:session_edit", slug=event.slug, session_id=session.pk)


@login_required
@require_POST
def material_new(request, slug: str, session_id: int):
    event, session = _editable_session(request, slug, session_id)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            material_create(
                session=session,
                actor=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"] or None,
                url=form.cleaned_data["url"],
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The material was added."))
            return redirect("events:session_edit", slug=event.slug, session_id=session.pk)
    return _session_page_with(request, event, session, material_form=form)


@login_required
@require_POST
def material_delete_view(request, slug: str, session_id: int, material_id: int):
    event, session = _editable_session(request, slug, session_id)
    material = next((m for m in session.materials.all() if m.pk == material_id), None)
    if material is None:
        raise Http404(_("No such material."))
    asking = confirmation_page(
        request,
        question=_("Remove the material “%(title)s”?") % {"title": material.title[:80]},
        consequence=_("Its file or link is no longer offered with the session."),
        confirm_label=_("Yes, remove the material"),
        cancel_url=reverse("events:session_edit", kwargs={"slug": event.slug, "session_id": session.pk}),
    )
    if asking is not None:
        return asking
    material_delete(material=material, actor=request.user)
    messages.success(request, _("The material was removed."))
    return redirect("events:session_edit", slug=event.slug, session_id=session.pk)
