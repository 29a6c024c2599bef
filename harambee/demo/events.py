"""Demo events: the Beijing workshop with its agenda, and a next edition open for nominations
(content in content/events.json), written through the services (so audited)."""

import json
from datetime import date, datetime, time, timedelta
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


def load_demo_checkins(people: dict) -> int:
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


# ---------------------------------------------------------------------------------------------------
# Invitations and nominations (content/delegations.json): the Beijing workshop's ~40 delegations in
# several states, and the next edition open for nominations.

DELEGATIONS = Path(__file__).parent / "content" / "delegations.json"
# A one-page PDF standing for a signed nomination letter.
DEMO_LETTER = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _letter():
    # lazy: this block stays self-contained (parallel branches)
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("nomination-letter.pdf", DEMO_LETTER, content_type="application/pdf")


def _email(name: str, code: str) -> str:
    import unicodedata  # lazy: this block stays self-contained (parallel branches)

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return f"{'.'.join(plain.replace('-', ' ').split())}@{code}.demo.harambee.test"


def load_demo_delegations(people: dict) -> int:
    """Invitations, nominations, decisions and registrations of the demo's two editions, written
    through the services; then the retention job erases the personal data of the past workshop.
    How many delegates."""
    from harambee.events.models import Event  # lazy: this block stays self-contained (parallel branches)
    from harambee.events.registration_services import (  # lazy: this block stays self-contained (parallel branches)
        CompletionInput,
        NominationInput,
        invitation_create,
        nomination_create,
        personal_data_erase_due,
        registration_complete,
        registration_decide,
        registration_withdraw,
    )
    from harambee.registry.models import CountryGroup  # lazy: this block stays self-contained (parallel branches)

    content = json.loads(DELEGATIONS.read_text(encoding="utf-8"))
    members = Member.objects.in_bulk(field_name="code")
    positions = content["positions"]
    total = 0

    # The Beijing workshop (past): every delegation invited, nominations before the deadline, decisions.
    spec = content["beijing-2025"]
    event = Event.objects.get(slug="beijing-2025")
    host = people[spec["actor"]]
    invited_at = datetime.fromisoformat(spec["invited_at"])
    nominated_at = datetime.fromisoformat(spec["nominated_at"])
    deadline = datetime.fromisoformat(spec["deadline"])
    group = CountryGroup.objects.get(code=spec["open_call_group"])
    invitation_create(event=event, actor=host, group=group, quota=spec["quota"], deadline=deadline, now=invited_at)
    decisions, no_consent = spec["decisions"], set(spec["no_consent"])
    for code, delegation in spec["delegations"].items():
        member = members[code]
        if not group.countries.filter(iso3=(member.country_id or "")).exists() or member.kind != "state":
            invitation_create(
                event=event, actor=host, member=member, quota=spec["quota"], deadline=deadline, now=invited_at
            )
        for index, (name, sex) in enumerate(delegation["people"]):
            registration = nomination_create(
                event=event, member=member, actor=None, letter=_letter(), now=nominated_at,
                data=NominationInput(
                    full_name=name, email=_email(name, code), position=positions[(total + index) % len(positions)],
                    sex=sex, language=delegation["language"],
                ),
            )  # fmt: skip
            status, reason = decisions.get(name, ["approved", ""])
            if status in ("approved", "waitlisted", "declined"):
                action = {"approved": "approve", "waitlisted": "waitlist", "declined": "decline"}[status]
                registration = registration_decide(registration=registration, actor=host, action=action, reason=reason)
            elif status == "withdrawn":
                registration = registration_withdraw(registration=registration, actor=None, reason=reason)
            if registration.status == "approved":
                registration_complete(
                    registration=registration, actor=None, now=nominated_at,
                    data=CompletionInput(consent_participant_list=name not in no_consent),
                )  # fmt: skip
        total += len(delegation["people"])

    # The next edition: open for nominations until a month before it starts.
    spec = content["lusaka-next"]
    event = Event.objects.get(slug="lusaka-next")
    host = people[spec["actor"]]
    deadline = event.at(event.start_date - timedelta(days=spec["deadline_days_before"]), time(23, 59))
    for invitation in spec["invitations"]:
        invitation_create(
            event=event, actor=host, quota=invitation["quota"], deadline=deadline,
            member=members[invitation["member"]] if "member" in invitation else None,
            group=CountryGroup.objects.get(code=invitation["group"]) if "group" in invitation else None,
        )  # fmt: skip
    for item in spec["nominations"]:
        member = members[item["member"]]
        registration = nomination_create(
            event=event, member=member, actor=people[item["actor"]], letter=_letter(),
            data=NominationInput(
                full_name=item["name"], email=_email(item["name"], item["member"]), position=positions[0],
                sex=item["sex"], language=item["language"],
            ),
        )  # fmt: skip
        if item["status"] == "approved":
            registration = registration_decide(registration=registration, actor=host, action="approve")
            details = item["registration"]
            years, nationality = details.get("passport_years"), details.get("nationality")
            registration_complete(
                registration=registration, actor=people[item["actor"]],
                data=CompletionInput(
                    consent_participant_list=details["consent"], visa_letter_requested=details["visa"],
                    nationality=Country.objects.get(iso3=nationality) if nationality else None,
                    passport_number=details.get("passport_number", ""),
                    passport_expiry=event.end_date.replace(year=event.end_date.year + years) if years else None,
                    date_of_birth=date.fromisoformat(details["born"]) if details.get("born") else None,
                    dietary_needs=details.get("dietary", ""), accessibility_needs=details.get("accessibility", ""),
                ),
            )  # fmt: skip
        total += 1
    personal_data_erase_due()
    return total


