"""A person sees and downloads what the platform holds about them, asks for erasure, and the secretariat's
erasure leaves no trace of their name or e-mail address in any table (issue 16, item 3)."""

import json

import pytest
from django.db import connection

from harambee.accounts.models import ErasureRequest, ErasureStatus, User
from harambee.accounts.services import (
    api_token_create,
    erasure_request_create,
    personal_data_erase,
    user_update_profile,
)
from harambee.accounts.tests.factories import UserFactory
from harambee.audit.models import AuditEntry
from harambee.events.models import Speaker
from harambee.matching.models import Match, Message
from harambee.matching.services import match_propose
from harambee.registry.models import MemberRole
from harambee.registry.services import membership_add
from tests.test_matching_flow import _pair

pytestmark = pytest.mark.django_db

NAME = "Wanjiru Kamau-Otieno"
EMAIL = "wanjiru.kamau@example.org"


@pytest.fixture
def person(cast, django_capture_on_commit_callbacks):
    """A focal point of the cast's member who proposed a match (her name is in the other side's
    notifications), registered for an event, failed a sign-in, and holds a token."""
    with django_capture_on_commit_callbacks(execute=True):
        user = UserFactory(email=EMAIL, full_name="W. Kamau")
        user_update_profile(user=user, actor=user, full_name=NAME, preferred_language="fr")
        membership_add(
            member=cast.member, user=user, role=MemberRole.EDITOR, actor=cast.manager,
            is_focal_point=True, show_publicly=True,
        )  # fmt: skip
        api_token_create(user=user, name="nightly export")
        need, offer, _ = _pair(cast)
        match_propose(need=need, offer=offer, actor=User.objects.get(pk=user.pk), message="Bonjour, parlons-en.")
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username=EMAIL, ip_address="192.0.2.1", user_agent="test", get_data="", post_data="", failures_since_start=1
    )
    from harambee.events.tests.factories import make_event

    event = make_event(cast.other_member)
    event.registrations.create(member=cast.member, user=user, full_name=NAME, email=EMAIL, passport_number="A1234567")
    # she speaks at the event, typed by the host: no link to her account (her name, then with a title,
    # odd case and spacing, then her e-mail); another Wanjiru speaks too
    from harambee.events.tests.factories import add_speaker, make_session

    session = make_session(event)
    for name in (NAME, "Dr  wanjiru KAMAU-OTIENO", f"W. K. ({EMAIL})", "Wanjiru Mwangi"):
        add_speaker(session, name=name, affiliation="University of Zambia")
    return User.objects.get(pk=user.pk)


def _traces(*needles: str) -> list[str]:
    """Every (table.column) of the database whose text still holds one of ``needles`` (any case, also as
    JSON escapes it): a scan of every column of every table, independent of the models."""
    forms = {n.lower() for n in needles} | {json.dumps(n)[1:-1].lower() for n in needles}
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table.startswith(("sqlite_", "postings_posting_fts")):
                continue
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = (
                        value if isinstance(value, str) else json.dumps(value) if isinstance(value, dict | list) else ""
                    )
                    if any(form in text.lower() for form in forms):
                        found.append(f"{table}.{column}")
    return sorted(set(found))


def test_a_person_sees_and_downloads_what_the_platform_holds_about_them(person, client):
    client.force_login(person)
    page = client.get("/en/accounts/my-data/").content.decode()
    assert NAME in page and EMAIL in page
    assert "University of Zambia" in page  # the membership
    assert "nightly export" in page  # the token, by its name
    # in words: fields by their labels, choices by theirs, never field names
    assert "Full name" in page and "full_name" not in page and "Editor" in page
    download = client.get("/en/accounts/my-data/", {"format": "json"})
    assert download["Content-Disposition"] == 'attachment; filename="harambee-my-data.json"'
    data = json.loads(download.content)
    assert data["account"][0]["email"] == EMAIL
    text = download.content.decode()
    assert "Bonjour, parlons-en." in text  # her message
    assert "A1234567" in text  # her registration's passport number: hers to see
    assert [row["name"] for row in data["Speakers"]] == [NAME, "Dr  wanjiru KAMAU-OTIENO", f"W. K. ({EMAIL})"]
    assert '"password"' not in text and "token_hash" not in text and "key_hash" not in text


