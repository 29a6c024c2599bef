"""Races: two people doing the same thing at the same moment, each on their own database connection.

Each call runs on its own thread (so on its own connection), released together by a barrier; the
outcome must be the same whichever call wins: one success, one clear refusal, nothing written twice.

On PostgreSQL the threads share the test database (row locks, unique indexes). On SQLite they use a
database file opened as in production (WAL, immediate transactions, busy timeout: writers queue):
the shared in-memory test database cannot stand in for it, because its table locks fail at once
("database table is locked") instead of waiting.
"""

import sqlite3
import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connections
from django.test import Client
from django.utils import timezone

from harambee.accounts.services import api_token_create
from harambee.allocation.models import AllocationRound, RoundStatus
from harambee.allocation.services import round_apply, round_close, round_compute, round_create, round_publish
from harambee.cooperation.models import Cooperation
from harambee.core.formats import format_day
from harambee.matching.models import Match, MatchStatus
from harambee.matching.services import match_accept, match_propose
from harambee.postings.models import Posting
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import MemberRole
from harambee.registry.tests.factories import MembershipFactory, OrganisationFactory

# transactional: each thread sees what the others commit; serialized: the reference data (countries)
# that the flush after each test removes is put back before the next
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 60  # seconds: a call that waits longer than this is a deadlock, and the test says so


@pytest.fixture(scope="module", autouse=True)
def database_of_the_races(django_db_setup, django_db_blocker, tmp_path_factory):
    """On SQLite, a copy of the test database in a file, opened with production's options (WAL,
    immediate transactions, busy timeout), for this module's tests."""
    if connections["default"].vendor != "sqlite":
        yield
        return
    original_settings, original = connections.settings["default"], connections["default"]
    path = tmp_path_factory.mktemp("races") / "races.sqlite3"
    connections.settings["default"] = {
        **original_settings,
        "NAME": str(path),
        "TEST": {**original_settings["TEST"], "NAME": str(path)},
    }
    connections["default"] = connections.create_connection("default")  # threads make theirs from the settings
    try:
        with django_db_blocker.unblock():
            original.ensure_connection()
            with sqlite3.connect(path) as copy:  # the migrated test database, reference data included
                original.connection.backup(copy)
            copy.close()
            connection = connections["default"]
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA journal_mode")
                assert cursor.fetchone()[0] == "wal"
            # what each test starts from: the test database as migrated (serialized when it was created)
            connection._test_serialized_contents = original._test_serialized_contents
        yield
    finally:
        with django_db_blocker.unblock():
            connections["default"].close()
        connections.settings["default"], connections["default"] = original_settings, original


