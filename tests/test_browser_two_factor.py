"""Two-factor sign-in in a real browser: the secretariat sets up its authenticator, then signs in with
a code from it (issue 16)."""

import base64

import pytest
from django_otp.oath import totp

from harambee.accounts.tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _code(secret: str, drift: int = 0) -> str:
    return f"{totp(base64.b32decode(secret.replace(' ', '')), drift=drift):06d}"


def _sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/en/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_secretariat_sets_up_two_factor_sign_in_and_signs_in_with_it(live_server, chromium, settings):
    settings.HARAMBEE_TWO_FACTOR_REQUIRED = True
    person = UserFactory(email="desk@secretariat.example", is_secretariat=True)
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    # given the secretariat signs in with its password, then it is asked to set up a second step
    _sign_in(page, live_server.url, person.email)
    page.wait_for_url("**/accounts/two-factor/set-up/**")
    assert page.locator(".qr svg").count() == 1
    secret = page.locator("code.secret").inner_text()
    # when it types the code its app shows, then it gets its recovery codes, then the page it wanted
    page.get_by_label("Code").fill(_code(secret))
    page.get_by_role("button", name="Turn on").click()
    page.wait_for_selector("ul.codes")
    assert page.locator("ul.codes li").count() == 10
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url("**/my/")
    # when it signs out and in again, then the second step asks for the code, and it is let in
    page.context.clear_cookies()
    _sign_in(page, live_server.url, person.email)
    page.wait_for_url("**/accounts/two-factor/?next=*")
    page.get_by_label("Code").fill(_code(secret, drift=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/my/")
    assert page.locator("h1").count() >= 1
    page.close()
