"""Reads for check-in and attendance (selectors): a delegate by badge code or by name, the sessions
one checks in for, counts per session, who attended, the participant list, and the attendance CSV.

Who may see a delegate's private fields is decided by `access.may_see_delegate_private`, called per
row on the event's registrations (loaded in one query): one rule, however a list is filtered.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import may_see_delegate_private, registration_is_listed
from .choices import RegistrationStatus, SessionKind
from .models import Attendance, CheckInStaff, Event, Registration, Session

#: How many delegates a name search shows (the staff types more letters to narrow it).
SEARCH_LIMIT = 20


def _registrations(event: Event) -> QuerySet[Registration]:
    return Registration.objects.filter(event=event).select_related("member__country")


def registration_by_code(event: Event, code: str) -> Registration | None:
    """The delegate of `event` whose badge code is `code` (letter case aside), or None."""
    if not code:
        return None
    registration = _registrations(event).filter(badge_code__iexact=code).first()
    if registration is not None:
        registration.event = event
    return registration


def registration_of(event: Event, registration_id) -> Registration | None:
    """The delegate `registration_id` of `event`, or None (also for an id that is not a number)."""
    try:
        registration_id = int(registration_id)
    except (TypeError, ValueError):
        return None
    registration = _registrations(event).filter(pk=registration_id).first()
    if registration is not None:
        registration.event = event
    return registration


def registrations_search(event: Event, query: str) -> list[Registration]:
    """Delegates of `event` whose name holds every word of `query` (any status: the page says why one
    cannot be checked in), by name; at most SEARCH_LIMIT."""
    words = query.split()[:5]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= Q(full_name__icontains=word[:100])
    found = list(_registrations(event).filter(condition).order_by("full_name", "pk")[:SEARCH_LIMIT])
    for registration in found:
        registration.event = event
    return found


def checkin_sessions(event: Event) -> list[Session]:
    """The sessions one may check delegates in for, in order (breaks left out), with translations."""
    sessions = list(
        Session.objects.filter(event=event).exclude(kind=SessionKind.BREAK).prefetch_related("translations")
    )
    for session in sessions:
        session.event = event
    return sessions


def current_session(sessions: list[Session], now: datetime | None = None) -> Session | None:
    """The session running now (the first if two overlap), to check in for by default."""
    now = now or timezone.now()
    return next((s for s in sessions if s.starts_at <= now < s.ends_at), None)


def attendance_for(event: Event, registrations: list[Registration], session: Session | None) -> dict[int, Attendance]:
    """The check-ins of `registrations` for `session` (None: the event as a whole), by registration."""
    rows = Attendance.objects.filter(registration__in=[r.pk for r in registrations], session=session)
    return {a.registration_id: a for a in rows}


@dataclass
class SessionCount:
    session: Session | None  # None: the event as a whole
    checked_in: int


@dataclass
class AttendanceSummary:
    approved: int
    rows: list[SessionCount]


def attendance_summary(event: Event, sessions: list[Session]) -> AttendanceSummary:
    """How many delegates are approved, and how many were checked in at the event and at each session
    (two queries whatever the number of sessions)."""
    counts = dict(
        Attendance.objects.filter(registration__event=event)
        .order_by()
        .values_list("session")
        .annotate(n=Count("pk"))
        .values_list("session", "n")
    )
    approved = Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED).count()
    rows = [SessionCount(None, counts.get(None, 0))]
    rows += [SessionCount(s, counts.get(s.pk, 0)) for s in sessions]
    return AttendanceSummary(approved=approved, rows=rows)


def _attendances(event: Event) -> QuerySet[Attendance]:
    return (
        Attendance.objects.filter(registration__event=event)
        .select_related("registration__member__country", "session")
        .prefetch_related("session__translations")
    )


def attendance_visible(
    event: Event, *, user, session: Session | None = None, every_session: bool = False
) -> list[Attendance]:
    """The check-ins of `event` (for `session`, None: the event as a whole; or for all with
    `every_session`) whose delegate `user` may see privately (`may_see_delegate_private`), ordered by
    session, delegation and name."""
    qs = _attendances(event)
    if not every_session:
        qs = qs.filter(session=session)
    rows = []
    for attendance in qs:
        attendance.registration.event = event
        if attendance.session is not None:
            attendance.session.event = event
        if may_see_delegate_private(user, attendance.registration):
            rows.append(attendance)
    rows.sort(
        key=lambda a: (
            a.session is not None,
            a.session.starts_at if a.session else a.checked_in_at,
            a.registration.member.code,
            a.registration.full_name.casefold(),
            a.pk,
        )
    )
    return rows


def registrations_visible(event: Event, *, user) -> list[tuple[Registration, bool]]:
    """The delegates of `event` that `user` may see, each with whether it may see their private fields:
    everyone sees the participant list (approved delegates who consented); the host, the delegate's
    member and the delegate see the rest (`may_see_delegate_private`). By delegation, then name."""
    visible = []
    for registration in _registrations(event).select_related("nationality").order_by("member__code", "full_name", "pk"):
        registration.event = event
        private = may_see_delegate_private(user, registration)
        if private or registration_is_listed(registration):
            visible.append((registration, private))
    return visible


def session_title(session: Session | None) -> str:
    """The session's title in the reader's language; "Whole event" for the event as a whole."""
    return session.translation_for()[0] if session is not None else _("Whole event")


def venue_time(event: Event, moment: datetime) -> str:
    """A moment at the venue, ISO 8601 with its offset, to the second: 2025-05-12T09:12:00+08:00."""
    return moment.astimezone(event.zone).isoformat(timespec="seconds")


CSV_HEADER = ["delegation", "delegation_label", "delegate", "session", "session_label", "checked_in_at", "time_zone"]


def attendance_csv_rows(event: Event, attendances: list[Attendance]) -> Iterator[list]:
    """The header and one row per check-in for `harambee.core.csvfile`: codes with their labels next to
    them (delegation code and name, session id and title in the reader's language), the time at the
    venue with its offset, and the venue's time zone."""
    yield CSV_HEADER
    for attendance in attendances:
        registration = attendance.registration
        yield [
            registration.member.code,
            registration.member.display_name,
            registration.full_name,
            attendance.session_id,
            session_title(attendance.session),
            venue_time(event, attendance.checked_in_at),
            event.time_zone,
        ]


def attendance_get(event: Event, attendance_id: int) -> Attendance | None:
    """One check-in at `event` (for undoing it), or None."""
    attendance = _attendances(event).filter(pk=attendance_id).first()
    if attendance is not None:
        attendance.registration.event = event
    return attendance


def staff_of(event: Event) -> list[CheckInStaff]:
    """The event's check-in staff with their accounts, in the order they were added."""
    staff = list(CheckInStaff.objects.filter(event=event).select_related("user").order_by("pk"))
    for person in staff:
        person.event = event
    return staff


def staff_get(event: Event, staff_id: int) -> CheckInStaff | None:
    return next((s for s in staff_of(event) if s.pk == staff_id), None)
