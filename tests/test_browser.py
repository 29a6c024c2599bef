"""A real browser (Playwright driving Debian's chromium): sign in, switch to Arabic, find a right-to-left page."""

import os
from pathlib import Path

import pytest

from harambee.accounts.tests.factories import TEST_PASSWORD

CHROMIUM = os.environ.get("HARAMBEE_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# serialized_rollback: the flush after a transactional test must not lose the reference data.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def browser_page():
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} is missing; .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed on this machine (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls around it are safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        page = browser.new_page(locale="en-GB")
        try:
            yield page
        finally:
            browser.close()


def test_sign_in_switch_to_arabic_and_read_right_to_left(live_server, browser_page, cast):
    page = browser_page
    # given the manager on the English sign-in page
    page.goto(f"{live_server.url}/en/accounts/sign-in/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    # when it signs in with e-mail and password
    page.get_by_label("E-mail address").fill("manager@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/my/")
    assert page.get_by_role("heading", level=1).inner_text() == "What needs me"
    # and switches the language to Arabic without any script
    page.locator('.language-switcher a[lang="ar"]').click()
    page.wait_for_url("**/ar/my/")
    # then the page is Arabic, right-to-left, and the layout is mirrored
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher").bounding_box()
    assert brand["x"] > switcher["x"], "the brand sits on the right in a right-to-left layout"
    # and the member's page is reachable in Arabic too
    page.goto(f"{live_server.url}/ar/members/unza/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("heading", level=1).inner_text() == "University of Zambia"


def test_pages_work_without_javascript(live_server, cast):
    if not Path(CHROMIUM).exists():
        pytest.skip("no chromium")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        # when a visitor without JavaScript filters the members and switches language
        page.goto(f"{live_server.url}/en/members/")
        page.get_by_label("Search").fill("zambia")
        page.get_by_role("button", name="Apply filters").click()
        assert "q=zambia" in page.url
        assert page.get_by_role("link", name="University of Zambia").count() == 1
        page.locator('.language-switcher a[lang="fr"]').click()
        assert "/fr/members/" in page.url and "q=zambia" in page.url
        # and keyboard users find the skip link first
        page.goto(f"{live_server.url}/fr/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        browser.close()
