"""The JSON API for events: list, detail and agenda, with the web's permissions (one access layer).

Times are ISO 8601 with the venue's offset; speakers are named only with their consent (the hosts
see every name)."""

from datetime import date, datetime
from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Schema

from harambee.accounts.auth import api_user
from harambee.core.paging import Page, PageParams, page_of

from .access import EventAction, event_can, event_get_for_user, event_list_for_user, registration_personal_visible
from .selectors import events_for_listing, public_speakers, sessions_of

router = Router(tags=["events"])


class EventTranslationOut(Schema):
    language: str
    title: str
    description: str
    venue_details: str
    origin: str


class EventOut(Schema):
    slug: str
    title: str
    description: str
    language: str
    status: str
    series: str | None
    edition: int | None
    host: str
    co_hosts: list[str]
    format: str
    venue_name: str
    venue_details: str
    city: str
    country: str | None
    time_zone: str
    start_date: date
    end_date: date
    working_languages: list[str]
    interpretation_languages: list[str]
    capacity: int | None
    translations: list[EventTranslationOut]


class SpeakerOut(Schema):
    name: str
    affiliation: str
    role: str


class MaterialOut(Schema):
    title: str
    url: str
    file_type: str
    file_size: int | None


class SessionTranslationOut(Schema):
    language: str
    title: str
    description: str


class SessionOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    room: str
    languages: list[str]
    speakers: list[SpeakerOut]
    unnamed_speakers: int
    materials: list[MaterialOut]
    translations: list[SessionTranslationOut]


class EventListParams(PageParams):
    when: Literal["upcoming", "past", "all"] = "all"


def _event_out(event) -> EventOut:
    return EventOut(
        slug=event.slug,
        title=event.title,
        description=event.description,
        language=event.language,
        status=event.status,
        series=event.series.slug if event.series else None,
        edition=event.edition,
        host=event.host.code,
        co_hosts=sorted(m.code for m in event.co_hosts.all()),
        format=event.format,
        venue_name=event.venue_name,
        venue_details=event.venue_details,
        city=event.city,
        country=event.country_id,
        time_zone=event.time_zone,
        start_date=event.start_date,
        end_date=event.end_date,
        working_languages=event.working_languages,
        interpretation_languages=event.interpretation_languages,
        capacity=event.capacity,
        translations=[
            EventTranslationOut(
                language=t.language, title=t.title, description=t.description, venue_details=t.venue_details,
                origin=t.origin,
            )
            for t in event.translations.all()
        ],
    )  # fmt: skip


@router.get("/events", response=Page[EventOut], summary="List events", operation_id="events_list")
def events_list(request: HttpRequest, params: Query[EventListParams]):
    """Events the caller may see: upcoming (soonest first), past (latest first) or all (latest first)."""
    qs = events_for_listing(event_list_for_user(user=api_user(request)))
    today = timezone.localdate()
    if params.when == "upcoming":
        qs = qs.filter(end_date__gte=today).order_by("start_date", "pk")
    elif params.when == "past":
        qs = qs.filter(end_date__lt=today).order_by("-start_date", "-pk")
    else:
        qs = qs.order_by("-start_date", "-pk")
    return page_of(qs, params, lambda events: [_event_out(e) for e in events])


@router.get("/events/{slug}", response=EventOut, summary="One event", operation_id="events_get")
def events_get(request: HttpRequest, slug: str):
    return _event_out(event_get_for_user(user=api_user(request), slug=slug))


