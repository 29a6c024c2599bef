"""One rule for "the members this user may act for" (harambee.registry.access.members_user_may_act_for)
and one for pledges (harambee.cooperation.access.pledge_can): active members only act in public."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from harambee.cooperation import services
from harambee.cooperation.models import Pledge
from harambee.registry.access import members_user_may_act_for
from harambee.registry.models import MemberStatus

pytestmark = pytest.mark.django_db

NOT_ACTIVE = [MemberStatus.PENDING, MemberStatus.REJECTED, MemberStatus.SUSPENDED]
PLEDGE = {
    "title": "200 seats a year",
    "unit": "seats",
    "value": "200",
    "period_start": "2026-01-01",
    "period_end": "2026-12-31",
}


def _set_status(member, status):
    member.status = status
    member.save(update_fields=["status"])


@pytest.mark.parametrize("status", NOT_ACTIVE)
def test_an_editor_of_a_member_that_is_not_active_cannot_pledge_through_the_service(cast, status):
    # given the editor of a pending, rejected or suspended organisation
    _set_status(cast.member, status)
    # when it pledges through the service
    with pytest.raises(ValidationError) as refused:
        services.pledge_create(
            member=cast.member,
            actor=cast.editor,
            title="200 seats a year",
            unit="seats",
            value=Decimal(200),
            period_start=date(2026, 1, 1),
            period_end=date(2026, 12, 31),
        )
    # then it is refused with the reason, and nothing is written
    assert refused.value.messages == ["A member pledges once the secretariat has approved it: pledges are public."]
    assert Pledge.objects.count() == 0


@pytest.mark.parametrize("status", NOT_ACTIVE)
def test_a_pledge_of_a_member_that_is_not_active_never_shows_on_the_public_pledge_list(client, cast, status):
    # given the editor of a pending, rejected or suspended organisation
    _set_status(cast.member, status)
    client.force_login(cast.editor)
    # when it tries to pledge on the web and through the API
    page = client.get(reverse("cooperation:pledge_new"))
    web = client.post(reverse("cooperation:pledge_new"), {**PLEDGE, "member": cast.member.code})
    api = client.post("/api/v1/pledges", {**PLEDGE, "member": cast.member.code}, content_type="application/json")
    # then neither writes a pledge: the web offers no member to pledge for, the API answers why
    assert page.status_code == 403 and web.status_code == 403
    assert "A member pledges once the secretariat has approved it" in web.content.decode()
    assert api.status_code == 422
    assert "A member pledges once the secretariat has approved it" in api.content.decode()
    assert Pledge.objects.count() == 0
    # and the public lists show none
    client.logout()
    assert "200 seats a year" not in client.get(reverse("cooperation:pledges")).content.decode()
    assert client.get("/api/v1/pledges").json()["count"] == 0


def test_a_pledge_made_while_active_leaves_the_public_list_when_the_member_is_suspended(client, cast):
    # given a public pledge of an active member
    services.pledge_create(
        member=cast.member,
        actor=cast.editor,
        title="200 seats a year",
        unit="seats",
        value=Decimal(200),
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    assert "200 seats a year" in client.get(reverse("cooperation:pledges")).content.decode()
    # when the secretariat suspends the member
    _set_status(cast.member, MemberStatus.SUSPENDED)
    # then the public no longer sees the pledge; the member's viewer still does
    assert "200 seats a year" not in client.get(reverse("cooperation:pledges")).content.decode()
    assert client.get("/api/v1/pledges").json()["count"] == 0
    client.force_login(cast.viewer)
    assert "200 seats a year" in client.get(reverse("cooperation:pledges")).content.decode()


@pytest.mark.parametrize("status", [MemberStatus.ACTIVE, *NOT_ACTIVE])
def test_only_editors_and_managers_of_active_members_act_for_them(cast, status):
    # given a member in each status
    _set_status(cast.member, status)
    # when we ask whom each person acts for
    acting = {role: set(members_user_may_act_for(cast.user(role))) for role in ("manager", "editor", "viewer")}
    # then its managers and editors act for it only while it is active, its viewers never
    expected = {cast.member} if status == MemberStatus.ACTIVE else set()
    assert acting == {"manager": expected, "editor": expected, "viewer": set()}
    assert set(members_user_may_act_for(None)) == set()
    # the secretariat acts for a member only where it is asked to (it oversees, it does not act)
    assert set(members_user_may_act_for(cast.secretariat)) == set()
    acts_for_all = set(members_user_may_act_for(cast.secretariat, secretariat=True))
    assert (cast.member in acts_for_all) == (status == MemberStatus.ACTIVE)


def test_role_names_are_never_typed_as_strings_in_the_application():
    # given the application's code (not its tests and migrations)
    root = Path(__file__).resolve().parent.parent / "harambee"
    typed = []
    for path in root.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts or path == root / "registry" / "models.py":
            continue
        text = path.read_text(encoding="utf-8")
        typed += [
            f"{path}: {role}" for role in ("manager", "editor", "viewer") for q in "\"'" if f"{q}{role}{q}" in text
        ]
    # then roles are named by MemberRole only
    assert typed == []
