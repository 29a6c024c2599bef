"""Role × action grid for every member-scoped web view and API endpoint.

Roles: anonymous, a signed-in outsider, the member's viewer, editor and manager, a manager
of another member, and the secretariat.
"""

import json

import pytest
from django.urls import reverse

from conftest import ROLES
from harambee.registry.models import MemberStatus

pytestmark = pytest.mark.django_db

LOGIN = "login"  # stands for a redirect to the sign-in page

GRID = {
    # name: (method, url builder, post data, {role: expected})
    "member_detail": (
        "get",
        lambda c: reverse("registry:member_detail", args=[c.member.code]),
        None,
        dict.fromkeys(ROLES, 200),
    ),
    "member_history": (
        "get",
        lambda c: reverse("registry:member_history", args=[c.member.code]),
        None,
        dict.fromkeys(ROLES, 200),
    ),
    "member_edit_form": (
        "get",
        lambda c: reverse("registry:member_edit", args=[c.member.code]),
        None,
        {
            "anonymous": LOGIN,
            "outsider": 403,
            "viewer": 403,
            "editor": 200,
            "manager": 200,
            "other_manager": 403,
            "secretariat": 200,
        },
    ),
    "member_edit_save": (
        "post",
        lambda c: reverse("registry:member_edit", args=[c.member.code]),
        {
            "name": "University of Zambia",
            "organisation_type": "university",
            "iati_org_type": "80",
            "description": "Public university in Lusaka.",
        },
        {
            "anonymous": LOGIN,
            "outsider": 403,
            "viewer": 403,
            "editor": 302,
            "manager": 302,
            "other_manager": 403,
            "secretariat": 302,
        },
    ),
    "member_people": (
        "get",
        lambda c: reverse("registry:member_people", args=[c.member.code]),
        None,
        {
            "anonymous": LOGIN,
            "outsider": 403,
            "viewer": 403,
            "editor": 403,
            "manager": 200,
            "other_manager": 403,
            "secretariat": 200,
        },
    ),
    "membership_change": (
        "post",
        lambda c: reverse("registry:membership_change", args=[c.member.code, c.viewer.memberships.get().pk]),
        lambda c: {f"m{c.viewer.memberships.get().pk}-role": "editor"},
        {
            "anonymous": LOGIN,
            "outsider": 403,
            "viewer": 403,
            "editor": 403,
            "manager": 302,
            "other_manager": 403,
            "secretariat": 302,
        },
    ),
    "invitation_create": (
        "post",
        lambda c: reverse("accounts:invitation_create", args=[c.member.code]),
        {"email": "new@example.org", "role": "viewer"},
        {
            "anonymous": LOGIN,
            "outsider": 403,
            "viewer": 403,
            "editor": 403,
            "manager": 302,
            "other_manager": 403,
            "secretariat": 302,
        },
    ),
    "member_status": (
        "get",
        lambda c: reverse("secretariat:member_status", args=[c.member.code]),
        None,
        {**dict.fromkeys(ROLES, 403), "anonymous": LOGIN, "secretariat": 200},
    ),
    "secretariat_dashboard": (
        "get",
        lambda c: reverse("secretariat:dashboard"),
        None,
        {**dict.fromkeys(ROLES, 403), "anonymous": LOGIN, "secretariat": 200},
    ),
    "audit_log": (
        "get",
        lambda c: reverse("secretariat:audit_log"),
        None,
        {**dict.fromkeys(ROLES, 403), "anonymous": LOGIN, "secretariat": 200},
    ),
    "profile": ("get", lambda c: reverse("accounts:profile"), None, {**dict.fromkeys(ROLES, 200), "anonymous": LOGIN}),
}

CASES = [(view, role) for view in GRID for role in ROLES]


@pytest.mark.parametrize(("view", "role"), CASES, ids=[f"{v}-{r}" for v, r in CASES])
def test_web_permission_grid(view, role, cast, client):
    # given a person in `role`
    method, url, data, expected = GRID[view]
    user = cast.user(role)
    if user:
        client.force_login(user)
    # when it opens or submits the page
    payload = data(cast) if callable(data) else data
    response = getattr(client, method)(url(cast), payload or {})
    # then it gets exactly what its role allows
    if expected[role] == LOGIN:
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == expected[role]


API_PATCH = {
    "anonymous": 401,
    "outsider": 403,
    "viewer": 403,
    "editor": 200,
    "manager": 200,
    "other_manager": 403,
    "secretariat": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_api_member_patch_grid(role, cast, client):
    # given a person in `role`
    if cast.user(role):
        client.force_login(cast.user(role))
    # when it changes the member's acronym through the API
    response = client.patch(
        f"/api/v1/members/{cast.member.code}", json.dumps({"acronym": "UNZA"}), content_type="application/json"
    )
    # then the same rule as the web decides, and only allowed changes are stored
    assert response.status_code == API_PATCH[role]
    cast.member.refresh_from_db()
    assert cast.member.acronym == ("UNZA" if API_PATCH[role] == 200 else "")


@pytest.mark.parametrize("role", ROLES)
def test_api_member_read_grid(role, cast, client):
    if cast.user(role):
        client.force_login(cast.user(role))
    response = client.get(f"/api/v1/members/{cast.member.code}")
    assert response.status_code == 200
    assert response.json()["code"] == "unza"


PENDING_VISIBLE = {
    "anonymous": 404,
    "outsider": 404,
    "viewer": 200,
    "editor": 200,
    "manager": 200,
    "other_manager": 404,
    "secretariat": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_pending_member_is_hidden_from_the_public(role, cast, client):
    # given a member still waiting for approval
    cast.member.status = MemberStatus.PENDING
    cast.member.save()
    if cast.user(role):
        client.force_login(cast.user(role))
    # when someone opens its profile, on the web and through the API
    web = client.get(reverse("registry:member_detail", args=[cast.member.code]))
    api = client.get(f"/api/v1/members/{cast.member.code}")
    # then only its own people and the secretariat see it
    assert web.status_code == PENDING_VISIBLE[role]
    assert api.status_code == PENDING_VISIBLE[role]
    listed = client.get("/api/v1/members?page_size=200").json()["items"]
    assert ("unza" in [m["code"] for m in listed]) == (PENDING_VISIBLE[role] == 200)
