"""On site: the check-in page (for those who run the event), the attendance page and its CSV.

The check-in page works without JavaScript: the staff types the badge code (or the URL a badge's QR
code holds) and presses *Check in*: ONE POST records the attendance and answers the confirmation page,
ready for the next delegate; or it searches by name (a GET) and presses the button beside the delegate.
With JavaScript, `events/checkin.js` reads the QR code with the browser's camera (BarcodeDetector) and
submits the same form. A code opened as a link (`?code=…`, e.g. by the phone's camera app) shows the
delegate with the button, and records nothing until it is pressed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from harambee.core import formats
from harambee.core.confirm import confirmation_page
from harambee.core.csvfile import csv_response
from harambee.core.exceptions import ValidationError

from .access import EventAction, event_can, event_get_for_check_in, event_get_for_user, may_check_in
from .attendance import (
    attendance_csv_rows,
    attendance_for,
    attendance_get,
    attendance_summary,
    attendance_visible,
    checkin_sessions,
    current_session,
    registration_by_code,
    registration_of,
    registrations_search,
    session_title,
    staff_get,
    staff_of,
)
from .checkin import (
    attendance_check_in,
    attendance_undo,
    parse_badge_code,
    refusal,
    staff_add,
    staff_remove,
    unknown_code_message,
)

WHOLE_EVENT = "event"


def _chosen_session(request, sessions, data):
    """The session named by the `session` field ("event": the event as a whole); when it is not given,
    the session running now, else the event as a whole. An unknown id is a 404."""
    value = data.get("session")
    if value is None:
        return current_session(sessions)
    if value in ("", WHOLE_EVENT):
        return None
    session = next((s for s in sessions if str(s.pk) == value), None)
    if session is None:
        raise Http404(_("No such session."))
    return session


def checked_in_sentence(event, attendance) -> str:
    """ "Already checked in at 9:12 AM" (at the venue), with the day when it was not today there."""
    moment = attendance.checked_in_at
    clock = formats.format_clock(moment, event.time_zone)
    if moment.astimezone(event.zone).date() != timezone.localdate(timezone=event.zone):
        day = formats.format_day(moment.astimezone(event.zone).date())
        return _("Already checked in on %(day)s at %(time)s.") % {"day": day, "time": clock}
    return _("Already checked in at %(time)s.") % {"time": clock}


def _delegate_rows(event, registrations, session) -> list[dict]:
    done = attendance_for(event, registrations, session)
    rows = []
    for registration in registrations:
        attendance = done.get(registration.pk)
        rows.append(
            {
                "registration": registration,
                "refusal": refusal(registration),
                "attendance": attendance,
                "already": checked_in_sentence(event, attendance) if attendance else "",
            }
        )
    return rows


def _page(request, event, sessions, session, *, result=None, found=(), query="", code="", status=200):
    return render(
        request,
        "events/checkin/checkin.html",
        {
            "event": event,
            "title": event.translation_for()[0],
            "sessions": [(s, session_title(s), _when(event, s.starts_at)) for s in sessions],
            "session": session,
            "session_value": str(session.pk) if session else WHOLE_EVENT,
            "session_label": session_title(session),
            "result": result,
            "found": _delegate_rows(event, list(found), session) if found else [],
            "query": query,
            "searched": bool(query),
            "code": code,
        },
        status=status,
    )


def _when(event, moment) -> str:
    """A moment at the venue: its day and clock there."""
    day = formats.format_day(moment.astimezone(event.zone).date())
    return f"{day} {formats.format_clock(moment, event.time_zone)}"


def _result(kind: str, message: str, registration=None, attendance=None) -> dict:
    return {"kind": kind, "message": message, "registration": registration, "attendance": attendance}


@login_required
@require_http_methods(["GET", "POST"])
def checkin(request, slug: str):
    event = event_get_for_check_in(user=request.user, slug=slug)
    sessions = checkin_sessions(event)
    data = request.POST if request.method == "POST" else request.GET
    session = _chosen_session(request, sessions, data)
    if request.method == "GET":
        code = parse_badge_code(request.GET.get("code", ""))
        query = request.GET.get("q", "").strip()[:200]
        result = None
        if code:  # a badge's link opened by a camera app: show the delegate, record nothing yet
            registration = registration_by_code(event, code)
            if registration is None:
                result = _result("refused", unknown_code_message(code))
            else:
                return _page(request, event, sessions, session, found=[registration], code=code)
        found = registrations_search(event, query) if query else []
        return _page(request, event, sessions, session, result=result, found=found, query=query)

    # POST: one request checks one delegate in
    if "registration" in request.POST:
        registration = registration_of(event, request.POST["registration"])
        code = ""
        if registration is None:
            raise Http404(_("No such delegate."))
    else:
        code = parse_badge_code(request.POST.get("code", ""))
        if not code:
            result = _result("refused", _("Type or scan a badge code."))
            return _page(request, event, sessions, session, result=result, status=422)
        registration = registration_by_code(event, code)
        if registration is None:
            return _page(request, event, sessions, session, result=_result("refused", unknown_code_message(code)),
                         code=code, status=422)  # fmt: skip
    try:
        done = attendance_check_in(registration=registration, session=session, actor=request.user)
    except ValidationError as error:
        result = _result("refused", " ".join(error.messages), registration)
        return _page(request, event, sessions, session, result=result, status=422)
    if done.created:
        message = _("Checked in: %(name)s.") % {"name": registration.full_name}
        result = _result("done", message, registration, done.attendance)
    else:
        result = _result("already", checked_in_sentence(event, done.attendance), registration, done.attendance)
    return _page(request, event, sessions, session, result=result)


@login_required
@require_POST
def checkin_undo(request, slug: str, attendance_id: int):
    event = event_get_for_check_in(user=request.user, slug=slug)
    attendance = attendance_get(event, attendance_id)
    if attendance is None:
        raise Http404(_("No such check-in."))
    back = (
        reverse("events:checkin", args=[event.slug])
        + "?session="
        + (str(attendance.session_id) if attendance.session_id else WHOLE_EVENT)
    )
    asking = confirmation_page(
        request,
        question=_("Undo the check-in of %(name)s?") % {"name": attendance.registration.full_name[:80]},
        consequence=_("%(name)s will no longer count as present at: %(session)s.")
        % {"name": attendance.registration.full_name[:80], "session": session_title(attendance.session)},
        confirm_label=_("Yes, undo the check-in"),
        cancel_url=back,
    )
    if asking is not None:
        return asking
    attendance_undo(attendance=attendance, actor=request.user)
    messages.success(request, _("The check-in was undone."))
    return redirect(back)


@require_safe
def attendance_page(request, slug: str):
    """Counts for everyone who may see the event; names of the delegates one may see privately (the
    host: all of them; a member's people: their own delegation)."""
    return _attendance_page(request, event_get_for_user(user=request.user, slug=slug))


def _attendance_page(request, event, staff_error: str = ""):
    sessions = checkin_sessions(event)
    session = _chosen_session(request, sessions, {"session": request.GET.get("session", WHOLE_EVENT)})
    summary = attendance_summary(event, sessions)
    rows = [
        {
            "session": row.session,
            "value": str(row.session.pk) if row.session else WHOLE_EVENT,
            "title": session_title(row.session),
            "starts": _when(event, row.session.starts_at) if row.session else "",
            "checked_in": row.checked_in,
            "current": row.session == session,
        }
        for row in summary.rows
    ]
    people = attendance_visible(event, user=request.user, session=session)
    for attendance in people:
        attendance.when = _when(event, attendance.checked_in_at)
    can_manage = event_can(request.user, event, EventAction.EDIT)
    return render(
        request,
        "events/checkin/attendance.html",
        {
            "event": event,
            "title": event.translation_for()[0],
            "approved": summary.approved,
            "rows": rows,
            "session": session,
            "session_label": session_title(session),
            "people": people,
            "can_check_in": can_manage or may_check_in(request.user, event),
            "can_manage": can_manage,
            "staff": staff_of(event) if can_manage else [],
            "staff_error": staff_error,
            "zone_label": formats.time_zone_label(event.time_zone),
        },
        status=400 if staff_error else 200,
    )


@login_required
@require_safe
def attendance_csv(request, slug: str):
    """Every check-in of the event as CSV, for those who run it."""
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    rows = attendance_csv_rows(event, attendance_visible(event, user=request.user, every_session=True))
    return csv_response(rows, filename=f"{event.slug}-attendance.csv")


@login_required
@require_POST
def staff_add_view(request, slug: str):
    """The host adds a person (by the e-mail of their account) to the event's check-in staff."""
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    email = request.POST.get("email", "")[:254]
    try:
        staff = staff_add(event=event, actor=request.user, email=email)
    except ValidationError as error:
        return _attendance_page(request, event, staff_error=" ".join(error.messages))
    messages.success(request, _("%(email)s can now check delegates in.") % {"email": staff.user.email})
    return redirect("events:attendance", slug=event.slug)


@login_required
@require_POST
def staff_remove_view(request, slug: str, staff_id: int):
    event = event_get_for_user(user=request.user, slug=slug, action=EventAction.EDIT)
    staff = staff_get(event, staff_id)
    if staff is None:
        raise Http404(_("No such person."))
    asking = confirmation_page(
        request,
        question=_("Stop %(email)s checking delegates in?") % {"email": staff.user.email},
        consequence=_("They can no longer open the check-in page of this event; their check-ins stay."),
        confirm_label=_("Yes, remove from the check-in staff"),
        cancel_url=reverse("events:attendance", args=[event.slug]),
    )
    if asking is not None:
        return asking
    staff_remove(staff=staff, actor=request.user)
    messages.success(request, _("%(email)s no longer checks delegates in.") % {"email": staff.user.email})
    return redirect("events:attendance", slug=event.slug)
