"""Events: bad input gets clear errors, the public page and programme, iCalendar feeds, the role ×
action grid of every view and endpoint, query budgets and the demo's Beijing workshop."""

from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ROLES
from harambee.audit.models import AuditEntry
from harambee.events import materials
from harambee.events.models import Event, Material, Session, Speaker
from harambee.events.services import (
    SessionInput,
    TranslationInput,
    event_create,
    event_transition,
    event_update,
    material_create,
    session_create,
)
from harambee.events.tests.factories import add_speaker, event_input, make_event, make_session
from harambee.registry.models import Country, MemberRole
from harambee.registry.tests.factories import MembershipFactory, OrganisationFactory, StateFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def fresh_pages(settings, tmp_path):
    settings.HARAMBEE_PAGE_CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


# ---------------------------------------------------------------------------------------------------
# Bad input: a clear message, nothing written


def test_an_unknown_time_zone_is_refused_and_nothing_is_written(cast):
    # given an event whose time zone is not an IANA name
    before = (Event.objects.count(), AuditEntry.objects.count())
    # when the manager creates it
    with pytest.raises(Exception) as excinfo:
        event_create(actor=cast.manager, host=cast.member, data=event_input(time_zone="Beijing/Time"))
    # then the time zone is named with an example, and nothing was written
    assert _errors(excinfo)["time_zone"] == [
        "Unknown time zone “Beijing/Time”: give an IANA name such as Asia/Shanghai or Africa/Lusaka."
    ]
    assert (Event.objects.count(), AuditEntry.objects.count()) == before


def test_an_event_ending_before_it_starts_is_refused(cast):
    with pytest.raises(Exception) as excinfo:
        event_create(
            actor=cast.manager,
            host=cast.member,
            data=event_input(start_date=date(2025, 5, 17), end_date=date(2025, 5, 12)),
        )
    assert _errors(excinfo)["end_date"] == ["The last day is before the first day."]


def test_other_bad_event_fields_are_named_together(cast):
    with pytest.raises(Exception) as excinfo:
        event_create(
            actor=cast.manager,
            host=cast.member,
            data=event_input(
                format="carrier_pigeon", working_languages=["xx"], capacity=0, city="", venue_name="",
                co_hosts=[cast.member],
            ),
        )  # fmt: skip
    errors = _errors(excinfo)
    assert errors["format"] == ["Unknown format: carrier_pigeon"]
    assert errors["working_languages"] == ["Unknown language: xx"]
    assert errors["capacity"] == ["The capacity must be positive."]
    assert errors["co_hosts"] == ["The host cannot also be a co-host."]


def test_a_session_outside_the_event_dates_is_refused(cast):
    # given an event from 12 to 17 May 2025 in Beijing
    event = make_event(cast.member)
    # when a session is put on 18 May, and another that starts before it ends
    with pytest.raises(Exception) as outside:
        make_session(event, day=date(2025, 5, 18))
    with pytest.raises(Exception) as backwards:
        make_session(event, start=time(11), end=time(10))
    # then each gets its reason and no session exists
    assert _errors(outside)["starts_at"] == [
        "The session starts outside the event's dates (2025-05-12 to 2025-05-17, Asia/Shanghai)."
    ]
    assert _errors(backwards)["ends_at"] == ["A session must end after it starts."]
    assert Session.objects.count() == 0


def test_a_session_at_the_venue_late_evening_is_inside_although_utc_is_the_next_day(cast):
    # 23:00 in Beijing on the last day is 15:00 UTC the same day; 7:00 on the first day is 23:00 UTC the day before
    event = make_event(cast.member)
    late = make_session(event, day=date(2025, 5, 17), start=time(22), end=time(23, 30))
    early = make_session(event, day=date(2025, 5, 12), start=time(7), end=time(8))
    assert early.starts_at.astimezone(UTC) == datetime(2025, 5, 11, 23, 0, tzinfo=UTC)
    assert late.pk and early.pk


