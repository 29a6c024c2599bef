"""Issue 12's journey in a real browser, in French and in Arabic, on the demo: Senegal's focal point
searches in her language and finds courses for civil servants written in Chinese, Russian, Spanish
(and Arabic or French), reads one in her language, answers China's proposal from "What needs me",
writes to China in the match's conversation and follows her search.

Screenshots of each step go to a temporary folder, or to ``HARAMBEE_SCREENSHOTS`` when set (the
ones in docs/screenshots/ were taken with ``HARAMBEE_SCREENSHOTS=docs/screenshots``)."""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from harambee.follows.models import Follow
from harambee.matching.models import Match, MatchStatus, Message
from harambee.postings.choices import MODALITIES
from harambee.postings.models import Posting

PASSWORD = "harambee-demo-2025"
FOCAL_POINT = "senegal.manager@demo.harambee.test"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JOURNEYS = {
    # language: (what she types, the languages of offers she must find besides her own)
    "fr": ("formation des fonctionnaires", {"zh", "ru", "es", "ar"}),
    "ar": ("تدريب الموظفين الحكوميين", {"zh", "ru", "es"}),
}


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("HARAMBEE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("language", sorted(JOURNEYS))
def test_a_focal_point_finds_reads_answers_talks_and_follows_in_her_language(live_server, chromium, shots, language):
    query, other_languages = JOURNEYS[language]

    def t(message: str) -> str:  # what the page says, in the page's language
        with translation.override(language):
            return translation.gettext(message)

    # given the demo, and Senegal's focal point signed in, reading in `language`
    call_command("loaddemo", stdout=io.StringIO())
    base = live_server.url
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/{language}/accounts/sign-in/")
    page.get_by_label(t("E-mail address")).fill(FOCAL_POINT)
    page.get_by_label(t("Password")).fill(PASSWORD)
    page.get_by_role("button", name=t("Sign in")).click()
    page.wait_for_url("**/my/")
    if f"/{language}/" not in page.url:  # she prefers French: the Arabic journey switches language
        page.locator(f'.language-switcher a[lang="{language}"]').click()
        page.wait_for_url(f"**/{language}/my/")
    assert page.locator("html").get_attribute("lang") == language

    # when she searches the offers in her language
    page.goto(f"{base}/{language}/offers/")
    page.get_by_label(t("Search"), exact=True).fill(query)
    page.get_by_label(t("Search"), exact=True).press("Enter")
    page.wait_for_url("**/offers/?*q=*")
    # then she finds offers written in the other languages
    found = list(dict.fromkeys(re.findall(rf'href="/{language}/offers/([A-Z0-9-]+)/"', page.content())))
    languages = set(Posting.objects.filter(external_id__in=found).values_list("language", flat=True))
    assert other_languages <= languages, (found, languages)
    assert "DEMO-O-CHN-2" in found
    page.screenshot(path=str(shots / f"journey-{language}-1-search.png"), full_page=False)

    # when she opens China's course, written in Chinese
    page.locator('a[href$="/offers/DEMO-O-CHN-2/"]').first.click()
    page.wait_for_url("**/offers/DEMO-O-CHN-2/")
    # then the page speaks her language: the course's concepts and its facts, with their labels
    assert page.locator("html").get_attribute("lang") == language
    box = page.locator("section.in-your-language")
    assert box.get_by_role("heading", name=t("In your language")).is_visible()
    assert box.inner_text().strip() != t("In your language")
    with translation.override(language):
        training = str(MODALITIES["training"])
    assert page.get_by_text(training, exact=True).first.is_visible()
    assert page.locator("h1 [lang=zh], h1[lang=zh]").count() == 1, "the title keeps its own language"
    page.screenshot(path=str(shots / f"journey-{language}-2-read.png"), full_page=False)

    # when she opens "What needs me" and follows the proposal to answer
    page.goto(f"{base}/{language}/my/")
    match = Match.objects.get(need__external_id="DEMO-N-SEN-1", status=MatchStatus.PROPOSED)
    page.screenshot(path=str(shots / f"journey-{language}-3-dashboard.png"), full_page=False)
    page.locator(f'a[href$="/matches/{match.pk}/"]').first.click()
    page.wait_for_url(f"**/{language}/matches/{match.pk}/")
    # and accepts it with a word for China
    page.get_by_label(t("Message (optional)")).fill("Merci, nous acceptons volontiers.")
    page.get_by_role("button", name=t("Accept"), exact=True).click()
    page.wait_for_load_state()
    # then the match is accepted
    match.refresh_from_db()
    assert match.status == MatchStatus.ACCEPTED

    # when she writes to China in the match's conversation
    page.goto(f"{base}/{language}/matches/{match.pk}/")
    page.get_by_label(t("Your message")).fill("Quelles dates proposez-vous pour la première session ?")
    page.get_by_role("button", name=t("Send the message")).click()
    page.wait_for_load_state()
    # then her message is in the thread, and China's first message too
    assert Message.objects.filter(match=match, author__email=FOCAL_POINT).count() >= 1
    assert page.get_by_text("Quelles dates proposez-vous pour la première session ?").is_visible()
    page.screenshot(path=str(shots / f"journey-{language}-4-thread.png"), full_page=False)

    # when she goes back to her search and follows it
    page.goto(f"{base}/{language}/offers/?q={query}")
    page.get_by_role("button", name=t("Follow this search")).click()
    page.wait_for_load_state()
    # then she follows it
    assert page.get_by_text(t("You follow this search")).is_visible()
    assert Follow.objects.filter(person__email=FOCAL_POINT, kind="search").count() == 1
    page.screenshot(path=str(shots / f"journey-{language}-5-follow.png"), full_page=False)
    page.close()
