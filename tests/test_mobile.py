"""Every main page at 375 px, in English and Arabic, on the demo data: nothing wider than the screen
(a wide table scrolls inside its own focusable region), and on list pages the first result shows
within the first two screens because the filters are folded away."""

import io

import pytest
from django.core.management import call_command

from harambee.allocation.models import AllocationRound
from harambee.cooperation.models import Cooperation
from harambee.events.models import Event
from harambee.matching.models import Match
from harambee.postings.models import Posting
from harambee.registry.models import Member

PASSWORD = "harambee-demo-2025"
WIDTH, HEIGHT = 375, 740
LANGUAGES = ("en", "ar")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# What sticks out: every element whose box leaves the viewport, unless a scrolling region that a
# keyboard can reach (overflow-x auto/scroll and tabindex=0) holds it.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || (box.right <= width + 1 && box.left >= -1)) continue;
    if (element.closest(".visually-hidden, .skip-link")) continue;
    let parent = element.parentElement, scrolls = false;
    while (parent && !scrolls) {
      const style = getComputedStyle(parent);
      scrolls = ["auto", "scroll"].includes(style.overflowX) && parent.getAttribute("tabindex") === "0";
      parent = parent.parentElement;
    }
    if (!scrolls) found.push(`${element.tagName.toLowerCase()}.${element.className} ` +
      `[${Math.round(box.left)}, ${Math.round(box.right)}] ${(element.textContent || "").trim().slice(0, 40)}`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, found: found.slice(0, 3)};
}"""


def demo_pages():
    """The main pages of each kind of visitor, with the demo's own records."""
    cooperations = [f"/cooperations/{pk}/" for pk in Cooperation.objects.order_by("pk").values_list("pk", flat=True)]
    allocation_round = AllocationRound.objects.order_by("pk").first()
    need = Posting.objects.filter(member__code="zmb", kind="need").order_by("pk").first()
    offer = Posting.objects.filter(kind="offer").order_by("pk").first()
    match = Match.objects.filter(need__member__code="zmb").order_by("pk").first()
    pending = Member.objects.filter(status="pending").order_by("pk").first()
    event = Event.objects.filter(host__code="chn").order_by("start_date").first()
    zambia_event = Event.objects.filter(host__code="zmb").order_by("start_date").first()
    public = [
        "/",
        "/needs/",
        "/offers/",
        f"/needs/{need.external_id}/",
        f"/offers/{offer.external_id}/",
        "/members/",
        "/members/zmb/",
        "/members/unza/",
        "/groups/",
        "/groups/LDC/",
        "/rounds/",
        f"/rounds/{allocation_round.pk}/",
        "/cooperations/",
        *cooperations,
        "/pledges/",
        "/events/",
        f"/events/{event.slug}/",
        f"/events/{event.slug}/programme/",
        "/reference-data/",
        "/accounts/sign-in/",
        "/register/",
    ]
    focal_point = [
        "/my/",
        "/my/postings/",
        f"/needs/{need.external_id}/",
        "/matches/",
        f"/matches/{match.pk}/",
        "/my/cooperations/",
        *cooperations,
        f"/rounds/{allocation_round.pk}/",
        "/my/follows/",
        "/notifications/",
        "/accounts/profile/",
        "/members/zmb/edit/",
        "/members/zmb/people/",
        "/members/zmb/history/",
        "/needs/new/",
        "/rounds/new/",
        "/cooperations/new/",
        "/pledges/new/",
        f"/events/{zambia_event.slug}/edit/",
        f"/events/{zambia_event.slug}/sessions/new/",
    ]
    secretariat = [
        "/secretariat/",
        "/secretariat/audit/",
        "/secretariat/background/",
        f"/secretariat/members/{pending.code}/status/",
        f"/members/{pending.code}/",
        f"/rounds/{allocation_round.pk}/",
    ]
    return {
        None: public,
        "zambia.manager@demo.harambee.test": focal_point,
        "secretariat@demo.harambee.test": secretariat,
    }


LISTS = ["/needs/", "/offers/", "/members/", "/cooperations/"]


def sign_in(page, base, email):
    page.goto(f"{base}/en/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/my/")


def test_no_main_page_is_wider_than_a_phone_in_english_or_arabic(live_server, chromium):
    # given the demo, and a phone-sized browser for each kind of visitor
    call_command("loaddemo", stdout=io.StringIO())
    failures, visited = [], 0
    for email, paths in demo_pages().items():
        context = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT})
        page = context.new_page()
        if email:
            sign_in(page, live_server.url, email)
        # when it opens each of its main pages in English and Arabic
        for path in paths:
            for language in LANGUAGES:
                response = page.goto(f"{live_server.url}/{language}{path}")
                assert response.status == 200, f"{email} {language}{path}: {response.status}"
                measured = page.evaluate(OVERFLOW)
                visited += 1
                # then nothing sticks out of the screen
                if measured["scrollWidth"] > measured["width"] or measured["found"]:
                    failures.append(f"{email or 'visitor'} /{language}{path}: {measured}")
        context.close()
    assert visited >= 80
    assert failures == [], "\n".join(failures)


def test_on_a_phone_the_first_result_comes_before_the_filters_unfold(live_server, chromium):
    # given the demo and a visitor on a phone
    call_command("loaddemo", stdout=io.StringIO())
    page = chromium.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    for path in LISTS:
        for language in LANGUAGES:
            # when the visitor opens a list
            page.goto(f"{live_server.url}/{language}{path}")
            # then the filters are folded and the first result is within the first two screens
            panel = page.locator("details.filter-panel")
            assert panel.count() == 1, path
            assert panel.get_attribute("open") is None, path
            first = page.locator("#results-heading + *").first.bounding_box()
            assert first is not None and first["y"] < 2 * HEIGHT, f"/{language}{path}: first result at {first}"
            # and unfolding them shows the filters
            panel.locator("summary").click()
            assert panel.locator("fieldset, input, select").first.is_visible()
    page.close()