def test_moving_the_dates_away_from_the_agenda_is_refused(cast):
    event = make_event(cast.member)
    make_session(event, day=date(2025, 5, 16))
    with pytest.raises(Exception) as excinfo:
        event_update(event=event, actor=cast.manager, data=event_input(end_date=date(2025, 5, 14)))
    assert _errors(excinfo)["start_date"] == ["1 sessions of the agenda fall outside these dates; move them first."]


def test_a_naive_session_time_is_refused(cast):
    event = make_event(cast.member)
    data = SessionInput(title="x", starts_at=datetime(2025, 5, 12, 9), ends_at=datetime(2025, 5, 12, 10))  # noqa: DTZ001
    with pytest.raises(Exception) as excinfo:
        session_create(event=event, actor=cast.manager, data=data)
    assert _errors(excinfo)["starts_at"] == ["Give the time with its time zone."]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("slides.exe", b"MZ\x90\x00", "Files of this type cannot be uploaded; allowed: docx, jpeg, jpg, odp, ods, odt, "
         "pdf, png, pptx, xlsx."),
        ("slides.pdf", b"<html>not a pdf</html>", "The file's content is not a PDF file."),
        ("empty.pdf", b"", "The file is empty."),
    ],
)  # fmt: skip
def test_materials_of_the_wrong_type_are_refused(cast, name, content, message):
    session = make_session(make_event(cast.member))
    with pytest.raises(Exception) as excinfo:
        material_create(session=session, actor=cast.manager, title="Slides", upload=SimpleUploadedFile(name, content))
    assert _errors(excinfo)["file"] == [message]
    assert Material.objects.count() == 0


def test_a_material_too_large_is_refused(cast, monkeypatch):
    monkeypatch.setattr(materials, "MAX_BYTES", 10)
    session = make_session(make_event(cast.member))
    with pytest.raises(Exception) as excinfo:
        material_create(session=session, actor=cast.manager, title="Slides", upload=SimpleUploadedFile("a.pdf", PDF))
    assert _errors(excinfo)["file"] == ["The file is larger than 10\xa0bytes."]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/slides.pdf", "www.example.org", "https://"])
def test_a_link_that_is_not_http_is_refused(cast, url):
    session = make_session(make_event(cast.member))
    with pytest.raises(Exception) as excinfo:
        material_create(session=session, actor=cast.manager, title="Slides", url=url)
    assert _errors(excinfo)["url"] == ["Give a web address starting with http:// or https://."]


def test_a_material_is_a_file_or_a_link_not_both(cast):
    session = make_session(make_event(cast.member))
    with pytest.raises(Exception, match="Give either a file or a link."):
        material_create(
            session=session, actor=cast.manager, title="Slides", url="https://example.org",
            upload=SimpleUploadedFile("a.pdf", PDF),
        )  # fmt: skip


