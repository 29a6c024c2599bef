"""Issue 12 item 7: the conversation of a match between its two sides (docs/conversations.md).

Who reads and writes it (role × action, web and API), what is validated, audited and notified (in the
app and by e-mail, in each recipient's language), and the counterpart's contact details once accepted.
"""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ROLES
from harambee.accounts.services import api_token_create
from harambee.audit.models import AuditEntry
from harambee.core.exceptions import Conflict, PermissionDenied, ValidationError
from harambee.matching.models import Message
from harambee.matching.services import match_accept, match_decline, match_propose, post_message
from harambee.notifications.models import Notification
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting

pytestmark = pytest.mark.django_db

LOGIN = "login"
# the cast: UNZA (manager, editor, viewer) proposes its need to Tsinghua's offer (other_manager)
READ = {"anonymous": LOGIN, "outsider": 404, "viewer": 200, "editor": 200, "manager": 200}
READ |= {"other_manager": 200, "secretariat": 200}
WRITE = {"anonymous": LOGIN, "outsider": 404, "viewer": 403, "editor": 302, "manager": 302}
WRITE |= {"other_manager": 302, "secretariat": 302}
API_READ = READ | {"anonymous": 401}
API_WRITE = WRITE | {"anonymous": 401, "editor": 201, "manager": 201, "other_manager": 201, "secretariat": 201}


def _post(cast, member, **fields):
    raw = {"kind": "need", "language": "en", "description": "Details.", "delivery_languages": ["en"], **fields}
    raw["member"] = member.code
    return posting_create(actor=cast.secretariat, member=member, data=parse_posting(raw), status="published")


@pytest.fixture
def match(cast):
    need = _post(cast, cast.member, id="N-1", title="Training for civil servants")
    offer = _post(cast, cast.other_member, id="O-1", kind="offer", title="Course for civil servants")
    return match_propose(need=need, offer=offer, actor=cast.editor, message="Shall we talk about dates?")


def _expect(response, expected):
    if expected == LOGIN:
        return response.status_code == 302 and "/sign-in/" in response.url
    return response.status_code == expected


@pytest.mark.parametrize("role", ROLES)
def test_who_reads_and_writes_the_conversation_on_the_web(client, cast, match, role):
    # given a proposal with its first message, and a person in each role
    user = cast.user(role)
    if user:
        client.force_login(user)
    # when the person opens the match's page
    response = client.get(reverse("matching:detail", args=[match.pk]))
    # then the people of both members and the secretariat read the conversation; others learn nothing
    assert _expect(response, READ[role]), (role, response.status_code)
    if READ[role] == 200:
        assert "Shall we talk about dates?" in response.content.decode()
        assert ('name="body"' in response.content.decode()) == (WRITE[role] == 302), role
    # when the person writes in it
    response = client.post(reverse("matching:message", args=[match.pk]), {"body": f"Hello from {role}"})
    # then only the editors and managers of either side (and the secretariat) write, 404 before 403
    assert _expect(response, WRITE[role]), (role, response.status_code)
    written = Message.objects.filter(body=f"Hello from {role}").exists()
    assert written == (WRITE[role] == 302), role
    if written:
        assert response.url == f"/en/matches/{match.pk}/#conversation"


@pytest.mark.parametrize("role", ROLES)
def test_who_reads_and_writes_the_conversation_through_the_api(client, cast, match, role):
    # given a person in each role with an API token
    user = cast.user(role)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='s').key}"} if user else {}
    url = f"/api/v1/matches/{match.pk}/messages"
    # when it reads the conversation
    response = client.get(url, **headers)
    # then it gets the shared page envelope, or the status of its role
    assert response.status_code == API_READ[role], (role, response.content)
    if response.status_code == 200:
        body = response.json()
        assert (body["count"], body["page"], body["page_size"]) == (1, 1, 20)
        assert [(m["body"], m["member"]) for m in body["items"]] == [("Shall we talk about dates?", "UNZA")]
    # when it writes
    response = client.post(url, {"body": "A reply."}, content_type="application/json", **headers)
    assert response.status_code == API_WRITE[role], (role, response.content)
    assert Message.objects.filter(body="A reply.").count() == (1 if API_WRITE[role] == 201 else 0)
    if response.status_code == 201:
        expected_member = {"secretariat": None, "other_manager": "TSINGHUA"}.get(role, "UNZA")
        assert response.json()["member"] == expected_member and response.json()["body"] == "A reply."


def test_the_proposal_message_is_the_first_message(cast, match):
    # given a proposal made with a message / then it opens the conversation, written by the proposer
    message = Message.objects.get(match=match)
    assert (message.body, message.author, message.member) == ("Shall we talk about dates?", cast.editor, cast.member)
    assert message.created_at == match.created_at
    # and a proposal without a message has an empty conversation
    need = _post(cast, cast.member, id="N-2", title="Another need")
    offer = _post(cast, cast.other_member, id="O-2", kind="offer", title="Another offer")
    silent = match_propose(need=need, offer=offer, actor=cast.manager)
    assert not Message.objects.filter(match=silent).exists()


