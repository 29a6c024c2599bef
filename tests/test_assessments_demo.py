"""Readiness assessments in the demo: its pages in the six languages, Zambia's radar on its country page
against its region and groups, and the gaps that became needs with suggestions."""

import pytest
from django.urls import reverse
from django.utils import translation

from harambee.accounts.models import User
from harambee.assessments.models import Assessment, GapNeed
from harambee.matching.selectors import suggestions_for

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]


def _user(email):
    return User.objects.get(email=email)


def _url(name, lang, *args):
    with translation.override(lang):
        return reverse(f"assessments:{name}", args=args)


def _zambia_2026():
    return Assessment.objects.get(member__code="zmb", year=2026)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_pages_answer_in_every_language(demo_data, db, client, lang):
    zambia = _zambia_2026()
    egypt = Assessment.objects.get(member__code="egy")
    # the public reads Zambia's validated public assessment, the radar and the index
    for url in (_url("detail", lang, zambia.pk), _url("index", lang), _url("member", lang, "zmb")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'lang="{lang}"' in response.content.decode()
    page = client.get(_url("detail", lang, zambia.pk)).content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="radar"' in page
    assert page.count('<span class="swatch s') >= 3  # Zambia and at least two medians in the table
    if lang == "ar":
        assert 'dir="rtl"' in page
    # Egypt's draft is private: the public does not see it, its manager answers it
    assert client.get(_url("detail", lang, egypt.pk)).status_code == 404
    client.force_login(_user("egypt.manager@demo.harambee.test"))
    assert client.get(_url("edit", lang, egypt.pk)).status_code == 200
    client.force_login(_user("secretariat@demo.harambee.test"))
    assert client.get(_url("queue", lang)).status_code == 200


def test_the_demo_radar_compares_zambia_with_its_region_and_groups(demo_data, db, client):
    # the country page shows the radar with the medians of Africa, LDC and LLDC (each over ≥ 3 members)
    page = client.get(reverse("registry:member_detail", args=["zmb"])).content.decode()
    assert "AI readiness" in page
    assert "Median of Africa" in page
    assert "Median of Least developed countries" in page
    assert "Median of Landlocked developing countries" in page
    assert "fewer than 3 members" not in page


def test_the_demo_gaps_became_published_needs_with_suggestions(demo_data, db, client):
    links = list(GapNeed.objects.filter(assessment=_zambia_2026()).select_related("posting"))
    assert len(links) == 2
    for link in links:
        assert link.posting.status == "published"
        assert len(suggestions_for(posting=link.posting).candidates) > 0
    page = client.get(reverse("assessments:detail", args=[_zambia_2026().pk])).content.decode()
    assert page.count("Need created:") == 2
