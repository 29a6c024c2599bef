"""Demo events: the Beijing workshop with its agenda, and a next edition open for nominations
(content in content/events.json), written through the services (so audited)."""

import json
from datetime import date, time, timedelta
from decimal import Decimal
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
    return len(content["events"])


# ---------------------------------------------------------------------------------------------------
# Outcomes of the Beijing workshop (issue 13 item 7): session notes, survey answers, action items, some
# turned into a cooperation, a need and a pledge (origin "workshop"); content in content/outcomes.json.

OUTCOMES = Path(__file__).parent / "content" / "outcomes.json"


def _demo_delegates(event, people: dict, specs: list[dict]) -> dict:
    """The approved delegates with an account who answer the survey: those the nominations already
    approved for these people, else a registration made here (the nominations' demo may make them)."""
    # lazy: the events models only for this part of the demo
    from harambee.events.choices import RegistrationStatus
    from harambee.events.models import Registration

    delegates = {}
    members = Member.objects.in_bulk(field_name="code")
    for spec in specs:
        user = people[spec["user"]]
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is None:
            registration = Registration.objects.create(
                event=event, member=members[spec["member"]], user=user, full_name=user.full_name, email=user.email,
                sex=spec["sex"], language=spec["language"], status=RegistrationStatus.APPROVED,
                consent_participant_list=True, decided_at=timezone.now(),
            )  # fmt: skip
        delegates[spec["user"]] = registration
    return delegates


def load_demo_outcomes(people: dict) -> int:
    """Notes, survey answers and action items of the Beijing workshop; how many action items."""
    # lazy: the outcomes services only for this part of the demo
    from harambee.events.models import Event
    from harambee.events.outcomes import (
        ActionInput,
        ConversionInput,
        NoteTranslationInput,
        action_convert,
        action_create,
        action_move,
        session_note_save,
        survey_submit,
    )

    content = json.loads(OUTCOMES.read_text(encoding="utf-8"))
    event = Event.objects.get(slug=content["event"])
    host = people[content["host_actor"]]
    sessions = {s.title: s for s in event.sessions.all()}
    members = Member.objects.in_bulk(field_name="code")
    for note in content["notes"]:
        session_note_save(
            session=sessions[note["session"]], actor=host, text=note["text"],
            translations=[NoteTranslationInput(language=k, text=v) for k, v in note.get("translations", {}).items()],
        )  # fmt: skip
    _demo_delegates(event, people, content["delegates"])
    for answer in content["survey"]:
        survey_submit(
            event=event, actor=people[answer["user"]], answers=answer["answers"], sign=answer.get("sign", False),
            language=answer["language"],
        )  # fmt: skip
    for spec in content["actions"]:
        item = action_create(
            event=event,
            actor=host,
            data=ActionInput(
                title=spec["title"], description=spec["description"], owner=members[spec["owner"]],
                owner_person=spec.get("owner_person", ""),
                due_date=date.fromisoformat(spec["due"]) if spec.get("due") else None,
                session=sessions.get(spec.get("session", "")), target_kind=spec.get("target", ""),
            ),
        )  # fmt: skip
        became = spec.get("became")
        if became:
            values = dict(became["values"])
            for name in ("provider", "beneficiary"):
                if name in values:
                    values[name] = members[values[name]]
            for name in ("period_start", "period_end"):
                if name in values:
                    values[name] = date.fromisoformat(values[name])
            if "value" in values:
                values["value"] = Decimal(values["value"])
            item = action_convert(
                item=item, actor=people[became["actor"]], kind=spec["target"], data=ConversionInput(**values)
            )
        for status in spec.get("moves", []):
            item = action_move(item=item, actor=host, status=status)
    return len(content["actions"])
