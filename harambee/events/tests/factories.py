"""Events for tests, written through the services (as the platform: `actor=None`)."""

from datetime import date, time

from harambee.events.services import (
    EventInput,
    SessionInput,
    TranslationInput,
    event_create,
    event_transition,
    session_create,
    speaker_create,
)
from harambee.registry.models import Country


def event_input(**overrides) -> EventInput:
    values = {
        "slug": "beijing-2025",
        "title": "2nd Workshop on AI Capacity-Building",
        "language": "en",
        "description": "Panels, workshops and a knowledge exchange.",
        "time_zone": "Asia/Shanghai",
        "start_date": date(2025, 5, 12),
        "end_date": date(2025, 5, 17),
        "format": "in_person",
        "venue_name": "Tsinghua University",
        "city": "Beijing",
        "country": Country.objects.get(iso3="CHN"),
        "working_languages": ["en", "zh"],
        "interpretation_languages": ["ar", "fr"],
        "capacity": 120,
        "translations": [TranslationInput(language="fr", title="2e atelier sur le renforcement des capacités en IA")],
    }
    values.update(overrides)
    return EventInput(**values)


def make_event(host, *, publish: bool = True, co_hosts=(), **overrides):
    event = event_create(actor=None, host=host, data=event_input(co_hosts=list(co_hosts), **overrides))
    if publish:
        event = event_transition(event=event, actor=None, action="publish")
    return event


def make_session(event, *, day=None, start=time(9), end=time(10, 30), title="Opening ceremony", **overrides):
    day = day or event.start_date
    data = SessionInput(
        title=title,
        starts_at=event.at(day, start),
        ends_at=event.at(day, end),
        room=overrides.pop("room", "Main Hall"),
        languages=overrides.pop("languages", ["en", "zh"]),
        **overrides,
    )
    return session_create(event=event, actor=None, data=data)


def add_speaker(session, name="Li Wei", *, consent=True, affiliation="Ministry of Foreign Affairs"):
    return speaker_create(session=session, actor=None, name=name, affiliation=affiliation, consent_public=consent)
