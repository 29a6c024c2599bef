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

from .access import EventAction, event_can, event_get_for_user, event_list_for_user
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
