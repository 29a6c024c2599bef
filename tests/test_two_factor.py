"""Two-factor sign-in: required of the secretariat and members' managers, optional for others; enrolment
with an authenticator key and recovery codes, the second step of signing in, the secretariat's reset."""

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from harambee.accounts.tests.factories import TEST_PASSWORD
from harambee.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.HARAMBEE_TWO_FACTOR_REQUIRED = True


def _sign_in(client: Client, email: str):
    return client.post("/en/accounts/sign-in/", {"username": email, "password": TEST_PASSWORD})


def _code(device: TOTPDevice, *, drift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def _enrol(client: Client, user) -> list[str]:
    assert client.get("/en/accounts/two-factor/set-up/").status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page = client.post("/en/accounts/two-factor/set-up/", {"code": _code(device), "next": "/en/my/"})
    assert page.status_code == 200
    return re.findall(r"<li><code>([a-z0-9]+)</code></li>", page.content.decode())


def _two_factor_entries(user) -> list[tuple]:
    return list(
        AuditEntry.objects.filter(object_id=str(user.pk), changes__has_key="two_factor")
        .order_by("pk")
        .values_list("changes", "reason")
    )


def test_the_secretariat_must_set_up_a_second_factor_before_anything_else(cast, client, required):
    # given the secretariat signs in with its password
    response = _sign_in(client, cast.secretariat.email)
    # then every page sends it to the set-up, remembering where it was going
    assert response.status_code == 302
    shown = client.get("/en/secretariat/")
    assert (shown.status_code, shown["Location"]) == (
        302,
        "/en/accounts/two-factor/set-up/?next=%2Fen%2Fsecretariat%2F",
    )
    page = client.get(shown["Location"]).content.decode()
    assert "requires a second step when you sign in. Set it up now to continue." in page
    assert "<svg" in page and 'class="secret"' in page
    # when it types a wrong code, then it is told and nothing is turned on
    wrong = client.post("/en/accounts/two-factor/set-up/", {"code": "000000"}).content.decode()
    assert "That code is not right." in wrong
    assert not TOTPDevice.objects.filter(user=cast.secretariat, confirmed=True).exists()
    # when it types the app's code, then two-factor sign-in is on, with ten recovery codes shown once
    codes = _enrol(client, cast.secretariat)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert _two_factor_entries(cast.secretariat) == [({"two_factor": [False, True]}, "Two-factor sign-in turned on")]
    # and the secretariat's pages open in this session
    assert client.get("/en/secretariat/").status_code == 200


def test_a_signed_in_manager_with_a_device_gives_a_code_or_a_recovery_code(cast, required):
    first = Client()
    _sign_in(first, cast.manager.email)
    codes = _enrol(first, cast.manager)
    device = TOTPDevice.objects.get(user=cast.manager, confirmed=True)
    # given the manager signs in again elsewhere
    client = Client()
    assert _sign_in(client, cast.manager.email).status_code == 302
    # then pages wait for the second step
    assert client.get("/en/my/")["Location"] == "/en/accounts/two-factor/?next=%2Fen%2Fmy%2F"
    # when the code is wrong, then it says so; when right, the page asked for opens
    wrong = client.post("/en/accounts/two-factor/", {"code": "123456", "next": "/en/my/"}).content.decode()
    assert "That code is not right." in wrong
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    # (the code of the next 30-second step: the enrolment used this step's, and a code is never taken twice)
    done = client.post("/en/accounts/two-factor/", {"code": _code(device, drift=1), "next": "/en/my/"})
    assert (done.status_code, done["Location"]) == (302, "/en/my/")
    assert client.get("/en/my/").status_code == 200
    # given a third sign-in without the phone: a recovery code works once
    third = Client()
    _sign_in(third, cast.manager.email)
    used = third.post("/en/accounts/two-factor/", {"code": codes[0], "next": "/en/my/"})
    assert used.status_code == 302
    assert StaticToken.objects.filter(device__user=cast.manager).count() == 9
    fourth = Client()
    _sign_in(fourth, cast.manager.email)
    again = fourth.post("/en/accounts/two-factor/", {"code": codes[0], "next": "/en/my/"}).content.decode()
    assert "That code is not right." in again
    assert _two_factor_entries(cast.manager)[-1] == ({"two_factor": [True, True]}, "Signed in with a recovery code")


def test_wrong_codes_in_a_row_are_throttled(cast, required):
    client = Client()
    _sign_in(client, cast.manager.email)
    _enrol(client, cast.manager)
    device = TOTPDevice.objects.get(user=cast.manager, confirmed=True)
    other = Client()
    _sign_in(other, cast.manager.email)
    for _ in range(3):
        other.post("/en/accounts/two-factor/", {"code": "000000"})
    # then even the right code waits: the throttle says so
    page = other.post("/en/accounts/two-factor/", {"code": _code(device, drift=1)}).content.decode()
    assert "Too many wrong codes in a row" in page
    assert other.get("/en/my/").status_code == 302


def test_the_api_with_a_token_is_not_asked_for_a_second_factor(cast, client, required):
    from harambee.accounts.services import api_token_create

    client_signed = Client()
    _sign_in(client_signed, cast.manager.email)
    _enrol(client_signed, cast.manager)
    issued = api_token_create(user=cast.manager, name="script")
    response = client.get("/api/v1/members", headers={"Authorization": f"Bearer {issued.key}"})
    assert response.status_code == 200


def test_a_session_that_owes_a_second_factor_is_not_signed_in_for_the_api(cast, client, required):
    # given the manager signed in with a password but has not given the code yet
    other = Client()
    _sign_in(other, cast.manager.email)
    _enrol(other, cast.manager)
    _sign_in(client, cast.manager.email)
    # then the API answers as to someone not signed in
    assert client.get("/api/v1/matches").status_code == 401


def test_others_may_turn_it_on_and_off_but_a_required_person_may_not_turn_it_off(cast, client, settings):
    # given an editor (not required) with two-factor sign-in on
    client.force_login(cast.editor)
    _enrol(client, cast.editor)
    assert "On: signing in asks for a code" in client.get("/en/accounts/profile/").content.decode()
    # when they turn it off, they are asked to confirm, then it is off and audited
    asked = client.post("/en/accounts/two-factor/off/").content.decode()
    assert "Turn two-factor sign-in off?" in asked
    client.post("/en/accounts/two-factor/off/", {"confirmed": "yes"})
    assert not TOTPDevice.objects.filter(user=cast.editor).exists()
    assert _two_factor_entries(cast.editor)[-1][1] == "Two-factor sign-in turned off by its owner"
    # given a manager where it is required, then turning it off is refused with why
    settings.HARAMBEE_TWO_FACTOR_REQUIRED = True
    manager = Client()
    _sign_in(manager, cast.manager.email)
    _enrol(manager, cast.manager)
    page = manager.post("/en/accounts/two-factor/off/", {"confirmed": "yes"}, follow=True).content.decode()
    assert "Two-factor sign-in is required for your role: it cannot be turned off." in page
    assert TOTPDevice.objects.filter(user=cast.manager, confirmed=True).exists()


@pytest.mark.parametrize(
    "role, status",
    [("anonymous", 302), ("manager", 403), ("other_manager", 403), ("outsider", 403), ("secretariat", 200)],
)  # fmt: skip
def test_who_may_reset_someone_s_two_factor_sign_in(cast, client, role, status):
    if role != "anonymous":
        client.force_login(cast.user(role))
    assert client.get("/en/secretariat/two-factor/reset/").status_code == status
    posted = client.post("/en/secretariat/two-factor/reset/", {"email": cast.editor.email, "reason": "x"})
    assert posted.status_code == status


def test_the_secretariat_resets_a_lost_device_with_a_reason_then_the_person_sets_up_again(cast, client, required):
    person = Client()
    _sign_in(person, cast.manager.email)
    _enrol(person, cast.manager)
    client.force_login(cast.secretariat)
    _enrol(client, cast.secretariat)
    # given no reason, then it is refused
    page = client.post("/en/secretariat/two-factor/reset/", {"email": cast.manager.email, "reason": ""}).content
    assert "This field is required." in page.decode()
    # given an unknown address, then it says so
    page = client.post("/en/secretariat/two-factor/reset/", {"email": "nobody@example.org", "reason": "lost"})
    assert "No account uses this e-mail address." in page.content.decode()
    # when confirmed with a reason, then the devices are gone and the audit keeps who and why
    form = {"email": cast.manager.email, "reason": "Phone lost; checked by phone with the focal point"}
    assert (
        "Reset the two-factor sign-in of manager@example.org?"
        in client.post("/en/secretariat/two-factor/reset/", form).content.decode()
    )
    done = client.post("/en/secretariat/two-factor/reset/", {**form, "confirmed": "yes"})
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=cast.manager).exists()
    changes, reason = _two_factor_entries(cast.manager)[-1]
    assert changes == {"two_factor": [True, False]}
    assert reason == "Two-factor sign-in reset by the secretariat: Phone lost; checked by phone with the focal point"
    assert AuditEntry.objects.filter(reason=reason).get().actor == cast.secretariat
    # and at the manager's next sign-in they set up a new one
    again = Client()
    _sign_in(again, cast.manager.email)
    assert again.get("/en/my/")["Location"].startswith("/en/accounts/two-factor/set-up/")
