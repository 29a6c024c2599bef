"""Issue 12 item 6: "What needs me", the page a person lands on after signing in (docs/workspace.md).

Who sees it (role grid), exactly which items it lists with their next actions, what "new since the
last visit" means, the landing after sign-in, and its query budget.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from conftest import ROLES
from harambee.accounts.models import User
from harambee.accounts.tests.factories import TEST_PASSWORD
from harambee.allocation.services import round_create
from harambee.cooperation.models import Cooperation
from harambee.cooperation.services import milestone_add
from harambee.matching.services import match_accept, match_propose, post_message
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import MemberStatus
from harambee.workspace.models import Visit
from harambee.workspace.selectors import work_for
from harambee.workspace.services import VISIT_GAP, visit_record

pytestmark = pytest.mark.django_db

URL = "/en/my/"


@pytest.fixture(autouse=True)
def committed(django_capture_on_commit_callbacks):
    """Run what services schedule after commit (features, e-mails) as each write finishes."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def _post(committed, cast, member, **fields):
    raw = {"kind": "need", "language": "en", "description": "Details.", "delivery_languages": ["en"], **fields}
    raw["member"] = member.code
    data = parse_posting(raw)
    return committed(posting_create, actor=cast.secretariat, member=member, data=data, status="published")


def _day(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def _nothing_new(user):
    """The person's last visit was just now: no suggestion counts as new."""
    now = timezone.now()
    Visit.objects.update_or_create(user=user, defaults={"last_at": now, "previous_at": now})


@pytest.fixture
def scene(cast, committed):
    """UNZA (the cast's member) and Tsinghua (the other member), as in the demo:

    - Tsinghua proposed its course for UNZA's need (apply by in 20 days): UNZA is to answer;
    - UNZA proposed another need to Tsinghua's clinic, Tsinghua accepted and then wrote: UNZA is to
      reply; their cooperation has a milestone due in 10 days;
    - Tsinghua runs an allocation round open for 15 days.
    """
    today = timezone.localdate()
    need = _post(committed, cast, cast.member, id="N-1", title="Training for civil servants")
    course = _post(
        committed, cast, cast.other_member, id="O-1", kind="offer", title="Course for civil servants",
        apply_by=(today + timedelta(days=20)).isoformat(),
    )  # fmt: skip
    proposal = match_propose(need=need, offer=course, actor=cast.other_manager, message="Our course fits.")
    need2 = _post(committed, cast, cast.member, id="N-2", title="Data centre advice")
    clinic = _post(committed, cast, cast.other_member, id="O-2", kind="offer", title="Data centre clinic")
    accepted = match_propose(need=need2, offer=clinic, actor=cast.manager)
    accepted = match_accept(match=accepted, actor=cast.other_manager)
    post_message(actor=cast.other_manager, match=accepted, body="When can we visit?")
    milestone = milestone_add(
        cooperation=accepted.cooperation, actor=cast.manager, title="Site visit", due=today + timedelta(days=10)
    )
    seats = _post(
        committed, cast, cast.other_member, id="O-3", kind="offer", title="Seats in the summer school",
        capacity={"seats": 10},
    )  # fmt: skip
    round = round_create(
        provider=cast.other_member, actor=cast.other_manager, title="Summer school seats", offers=[seats],
        deadline=timezone.now() + timedelta(days=15),
    )  # fmt: skip
    for user in (cast.manager, cast.editor, cast.other_manager):
        _nothing_new(user)
    return {"proposal": proposal, "accepted": accepted, "milestone": milestone, "round": round, "today": today}


def _items(work) -> dict[str, list[tuple[str, str, str]]]:
    return {
        s.key: [(str(i.text), i.action, i.url) for i in s.items] for s in work.sections if s.items
    }  # fmt: skip


def test_the_focal_point_sees_exactly_what_waits_with_each_next_action(cast, scene):
    # given the scene / when UNZA's manager opens its workspace
    work = work_for(user=cast.manager, visit=visit_record(user=cast.manager))
    today = scene["today"]
    proposal, accepted, round = scene["proposal"], scene["accepted"], scene["round"]
    cooperation = accepted.cooperation
    # then it lists exactly these items, each with its next action in words and where to take it
    assert _items(work) == {
        "proposals": [
            (
                '<bdi>Tsinghua University</bdi> proposes to match the need “<bdi lang="en" dir="ltr">Training for '
                'civil servants</bdi>” with the offer “<bdi lang="en" dir="ltr">Course for civil servants</bdi>”.',
                f"Answer the proposal by {_day(today + timedelta(days=20))}",
                f"/en/matches/{proposal.pk}/",
            )
        ],
        "replies": [
            (
                'A new message about the need “<bdi lang="en" dir="ltr">Data centre advice</bdi>” and the offer '
                f'“<bdi lang="en" dir="ltr">Data centre clinic</bdi>”, on <bdi>{_day(today)}</bdi>.',
                "Read and reply",
                f"/en/matches/{accepted.pk}/#conversation",
            )
        ],
        "rounds": [
            (
                "“<bdi>Summer school seats</bdi>” of <bdi>Tsinghua University</bdi> takes requests.",
                f"Request by {_day(timezone.localtime(round.deadline).date())}",
                f"/en/rounds/{round.pk}/",
            )
        ],
        "reports": [
            (
                "Milestone “<bdi>Site visit</bdi>” of the cooperation “<bdi>" + cooperation.title + "</bdi>”.",
                f"Report the milestone by {_day(today + timedelta(days=10))}",
                f"/en/cooperations/{cooperation.pk}/",
            )
        ],
    }
    assert [m.code for m in work.members] == ["unza"]


def test_the_provider_sees_its_round_and_nothing_of_the_other_side(cast, scene):
    # given the scene / when Tsinghua's manager opens its workspace
    work = work_for(user=cast.other_manager, visit=visit_record(user=cast.other_manager))
    round = scene["round"]
    # then it follows its round and its milestone; the proposal it made and the message it wrote wait
    # for UNZA, not for it
    assert _items(work) == {
        "rounds": [
            (
                "Your round “<bdi>Summer school seats</bdi>” takes requests until "
                f"<bdi>{_day(timezone.localtime(round.deadline).date())}</bdi>.",
                "Follow the requests",
                f"/en/rounds/{round.pk}/",
            )
        ],
        "reports": [
            (
                "Milestone “<bdi>Site visit</bdi>” of the cooperation “<bdi>"
                + scene["accepted"].cooperation.title
                + "</bdi>”.",
                f"Report the milestone by {_day(scene['today'] + timedelta(days=10))}",
                f"/en/cooperations/{scene['accepted'].cooperation.pk}/",
            )
        ],
    }


EXPECTED = {
    # role: (status or LOGIN, actions the page shows)
    "anonymous": ("login", []),
    "outsider": (200, []),
    "viewer": (200, []),
    "editor": (200, ["Answer the proposal by", "Read and reply", "Request by", "Report the milestone by"]),
    "manager": (200, ["Answer the proposal by", "Read and reply", "Request by", "Report the milestone by"]),
    "other_manager": (200, ["Follow the requests", "Report the milestone by"]),
    "secretariat": (200, []),
}


@pytest.mark.parametrize("role", ROLES)
def test_who_sees_what_on_the_workspace(client, cast, scene, role):
    # given a person in each role
    user = cast.user(role)
    if user:
        client.force_login(user)
    # when it opens "What needs me"
    response = client.get(URL)
    status, actions = EXPECTED[role]
    # then the signed-out are sent to sign in; everyone else sees only what waits for them
    if status == "login":
        assert response.status_code == 302 and response.url.startswith("/en/accounts/sign-in/")
        return
    assert response.status_code == 200
    html = response.content.decode()
    shown = [a for a in ("Answer the proposal by", "Read and reply", "Request by", "Follow the requests",
                         "Report the milestone by") if a in html]  # fmt: skip
    assert shown == actions, role
    # those who act for no member are told why nothing waits for them
    assert ("You act for no member" in html) == (role in ("outsider", "viewer")), role
    assert ("Nothing waits for you right now." in html) == (not actions), role


def test_the_secretariat_sees_the_registrations_waiting_for_it(client, cast):
    # given a pending organisation
    cast.other_member.status = MemberStatus.PENDING
    cast.other_member.save()
    # when the secretariat opens its workspace
    client.force_login(cast.secretariat)
    html = client.get(URL).content.decode()
    # then it is told, with the way to the registrations
    assert "1 organisation waits for the secretariat&#x27;s approval." in html
    assert 'href="/en/secretariat/">Review the registrations</a>' in html


def test_suggestions_count_as_new_until_the_next_visit(cast, committed):
    # given UNZA's need and a visit of its manager after it was posted
    need = _post(committed, cast, cast.member, id="N-1", title="Training of civil servants in AI")
    start = timezone.now()
    visit_record(user=cast.manager, now=start)
    # when Tsinghua publishes a fitting offer, and the manager comes back later
    _post(committed, cast, cast.other_member, id="O-1", kind="offer", title="Training of civil servants in AI")
    later = timezone.now() + VISIT_GAP * 2
    work = work_for(user=cast.manager, visit=visit_record(user=cast.manager, now=later))
    # then the offer is a new suggestion for the need, with the way to it
    assert _items(work)["suggestions"] == [
        (
            '<bdi>1</bdi> new suggested offer for the need “<bdi lang="en" dir="ltr">Training of civil servants in '
            "AI</bdi>”.",
            "See the suggestions and propose a match",
            f"/en/needs/{need.external_id}/#suggestions",
        )
    ]
    # and reloading the page within the same visit keeps it new
    again = work_for(user=cast.manager, visit=visit_record(user=cast.manager, now=later + timedelta(minutes=5)))
    assert "suggestions" in _items(again)
    # but on the next visit it is not new any more
    next_visit = visit_record(user=cast.manager, now=later + VISIT_GAP * 3)
    assert "suggestions" not in _items(work_for(user=cast.manager, visit=next_visit))


def test_signing_in_without_next_lands_on_the_workspace(client, cast):
    # given a manager who prefers French, on the English sign-in page
    cast.manager.preferred_language = "fr"
    cast.manager.save()
    # when it signs in without `next`
    response = client.post("/en/accounts/sign-in/", {"username": "manager@example.org", "password": TEST_PASSWORD})
    # then it lands on "What needs me" in the language of the page it signed in from
    assert response.status_code == 302 and response["Location"] == "/en/my/"
    assert client.get(response["Location"]).status_code == 200
    # and with a `next` it still goes there
    client.logout()
    response = client.post(
        "/en/accounts/sign-in/?next=/en/matches/", {"username": "manager@example.org", "password": TEST_PASSWORD}
    )
    assert response["Location"] == "/en/matches/"


def test_the_workspace_costs_the_same_queries_however_much_waits(client, cast, scene, committed):
    # given UNZA's manager on its workspace (the first request builds the matching index)
    client.force_login(cast.manager)

    def count() -> int:
        client.get(URL)  # builds the matching index again if postings changed
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    few = count()
    # when three times as much waits: more proposals, conversations, rounds, milestones, needs
    today = timezone.localdate()
    for i in range(3):
        need = _post(committed, cast, cast.member, id=f"N-X{i}", title=f"Need {i}")
        offer = _post(committed, cast, cast.other_member, id=f"O-X{i}", kind="offer", title=f"Offer {i}",
                      capacity={"seats": 5})  # fmt: skip
        match = match_propose(need=need, offer=offer, actor=cast.other_manager, message="Hello")
        round_create(provider=cast.other_member, actor=cast.other_manager, title=f"Round {i}", offers=[offer],
                     deadline=timezone.now() + timedelta(days=5 + i))  # fmt: skip
        milestone_add(cooperation=scene["accepted"].cooperation, actor=cast.manager, title=f"Step {i}",
                      due=today + timedelta(days=i))  # fmt: skip
        assert match.pk
    many = count()
    # then the page costs the same number of queries
    assert many == few, (few, many)
    assert few <= 28  # + the translations of the postings of proposals, replies and suggestions (one each)


def test_the_demo_focal_points_land_on_what_waits_for_them(demo_data, db, client):
    # given the demo, and Zambia's manager signing in without `next`
    response = client.post(
        "/en/accounts/sign-in/", {"username": "zambia.manager@demo.harambee.test", "password": "harambee-demo-2025"}
    )
    assert response["Location"] == "/en/my/"
    zambia = User.objects.get(email="zambia.manager@demo.harambee.test")
    work = work_for(user=zambia, visit=visit_record(user=zambia))
    actions = {s.key: [i.action for i in s.items] for s in work.sections if s.items}
    # then Zambia answers China's proposal, replies to Tsinghua, reviews its round requests, and reports
    # the results of its cooperation (planned to end with the course) and its milestone
    today = timezone.localdate()
    # (China's course takes applications for 90 days from the day the demo is loaded)
    assert actions["proposals"] == [f"Answer the proposal by {_day(today + timedelta(days=90))}"]
    assert actions["replies"] == ["Read and reply"]
    assert [a.split(" by ")[0] for a in actions["rounds"]] == ["Review your requests"]
    end = Cooperation.objects.get(need__external_id="DEMO-N-ZMB-1").planned_end
    results = []
    if end is not None and end < today:
        results = [f"Report the results (the planned end was {_day(end)})"]
    elif end is not None and end <= today + timedelta(days=30):
        results = [f"Report results by {_day(end)}"]
    milestone = f"Report the milestone by {_day(today + timedelta(days=21))}"
    milestone_first = results and end >= today and end > today + timedelta(days=21)
    assert actions["reports"] == ([milestone, *results] if milestone_first else [*results, milestone])
    assert set(actions.get("suggestions", [])) <= {"See the suggestions and propose a match"}


def test_a_message_of_the_secretariat_waits_for_a_reply_from_both_sides(cast, scene):
    # given the accepted match, where UNZA replied to Tsinghua
    accepted = scene["accepted"]
    post_message(actor=cast.manager, match=accepted, body="Next week.")
    assert "replies" not in _items(work_for(user=cast.manager, visit=visit_record(user=cast.manager)))
    # when the secretariat writes in the conversation
    post_message(actor=cast.secretariat, match=accepted, body="Please copy us on the dates.")
    # then both sides have a conversation waiting for their reply
    for person in (cast.manager, cast.other_manager):
        replies = _items(work_for(user=person, visit=visit_record(user=person)))["replies"]
        assert [(action, url) for _text, action, url in replies] == [
            ("Read and reply", f"/en/matches/{accepted.pk}/#conversation")
        ]