# ---------------------------------------------------------------------------------------------------
# Knowledge-exchange pairing of the Beijing workshop (content/pairing.json, illustrative)

PAIRING_CONTENT = Path(__file__).parent / "content" / "pairing.json"
#: Below this many approved delegates, `_demo_pairing_delegates` adds the file's.
PAIRING_MIN_DELEGATES = 20


def _demo_pairing_delegates(event, spec: dict, people: dict) -> None:
    """Approved delegates for the pairing, only those missing (by member and name), when the event
    has fewer than PAIRING_MIN_DELEGATES approved ones (the nominations demo may already add them)."""
    # lazy: the pairing block of the demo stays one block at the end of this shared file
    from harambee.audit.models import AuditAction
    from harambee.audit.services import audit_record
    from harambee.events.choices import RegistrationStatus
    from harambee.events.models import Registration

    approved = Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED)
    if approved.count() >= PAIRING_MIN_DELEGATES:
        return
    members = Member.objects.in_bulk(field_name="code")
    existing = set(Registration.objects.filter(event=event).values_list("member__code", "full_name"))
    for item in spec["delegates"]:
        if (item["member"], item["name"]) in existing or item["member"] not in members:
            continue
        registration = Registration.objects.create(
            event=event,
            member=members[item["member"]],
            user=people.get(item.get("account", "")),
            full_name=item["name"],
            email=f"{item['name'].split()[0].lower()}.{item['member']}@demo.harambee.test",
            position=item["position"],
            sex=item["sex"],
            language=item["language"],
            status=RegistrationStatus.APPROVED,
            decided_at=event.day_start(event.start_date),
            consent_participant_list=True,
        )
        audit_record(
            actor=None,
            action=AuditAction.CREATE,
            instance=registration,
            changes={"status": [None, registration.status]},
            member_code=registration.member.code,
            reason="Demo delegate for the knowledge-exchange pairing",
        )


def load_demo_pairing(people: dict) -> int:
    """Profiles for the Beijing workshop's approved delegates and one finished pairing run, with an
    accepted meeting or two and a swap request; how many meetings."""
    # lazy: the pairing block of the demo stays one block at the end of this shared file
    from harambee.events.choices import RegistrationStatus
    from harambee.events.models import Event, PairingMeeting, Registration, SessionKind
    from harambee.events.pairing_services import (
        ProfileInput,
        pairing_meeting_accept,
        pairing_profile_save,
        pairing_run_create,
        pairing_run_execute,
        pairing_swap_request,
    )

    spec = json.loads(PAIRING_CONTENT.read_text(encoding="utf-8"))
    event = Event.objects.get(slug=spec["event"])
    _demo_pairing_delegates(event, spec, people)
    by_name = {item["name"]: item for item in spec["delegates"]}
    delegates = Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED).select_related("member")
    for index, registration in enumerate(delegates):
        item = by_name.get(registration.full_name)
        if item is None:  # a delegate the file does not know: a profile from its position of the list
            item = spec["delegates"][index % len(spec["delegates"])] | {"share_text": "", "learn_text": ""}
            item["languages"] = [registration.language]
        pairing_profile_save(
            registration=registration,
            actor=registration.user,
            data=ProfileInput(
                languages=item["languages"],
                text_language=item.get("text_language", "en"),
                share_themes=item.get("share_themes", []),
                share_concepts=item["share"],
                share_text=item.get("share_text", ""),
                learn_themes=item.get("learn_themes", []),
                learn_concepts=item["learn"],
                learn_text=item.get("learn_text", ""),
            ),
        )
    session = event.sessions.filter(kind=SessionKind.KNOWLEDGE_EXCHANGE).order_by("starts_at").first()
    settings = spec["run"]
    run = pairing_run_create(
        event=event, actor=people[settings["actor"]], rounds=settings["rounds"], minutes=settings["minutes"],
        tables=settings["tables"], session=session,
    )  # fmt: skip
    run = pairing_run_execute(run_id=run.pk)  # at once: the demo shows a finished run (the queued task finds it done)
    meetings = list(PairingMeeting.objects.filter(run=run).select_related("a", "b"))
    named = {r.full_name: r for r in delegates}
    for name in spec["answers"]["accept"]:
        registration = named.get(name)
        meeting = next((m for m in meetings if registration and registration.pk in (m.a_id, m.b_id)), None)
        if meeting is not None:
            pairing_meeting_accept(meeting=meeting, registration=registration, actor=registration.user)
    asker = named.get(spec["answers"]["swap"])
    meeting = next((m for m in meetings if asker and asker.pk in (m.a_id, m.b_id) and m.round == 2), None)
    if meeting is not None:
        pairing_swap_request(meeting=meeting, registration=asker, actor=None)
    return PairingMeeting.objects.filter(run=run).count()


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
