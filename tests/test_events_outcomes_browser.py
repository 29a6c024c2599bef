"""In a real browser, at phone width and without JavaScript needed: the host's manager turns an action
item into a cooperation from the event's report, in one step, and the report links to it."""

import pytest
from django.urls import reverse

from harambee.accounts.tests.factories import TEST_PASSWORD
from harambee.cooperation.models import Cooperation
from harambee.events.tests.factories import make_event
from harambee.events.tests.factories_outcomes import make_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_host_turns_an_action_item_into_a_cooperation_on_a_phone(live_server, chromium, cast):
    # given the cast's published event with an action item, and its manager signed in on a phone
    event = make_event(cast.member)
    item = make_action(event, cast.member, title="AI procurement course", description="For 30 officers.")
    page = chromium.new_page(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page.goto(f"{live_server.url}/en/accounts/sign-in/")
    page.get_by_label("E-mail address").fill("manager@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/my/")
    # when it chooses "A cooperation" on the report, fills what the form asks and sends it
    page.goto(f"{live_server.url}{reverse('events:report', args=[event.slug])}")
    page.get_by_label("Turn into").select_option("cooperation")
    page.get_by_role("button", name="Turn into…").click()
    assert page.get_by_label("Title").input_value() == "AI procurement course"
    page.get_by_label("Beneficiary").select_option("tsinghua")
    page.get_by_label("Modality").select_option("training")
    page.get_by_role("button", name="Create it and link it").click()
    page.wait_for_url(f"**/events/{event.slug}/report/*")
    # then the cooperation exists with origin "workshop", and the report links to it
    cooperation = Cooperation.objects.get()
    assert (cooperation.origin, cooperation.provider, cooperation.beneficiary, cooperation.description) == (
        "workshop",
        cast.member,
        cast.other_member,
        "For 30 officers.",
    )
    item.refresh_from_db()
    assert item.cooperation == cooperation
    link = page.locator(f'#action-{item.pk} a[href="/en/cooperations/{cooperation.pk}/"]')
    assert link.inner_text() == "AI procurement course"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