def test_a_pdf_is_stored_and_downloaded_by_the_public(cast, client):
    event = make_event(cast.member)
    session = make_session(event)
    material = material_create(
        session=session, actor=cast.manager, title="Slides", upload=SimpleUploadedFile("slides.pdf", PDF)
    )
    assert (material.file_type, material.file_size) == ("pdf", len(PDF))
    response = client.get(reverse("events:material", args=[event.slug, session.pk, material.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")


def test_the_web_form_shows_a_bad_time_zone_next_to_its_field(cast, client):
    # given the manager on the new event form
    client.force_login(cast.manager)
    form = {
        "host": cast.member.code, "title": "Workshop", "slug": "workshop", "language": "en",
        "start_date": "2025-05-12", "end_date": "2025-05-17", "time_zone": "Mars/Olympus", "format": "online",
    }  # fmt: skip
    # when it submits an unknown time zone
    response = client.post(reverse("events:new"), form)
    # then the form comes back with the message, and no event exists
    assert response.status_code == 200
    assert "Unknown time zone “Mars/Olympus”" in response.content.decode()
    assert not Event.objects.exists()


def test_the_session_form_reports_an_end_before_the_start(cast, client):
    event = make_event(cast.member)
    client.force_login(cast.editor)
    response = client.post(
        reverse("events:session_new", args=[event.slug]),
        {"title": "Panel", "kind": "panel", "day": "2025-05-13", "start": "11:00", "end": "10:00"},
    )
    assert response.status_code == 200
    assert "A session must end after it starts." in response.content.decode()
    assert not Session.objects.exists()


def test_the_material_form_reports_a_wrong_type(cast, client):
    event = make_event(cast.member)
    session = make_session(event)
    client.force_login(cast.editor)
    upload = SimpleUploadedFile("virus.exe", b"MZ")
    response = client.post(
        reverse("events:material_new", args=[event.slug, session.pk]), {"title": "Slides", "file": upload}
    )
    assert response.status_code == 400
    assert "Files of this type cannot be uploaded" in response.content.decode()


# ---------------------------------------------------------------------------------------------------
# Pages


def test_the_event_page_shows_venue_and_utc_times_translated_title_and_consenting_speakers(cast, client):
    # given a published event with a session at 9:00 in Beijing, one speaker who consented and one who did not
    event = make_event(cast.member, co_hosts=[cast.other_member])
    session = make_session(event)
    add_speaker(session, "Li Wei", consent=True)
    add_speaker(session, "Hidden Person", consent=False)
    # when the public reads it in French
    page = client.get(reverse("events:detail", args=[event.slug]).replace("/en/", "/fr/")).content.decode()
    # then the French title, the dates, the venue time and the UTC time, and only the consenting speaker show
    assert "2e atelier sur le renforcement des capacités en IA" in page
    assert "12–17 mai 2025" in page
    assert "09:00–10:30" in page
    assert "01:00–02:30 TU" in page
    assert "Li Wei" in page
    assert "Hidden Person" not in page
    assert "Tsinghua University" in page  # the co-host


def test_the_host_sees_every_speaker_marked(cast, client):
    event = make_event(cast.member)
    add_speaker(make_session(event), "Hidden Person", consent=False)
    client.force_login(cast.editor)
    page = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert "Hidden Person" in page
    assert "not public" in page


def test_the_list_separates_upcoming_and_past_events(cast, client):
    make_event(cast.member)  # May 2025: past
    next_year = date.today().year + 1
    make_event(
        cast.member, slug="next", title="3rd Workshop", start_date=date(next_year, 5, 11),
        end_date=date(next_year, 5, 15), translations=[],
    )  # fmt: skip
    page = client.get(reverse("events:list")).content.decode()
    upcoming, past = page.split('id="past-heading"')
    assert "3rd Workshop" in upcoming
    assert "2nd Workshop on AI Capacity-Building" in past


def test_the_programme_is_printable(cast, client):
    event = make_event(cast.member)
    make_session(event)
    page = client.get(reverse("events:programme", args=[event.slug])).content.decode()
    assert "Opening ceremony" in page
    assert "Monday, 12 May 2025" in page
    assert "Add to calendar" not in page  # links for the screen are left out


def test_a_draft_is_hidden_from_the_public_and_publishing_shows_it(cast, client):
    event = make_event(cast.member, publish=False)
    assert client.get(reverse("events:detail", args=[event.slug])).status_code == 404
    event_transition(event=event, actor=cast.manager, action="publish")
    assert client.get(reverse("events:detail", args=[event.slug])).status_code == 200


def test_cancelling_needs_a_reason_and_marks_the_calendar(cast, client):
    event = make_event(cast.member)
    make_session(event)
    with pytest.raises(Exception, match="Give a reason"):
        event_transition(event=event, actor=cast.manager, action="cancel")
    event_transition(event=event, actor=cast.manager, action="cancel", reason="Postponed")
    body = client.get(reverse("events:calendar", args=[event.slug])).content.decode()
    assert body.count("STATUS:CANCELLED") == 2


# ---------------------------------------------------------------------------------------------------
# iCalendar


def _calendar(client, url) -> tuple[str, icalendar.Calendar]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    return body, icalendar.Calendar.from_ical(body)


def test_the_event_calendar_places_sessions_in_the_venue_zone(cast, client):
    # given an event in Beijing with two sessions
    event = make_event(cast.member)
    make_session(event, start=time(9), end=time(10, 30))
    make_session(event, day=date(2025, 5, 13), start=time(14), end=time(17), title="Workshop")
    # when its calendar is read
    body, calendar = _calendar(client, reverse("events:calendar", args=[event.slug]))
    entries = calendar.walk("VEVENT")
    # then the whole event is an all-day entry (end exclusive) and each session has its venue time and zone
    assert len(entries) == 3
    assert entries[0].decoded("dtstart") == date(2025, 5, 12)
    assert entries[0].decoded("dtend") == date(2025, 5, 18)
    assert "DTSTART;TZID=Asia/Shanghai:20250512T090000" in body
    assert "DTEND;TZID=Asia/Shanghai:20250512T103000" in body
    assert entries[1].decoded("dtstart").astimezone(UTC) == datetime(2025, 5, 12, 1, 0, tzinfo=UTC)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert len({str(e["UID"]) for e in entries}) == 3


def test_the_calendar_escapes_and_folds_text_and_names_only_consenting_speakers(cast, client):
    # given a session whose title and description hold commas, semicolons, a backslash and a long line
    event = make_event(cast.member)
    title = "Data; governance, and compute \\ access"
    description = "First line, with a comma; and a semicolon.\n\nSecond paragraph " + "long " * 40
    session = make_session(event, title=title, description=description)
    add_speaker(session, "Li Wei", consent=True, affiliation="MFA, China")
    add_speaker(session, "Hidden Person", consent=False)
    # when the session's calendar is read
    body, calendar = _calendar(client, reverse("events:session_calendar", args=[event.slug, session.pk]))
    (entry,) = calendar.walk("VEVENT")
    # then the text round-trips, the raw lines are escaped and folded at 75 octets, and consent is respected
    assert str(entry["SUMMARY"]) == title
    assert "SUMMARY:Data\\; governance\\, and compute \\\\ access" in body
    assert "Li Wei (MFA, China)" in str(entry["DESCRIPTION"])
    assert "Hidden Person" not in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_the_calendar_titles_follow_the_reader_language(cast, client):
    event = make_event(cast.member)
    _body, calendar = _calendar(client, "/fr" + reverse("events:calendar", args=[event.slug])[3:])
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "2e atelier sur le renforcement des capacités en IA"


# ---------------------------------------------------------------------------------------------------
# Role × action grid

EDITORS = {
    "anonymous": LOGIN, "outsider": 403, "viewer": 403, "editor": 200, "manager": 200, "other_manager": 403,
    "secretariat": 200,
}  # fmt: skip
EDITORS_POST = {role: (302 if status == 200 else status) for role, status in EDITORS.items()}
EVERYONE = dict.fromkeys(ROLES, 200)
CONFIRMED = {"confirmed": "yes"}  # destructive actions ask first (core/confirm.py)
DRAFT_VIEW = {
    "anonymous": 404, "outsider": 404, "viewer": 200, "editor": 200, "manager": 200, "other_manager": 404,
    "secretariat": 200,
}  # fmt: skip
DRAFT_EDIT = {**DRAFT_VIEW, "anonymous": LOGIN, "viewer": 403}


@pytest.fixture
def agenda(cast):
    """A published event of the cast's member with a session, a speaker, a link and a PDF; and a draft."""
    event = make_event(cast.member)
    session = make_session(event)
    speaker = add_speaker(session)
    link = material_create(session=session, actor=None, title="Resolution", url="https://undocs.org/A/RES/78/311")
    pdf = material_create(session=session, actor=None, title="Slides", upload=SimpleUploadedFile("s.pdf", PDF))
    draft = make_event(cast.member, slug="draft", publish=False)
    return {"event": event, "session": session, "speaker": speaker, "link": link, "pdf": pdf, "draft": draft}


def _session_url(name, a, *extra):
    return reverse(f"events:{name}", args=[a["event"].slug, a["session"].pk, *extra])


EVENT_POST = {
    "title": "2nd Workshop", "slug": "beijing-2025", "language": "en", "start_date": "2025-05-12",
    "end_date": "2025-05-17", "time_zone": "Asia/Shanghai", "format": "in_person", "city": "Beijing",
}  # fmt: skip

GRID = {
    # name: (method, url builder, data, expected)
    "list": ("get", lambda a: reverse("events:list"), None, EVERYONE),
    "detail": ("get", lambda a: reverse("events:detail", args=["beijing-2025"]), None, EVERYONE),
    "programme": ("get", lambda a: reverse("events:programme", args=["beijing-2025"]), None, EVERYONE),
    "calendar": ("get", lambda a: reverse("events:calendar", args=["beijing-2025"]), None, EVERYONE),
    "session_calendar": ("get", lambda a: _session_url("session_calendar", a), None, EVERYONE),
    "material_download": ("get", lambda a: _session_url("material", a, a["pdf"].pk), None, EVERYONE),
    "draft_detail": ("get", lambda a: reverse("events:detail", args=["draft"]), None, DRAFT_VIEW),
    "draft_calendar": ("get", lambda a: reverse("events:calendar", args=["draft"]), None, DRAFT_VIEW),
    "draft_edit": ("get", lambda a: reverse("events:edit", args=["draft"]), None, DRAFT_EDIT),
    "new_form": (
        "get",
        lambda a: reverse("events:new"),
        None,
        {**EDITORS, "other_manager": 200},  # the other manager hosts for its own member
    ),  # fmt: skip
    "edit_form": ("get", lambda a: reverse("events:edit", args=["beijing-2025"]), None, EDITORS),
    "edit_save": ("post", lambda a: reverse("events:edit", args=["beijing-2025"]), EVENT_POST, EDITORS_POST),
    "transition": (
        "post",
        lambda a: reverse("events:transition", args=["beijing-2025"]),
        {"action": "cancel", "reason": "Postponed"},
        EDITORS_POST,
    ),  # fmt: skip
    "session_new_form": ("get", lambda a: reverse("events:session_new", args=["beijing-2025"]), None, EDITORS),
    "session_new_save": (
        "post",
        lambda a: reverse("events:session_new", args=["beijing-2025"]),
        {"title": "Panel", "kind": "panel", "day": "2025-05-13", "start": "09:00", "end": "10:00"},
        EDITORS_POST,
    ),  # fmt: skip
    "session_edit_form": ("get", lambda a: _session_url("session_edit", a), None, EDITORS),
    "session_delete": ("post", lambda a: _session_url("session_delete", a), CONFIRMED, EDITORS_POST),
    "speaker_new": ("post", lambda a: _session_url("speaker_new", a), {"name": "Ana Ribeiro"}, EDITORS_POST),
    "speaker_edit_form": ("get", lambda a: _session_url("speaker_edit", a, a["speaker"].pk), None, EDITORS),
    "speaker_delete": (
        "post",
        lambda a: _session_url("speaker_delete", a, a["speaker"].pk),
        CONFIRMED,
        EDITORS_POST,
    ),  # fmt: skip
    "material_new": (
        "post",
        lambda a: _session_url("material_new", a),
        {"title": "GDC", "url": "https://www.un.org/"},
        EDITORS_POST,
    ),  # fmt: skip
    "material_delete": (
        "post",
        lambda a: _session_url("material_delete", a, a["link"].pk),
        CONFIRMED,
        EDITORS_POST,
    ),  # fmt: skip
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", sorted(GRID))
def test_web_permission_grid(view, role, cast, agenda, client):
    # given a person in `role` and the member's published event with its agenda (and a draft)
    method, url, data, expected = GRID[view]
    user = cast.user(role)
    if user:
        client.force_login(user)
    writes = AuditEntry.objects.count()
    # when it opens or submits the page
    response = getattr(client, method)(url(agenda), data or {})
    # then it gets exactly what its role allows, and a refused write changes nothing
    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == expected[role], response.content[:500]
    if method == "post" and expected[role] != 302:
        assert AuditEntry.objects.count() == writes


API_DRAFT = {role: (200 if status == 200 else 404) for role, status in DRAFT_VIEW.items()}


@pytest.mark.parametrize("role", ROLES)
def test_api_grid(role, cast, agenda, client):
    # given a person in `role`
    if cast.user(role):
        client.force_login(cast.user(role))
    # when it reads the list, the draft and the agenda through the API
    listed = [e["slug"] for e in client.get("/api/v1/events").json()["items"]]
    draft = client.get("/api/v1/events/draft")
    sessions = client.get("/api/v1/events/beijing-2025/sessions")
    # then it sees the published event always, the draft as on the web, the agenda with its times
    assert "beijing-2025" in listed
    assert ("draft" in listed) == (API_DRAFT[role] == 200)
    assert draft.status_code == API_DRAFT[role]
    (session,) = sessions.json()
    assert session["starts_at"] == "2025-05-12T09:00:00+08:00"
    assert [s["name"] for s in session["speakers"]] == ["Li Wei"]
    assert {m["title"] for m in session["materials"]} == {"Resolution", "Slides"}


def test_api_names_speakers_without_consent_only_to_the_hosts(cast, agenda, client):
    add_speaker(agenda["session"], "Hidden Person", consent=False)
    public = client.get("/api/v1/events/beijing-2025/sessions").json()[0]
    client.force_login(cast.editor)
    host = client.get("/api/v1/events/beijing-2025/sessions").json()[0]
    assert ([s["name"] for s in public["speakers"]], public["unnamed_speakers"]) == (["Li Wei"], 1)
    assert ([s["name"] for s in host["speakers"]], host["unnamed_speakers"]) == (["Li Wei", "Hidden Person"], 0)


def test_api_lists_upcoming_and_past(cast, client):
    make_event(cast.member)
    year = date.today().year + 1
    make_event(cast.member, slug="next", start_date=date(year, 5, 11), end_date=date(year, 5, 15))
    upcoming = [e["slug"] for e in client.get("/api/v1/events?when=upcoming").json()["items"]]
    past = [e["slug"] for e in client.get("/api/v1/events?when=past").json()["items"]]
    assert (upcoming, past) == (["next"], ["beijing-2025"])
    assert client.get("/api/v1/events?when=someday").status_code == 422


# ---------------------------------------------------------------------------------------------------
# Query budgets


def _grow_events(cast, start: int, n: int) -> None:
    co_host = OrganisationFactory(code="co-host")
    year = date.today().year
    for i in range(start, start + n):
        # past and upcoming events alike
        first = date(year + (1 if i % 2 else -1), 5, 12)
        event = make_event(
            cast.member, slug=f"e-{i}", co_hosts=[co_host, cast.other_member], start_date=first,
            end_date=first + timedelta(days=5),
        )  # fmt: skip
        session = make_session(event)
        add_speaker(session)


def _grow_agenda(event, start: int, n: int) -> None:
    for i in range(start, start + n):
        day = event.start_date + timedelta(days=i % 6)
        session = make_session(
            event, day=day, start=time(8 + i % 10), end=time(9 + i % 10), title=f"S{i}",
            translations=[TranslationInput(language="fr", title=f"Séance {i}")],
        )  # fmt: skip
        add_speaker(session, f"Speaker {i}", consent=i % 2 == 0)
        material_create(session=session, actor=None, title=f"Link {i}", url=f"https://example.org/{i}")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_the_events_list_costs_the_same_however_many_events(role, cast, client):
    # given 2 events, then 12 (each with co-hosts and translations)
    if cast.user(role):
        client.force_login(cast.user(role))
    _grow_events(cast, 0, 2)
    client.get(reverse("events:list"))  # warm per-process caches
    small = _count(client, reverse("events:list"))
    _grow_events(cast, 2, 10)
    large = _count(client, reverse("events:list"))
    # then the page costs the same: events, translations, co-hosts and their countries (+ session, user,
    # roles, notifications and the members one may host for, signed in)
    assert small == large
    assert large <= (4 if role == "anonymous" else 9)


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_the_event_page_costs_the_same_however_long_the_agenda(role, cast, client):
    # given an event with 3 sessions, then 30 (each with a speaker, a link and a translation)
    if cast.user(role):
        client.force_login(cast.user(role))
    event = make_event(cast.member, co_hosts=[cast.other_member])
    _grow_agenda(event, 0, 3)
    url = reverse("events:detail", args=[event.slug])
    client.get(url)
    small = _count(client, url)
    _grow_agenda(event, 3, 27)
    large = _count(client, url)
    # then: the event, its translations, co-hosts and their countries; sessions, their translations,
    # speakers, materials, the participant list (+ for a host: session, user, roles, notifications, the
    # change history and the invitations)
    assert small == large
    assert large <= (9 if role == "anonymous" else 18)


# ---------------------------------------------------------------------------------------------------
# The demo's events


def test_the_demo_loads_the_beijing_workshop_and_a_next_edition(db):
    # given the demo's members and the people who write the events
    from harambee.accounts.tests.factories import UserFactory
    from harambee.demo.events import load_demo_events

    chn = StateFactory(country=Country.objects.get(iso3="CHN"))
    zmb = StateFactory(country=Country.objects.get(iso3="ZMB"))
    OrganisationFactory(code="tsinghua", name="Tsinghua University")
    OrganisationFactory(code="unza", name="University of Zambia")
    people = {}
    for email, member in (("china.manager@demo.harambee.test", chn), ("zambia.manager@demo.harambee.test", zmb)):
        people[email] = UserFactory(email=email)
        MembershipFactory(member=member, user=people[email], role=MemberRole.MANAGER)
    # when the demo's events are loaded
    assert load_demo_events(people) == 2
    # then the Beijing workshop is published with its agenda over six days, and the next edition is upcoming
    beijing = Event.objects.get(slug="beijing-2025")
    assert (beijing.start_date, beijing.end_date, beijing.time_zone) == (
        date(2025, 5, 12),
        date(2025, 5, 17),
        "Asia/Shanghai",
    )
    assert beijing.status == "published"
    assert sorted(m.code for m in beijing.co_hosts.all()) == ["tsinghua", "zmb"]
    assert beijing.sessions.count() == 13
    assert {s.starts_at.astimezone(beijing.zone).date() for s in beijing.sessions.all()} == {
        date(2025, 5, d) for d in range(12, 18)
    }
    assert Speaker.objects.filter(session__event=beijing, consent_public=False).exists()
    assert sorted(t.language for t in beijing.translations.all()) == ["ar", "es", "fr", "ru", "zh"]
    following = Event.objects.get(slug="lusaka-next")
    assert following.status == "published" and following.start_date > date.today()


@pytest.mark.parametrize("view, key", [("session_delete", "session"), ("speaker_delete", "speaker"),
                                       ("material_delete", "link")])  # fmt: skip
def test_removing_from_an_agenda_asks_first(view, key, cast, agenda, client):
    # given the host's editor on a session with a speaker and a link
    client.force_login(cast.editor)
    url = _session_url(view, agenda) if key == "session" else _session_url(view, agenda, agenda[key].pk)
    model = type(agenda[key])
    writes = AuditEntry.objects.count()
    # when it presses remove without confirming
    asked = client.post(url, {})
    # then it is asked, and nothing changed
    assert asked.status_code == 200
    assert 'name="confirmed" value="yes"' in asked.content.decode()
    assert (model.objects.filter(pk=agenda[key].pk).exists(), AuditEntry.objects.count()) == (True, writes)
    # and when it confirms, it is removed
    done = client.post(url, {"confirmed": "yes"})
    assert done.status_code == 302
    assert model.objects.filter(pk=agenda[key].pk).exists() is False