@router.get(
    "/events/{slug}/sessions", response=list[SessionOut], summary="An event's agenda", operation_id="events_sessions"
)
def events_sessions(request: HttpRequest, slug: str):
    """The sessions in order, times with the venue's offset; speakers named only with their consent."""
    user = api_user(request)
    event = event_get_for_user(user=user, slug=slug)
    show_all = event_can(user, event, EventAction.EDIT)
    result = []
    for session in sessions_of(event):
        named = public_speakers(session, show_all=show_all)
        result.append(
            SessionOut(
                id=session.pk,
                kind=session.kind,
                title=session.title,
                description=session.description,
                starts_at=session.starts_at.astimezone(event.zone),
                ends_at=session.ends_at.astimezone(event.zone),
                room=session.room,
                languages=session.languages,
                speakers=[SpeakerOut(name=s.name, affiliation=s.affiliation, role=s.role) for s in named],
                unnamed_speakers=len(session.speakers.all()) - len(named),
                materials=[
                    MaterialOut(
                        title=m.title,
                        url=m.url
                        or request.build_absolute_uri(reverse("events:material", args=[event.slug, session.pk, m.pk])),
                        file_type=m.file_type,
                        file_size=m.file_size,
                    )
                    for m in session.materials.all()
                ],
                translations=[
                    SessionTranslationOut(language=t.language, title=t.title, description=t.description)
                    for t in session.translations.all()
                ],
            )
        )
    return result


# ---------------------------------------------------------------------------------------------------
# Delegates and attendance (issue 13, item 9): the participant list for everyone, private fields only
# for those `access.may_see_delegate_private` lets see them; the attendance CSV for those who run the event.

from harambee.core.csvfile import csv_response  # noqa: E402  (appended block, kept whole for the merge)

from .attendance import (  # noqa: E402
    attendance_csv_rows,
    attendance_summary,
    attendance_visible,
    checkin_sessions,
    registrations_visible,
    session_title,
)


class DelegationOut(Schema):
    code: str
    name: str


class RegistrationPrivateOut(Schema):
    """Seen only by the host's editors and managers, the delegate's member, the delegate and the secretariat.
    The personal details (nationality, passport, date of birth, dietary and accessibility needs) are null
    except for the host's managers, the delegate's member and the delegate (`registration_personal_visible`)."""

    email: str
    position: str
    sex: str
    language: str
    status: str
    decision_reason: str
    decided_at: datetime | None
    consent_participant_list: bool
    visa_letter_requested: bool
    nationality: str | None
    passport_number: str | None
    passport_expiry: date | None
    date_of_birth: date | None
    dietary_needs: str | None
    accessibility_needs: str | None
    registration_completed_at: datetime | None
    badge_code: str | None
    personal_data_erased_at: datetime | None


class RegistrationOut(Schema):
    id: int
    full_name: str
    delegation: DelegationOut
    private: RegistrationPrivateOut | None


class AttendanceOut(Schema):
    registration: int
    full_name: str
    delegation: DelegationOut
    session: int | None
    session_title: str
    checked_in_at: datetime


class SessionCountOut(Schema):
    session: int | None
    title: str
    starts_at: datetime | None
    checked_in: int


class AttendanceSummaryOut(Schema):
    approved: int
    counts: list[SessionCountOut]


def _delegation(member) -> DelegationOut:
    return DelegationOut(code=member.code, name=member.display_name)


def _registration_out(registration, private: bool, user=None) -> RegistrationOut:
    r = registration
    personal = private and registration_personal_visible(user, r)
    return RegistrationOut(
        id=r.pk,
        full_name=r.full_name,
        delegation=_delegation(r.member),
        private=RegistrationPrivateOut(
            email=r.email, position=r.position, sex=r.sex, language=r.language, status=r.status,
            decision_reason=r.decision_reason, decided_at=r.decided_at,
            consent_participant_list=r.consent_participant_list, visa_letter_requested=r.visa_letter_requested,
            nationality=r.nationality.iso3 if personal and r.nationality else None,
            passport_number=r.passport_number if personal else None,
            passport_expiry=r.passport_expiry if personal else None,
            date_of_birth=r.date_of_birth if personal else None,
            dietary_needs=r.dietary_needs if personal else None,
            accessibility_needs=r.accessibility_needs if personal else None,
            registration_completed_at=r.registration_completed_at,
            badge_code=r.badge_code, personal_data_erased_at=r.personal_data_erased_at,
        )
        if private
        else None,
    )  # fmt: skip