def race(*calls):
    """Run the calls at the same moment, each on its own thread and database connection.

    Returns, in the order given, ``("ok", result)`` or ``("error", exception)`` for each call.
    """
    barrier = threading.Barrier(len(calls), timeout=TIMEOUT)
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = ("ok", call())
        except Exception as error:  # the outcome is what the test asserts
            outcomes[index] = ("error", error)
        finally:
            connections.close_all()  # this thread's connection

    threads = [threading.Thread(target=run, args=(i, call), daemon=True) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not any(thread.is_alive() for thread in threads), "a call is still waiting: deadlock"
    return outcomes


def _posting(actor, member, **fields):
    raw = {
        "kind": "need",
        "language": "en",
        "description": "Training of civil servants in AI.",
        "delivery_languages": ["en", "fr"],
        "title": "Training of civil servants in AI",
        **fields,
        "member": member.code,
    }
    return posting_create(actor=actor, member=member, data=parse_posting(raw), status="published")


@pytest.fixture
def pair(cast):
    """A need of UNZA and an offer of Tsinghua, and a second manager on each side."""
    need = _posting(cast.secretariat, cast.member, id="N-RACE")
    offer = _posting(cast.secretariat, cast.other_member, id="O-RACE", kind="offer")
    return need, offer


def _api(user):
    """A client of its own (one per thread) that speaks to the API with ``user``'s token."""
    client = Client()
    token = api_token_create(user=user, name="race").key
    return lambda path, body=None: client.post(
        path, body or {}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def test_the_same_match_accepted_twice_starts_one_cooperation(cast, pair):
    need, offer = pair
    # given a proposal of UNZA and two managers of Tsinghua, each on their own connection
    match = match_propose(need=need, offer=offer, actor=cast.manager)
    second = MembershipFactory(member=cast.other_member, role=MemberRole.MANAGER).user
    first_api, second_api = _api(cast.other_manager), _api(second)
    path = f"/api/v1/matches/{match.pk}/accept"
    # when both accept at the same moment
    outcomes = race(lambda: first_api(path), lambda: second_api(path))
    # then one is accepted and the other is told, with 409 Conflict, who accepted it and when
    responses = [response for kind, response in outcomes if kind == "ok"]
    assert len(responses) == 2, outcomes
    assert sorted(r.status_code for r in responses) == [200, 409], [r.content for r in responses]
    loser = next(r for r in responses if r.status_code == 409)
    date = format_day(timezone.localdate())
    assert loser.json()["detail"] == f"Already accepted by Tsinghua University on {date}."
    # and exactly one cooperation exists for the pair
    assert Cooperation.objects.filter(need=need, offer=offer).count() == 1
    match.refresh_from_db()
    assert match.status == MatchStatus.ACCEPTED and match.cooperation is not None


def test_accepting_and_withdrawing_at_once_tells_the_loser_what_happened(cast, pair):
    need, offer = pair
    # given a proposal of UNZA: UNZA withdraws it while Tsinghua accepts it
    match = match_propose(need=need, offer=offer, actor=cast.manager)
    accept, withdraw = _api(cast.other_manager), _api(cast.manager)
    outcomes = race(
        lambda: accept(f"/api/v1/matches/{match.pk}/accept"), lambda: withdraw(f"/api/v1/matches/{match.pk}/withdraw")
    )
    # then exactly one of them happened and the other says which, by whom, with 409
    accepted, withdrawn = (response for _kind, response in outcomes)
    assert sorted([accepted.status_code, withdrawn.status_code]) == [200, 409]
    match.refresh_from_db()
    if match.status == MatchStatus.ACCEPTED:
        assert withdrawn.json()["detail"].startswith("Already accepted by Tsinghua University on ")
        assert Cooperation.objects.count() == 1
    else:
        assert match.status == MatchStatus.WITHDRAWN
        assert accepted.json()["detail"].startswith("Already withdrawn by University of Zambia on ")
        assert Cooperation.objects.count() == 0


def test_the_same_pair_proposed_twice_at_once_gives_one_proposal(cast, pair):
    need, offer = pair
    # given a manager on each side, each with their own connection
    from_need, from_offer = _api(cast.manager), _api(cast.other_manager)
    body = {"need": "N-RACE", "offer": "O-RACE"}
    # when both propose the same pair at the same moment
    outcomes = race(lambda: from_need("/api/v1/matches", body), lambda: from_offer("/api/v1/matches", body))
    # then one proposal is recorded and the other side is told who proposed it (409), never a 500
    responses = [response for _kind, response in outcomes]
    assert sorted(r.status_code for r in responses) == [201, 409], [r.content for r in responses]
    (live,) = Match.objects.filter(need=need, offer=offer)
    loser = next(r for r in responses if r.status_code == 409)
    date = format_day(timezone.localdate())
    assert loser.json()["detail"] == (f"This need and offer were already proposed by {live.proposer.name} on {date}.")


def test_the_same_pair_proposed_twice_at_once_through_the_services(cast, pair):
    need, offer = pair
    # when the two sides propose through the services at the same moment, a few times over
    for _attempt in range(3):
        outcomes = race(
            lambda: match_propose(need=need, offer=offer, actor=cast.manager),
            lambda: match_propose(need=need, offer=offer, actor=cast.other_manager),
        )
        # then exactly one succeeds and the other gets the clear ValidationError, never an IntegrityError
        kinds = sorted(kind for kind, _value in outcomes)
        assert kinds == ["error", "ok"], outcomes
        error = next(value for kind, value in outcomes if kind == "error")
        assert isinstance(error, ValidationError), repr(error)
        assert "already proposed by" in error.messages[0], error.messages
        assert Match.objects.filter(need=need, offer=offer, status=MatchStatus.PROPOSED).count() == 1
        Match.objects.filter(need=need, offer=offer).update(status=MatchStatus.WITHDRAWN)


def test_re_proposing_an_accepted_pair_is_refused_and_names_the_cooperation(client, cast, pair):
    need, offer = pair
    # given a pair that already works together through an accepted match
    match = match_propose(need=need, offer=offer, actor=cast.manager)
    match_accept(match=match, actor=cast.other_manager)
    cooperation = Cooperation.objects.get()
    # when either side proposes the same pair again, through the services, the API or the web
    for actor in (cast.manager, cast.other_manager):
        with pytest.raises(ValidationError) as error:
            match_propose(need=need, offer=offer, actor=actor)
        assert error.value.messages == [
            f"This need and offer already work together: see cooperation “{cooperation.display_title}”."
        ]
    response = _api(cast.other_manager)("/api/v1/matches", {"need": "N-RACE", "offer": "O-RACE"})
    assert response.status_code == 409
    assert response.json()["detail"].startswith("This need and offer already work together")
    client.force_login(cast.editor)
    page = client.post("/en/matches/propose/", {"need": "N-RACE", "offer": "O-RACE"}, follow=True)
    assert page.redirect_chain == [(f"/en/matches/{match.pk}/", 302)]  # the match that started it
    assert f"This need and offer already work together: see cooperation “{cooperation.display_title}”." in (
        page.content.decode()
    )
    # and the need page no longer offers to propose the pair: it links to their match
    html = client.get("/en/needs/N-RACE/").content.decode()
    assert f'<a href="/en/matches/{match.pk}/">Already working together: see the match</a>' in html
    assert "Propose this match" not in html
    # then there is still one match and one cooperation for the pair
    assert Match.objects.filter(need=need, offer=offer).count() == 1
    assert Cooperation.objects.filter(need=need, offer=offer).count() == 1


def _seats_offer(cast, id, seats):
    return _posting(
        cast.secretariat, cast.other_member, id=id, kind="offer", title=f"Course {id}", capacity={"seats": seats}
    )


def _round(cast, title, offers, applicants):
    """A computed round of Tsinghua over ``offers``; ``applicants`` is [(member, manager, units, ranking)]."""
    round = round_create(
        provider=cast.other_member,
        actor=cast.other_manager,
        title=title,
        offers=offers,
        deadline=timezone.now() + timedelta(days=7),
    )
    for member, manager, units, ranking in applicants:
        round_apply(round=round, member=member, actor=manager, units=units, ranking=ranking)
    round_close(round=round, actor=cast.other_manager)
    return round_compute(round=round, actor=cast.other_manager)


def _applicant(code):
    member = OrganisationFactory(code=code, name=f"Organisation {code}")
    return member, MembershipFactory(member=member, role=MemberRole.MANAGER).user


def test_the_same_seats_published_by_two_rounds_are_committed_once(cast):
    # given an offer of 3 seats and two rounds over it, each computed to give 2 seats while 3 were left
    offer = _seats_offer(cast, "O-SEATS", 3)
    first, second = _applicant("aaa"), _applicant("bbb")
    rounds = [
        _round(cast, "Round one", [offer], [(*first, 2, [offer])]),
        _round(cast, "Round two", [offer], [(*second, 2, [offer])]),
    ]
    assert [r.result["metrics"]["assigned"] for r in rounds] == [2, 2]
    # when the provider publishes both at the same moment
    outcomes = race(*(lambda r=r: round_publish(round=r, actor=cast.other_manager) for r in rounds))
    # then one is published, the other is refused with the seats left, and no seat is given twice
    kinds = sorted(kind for kind, _value in outcomes)
    assert kinds == ["error", "ok"], outcomes
    error = next(value for kind, value in outcomes if kind == "error")
    assert isinstance(error, ValidationError) and error.messages == ["2 units cannot be committed: 1.00 are left."]
    offer.refresh_from_db()
    assert (offer.capacity_used, offer.capacity_value) == (Decimal(2), Decimal(3))
    assert AllocationRound.objects.filter(status=RoundStatus.PUBLISHED).count() == 1
    assert list(Cooperation.objects.values_list("units", flat=True)) == [Decimal(2)]
    # and the refused round, computed again, shares out the seat that is left
    (refused,) = AllocationRound.objects.exclude(status=RoundStatus.PUBLISHED)
    refused = round_compute(round=refused, actor=cast.other_manager)
    round_publish(round=refused, actor=cast.other_manager)
    offer.refresh_from_db()
    assert (offer.capacity_used, offer.status) == (Decimal(3), "fulfilled")


def test_two_rounds_over_the_same_two_offers_publish_at_once_without_deadlock(cast):
    # given two offers of 2 seats and two rounds over both, whose members get them in opposite orders
    x, y = _seats_offer(cast, "O-X", 2), _seats_offer(cast, "O-Y", 2)
    first, second = _applicant("aaa"), _applicant("bbb")
    rounds = [
        _round(cast, "Round one", [x, y], [(*first, 1, [y]), (*second, 1, [x])]),
        _round(cast, "Round two", [x, y], [(*first, 1, [x]), (*second, 1, [y])]),
    ]
    # when both are published at the same moment
    outcomes = race(*(lambda r=r: round_publish(round=r, actor=cast.other_manager) for r in rounds))
    # then both are published (there were seats for both) and each offer is full, not over-full
    assert [kind for kind, _value in outcomes] == ["ok", "ok"], outcomes
    assert sorted(Posting.objects.filter(pk__in=[x.pk, y.pk]).values_list("capacity_used", flat=True)) == [2, 2]
    assert Cooperation.objects.count() == 4
