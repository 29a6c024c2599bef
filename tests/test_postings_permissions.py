"""Role × action grid for every needs-and-offers page and API endpoint."""

import json

import pytest
from django.urls import reverse

from conftest import ROLES
from harambee.postings.models import Posting
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting

pytestmark = pytest.mark.django_db
LOGIN = "login"


@pytest.fixture
def postings(cast):
    base = {"kind": "need", "member": "unza", "title": "Data governance advice", "language": "en",
            "description": "We need advice on a national data governance framework."}  # fmt: skip
    published = posting_create(
        actor=None, member=cast.member, data=parse_posting({**base, "id": "N-PUB"}), status="published"
    )
    draft = posting_create(actor=None, member=cast.member, data=parse_posting({**base, "id": "N-DRAFT"}))
    return published, draft


FORM = {"member": "unza", "title": "Compute access", "description": "GPU hours for our researchers.", "language": "en"}
EVERYONE = dict.fromkeys(ROLES, 200)
PRIVATE_VIEW = {"anonymous": 404, "outsider": 404, "viewer": 200, "editor": 200, "manager": 200,
                "other_manager": 404, "secretariat": 200}  # fmt: skip
WEB = {
    "list": ("get", lambda p: "/en/needs/", None, EVERYONE),
    "detail_published": ("get", lambda p: "/en/needs/N-PUB/", None, EVERYONE),
    "detail_draft": ("get", lambda p: "/en/needs/N-DRAFT/", None, PRIVATE_VIEW),
    "new_form": ("get", lambda p: "/en/needs/new/", None,
                 {"anonymous": LOGIN, "outsider": 403, "viewer": 403, "editor": 200, "manager": 200,
                  "other_manager": 200, "secretariat": 200}),
    "create": ("post", lambda p: "/en/needs/new/", FORM,
               {"anonymous": LOGIN, "outsider": 403, "viewer": 403, "editor": 302, "manager": 302,
                "other_manager": 200, "secretariat": 302}),
    "edit_form": ("get", lambda p: "/en/needs/N-DRAFT/edit/", None,
                  {**PRIVATE_VIEW, "anonymous": LOGIN, "viewer": 403}),
    "transition": ("post", lambda p: "/en/needs/N-DRAFT/transition/", {"action": "submit"},
                   {"anonymous": LOGIN, "outsider": 404, "viewer": 403, "editor": 302, "manager": 302,
                    "other_manager": 404, "secretariat": 302}),
    "import": ("get", lambda p: reverse("postings:import"), None,
               {"anonymous": LOGIN, "outsider": 403, "viewer": 403, "editor": 403, "manager": 200,
                "other_manager": 200, "secretariat": 200}),
    "mine": ("get", lambda p: reverse("postings:mine"), None, {**EVERYONE, "anonymous": LOGIN}),
}  # fmt: skip
CASES = [(view, role) for view in WEB for role in ROLES]


@pytest.mark.parametrize(("view", "role"), CASES, ids=[f"{v}-{r}" for v, r in CASES])
def test_web_grid(view, role, cast, postings, client):
    method, url, data, expected = WEB[view]
    if cast.user(role):
        client.force_login(cast.user(role))
    response = getattr(client, method)(url(postings), data or {})
    if expected[role] == LOGIN:
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == expected[role]
    if view == "transition":
        submitted = Posting.objects.get(external_id="N-DRAFT").status == "published"
        assert submitted == (expected[role] == 302)
    if view == "create":
        assert Posting.objects.filter(title="Compute access").exists() == (expected[role] == 302)


API = {
    "get_draft": ("get", "/api/v1/needs/N-DRAFT", None, PRIVATE_VIEW),
    "create": ("post", "/api/v1/needs", FORM,
               {"anonymous": 401, "outsider": 403, "viewer": 403, "editor": 201, "manager": 201,
                "other_manager": 403, "secretariat": 201}),
    "update": ("put", "/api/v1/needs/N-DRAFT", {**FORM, "title": "Changed"},
               {"anonymous": 401, "outsider": 404, "viewer": 403, "editor": 200, "manager": 200,
                "other_manager": 404, "secretariat": 200}),
    "transition": ("post", "/api/v1/needs/N-DRAFT/transitions", {"action": "submit"},
                   {"anonymous": 401, "outsider": 404, "viewer": 403, "editor": 200, "manager": 200,
                    "other_manager": 404, "secretariat": 200}),
}  # fmt: skip
API_CASES = [(view, role) for view in API for role in ROLES]


@pytest.mark.parametrize(("view", "role"), API_CASES, ids=[f"{v}-{r}" for v, r in API_CASES])
def test_api_grid(view, role, cast, postings, client):
    method, url, data, expected = API[view]
    if cast.user(role):
        client.force_login(cast.user(role))
    kwargs = {"content_type": "application/json"} if data is not None else {}
    response = getattr(client, method)(url, json.dumps(data) if data is not None else None, **kwargs)
    assert response.status_code == expected[role], response.content
    draft = Posting.objects.get(external_id="N-DRAFT")
    if view == "update":
        assert (draft.title == "Changed") == (expected[role] == 200)
    if view == "transition":
        assert (draft.status == "published") == (expected[role] == 200)