@router.get(
    "/events/{slug}/registrations",
    response=Page[RegistrationOut],
    summary="An event's delegates",
    operation_id="events_registrations",
)
def events_registrations(request: HttpRequest, slug: str, params: Query[PageParams]):
    """The participant list: approved delegates who agreed to appear in it, by name and delegation, for
    everyone who may see the event. The host's editors and managers (and the secretariat) also get every
    other delegate and each one's `private` fields; a member's people get those of their own delegation;
    a delegate with an account gets their own. For everyone else `private` is null. By delegation, then name."""
    user = api_user(request)
    event = event_get_for_user(user=user, slug=slug)
    rows = registrations_visible(event, user=user)
    return page_of(rows, params, lambda chunk: [_registration_out(r, private, user) for r, private in chunk])


@router.get(
    "/events/{slug}/attendance",
    response=Page[AttendanceOut],
    summary="Who was checked in",
    operation_id="events_attendance",
)
def events_attendance(request: HttpRequest, slug: str, params: Query[PageParams]):
    """Every check-in (at the event as a whole, `session` null, or at a session) of the delegates whose
    private fields the caller may see (the host: all). Times with the venue's offset. Counts for
    everyone: `/events/{slug}/attendance/summary`."""
    user = api_user(request)
    event = event_get_for_user(user=user, slug=slug)
    rows = attendance_visible(event, user=user, every_session=True)

    def convert(chunk):
        return [
            AttendanceOut(
                registration=a.registration_id,
                full_name=a.registration.full_name,
                delegation=_delegation(a.registration.member),
                session=a.session_id,
                session_title=session_title(a.session),
                checked_in_at=a.checked_in_at.astimezone(event.zone),
            )
            for a in chunk
        ]

    return page_of(rows, params, convert)


@router.get(
    "/events/{slug}/attendance/summary",
    response=AttendanceSummaryOut,
    summary="How many were checked in",
    operation_id="events_attendance_summary",
)
def events_attendance_summary(request: HttpRequest, slug: str):
    """How many delegates are approved, and how many were checked in at the event as a whole (`session`
    null) and at each session (breaks left out): no names, for everyone who may see the event."""
    event = event_get_for_user(user=api_user(request), slug=slug)
    summary = attendance_summary(event, checkin_sessions(event))
    return AttendanceSummaryOut(
        approved=summary.approved,
        counts=[
            SessionCountOut(
                session=row.session.pk if row.session else None,
                title=session_title(row.session),
                starts_at=row.session.starts_at.astimezone(event.zone) if row.session else None,
                checked_in=row.checked_in,
            )
            for row in summary.rows
        ],
    )


@router.get(
    "/events/{slug}/attendance.csv",
    summary="Attendance as CSV",
    operation_id="events_attendance_csv",
    openapi_extra={
        "responses": {
            200: {
                "description": "One row per check-in: delegation, delegation_label, delegate, session, "
                "session_label, checked_in_at (ISO 8601 at the venue), time_zone. Labels in the language of "
                "Accept-Language; cells that a spreadsheet would run as a formula start with a quote.",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            },
            403: {
                "description": "Not one of the host's editors and managers, nor the secretariat.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            },
        }
    },
)
def events_attendance_csv(request: HttpRequest, slug: str):
    """Every check-in of the event as CSV (the web's `/<lang>/events/<slug>/attendance.csv` gives the same
    file): for the host's editors and managers and the secretariat only."""
    user = api_user(request)
    event = event_get_for_user(user=user, slug=slug, action=EventAction.EDIT)
    rows = attendance_csv_rows(event, attendance_visible(event, user=user, every_session=True))
    return csv_response(rows, filename=f"{event.slug}-attendance.csv")