def test_an_erasure_leaves_no_trace_of_her_name_or_address_and_keeps_the_member_s_records(person, cast, client):
    assert len(_traces(NAME, EMAIL)) >= 8  # the scan sees her where she is
    messages_before = Message.objects.count()
    entries_before = AuditEntry.objects.count()
    # given she asks for erasure (confirmed)
    client.force_login(person)
    assert "Ask for your personal data to be erased?" in client.post("/en/accounts/my-data/erase/").content.decode()
    client.post("/en/accounts/my-data/erase/", {"confirmed": "yes"})
    erasure = ErasureRequest.objects.get(user=person)
    assert erasure.status == ErasureStatus.REQUESTED
    # when the secretariat carries it out (confirmed)
    secretariat = client
    secretariat.force_login(cast.secretariat)
    assert EMAIL in secretariat.get("/en/secretariat/erasure-requests/").content.decode()
    done = secretariat.post(f"/en/secretariat/erasure-requests/{erasure.pk}/erase/", {"confirmed": "yes"})
    assert done.status_code == 302
    # then no column of any table holds her name or e-mail address
    assert _traces(NAME, EMAIL) == []
    # and the member's records stay: the match, her message (by a former user), every audit entry
    person.refresh_from_db()
    assert str(person) == "a former user" and not person.is_active and not person.has_usable_password()
    assert Match.objects.count() == 1
    assert Message.objects.count() == messages_before
    assert Message.objects.filter(author=person, body="Bonjour, parlons-en.").exists()
    assert AuditEntry.objects.count() > entries_before
    assert not person.memberships.exists() and not person.api_tokens.exists()
    assert ErasureRequest.objects.get(pk=erasure.pk).status == ErasureStatus.DONE
    # and the speakers who were she are "a former user", no longer named publicly; the other Wanjiru stays
    assert sorted(Speaker.objects.values_list("name", "consent_public", "affiliation")) == [
        ("Wanjiru Mwangi", True, "University of Zambia"),
        *[("a former user", False, "University of Zambia")] * 3,
    ]
    assert _traces("Dr  wanjiru KAMAU-OTIENO") == []
    assert AuditEntry.objects.filter(object_id=str(person.pk), changes__personal_data=["kept", "erased"]).exists()


def test_erasure_requests_are_refused_when_they_make_no_sense(person, cast):
    erasure_request_create(user=person)
    with pytest.raises(Exception, match="You already asked"):
        erasure_request_create(user=person)
    own = erasure_request_create(user=cast.secretariat)
    with pytest.raises(Exception, match="Another member of the secretariat must erase your own data"):
        personal_data_erase(erasure=own, actor=cast.secretariat)
    with pytest.raises(Exception, match="Only the secretariat"):
        personal_data_erase(erasure=ErasureRequest.objects.get(user=person), actor=cast.manager)


@pytest.mark.parametrize(
    "role, status", [("anonymous", 302), ("manager", 403), ("outsider", 403), ("secretariat", 200)]
)  # fmt: skip
def test_who_sees_and_processes_erasure_requests(cast, client, role, status):
    other = UserFactory(email="asks@example.org")
    erasure = erasure_request_create(user=other)
    if role != "anonymous":
        client.force_login(cast.user(role))
    assert client.get("/en/secretariat/erasure-requests/").status_code == status
    response = client.post(f"/en/secretariat/erasure-requests/{erasure.pk}/erase/", {"confirmed": "yes"})
    assert response.status_code == (302 if status == 200 else status)
    erasure.refresh_from_db()
    assert erasure.status == (ErasureStatus.DONE if role == "secretariat" else ErasureStatus.REQUESTED)


def test_my_data_needs_signing_in_and_the_privacy_notice_is_public(client):
    assert client.get("/en/accounts/my-data/").status_code == 302
    page = client.get("/fr/privacy/")
    assert page.status_code == 200
