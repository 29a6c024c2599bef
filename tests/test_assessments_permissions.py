"""Readiness assessments: the role × action grid of every page and API endpoint (404 before 403)."""

import pytest
from django.urls import reverse

from conftest import ROLES
from harambee.assessments import services
from harambee.assessments.models import AssessmentStatus
from tests.assessments_fixtures import all_answers, framework, zambia_fixture  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessments(cast, zambia):
    """A draft (2026), a submitted one (2025), a private validated one (2024) and a public validated one (2023)."""
    made = {}
    for year, status in ((2026, "draft"), (2025, "submitted"), (2024, "private"), (2023, "public")):
        a = services.start_assessment(actor=cast.manager, member=zambia, year=year)
        services.save_answers(assessment=a, actor=cast.manager, answers=all_answers(1))
        if status != "draft":
            services.submit(assessment=a, actor=cast.manager)
        if status in ("private", "public"):
            services.validate(assessment=a, actor=cast.secretariat)
        if status == "public":
            services.set_public(assessment=a, actor=cast.manager, public=True)
        made[status] = a
    return made


PRIVATE_READ = {"anonymous": 404, "outsider": 404, "viewer": 200, "editor": 200, "manager": 200,
                "other_manager": 404, "secretariat": 200}  # fmt: skip
EVERYONE = dict.fromkeys(ROLES, 200)

# (name, method, url name, which assessment, extra POST data, expected status by role)
WEB = [
    ("read draft", "get", "detail", "draft", None, PRIVATE_READ),
    ("read private validated", "get", "detail", "private", None, PRIVATE_READ),
    ("read public", "get", "detail", "public", None, EVERYONE),
    ("export csv private", "get", "export_csv", "private", None, PRIVATE_READ),
    ("export json public", "get", "export_json", "public", None, EVERYONE),
    ("answer draft", "get", "edit", "draft", None,
     {"anonymous": 302, "outsider": 404, "viewer": 403, "editor": 200, "manager": 200, "other_manager": 404,
      "secretariat": 403}),
    # the member's actors are sent back to the read view with the reason; others refused
    ("answer validated", "get", "edit", "private", None,
     {"anonymous": 302, "outsider": 404, "viewer": 403, "editor": 302, "manager": 302, "other_manager": 404,
      "secretariat": 403}),
    ("submit draft", "post", "submit", "draft", {},
     {"anonymous": 302, "outsider": 404, "viewer": 403, "editor": 403, "manager": 302, "other_manager": 404,
      "secretariat": 403}),
    ("validate submitted", "post", "validate", "submitted", {},
     {"anonymous": 302, "outsider": 404, "viewer": 403, "editor": 403, "manager": 403, "other_manager": 404,
      "secretariat": 302}),
    ("return submitted", "post", "return", "submitted", {"reason": "More evidence"},
     {"anonymous": 302, "outsider": 404, "viewer": 403, "editor": 403, "manager": 403, "other_manager": 404,
      "secretariat": 302}),
    ("publish", "post", "public", "private", {"public": "1"},
     {"anonymous": 302, "outsider": 404, "viewer": 403, "editor": 302, "manager": 302, "other_manager": 404,
      "secretariat": 403}),
    ("publish public (others read it)", "post", "public", "public", {"public": "0"},
     {"anonymous": 302, "outsider": 403, "viewer": 403, "editor": 302, "manager": 302, "other_manager": 403,
      "secretariat": 403}),
]  # fmt: skip

CASES = [(case, role) for case in WEB for role in ROLES]


@pytest.mark.parametrize(("case", "role"), CASES, ids=[f"{c[0]}-{r}" for c, r in CASES])
def test_web_grid(case, role, cast, assessments, client):
    name, method, url_name, which, data, expected = case
    user = cast.user(role)
    if user is not None:
        client.force_login(user)
    url = reverse(f"assessments:{url_name}", args=[assessments[which].pk])
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == expected[role]


def test_the_review_queue_is_the_secretariats(cast, assessments, client):
    url = reverse("assessments:queue")
    for role in ROLES:
        client.logout()
        if cast.user(role) is not None:
            client.force_login(cast.user(role))
        expected = 302 if role == "anonymous" else (200 if role == "secretariat" else 403)
        assert client.get(url).status_code == expected, role
    # and it lists the submitted one only
    client.force_login(cast.secretariat)
    page = client.get(url).content.decode()
    assert reverse("assessments:detail", args=[assessments["submitted"].pk]) in page
    assert reverse("assessments:detail", args=[assessments["draft"].pk]) not in page


def test_a_validated_assessment_refuses_answers_with_a_clear_message(cast, assessments, client):
    client.force_login(cast.editor)
    first = framework().indicators[0].code
    response = client.post(
        reverse("assessments:edit", args=[assessments["private"].pk]), {f"level-{first}": "4"}, follow=True
    )
    assert "it can no longer be changed" in response.content.decode()
    assert assessments["private"].answers.get(indicator_code=first).level == 1


API_PRIVATE = {"anonymous": 404, "outsider": 404, "viewer": 200, "editor": 200, "manager": 200,
               "other_manager": 404, "secretariat": 200}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
def test_api_grid(role, cast, assessments, client):
    user = cast.user(role)
    if user is not None:
        client.force_login(user)
    # the list: the public one for everyone, all four for the member's people and the secretariat
    listing = client.get("/api/v1/assessments").json()
    expected_count = 4 if API_PRIVATE[role] == 200 else 1
    assert listing["count"] == expected_count
    assert {"count", "page", "page_size", "items"} <= set(listing)
    # one: the public one for everyone, a private one as the web does
    public = client.get(f"/api/v1/assessments/{assessments['public'].pk}")
    assert public.status_code == 200
    assert public.json()["status"] == AssessmentStatus.VALIDATED
    assert client.get(f"/api/v1/assessments/{assessments['draft'].pk}").status_code == API_PRIVATE[role]
