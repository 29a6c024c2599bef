"""Readiness assessment pages: the questionnaire, submitting, the peer medians (private peers left out,
fewer than three hidden), exports and the query budgets of the lists."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from harambee.assessments import services
from harambee.assessments.models import Assessment, AssessmentStatus
from tests.assessments_fixtures import all_answers, framework, state_with_manager, zambia_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_private_peer_is_left_out_and_a_median_of_fewer_than_three_hidden(cast, zambia, client):
    # given Zambia's validated public assessment and only two other African LDC States publishing
    peers = [state_with_manager(code) for code in ("ETH", "UGA", "RWA")]
    for member in peers:
        a = services.start_assessment(actor=member._test_manager, member=member, year=2026)
        services.save_answers(assessment=a, actor=member._test_manager, answers=all_answers(3))
        services.submit(assessment=a, actor=member._test_manager)
        services.validate(assessment=a, actor=cast.secretariat)
        if member.code != "rwa":  # Rwanda keeps its assessment private
            services.set_public(assessment=a, actor=member._test_manager, public=True)
    own = services.start_assessment(actor=cast.manager, member=zambia, year=2026)
    services.save_answers(assessment=own, actor=cast.manager, answers=all_answers(1))
    services.submit(assessment=own, actor=cast.manager)
    services.validate(assessment=own, actor=cast.secretariat)
    services.set_public(assessment=own, actor=cast.manager, public=True)
    page = client.get(reverse("assessments:detail", args=[own.pk])).content.decode()
    # then Zambia + Ethiopia + Uganda make three: the medians show, at 3.0 for dimensions (1, 3, 3)
    assert "Median of Africa (3 members)" in page
    # when Uganda unpublishes, two are left: the medians are hidden with a note
    uganda = Assessment.objects.get(member__code="uga")
    services.set_public(assessment=uganda, actor=peers[1]._test_manager, public=False)
    page = client.get(reverse("assessments:detail", args=[own.pk])).content.decode()
    assert "Median of Africa" not in page
    assert "fewer than 3 members have published" in page


def test_the_questionnaire_saves_a_dimension_and_refuses_out_of_scale(cast, zambia, client):
    assessment = services.start_assessment(actor=cast.manager, member=zambia, year=2026)
    first = framework().indicators[0]
    client.force_login(cast.editor)
    url = reverse("assessments:edit", args=[assessment.pk]) + f"?dimension={first.dimension}"
    page = client.get(url).content.decode()
    assert f'name="level-{first.code}"' in page and page.count(f'name="level-{first.code}"') == 6
    response = client.post(url, {"dimension": first.dimension, f"level-{first.code}": "7"})
    assert response.status_code == 200
    assert "out of the scale" in response.content.decode()
    assert not assessment.answers.exists()
    response = client.post(url, {"dimension": first.dimension, f"level-{first.code}": "3", f"note-{first.code}": "ok"})
    assert response.status_code == 302
    assert assessment.answers.get(indicator_code=first.code).level == 3


def test_submit_from_the_page_names_the_missing_indicators(cast, zambia, client):
    assessment = services.start_assessment(actor=cast.manager, member=zambia, year=2026)
    client.force_login(cast.manager)
    response = client.post(reverse("assessments:submit", args=[assessment.pk]), follow=True)
    required = [i.code for i in framework().indicators if i.required]
    assert all(code in response.content.decode() for code in required)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_the_csv_export_is_formula_safe(cast, zambia, client):
    assessment = services.start_assessment(actor=cast.manager, member=zambia, year=2026)
    first = framework().indicators[0].code
    services.save_answers(assessment=assessment, actor=cast.manager, answers={first: 2}, notes={first: "=HYPERLINK(1)"})
    client.force_login(cast.viewer)
    response = client.get(reverse("assessments:export_csv", args=[assessment.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:5] == ["member", "year", "framework_version", "dimension", "indicator"]
    row = next(r for r in rows if r[4] == first)
    assert (row[7], row[8]) == ("2", "'=HYPERLINK(1)")
    data = client.get(reverse("assessments:export_json", args=[assessment.pk])).json()
    assert data["answers"][0]["level"] == 2 and data["year"] == 2026


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_pages_cost_the_same_however_many_assessments(cast, zambia, client):
    def add(years):
        for year in years:
            a = services.start_assessment(actor=cast.manager, member=zambia, year=year)
            services.save_answers(assessment=a, actor=cast.manager, answers=all_answers(2))
            services.submit(assessment=a, actor=cast.manager)

    client.force_login(cast.secretariat)
    add([2026])
    pages = [reverse("assessments:index"), reverse("assessments:queue"), reverse("assessments:member", args=["zmb"])]
    small = [_queries(client, url) for url in pages]
    add(range(2020, 2026))
    large = [_queries(client, url) for url in pages]
    assert large == small
    assert max(large) <= 15


def test_a_comments_author_is_named_to_the_members_people_not_to_the_public(cast, zambia, client):
    # given Zambia's assessment with a colleague's comment, then validated and made public
    assessment = services.start_assessment(actor=cast.manager, member=zambia, year=2026)
    first = framework().indicators[0].code
    services.add_comment(assessment=assessment, actor=cast.editor, indicator_code=first, text="Ask the ministry")
    services.save_answers(assessment=assessment, actor=cast.manager, answers=all_answers(2))
    services.submit(assessment=assessment, actor=cast.manager)
    services.validate(assessment=assessment, actor=cast.secretariat)
    services.set_public(assessment=assessment, actor=cast.manager, public=True)
    url = reverse("assessments:detail", args=[assessment.pk])
    # when a visitor reads it, the comment shows without its author
    page = client.get(url).content.decode()
    name = escape(cast.editor.full_name)
    assert "Ask the ministry" in page and name not in page
    # when one of the member's people reads it, the author is named
    client.force_login(cast.viewer)
    page = client.get(url).content.decode()
    assert f"<bdi>{name}</bdi>," in page
