"""Demo events: the Beijing workshop with its agenda, and a next edition open for nominations
(content in content/events.json), written through the services (so audited)."""

import json
from datetime import date, time, timedelta
from pathlib import Path

from django.utils import timezone

from harambee.events.services import (
    EventInput,
    SessionInput,
    TranslationInput,
    event_create,
    event_transition,
    material_create,
    series_create,
    session_create,
    speaker_create,
)
from harambee.registry.models import Country, Member

CONTENT = Path(__file__).parent / "content" / "events.json"


def _dates(spec: dict, today: date) -> tuple[date, date]:
    """Fixed dates, or (the next edition) the coming May: upcoming whenever the demo is loaded."""
    if not spec.get("next_may"):
        return date.fromisoformat(spec["start_date"]), date.fromisoformat(spec["end_date"])
    year = today.year if today < date(today.year, 5, 1) else today.year + 1
    start = date(year, 5, spec["start_day"])
    return start, start + timedelta(days=spec["days"] - 1)


def load_demo_events(people: dict) -> int:
    """Create the series, its editions and their agendas; how many events."""
    content = json.loads(CONTENT.read_text(encoding="utf-8"))
    members = Member.objects.in_bulk(field_name="code")
    series_spec = content["series"]
    series = series_create(
        actor=None,
        slug=series_spec["slug"],
        name=series_spec["name"],
        name_translations=series_spec["name_translations"],
        hosts=[members[c] for c in series_spec["hosts"]],
        is_demo=True,
    )
    for spec in content["events"]:
        actor = people[spec["actor"]]
        start, end = _dates(spec, timezone.localdate())
        event = event_create(
            actor=actor,
            host=members[spec["host"]],
            is_demo=True,
            data=EventInput(
                slug=spec["slug"],
                title=spec["title"],
                language=spec["language"],
                description=spec["description"],
                time_zone=spec["time_zone"],
                start_date=start,
                end_date=end,
                format=spec["format"],
                venue_name=spec["venue_name"],
                venue_details=spec["venue_details"],
                city=spec["city"],
                country=Country.objects.get(iso3=spec["country"]),
                series=series,
                edition=spec["edition"],
                working_languages=spec["working_languages"],
                interpretation_languages=spec["interpretation_languages"],
                capacity=spec["capacity"],
                co_hosts=[members[c] for c in spec["co_hosts"]],
                translations=[TranslationInput(**t) for t in spec["translations"]],
            ),
        )
        for item in spec["sessions"]:
            day = date.fromisoformat(item["day"]) if "day" in item else start + timedelta(days=item["offset"])
            session = session_create(
                event=event,
                actor=actor,
                data=SessionInput(
                    title=item["title"],
                    kind=item["kind"],
                    description=item.get("description", ""),
                    starts_at=event.at(day, time.fromisoformat(item["start"])),
                    ends_at=event.at(day, time.fromisoformat(item["end"])),
                    room=item["room"],
                    languages=item["languages"],
                    translations=[
                        TranslationInput(language=language, title=title)
                        for language, title in item.get("translations", {}).items()
                    ],
                ),
            )
            for position, speaker in enumerate(item.get("speakers", [])):
                speaker_create(
                    session=session,
                    actor=actor,
                    name=speaker["name"],
                    affiliation=speaker["affiliation"],
                    role=speaker["role"],
                    consent_public=speaker["consent"],
                    position=position,
                )
            for material in item.get("materials", []):
                material_create(session=session, actor=actor, title=material["title"], url=material["url"])
        if spec["status"] == "published":
            event_transition(event=event, actor=actor, action="publish")
    _demo_checkins(people)  # after the delegates' registrations: checks in whichever approved ones exist
    return len(content["events"])


def _demo_checkins(people: dict) -> int:
    """Check-ins at the Beijing workshop for its approved delegates (none: nothing to do), written through
    the check-in service as China's manager at the desk: most at the event on the first morning, fewer at
    the opening ceremony, about half at the knowledge-exchange session. How many check-ins."""
    from harambee.events.checkin import attendance_check_in  # lazy: the appended block stays whole for the merge
    from harambee.events.models import Event, Registration  # lazy: same

    event = Event.objects.filter(slug="beijing-2025").first()
    if event is None:
        return 0
    approved = list(Registration.objects.filter(event=event, status="approved").select_related("event__host"))
    sessions = list(event.sessions.order_by("starts_at", "pk"))
    opening = sessions[0] if sessions else None
    exchange = next((s for s in sessions if s.kind == "exchange"), None)
    desk = people.get("china.manager@demo.harambee.test")
    first_morning = event.at(event.start_date, time(8, 15))
    done = 0
    for i, registration in enumerate(approved):
        if i % 5 == 4:  # one in five has not arrived
            continue
        arrived = first_morning + timedelta(minutes=2 * i)
        done += attendance_check_in(registration=registration, session=None, actor=desk, at=arrived).created
        if opening is not None and i % 3 != 2:
            done += attendance_check_in(
                registration=registration,
                session=opening,
                actor=desk,
                at=opening.starts_at - timedelta(minutes=20 - i % 20),
            ).created
        if exchange is not None and i % 2 == 0:
            at = exchange.starts_at + timedelta(minutes=i % 10)
            done += attendance_check_in(registration=registration, session=exchange, actor=desk, at=at).created
    return done
