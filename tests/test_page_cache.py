"""Whole public pages kept for anonymous visitors (harambee/core/pagecache.py)."""

import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from harambee.accounts.services import api_token_create
from harambee.core.pagecache import public_page_cache
from harambee.matching.index import build_matching_index, index_generation
from harambee.postings.models import Posting, PostingStatus
from harambee.postings.services import posting_create, posting_update
from harambee.postings.validation import parse_posting
from harambee.registry.services import member_update

pytestmark = pytest.mark.django_db


def _data(cast, title: str, external_id: str = "N-1"):
    return parse_posting(
        {"id": external_id, "kind": "need", "member": cast.member.code, "title": title,
         "description": "Civil servants learn to use **AI** tools safely.", "language": "en"}
    )  # fmt: skip


@pytest.fixture
def need(cast):
    posting = posting_create(
        actor=cast.manager, member=cast.member, data=_data(cast, "Training for civil servants"),
        status=PostingStatus.PUBLISHED,
    )  # fmt: skip
    build_matching_index()  # as the background task does after the write
    return posting


def _visit(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return response, len(queries)


@pytest.mark.parametrize("url", ["/en/", "/fr/needs/", "/en/needs/?q=civil", "/ar/needs/N-1/", "/api/v1/needs"])
def test_a_second_anonymous_visit_is_served_from_the_cache(client, need, url):
    # given an anonymous visitor who opened a public page once
    first, first_queries = _visit(client, url)
    # when it (or anyone) opens it again
    second, second_queries = _visit(client, url)
    # then the same answer comes from the cache: only the content generations are read
    assert second.content == first.content
    assert first_queries > 2
    assert second_queries <= 2
    # and the headers the middleware adds are there on the cached answer too
    assert second["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in second


def test_a_write_to_a_posting_makes_the_next_visit_fresh(client, cast, need):
    # given the list and the need's page, cached
    for url in ("/en/needs/", "/en/needs/N-1/", "/api/v1/needs"):
        assert "Training for civil servants" in _visit(client, url)[0].content.decode()
    # when the need is edited through its service
    posting_update(posting=need, actor=cast.manager, data=_data(cast, "Data governance for ministries"))
    # then every page shows the new title at the next visit (the need's page shows the old one in its history)
    for url in ("/en/needs/", "/en/needs/N-1/", "/api/v1/needs"):
        assert "Data governance for ministries" in _visit(client, url)[0].content.decode(), url
    assert "Training for civil servants" not in _visit(client, "/en/needs/")[0].content.decode()


def test_a_posting_write_outside_the_audit_still_refreshes_its_pages(client, need):
    # given the list, cached
    assert "Training for civil servants" in _visit(client, "/en/needs/")[0].content.decode()
    # when a posting changes without an audit entry (as a background job may do), its updated_at moves
    Posting.objects.filter(pk=need.pk).update(title="Renamed quietly", updated_at=timezone.now())
    # then the list is fresh
    assert "Renamed quietly" in _visit(client, "/en/needs/")[0].content.decode()


def test_any_audited_write_makes_the_home_page_fresh(client, cast, need):
    # given the home page, cached
    assert "Nouveau nom" not in _visit(client, "/en/")[0].content.decode()
    # when a member is renamed (an audited write that touches no posting)
    member_update(member=cast.member, actor=cast.manager, data={"name": "Nouveau nom"})
    # then the home page's recent public changes show it at the next visit
    assert "Nouveau nom" in _visit(client, "/en/")[0].content.decode()


def test_a_new_matching_index_makes_the_next_visit_fresh(client, need):
    # given a need's page (with its suggestions from the current matching index), cached
    first, _ = _visit(client, "/en/needs/N-1/")
    assert _visit(client, "/en/needs/N-1/")[1] <= 2
    # when the background work publishes a new index generation (nothing else changed in the database)
    built = build_matching_index(force=True)
    assert built is not None and index_generation() == built
    # then the next visit builds the page again (and the one after it is cached under the new key)
    assert _visit(client, "/en/needs/N-1/")[1] > 2
    assert _visit(client, "/en/needs/N-1/")[1] <= 2


def test_signed_in_people_always_get_fresh_pages(client, cast, need):
    # given the anonymous list, cached
    _visit(client, "/en/needs/")
    anonymous, cached_queries = _visit(client, "/en/needs/")
    # when the manager opens it signed in
    client.force_login(cast.manager)
    signed_in, queries = _visit(client, "/en/needs/")
    # then the page is built for them (their menu, their "post a need" button), not taken from the cache
    assert queries > cached_queries
    assert "Sign out" in signed_in.content.decode() and "Sign out" not in anonymous.content.decode()
    # and their pages are not stored for the next anonymous visitor
    client.logout()
    assert "Sign out" not in _visit(client, "/en/needs/")[0].content.decode()


def test_api_clients_with_a_token_bypass_the_cache(client, cast, need):
    # given the anonymous API list, cached
    _visit(client, "/api/v1/needs")
    _cached, cached_queries = _visit(client, "/api/v1/needs")
    # when a token holder asks for the same list
    key = api_token_create(user=cast.manager, name="script").key
    _response, queries = _visit(client, "/api/v1/needs", HTTP_AUTHORIZATION=f"Bearer {key}")
    # then the answer is built for them
    assert queries > cached_queries


# --- The rule of what is stored, on a view of its own --------------------------------------------


class CountingView:
    """A public view that counts its calls; `effect` does something to the request or the answer."""

    def __init__(self, effect=None):
        self.calls = 0
        self.effect = effect
        self.view = public_page_cache()(self)

    def __call__(self, request):
        self.calls += 1
        response = HttpResponse(f"call {self.calls}")
        if self.effect:
            self.effect(request, response)
        return response


def _request(path="/en/somewhere/", pending_message=False):
    request = RequestFactory().get(path, HTTP_HOST="127.0.0.1")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    if pending_message:
        messages.info(request, "Saved.")
    return request


def test_a_plain_answer_is_stored_and_served_again():
    view = CountingView()
    assert view.view(_request()).content == b"call 1"
    assert view.view(_request()).content == b"call 1"
    assert view.calls == 1
    # another path, another entry
    assert view.view(_request("/en/somewhere/?page=2")).content == b"call 2"


@pytest.mark.parametrize(
    "effect",
    [
        pytest.param(lambda request, response: response.set_cookie("seen", "1"), id="sets a cookie"),
        pytest.param(lambda request, response: get_token(request), id="uses a CSRF token"),
        pytest.param(lambda request, response: messages.success(request, "Saved."), id="adds a message"),
        pytest.param(lambda request, response: request.session.__setitem__("k", 1), id="writes the session"),
        pytest.param(lambda request, response: response.__setitem__("Vary", "Accept"), id="varies"),
        pytest.param(lambda request, response: response.__setitem__("Cache-Control", "private"), id="private"),
        pytest.param(lambda request, response: setattr(response, "status_code", 404), id="not found"),
    ],
)
def test_answers_meant_for_one_visitor_are_never_stored(effect):
    view = CountingView(effect)
    view.view(_request())
    view.view(_request())
    assert view.calls == 2


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page():
    # given a page in the cache
    view = CountingView()
    view.view(_request())
    # when a visitor arrives with a message waiting to be shown
    response = view.view(_request(pending_message=True))
    # then the page is built for them (it will show the message)
    assert response.content == b"call 2"


def test_only_reads_are_answered_from_the_cache():
    view = CountingView()
    view.view(_request())
    request = RequestFactory().post("/en/somewhere/", HTTP_HOST="127.0.0.1")
    request.user = AnonymousUser()
    assert view.view(request).content == b"call 2"
