"""Hostile input never gives a 500: huge page numbers, NUL and lone surrogates in every channel,
bodies over the limit; API errors are JSON of one shape; the API accepts tokens for every write
and does not tell whether a member or a posting the writer cannot see exists.

NUL matters most on PostgreSQL (it cannot store or compare text holding NUL: psycopg raises), lone
surrogates on both databases (they cannot be encoded to UTF-8); both runs of the suite run these.
"""

import io
import json

import pytest

from harambee.accounts.services import api_token_create
from harambee.postings.models import Posting
from harambee.postings.services import posting_create
from harambee.postings.validation import ID_MESSAGE, parse_posting
from harambee.registry.models import MemberStatus
from harambee.registry.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

HUGE = "9223372036854775807"
NEED = {"member": "unza", "language": "en", "title": "Data governance advice",
        "description": "We need advice on a national data governance framework."}  # fmt: skip


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='script').key}"}


def post_json(client, path, body, headers, method="post"):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return getattr(client, method)(path, data, content_type="application/json", **headers)


def assert_error_shape(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"} and isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["errors"], dict)
    return body


# --- page numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/needs", "/api/v1/offers", "/api/v1/members"])
def test_a_huge_page_number_is_refused_by_name(client, cast, path):
    # when a client asks for page 2**63-1
    response = client.get(path, {"page": HUGE})
    # then it is told that `page` is out of range, not a 500
    body = assert_error_shape(response, 422)
    assert list(body["errors"]) == ["page"]


def test_the_last_allowed_page_is_simply_empty(client, cast):
    from harambee.core.paging import MAX_PAGE_NUMBER

    response = client.get("/api/v1/needs", {"page": MAX_PAGE_NUMBER})
    assert response.status_code == 200 and response.json()["items"] == []


# --- JSON bodies: lone surrogates and NUL ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ('{"member": "unza", "language": "en", "title": "hello \\ud800", "description": "A need."}', "title"),
        ('{"member": "unza", "language": "en", "title": "hello", "description": "A need \\udfff."}', "description"),
        ('{"member": "unza", "language": "en", "title": "a\\u0000b", "description": "A need."}', "title"),
        (
            '{"member": "unza", "language": "en", "title": "hello", "description": "A need.", '
            '"translations": [{"language": "fr", "title": "x\\ud800", "description": "y"}]}',
            "translations[0].title",
        ),
        ('{"member": "unza", "language": "en", "title": "hello", "description": "A need.", "\\ud800": 1}', "__all__"),
    ],
)
def test_unusable_text_in_a_json_body_is_refused_naming_the_field(client, cast, raw, field):
    # given a manager's token
    headers = bearer(cast.manager)
    # when it posts a need whose text holds a lone surrogate or NUL
    response = post_json(client, "/api/v1/needs", raw, headers)
    # then the API answers 422 naming the field, and nothing is saved
    body = assert_error_shape(response, 422)
    assert list(body["errors"]) == [field]
    assert not Posting.objects.exists()


def test_a_lone_surrogate_in_a_member_patch_is_refused(client, cast):
    response = post_json(
        client, "/api/v1/members/unza", '{"description": "x\\ud800"}', bearer(cast.manager), method="patch"
    )
    assert list(assert_error_shape(response, 422)["errors"]) == ["description"]
    cast.member.refresh_from_db()
    assert cast.member.description == ""


def test_malformed_json_is_a_400_in_the_error_shape(client, cast):
    response = post_json(client, "/api/v1/needs", "{not json", bearer(cast.manager))
    assert_error_shape(response, 400)


# --- bodies over the limit -----------------------------------------------------------------------


def test_an_api_body_over_the_limit_is_a_413(client, cast, settings):
    # given a body one byte over the limit
    body = json.dumps({**NEED, "description": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE})
    # when a manager posts it
    response = post_json(client, "/api/v1/needs", body, bearer(cast.manager))
    # then the API answers 413 in its error shape
    assert_error_shape(response, 413)
    assert not Posting.objects.exists()


def test_a_web_form_over_the_limit_is_a_413_page(client, cast, settings):
    client.force_login(cast.manager)
    response = client.post("/fr/needs/new/", {**NEED, "description": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="fr"' in response.content.decode()
    assert not Posting.objects.exists()


# --- NUL in every channel ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/needs", {"q": "a\x00b"}),
        ("/api/v1/needs", {"member": "a\x00b"}),
        ("/api/v1/offers", {"theme": "a\x00b"}),
        ("/api/v1/members", {"q": "a\x00b"}),
        ("/api/v1/members", {"group": "a\x00b"}),
        ("/api/v1/cooperations", {"member": "a\x00b"}),
        ("/api/v1/needs", {"a\x00b": "1"}),
    ],
)
def test_nul_in_an_api_query_string_is_a_400(client, cast, path, params):
    body = assert_error_shape(client.get(path, params), 400)
    assert list(body["errors"]) == [next(iter(params)).replace("\x00", "\ufffd")]


