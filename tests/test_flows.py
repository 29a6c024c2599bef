"""End-to-end flows through the web: registration and approval, invitations, sign-in, languages."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from harambee.accounts.models import Invitation, InvitationStatus, User
from harambee.accounts.tests.factories import TEST_PASSWORD
from harambee.audit.models import AuditEntry
from harambee.registry.models import Member, MemberRole, Membership, MemberStatus

pytestmark = pytest.mark.django_db


def test_an_organisation_registers_and_waits_for_the_secretariat(client, cast):
    # given an organisation filling the registration form
    form = {
        "organisation_name": "Lusaka AI Lab",
        "acronym": "LAIL",
        "organisation_type": "company",
        "country": "ZMB",
        "website": "lusaka-ai.example.org",
        "description": "Applied AI for agriculture.",
        "full_name": "Natasha Zulu",
        "position": "CEO",
        "email": "natasha@lusaka-ai.example.org",
        "password1": "maize-and-models-2025",
        "password2": "maize-and-models-2025",
    }
    # when it registers
    response = client.post(reverse("accounts:register"), form)
    # then it is pending, managed by the registrant, signed in, and hidden from the public
    member = Member.objects.get(name="Lusaka AI Lab")
    assert response.status_code == 302 and response["Location"].endswith(f"/members/{member.code}/")
    assert member.status == MemberStatus.PENDING
    assert member.website == "https://lusaka-ai.example.org"
    assert Membership.objects.get(member=member).role == MemberRole.MANAGER
    client.logout()
    assert client.get(reverse("registry:member_detail", args=[member.code])).status_code == 404
    # when the secretariat approves it
    client.force_login(cast.secretariat)
    response = client.post(reverse("secretariat:member_status", args=[member.code]), {"status": "active"})
    # then it is public, and the approval is in its public history
    assert response.status_code == 302
    client.logout()
    assert client.get(reverse("registry:member_detail", args=[member.code])).status_code == 200
    history = client.get(reverse("registry:member_history", args=[member.code])).content.decode()
    assert "<del><bdi>Pending approval</bdi></del> → <ins><bdi>Active</bdi></ins>" in history


def test_rejection_needs_a_reason(client, cast):
    cast.member.status = MemberStatus.PENDING
    cast.member.save()
    client.force_login(cast.secretariat)
    response = client.post(reverse("secretariat:member_status", args=[cast.member.code]), {"status": "rejected"})
    assert response.status_code == 200
    assert "Give a reason" in response.content.decode()
    cast.member.refresh_from_db()
    assert cast.member.status == MemberStatus.PENDING


def test_registration_with_bad_input_explains_and_saves_nothing(client):
    # given a form with a weak password, a mismatch and no organisation name
    form = {
        "organisation_type": "company",
        "full_name": "X",
        "email": "not-an-email",
        "password1": "12345",
        "password2": "12346",
    }
    # when it is submitted
    response = client.post(reverse("accounts:register"), form)
    # then the page explains each problem and nothing is written
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in body
    assert "The two passwords differ." in body
    assert "This field is required." in body
    assert User.objects.count() == 0 and AuditEntry.objects.count() == 0


def test_registration_with_a_common_password_is_refused(client):
    form = {
        "organisation_name": "Lab",
        "organisation_type": "company",
        "full_name": "Ann Lee",
        "email": "ann@example.org",
        "password1": "password123",
        "password2": "password123",
    }
    response = client.post(reverse("accounts:register"), form)
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not Member.objects.filter(name="Lab").exists() and not User.objects.filter(email="ann@example.org").exists()


def test_invitation_by_link_creates_the_account_and_the_role(client, cast, django_capture_on_commit_callbacks):
    # given a manager inviting a new editor
    client.force_login(cast.manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:invitation_create", args=[cast.member.code]),
            {"email": "Chola@Example.org", "role": "editor", "is_focal_point": "on"},
        )
    assert response.status_code == 302
    # then an e-mail carries the link
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["chola@example.org"]
    link = re.search(r"https?://\S+/invitations/accept/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    # when the invitee opens it signed out and sets a password
    client.logout()
    assert client.get(path).status_code == 200
    response = client.post(
        path, {"full_name": "Chola Milambo", "password1": "new-york-mission-1", "password2": "new-york-mission-1"}
    )
    # then the account exists with the role, the invitation is used and the link is dead
    assert response.status_code == 302
    user = User.objects.get(email="chola@example.org")
    membership = Membership.objects.get(user=user, member=cast.member)
    assert (membership.role, membership.is_focal_point) == ("editor", True)
    assert Invitation.objects.get(email="chola@example.org").status == InvitationStatus.ACCEPTED
    client.logout()
    assert client.get(path).status_code == 410


def test_an_invitation_for_someone_else_is_refused(client, cast, django_capture_on_commit_callbacks):
    client.force_login(cast.manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:invitation_create", args=[cast.member.code]),
            {"email": "someone@example.org", "role": "viewer"},
        )
    path = re.search(r"/\w+/invitations/accept/\S+/", mail.outbox[0].body).group(0)
    client.force_login(cast.outsider)
    response = client.post(path, follow=True)
    assert "another e-mail address" in response.content.decode()
    assert not Membership.objects.filter(user=cast.outsider).exists()


def test_unknown_invitation_link_is_a_clear_404(client):
    response = client.get("/en/invitations/accept/not-a-real-token/")
    assert response.status_code == 404
    assert "Invitation not valid" in response.content.decode()


def test_last_manager_cannot_leave(client, cast):
    client.force_login(cast.manager)
    membership = cast.manager.memberships.get()
    response = client.post(
        reverse("registry:membership_change", args=[cast.member.code, membership.pk]),
        {"remove": "1", "confirmed": "yes"},
        follow=True,
    )
    assert "at least one manager" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_password_reset_by_email(client, cast):
    client.post(reverse("accounts:password_reset"), {"email": "viewer@example.org"})
    assert len(mail.outbox) == 1
    path = re.search(r"/\w+/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "fresh-passphrase-77", "new_password2": "fresh-passphrase-77"})
    assert response.status_code == 302
    cast.viewer.refresh_from_db()
    assert cast.viewer.check_password("fresh-passphrase-77")


@pytest.mark.parametrize(
    ("language", "direction", "word"),
    [
        ("ar", "rtl", "الأعضاء"),
        ("zh-hans", "ltr", "成员"),
        ("fr", "ltr", "Membres"),
        ("ru", "ltr", "Члены"),
        ("es", "ltr", "Miembros"),
        ("en", "ltr", "Members"),
    ],
)
def test_every_language_sets_lang_and_direction(client, cast, language, direction, word):
    response = client.get(f"/{language}/members/")
    body = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in body
    assert word in body


def test_language_switch_keeps_the_page(client, cast):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/en/members/unza/"})
    assert response.status_code == 302 and response["Location"] == "/ar/members/unza/"


def test_member_filters(client, cast):
    # given States in Africa and Asia and an organisation
    from harambee.registry.models import Country
    from harambee.registry.tests.factories import StateFactory

    StateFactory(country=Country.objects.get(iso3="ZMB"))
    StateFactory(country=Country.objects.get(iso3="NPL"))
    StateFactory(country=Country.objects.get(iso3="FRA"))

    def codes(query):
        return [m["code"] for m in client.get("/api/v1/members", query).json()["items"]]

    # then the region (any M49 level), group, kind and text filters select exactly
    assert codes({"region": "142", "kind": "state"}) == ["npl"]
    assert codes({"region": "014", "kind": "state"}) == ["zmb"]
    assert codes({"group": "LDC", "kind": "state"}) == ["npl", "zmb"]
    # organisations count by their home country
    assert "asean" not in codes({"group": "LDC"}) and "au" in codes({"group": "LDC"})
    assert codes({"group": "LLDC", "kind": "state"}) == ["npl", "zmb"]
    assert codes({"q": "Франция"}) == ["fra"]
    assert codes({"q": "tsinghua"}) == ["tsinghua"]
    assert codes({"region": "142", "kind": "organisation"}) == ["asean", "escap", "escwa"]
    assert client.get("/api/v1/members", {"region": "Africa"}).status_code == 422
    web = client.get("/en/members/", {"group": "LDC", "kind": "state"}).content.decode()
    assert "Nepal" in web and "Zambia" in web and "France" not in web


def test_sign_in_stays_in_the_page_language_and_remembers_the_preferred_one(client, cast):
    cast.manager.preferred_language = "ar"
    cast.manager.save()
    response = client.post(reverse("accounts:login"), {"username": "manager@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/en/my/"
    assert client.cookies["django_language"].value == "ar"


def test_a_person_gives_and_withdraws_consent_to_be_shown(client, cast):
    # given the manager, a focal point shown publicly
    membership = cast.manager.memberships.get()
    assert cast.manager.full_name in client.get(f"/en/members/{cast.member.code}/").content.decode()
    client.force_login(cast.manager)
    # when it withdraws consent on its own account page
    client.post(reverse("accounts:membership_consent", args=[membership.pk]), {})
    # then the public profile no longer names it, and the change is audited with a reason
    client.logout()
    assert cast.manager.full_name not in client.get(f"/en/members/{cast.member.code}/").content.decode()
    membership.refresh_from_db()
    assert membership.show_publicly is False
    assert AuditEntry.objects.filter(changes__show_publicly=[True, False]).count() == 1
    # and nobody can change another person's consent
    client.force_login(cast.outsider)
    assert (
        client.post(reverse("accounts:membership_consent", args=[membership.pk]), {"show_publicly": "on"}).status_code
        == 404
    )