def test_a_message_is_audited_and_tells_the_other_side_in_its_language(cast, match, django_capture_on_commit_callbacks):
    # given the other side's manager reads the site in French, and a UNZA colleague too
    cast.other_manager.preferred_language = "fr"
    cast.other_manager.save()
    Notification.objects.all().delete()
    mail.outbox.clear()
    # when UNZA's manager writes
    with django_capture_on_commit_callbacks(execute=True):
        message = post_message(actor=cast.manager, match=match, body="  Could the course start in March?  ")
    # then the message is stored trimmed, for UNZA, and audited
    assert (message.body, message.member, message.author) == (
        "Could the course start in March?",
        cast.member,
        cast.manager,
    )
    entry = AuditEntry.objects.get(object_id=str(message.pk), content_type__model="message")
    assert (entry.actor, entry.action, entry.member_code) == (cast.manager, "create", "unza")
    assert entry.changes["body"] == [None, "Could the course start in March?"]
    # and only the other side's people are notified, in the app and by one e-mail each
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (cast.other_manager, "match_message")
    assert notification.url_kwargs == {"pk": match.pk}
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    # in the recipient's language: the French subject prefix, and the link built under /fr/
    email = mail.outbox[0]
    assert email.subject.startswith("Harambee : ")
    assert f"/fr/matches/{match.pk}/" in email.body
    assert "Could the course start in March?" in email.body


def test_the_secretariat_writes_as_the_secretariat_and_both_sides_hear_of_it(cast, match):
    # given the match / when the secretariat writes in the conversation
    Notification.objects.all().delete()
    message = post_message(actor=cast.secretariat, match=match, body="Both of you: the call is on Monday.")
    # then the message is the secretariat's (no member) and both sides' editors and managers are told
    assert message.member is None
    told = set(Notification.objects.values_list("recipient__email", flat=True))
    assert told == {"manager@example.org", "editor@example.org", "other@example.org"}


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "Write a message first."),
        ("   \n\t ", "Write a message first."),
        ("x" * 5001, "Keep the message under 5,000 characters (it has 5,001)."),
    ],
)
def test_a_bad_message_gets_a_clear_error_and_writes_nothing(client, cast, match, body, error):
    # given UNZA's manager on the match page
    client.force_login(cast.manager)
    before = (Message.objects.count(), AuditEntry.objects.count(), Notification.objects.count())
    # when it sends an empty or too long message through the service, the page and the API
    with pytest.raises(ValidationError) as raised:
        post_message(actor=cast.manager, match=match, body=body)
    page = client.post(reverse("matching:message", args=[match.pk]), {"body": body})
    api = client.post(f"/api/v1/matches/{match.pk}/messages", {"body": body}, content_type="application/json")
    # then each says what is wrong, and nothing was written
    assert raised.value.message_dict == {"body": [error]}
    assert page.status_code == 200 and error.split(" (")[0] in page.content.decode()
    assert api.status_code == 422 and api.json()["errors"]["body"] == [error]
    assert (Message.objects.count(), AuditEntry.objects.count(), Notification.objects.count()) == before


def test_a_declined_match_closes_its_conversation(client, cast, match):
    # given a declined match
    match_decline(match=match, actor=cast.other_manager, response="Not this year.")
    # when either side writes / then it is told the conversation is closed (409 from the API)
    with pytest.raises(Conflict, match="This match was declined: its conversation is closed."):
        post_message(actor=cast.manager, match=match, body="Why?")
    client.force_login(cast.manager)
    api = client.post(f"/api/v1/matches/{match.pk}/messages", {"body": "Why?"}, content_type="application/json")
    assert api.status_code == 409
    page = client.get(reverse("matching:detail", args=[match.pk])).content.decode()
    assert "This conversation is closed." in page and 'name="body"' not in page
    assert Message.objects.filter(body="Why?").count() == 0


def test_a_viewer_reads_but_may_not_write(cast, match):
    with pytest.raises(PermissionDenied):
        post_message(actor=cast.viewer, match=match, body="Hello")


def test_contact_details_appear_only_once_the_match_is_accepted(client, cast, match):
    # given a focal point of Tsinghua who does not consent to be named publicly, and one who does
    cast.other_manager.memberships.update(is_focal_point=True, show_publicly=False, position="Dean")
    cast.other_manager.full_name = "Wang Fang"
    cast.other_manager.save()
    detail = reverse("matching:detail", args=[match.pk])
    # when UNZA's viewer looks at the open proposal / then no contact details show
    client.force_login(cast.viewer)
    page = client.get(detail).content.decode()
    assert "other@example.org" not in page and "Contact the other side" not in page
    # when the match is accepted
    match_accept(match=match, actor=cast.other_manager)
    page = client.get(detail).content.decode()
    # then UNZA's people see Tsinghua's focal point: its e-mail, and its member's name instead of its own
    assert "Contact the other side" in page
    assert 'href="mailto:other@example.org"' in page
    assert "Wang Fang" not in page and "Dean" in page
    # and Tsinghua's manager sees UNZA's focal point (the manager, who consents), never its own
    client.force_login(cast.other_manager)
    page = client.get(detail).content.decode()
    assert 'href="mailto:manager@example.org"' in page and "mailto:other@example.org" not in page
    # and people who may not see the match see nothing at all
    client.force_login(cast.outsider)
    assert client.get(detail).status_code == 404


def test_the_match_page_reads_the_conversation_in_a_fixed_number_of_queries(client, cast, match):
    # given a conversation of 3 messages, then of 23
    client.force_login(cast.manager)
    url = reverse("matching:detail", args=[match.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for i in range(2):
        post_message(actor=cast.other_manager, match=match, body=f"Short {i}")
    few = count()
    for i in range(20):
        post_message(actor=cast.manager if i % 2 else cast.other_manager, match=match, body=f"More {i}")
    # then the page costs the same
    assert count() == few