@pytest.mark.parametrize("path", ["/api/v1/members/a%00b", "/api/v1/needs/a%00b", "/api/v1/offers/a%00b/suggestions"])
def test_nul_in_an_api_path_is_a_404(client, cast, path):
    assert_error_shape(client.get(path), 404)


def test_nul_in_an_api_path_of_a_write_is_a_404(client, cast):
    response = post_json(client, "/api/v1/members/a%00b", {"acronym": "X"}, bearer(cast.manager), method="patch")
    assert_error_shape(response, 404)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/fr/needs/", {"q": "a\x00b"}),
        ("/fr/offers/", {"member": "a\x00b"}),
        ("/fr/members/", {"q": "a\x00b"}),
        ("/fr/cooperations/", {"page": "1\x00"}),
    ],
)
def test_nul_in_a_web_query_string_is_a_400_page(client, cast, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="fr"' in html


def test_nul_in_a_web_path_is_a_404_page(client, cast):
    # (a code of a country group is any text up to the next slash: it reached the database)
    response = client.get("/en/groups/a%00b/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_nul_in_a_web_form_field_is_a_400_page(client, cast):
    # given a manager on the new-need form
    client.force_login(cast.manager)
    # when the title it sends holds NUL
    response = client.post("/en/needs/new/", {**NEED, "title": "Data\x00governance"})
    # then the page answers 400 (still showing who is signed in) and nothing is saved
    assert response.status_code == 400
    assert "/en/accounts/sign-out/" in response.content.decode()
    assert not Posting.objects.exists()


def test_nul_in_a_sign_in_form_is_a_400_page(client, cast):
    response = client.post("/en/accounts/sign-in/", {"username": "manager@example.org\x00", "password": "x"})
    assert response.status_code == 400


def test_a_session_cookie_holding_nul_is_ignored(client, cast):
    # given a session cookie that holds NUL (a quoted cookie may carry octal escapes: \000)
    cookie = {"HTTP_COOKIE": 'sessionid="abcdefgh\\000ijkl"'}
    # when it reads the API and a page, then it is served as anyone signed out
    assert client.get("/api/v1/needs", **cookie).status_code == 200
    assert client.get("/en/needs/", **cookie).status_code == 200


# --- one error shape for every API error -----------------------------------------------------------


def test_an_unknown_api_path_is_json(client, cast):
    assert_error_shape(client.get("/api/v1/nothing-here"), 404)


def test_a_method_the_api_does_not_have_is_a_json_405(client, cast):
    response = client.delete("/api/v1/needs")
    assert_error_shape(response, 405)
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}


def test_an_anonymous_write_is_a_json_401(client, cast):
    assert_error_shape(post_json(client, "/api/v1/needs", NEED, {}), 401)


def test_an_invalid_parameter_keeps_the_422_shape(client, cast):
    body = assert_error_shape(client.get("/api/v1/needs", {"page_size": "many"}), 422)
    assert list(body["errors"]) == ["page_size"]


def test_an_unexpected_error_is_a_json_500(client, cast, monkeypatch):
    from harambee.postings import api as postings_api

    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(postings_api, "posting_search", broken)
    client.raise_request_exception = False
    body = assert_error_shape(client.get("/api/v1/needs"), 500)
    assert "boom" not in json.dumps(body)


def test_the_openapi_document_lists_the_error_statuses_of_every_operation(client, cast):
    document = client.get("/api/v1/openapi.json").json()
    assert document["components"]["schemas"]["Error"]["required"] == ["detail", "errors"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert {"400", "500"} <= statuses, (method, path)
            if operation.get("security"):
                assert {"401", "403"} <= statuses, (method, path)
            if "requestBody" in operation:
                assert {"404", "413", "422"} <= statuses, (method, path)


# --- API tokens for every write ------------------------------------------------------------------


def test_a_manager_changes_its_member_with_an_api_token(client, cast):
    # given a manager's token (and no session)
    headers = bearer(cast.manager)
    # when it patches its member
    response = post_json(client, "/api/v1/members/unza", {"acronym": "UNZA"}, headers, method="patch")
    # then the change is made
    assert response.status_code == 200, response.content
    cast.member.refresh_from_db()
    assert cast.member.acronym == "UNZA"


def test_an_outsiders_token_may_not_change_a_member(client, cast):
    response = post_json(client, "/api/v1/members/unza", {"acronym": "X"}, bearer(cast.outsider), method="patch")
    assert_error_shape(response, 403)
    cast.member.refresh_from_db()
    assert cast.member.acronym == ""


# --- what a writer cannot see stays unknown --------------------------------------------------------


@pytest.fixture
def hidden(cast):
    """A pending organisation (only its people and the secretariat see it) and a draft of the other
    member (only its people see it)."""
    pending = OrganisationFactory(code="hidden-org", status=MemberStatus.PENDING)
    MembershipFactory(member=pending, role="manager")
    draft = posting_create(
        actor=None,
        member=cast.other_member,
        data=parse_posting({**NEED, "kind": "need", "id": "N-SECRET-1", "member": "tsinghua"}),
    )
    visible = posting_create(
        actor=None,
        member=cast.other_member,
        data=parse_posting({**NEED, "kind": "need", "id": "N-PUBLIC-1", "member": "tsinghua"}),
        status="published",
    )
    return pending, draft, visible


def test_posting_for_a_member_one_cannot_see_is_the_same_as_for_no_member(client, cast, hidden):
    headers = bearer(cast.manager)
    # when a manager posts for a member it cannot see, and for one that does not exist
    hidden_answer = post_json(client, "/api/v1/needs", {**NEED, "member": "hidden-org"}, headers)
    missing_answer = post_json(client, "/api/v1/needs", {**NEED, "member": "nowhere-org"}, headers)
    # then both answers are the same "unknown member"
    assert hidden_answer.status_code == missing_answer.status_code == 422
    assert hidden_answer.json() == json.loads(missing_answer.content.decode().replace("nowhere-org", "hidden-org"))


def test_posting_for_a_visible_member_one_does_not_act_for_is_forbidden(client, cast, hidden):
    response = post_json(client, "/api/v1/needs", {**NEED, "member": "tsinghua"}, bearer(cast.manager))
    assert_error_shape(response, 403)


def test_a_taken_identifier_answers_like_a_malformed_one(client, cast, hidden):
    headers = bearer(cast.manager)
    # when a manager creates needs with the id of a draft it cannot see, of a posting it can see,
    # and a malformed id
    answers = [
        post_json(client, "/api/v1/needs", {**NEED, "id": external_id}, headers)
        for external_id in ("N-SECRET-1", "N-PUBLIC-1", "not an id!")
    ]
    # then the three answers are identical: nothing tells that the draft exists
    assert [a.status_code for a in answers] == [422, 422, 422]
    assert answers[0].json() == answers[1].json() == answers[2].json()
    assert list(answers[0].json()["errors"]) == ["id"]
    assert Posting.objects.filter(member=cast.member).count() == 0


def test_naming_a_member_one_cannot_see_as_eligible_is_the_same_as_naming_none(client, cast, hidden):
    headers = bearer(cast.manager)
    # when a manager names, as the only member eligible for its offer, one it cannot see and one that
    # does not exist
    hidden_answer = post_json(client, "/api/v1/offers", {**NEED, "eligible_members": ["hidden-org"]}, headers)
    missing_answer = post_json(client, "/api/v1/offers", {**NEED, "eligible_members": ["nowhere-org"]}, headers)
    # then both answers are the same "unknown member" on that field
    assert list(hidden_answer.json()["errors"]) == ["eligible_members"]
    assert hidden_answer.status_code == missing_answer.status_code == 422
    assert hidden_answer.json() == json.loads(missing_answer.content.decode().replace("nowhere-org", "hidden-org"))
    assert not Posting.objects.filter(member=cast.member).exists()


def test_the_secretariat_may_name_any_member_as_eligible(client, cast, hidden):
    response = post_json(
        client, "/api/v1/offers", {**NEED, "eligible_members": ["hidden-org"]}, bearer(cast.secretariat)
    )
    assert response.status_code == 201, response.content
    assert response.json()["eligible_members"] == ["HIDDEN-ORG"]


def _import_problems(actor, lines: list[dict]) -> list[tuple[int, str, str]]:
    from harambee.postings.importing import postings_import

    body = "".join(json.dumps(line) + "\n" for line in lines).encode()
    report = postings_import(lines=io.BytesIO(body), actor=actor, dry_run=True)
    return [(p.line, p.field, str(p.message)) for p in report.problems]


def test_an_import_names_hidden_members_and_identifiers_like_missing_ones(cast, hidden):
    # given a manager importing needs for a member it cannot see, for one that does not exist, with
    # the id of another member's draft it cannot see and with the id of one it can see
    line = {**NEED, "kind": "need"}
    problems = _import_problems(
        cast.manager,
        [
            {**line, "id": "N-IMP-1", "member": "hidden-org"},
            {**line, "id": "N-IMP-2", "member": "nowhere-org"},
            {**line, "id": "N-SECRET-1", "member": "unza"},
            {**line, "id": "N-PUBLIC-1", "member": "unza"},
        ],
    )
    # then the hidden member reads like the missing one, and the hidden draft like the public posting
    messages = {number: (field, message) for number, field, message in problems}
    assert messages[1] == ("member", "Unknown member: hidden-org")
    assert messages[2] == ("member", "Unknown member: nowhere-org")
    assert messages[3] == messages[4] == ("id", str(ID_MESSAGE))
    assert len(problems) == 4
