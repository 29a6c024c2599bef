"""Issue 15's "Done when", in a real browser on the demo: Zambia's focal point completes and submits an
assessment in English, another person of Zambia reads it in Arabic, the secretariat validates it, the
radar appears on the country page, and two gaps become needs that, once published, have suggestions."""

import io

import pytest
from django.core.management import call_command

from harambee.assessments.core.framework import get_framework
from harambee.assessments.models import Assessment, AssessmentStatus, GapNeed
from harambee.matching.selectors import suggestions_for
from harambee.postings.models import Posting

PASSWORD = "harambee-demo-2025"
MANAGER = "zambia.manager@demo.harambee.test"  # Zambia's focal point
VIEWER = "zambia.viewer@demo.harambee.test"
SECRETARIAT = "secretariat@demo.harambee.test"
LEVELS = {"legal": 3, "social": 1, "economic": 1, "scientific": 2, "technological": 3}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _sign_in(browser, base: str, email: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(f"{base}/en/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/my/")
    return context, page


def test_an_assessment_from_questionnaire_to_needs(live_server, chromium):
    # given the demo (Zambia's assessment of this year is validated already: the focal point starts next year's)
    call_command("loaddemo", stdout=io.StringIO())
    base = live_server.url
    framework = get_framework()
    year = Assessment.objects.filter(member__code="zmb").order_by("-year").first().year + 1

    # when Zambia's focal point starts it and answers every dimension in English, on a phone-sized screen
    focal, page = _sign_in(chromium, base, MANAGER, viewport={"width": 375, "height": 800})
    page.goto(f"{base}/en/assessments/member/zmb/")
    page.get_by_role("spinbutton", name="Year").fill(str(year))
    page.get_by_role("button", name="Start the assessment").click()
    page.wait_for_url("**/answer/")
    assessment = Assessment.objects.get(member__code="zmb", year=year)
    for position, dimension in enumerate(framework.dimensions):
        for indicator in framework.indicators_in(dimension.code):
            page.locator(f'input[name="level-{indicator.code}"][value="{LEVELS[dimension.code]}"]').check()
        last = position == len(framework.dimensions) - 1
        button = "Save" if last else "Save and go to the next dimension"
        page.get_by_role("button", name=button, exact=True).click()
        page.wait_for_load_state()
        assert "Your answers were saved." in page.content()
    assert page.locator("progress").get_attribute("value") == str(len(framework.indicators))
    # and submits it from its page
    page.goto(f"{base}/en/assessments/{assessment.pk}/")
    page.get_by_role("button", name="Submit to the secretariat").click()
    page.wait_for_load_state()
    assert "The assessment was submitted to the secretariat." in page.content()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED

    # then Zambia's viewer reads it in Arabic, right to left, with its radar
    reader, page = _sign_in(chromium, base, VIEWER, viewport={"width": 1280, "height": 900})
    response = page.goto(f"{base}/ar/assessments/{assessment.pk}/")
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert str(year) in page.locator("h1").inner_text()
    assert page.locator("svg.radar").count() == 1
    reader.close()

    # when the secretariat validates it from its queue
    secretariat, page = _sign_in(chromium, base, SECRETARIAT, viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/en/assessments/review/")
    page.locator(f'a[href="/en/assessments/{assessment.pk}/"]').click()
    page.get_by_role("button", name="Validate").click()
    page.wait_for_load_state()
    assert "The assessment was validated." in page.content()
    secretariat.close()

    # and the focal point makes it public: the radar of this year is on Zambia's country page
    page = focal.new_page()
    page.goto(f"{base}/en/assessments/{assessment.pk}/")
    page.get_by_role("button", name="Make public once validated").click()
    page.wait_for_load_state()
    visitor = chromium.new_context(viewport={"width": 375, "height": 800})
    country = visitor.new_page()
    country.goto(f"{base}/en/members/zmb/")
    block = country.locator("section.member-readiness")
    assert f"Self-assessment {year}" in block.inner_text()
    assert block.locator("svg.radar").count() == 1
    assert "Median of Africa" in block.inner_text()
    visitor.close()

    # when the focal point turns two gaps (below level 2) into needs, one click each
    page.goto(f"{base}/en/assessments/{assessment.pk}/")
    for _ in range(2):
        page.get_by_role("button", name="Create a draft need").first.click()
        page.wait_for_load_state()
    assert page.content().count("Need created:") == 2
    links = list(GapNeed.objects.filter(assessment=assessment))
    assert len(links) == 2
    # and publishes them through the needs' own pages (the normal posting flow)
    for link in links:
        page.goto(f"{base}/en/needs/{link.posting.external_id}/")
        page.locator("form.transition", has=page.locator('input[value="submit"]')).get_by_role("button").click()
        page.wait_for_load_state()
    # then both are published needs of Zambia with suggestions
    for link in links:
        need = Posting.objects.get(pk=link.posting_id)
        assert (need.status, need.member.code) == ("published", "zmb")
        assert len(suggestions_for(posting=need).candidates) > 0
    focal.close()
