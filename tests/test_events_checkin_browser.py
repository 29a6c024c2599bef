"""Check-in on a phone (375 px) in a real browser with JavaScript OFF: the host's manager types a
delegate's badge code and presses Check in, then finds another by name and presses the button beside
her name; the page fits the screen in English and Arabic. Screenshots go to a temporary folder, or to
``HARAMBEE_SCREENSHOTS`` when set."""

import os
from pathlib import Path

import pytest

from harambee.accounts.tests.factories import TEST_PASSWORD, UserFactory
from harambee.events.models import Attendance, Registration
from harambee.events.tests.factories import make_event, make_session
from harambee.registry.models import Country, MemberRole
from harambee.registry.tests.factories import MembershipFactory, StateFactory

from .test_mobile import OVERFLOW

WIDTH, HEIGHT = 375, 740

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("HARAMBEE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_host_checks_delegates_in_on_a_phone_without_javascript(live_server, chromium, shots):
    # given the host's manager of a published event with an opening session and two approved Zambian delegates
    host = StateFactory(country=Country.objects.get(iso3="CHN"))
    manager = UserFactory(email="desk@example.org")
    MembershipFactory(member=host, user=manager, role=MemberRole.MANAGER)
    event = make_event(host)
    opening = make_session(event, title="Opening ceremony")
    zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
    for name, code in (("Mwila Banda", "ZM7K2Q9P"), ("Chanda Phiri", "ZMCH4NDA")):
        Registration.objects.create(
            event=event, member=zambia, full_name=name, email="d@example.org", status="approved", badge_code=code
        )
    base = live_server.url
    context = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/en/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(manager.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    # when she opens the check-in page, chooses the opening, types Mwila's badge code and presses Check in
    page.goto(f"{base}/en/events/{event.slug}/check-in/")
    page.get_by_label("Check in for").select_option(str(opening.pk))
    page.get_by_label("Badge code").fill("zm7k2q9p")
    page.get_by_role("button", name="Check in", exact=True).click()
    # then one request later the page confirms it, ready for the next delegate
    page.wait_for_load_state()
    assert page.locator(".checkin-result.done").inner_text().startswith("Checked in: Mwila Banda.")
    assert not page.get_by_role("button", name="Scan the badge's QR code").is_visible()  # no script, no camera
    page.screenshot(path=str(shots / "checkin-375-1-code.png"), full_page=True)

    # when she finds Chanda by name and presses the button beside her name
    page.get_by_label("Or find the delegate by name").fill("chanda")
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    page.screenshot(path=str(shots / "checkin-375-2-search.png"), full_page=True)
    page.get_by_role("button", name="Check in Chanda Phiri").click()
    page.wait_for_load_state()
    # then she is checked in at the same session
    assert page.locator(".checkin-result.done").inner_text().startswith("Checked in: Chanda Phiri.")
    assert sorted(Attendance.objects.values_list("registration__full_name", "session")) == [
        ("Chanda Phiri", opening.pk),
        ("Mwila Banda", opening.pk),
    ]
    # and typing Mwila's code again says she is already checked in, without a second record
    page.get_by_label("Badge code").fill("ZM7K2Q9P")
    page.get_by_role("button", name="Check in", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".checkin-result.already").inner_text().startswith("Already checked in at")
    assert Attendance.objects.count() == 2
    context.close()

    # and the check-in and attendance pages fit a phone's width in English and Arabic
    measuring = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    page = measuring.new_page()
    page.goto(f"{base}/en/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(manager.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    for language in ("en", "ar"):
        for path in (f"/events/{event.slug}/check-in/?q=a", f"/events/{event.slug}/attendance/?session={opening.pk}"):
            response = page.goto(f"{base}/{language}{path}")
            assert response.status == 200
            measured = page.evaluate(OVERFLOW)
            assert measured["scrollWidth"] <= measured["width"], (language, path, measured)
    page.screenshot(path=str(shots / "attendance-375-ar.png"), full_page=True)
    measuring.close()


# A browser whose BarcodeDetector reads the badge's URL from the camera (both stand-ins: this machine's
# chromium has neither a camera nor, on Linux, the BarcodeDetector API).
FAKE_CAMERA = """
window.BarcodeDetector = class {
  static getSupportedFormats() { return Promise.resolve(["qr_code"]); }
  constructor(options) { this.calls = 0; }
  detect(source) {
    this.calls += 1;
    return Promise.resolve(this.calls < 3 ? [] : [{rawValue: "%s"}]);
  }
};
navigator.mediaDevices.getUserMedia = function () {
  const canvas = document.createElement("canvas");
  canvas.getContext("2d").fillRect(0, 0, 10, 10);
  return Promise.resolve(canvas.captureStream());
};
"""


def test_with_javascript_the_camera_reads_the_badge_and_checks_in(live_server, chromium):
    # given the host's manager on a phone whose browser reads QR codes
    host = StateFactory(country=Country.objects.get(iso3="CHN"))
    manager = UserFactory(email="desk@example.org")
    MembershipFactory(member=host, user=manager, role=MemberRole.MANAGER)
    event = make_event(host)
    zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
    Registration.objects.create(
        event=event, member=zambia, full_name="Mwila Banda", email="d@example.org", status="approved",
        badge_code="ZM7K2Q9P",
    )  # fmt: skip
    base = live_server.url
    context = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    context.add_init_script(FAKE_CAMERA % f"{base}/en/events/{event.slug}/check-in/?code=ZM7K2Q9P")
    page = context.new_page()
    page.goto(f"{base}/en/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(manager.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    posts = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.goto(f"{base}/en/events/{event.slug}/check-in/?session=event")
    # when she presses "Scan the badge's QR code" and the camera sees the badge
    page.get_by_role("button", name="Scan the badge's QR code").click()
    # then the form is sent with the badge's URL, and Mwila is checked in for the whole event
    page.wait_for_selector(".checkin-result.done")
    assert page.locator(".checkin-result.done").inner_text().startswith("Checked in: Mwila Banda.")
    attendance = Attendance.objects.get()
    assert (attendance.registration.full_name, attendance.session) == ("Mwila Banda", None)
    # and the camera starts again for the next badge, passing over the one still in front of it
    page.wait_for_selector("video.checkin-video:not([hidden])")
    page.wait_for_timeout(1500)
    assert posts == [f"{base}/en/events/{event.slug}/check-in/"]
    context.close()
