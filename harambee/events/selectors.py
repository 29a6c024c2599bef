"""Reads of events: the public lists (upcoming and past), one event's agenda by day, the API's lists."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from .access import event_list_for_user
from .choices import EventStatus, RegistrationStatus
from .models import Event, Session, Speaker


def events_for_listing(qs: QuerySet[Event]) -> QuerySet[Event]:
    """`qs` with what a list of events shows: host, co-hosts, country, series and translations."""
    return qs.select_related("host__country", "country", "series").prefetch_related("translations", "co_hosts__country")


def event_lists(*, user, today: date | None = None) -> tuple[list[Event], list[Event]]:
    """The events `user` may see: (upcoming or running, soonest first; past, latest first).

    "Today" is the platform's date (UTC): an event is past once its last day is over there. One query
    (with the prefetches of `events_for_listing`), split here."""
    today = today or timezone.localdate()
    events = list(events_for_listing(event_list_for_user(user=user)).order_by("start_date", "pk"))
    upcoming = [e for e in events if e.end_date >= today]
    past = [e for e in reversed(events) if e.end_date < today]
    return upcoming, past


def events_of_member(qs: QuerySet[Event], member, *, today: date) -> QuerySet[Event]:
    """The published events of `qs` (a list `event_list_for_user` gave) that `member`'s delegates
    attended, or, not over yet, are approved for; each with ``attended`` (its delegates checked in at
    the event or a session, each once) and ``registered`` (its approved delegates)."""
    mine = Q(registrations__member=member)
    return (
        qs.filter(status=EventStatus.PUBLISHED, registrations__member=member)
        .annotate(
            attended=Count("registrations", filter=mine & Q(registrations__attendances__isnull=False), distinct=True),
            registered=Count(
                "registrations", filter=mine & Q(registrations__status=RegistrationStatus.APPROVED), distinct=True
            ),
        )
        .filter(Q(attended__gt=0) | Q(end_date__gte=today, registered__gt=0))
    )


def sessions_of(event: Event) -> QuerySet[Session]:
    """The agenda of `event` in order, with translations, speakers and materials in four queries."""
    return (
        Session.objects.filter(event=event)
        .prefetch_related("translations", Prefetch("speakers", Speaker.objects.order_by("position", "pk")), "materials")
        .order_by("starts_at", "pk")
    )


@dataclass
class AgendaDay:
    day: date
    sessions: list[Session]


def agenda_by_day(event: Event, sessions=None) -> list[AgendaDay]:
    """The sessions grouped by their day at the venue (in the venue's time zone)."""
    sessions = list(sessions_of(event) if sessions is None else sessions)
    zone = event.zone
    days: dict[date, list[Session]] = defaultdict(list)
    for session in sessions:
        session.event = event  # one event object for all: its language and zone without a query each
        days[session.starts_at.astimezone(zone).date()].append(session)
    return [AgendaDay(day=d, sessions=days[d]) for d in sorted(days)]


def session_get(event: Event, session_id: int) -> Session | None:
    """One session of `event` (with what its page shows), or None."""
    session = sessions_of(event).filter(pk=session_id).first()
    if session is not None:
        session.event = event
    return session


def public_speakers(session: Session, *, show_all: bool) -> list[Speaker]:
    """The speakers a reader may see named: all for the hosts (`show_all`), else only those who consented."""
    return [s for s in session.speakers.all() if show_all or s.consent_public]


# ---------------------------------------------------------------------------------------------------
# Delegates' documents (events/documents.py)


from .access import DocumentRole, document_roles  # noqa: E402
from .documents import Attendances  # noqa: E402
from .models import Attendance, DocumentBatch, Registration  # noqa: E402


def registrations_for_documents(event: Event, *, user=None):
    """The registrations of `event` whose documents `user` may download (all of them for those who run
    the event, else those of the user's members and the user's own), with what documents show; every
    one when `user` is None (the batch task)."""
    qs = Registration.objects.filter(event=event).select_related("member__country", "nationality", "user")
    if user is not None and DocumentRole.HOST not in document_roles(user, event):
        if not (getattr(user, "is_authenticated", False) and user.is_active):
            return Registration.objects.none()
        qs = qs.filter(Q(member_id__in=list(user.member_roles())) | Q(user=user))
    return qs.order_by("member__code", "full_name", "pk")


def event_attendances(event: Event):
    """What the certificate rule needs of check-in at `event` (`documents.Attendances`), in one query."""
    attended = frozenset(Attendance.objects.filter(registration__event=event).values_list("registration_id", flat=True))
    return Attendances(check_in_used=bool(attended), attended=attended)


def document_batches_of(event: Event, *, limit: int = 20):
    """The latest document batches of `event`, newest first."""
    return list(DocumentBatch.objects.filter(event=event).select_related("requested_by")[:limit])


def document_batch_get(event: Event, batch_id: int):
    return DocumentBatch.objects.filter(event=event, pk=batch_id).first()
