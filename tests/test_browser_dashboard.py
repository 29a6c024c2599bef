"""Issue 14's "Done when" for the dashboard, in a real browser on the demo, in English, Arabic and
Chinese: a newcomer sees the world map with the countries named in her language and the charts with
their tables, narrows the figures with the filter form (no JavaScript), downloads the yearly report as a
PDF in her language, and goes from the dashboard to the open data page to fetch a CSV file and
datapackage.json.

Screenshots (the viewport only, at 1280 and 375 px) go to a temporary folder, or to
``HARAMBEE_SCREENSHOTS`` when set. The ones in docs/screenshots/ were taken with

    HARAMBEE_SCREENSHOTS=docs/screenshots FONTCONFIG_FILE=/tmp/fonts.conf \\
        uv run pytest -n 0 -p no:warnings tests/test_browser_dashboard.py

where /tmp/fonts.conf includes /etc/fonts/fonts.conf and adds the project's Chinese font folder
(``.venv/.../justmytype_intl_cjk/fonts/ofl/notosanssc``): this machine's chromium has no Chinese font.
"""

import csv
import io
import json
import os
from pathlib import Path

import pypdf
import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from harambee.postings.choices import THEMES
from harambee.registry.choices import COUNTRY_GROUP_NAMES
from harambee.registry.names import territory_name

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = ["en", "ar", "zh-hans"]


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("HARAMBEE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _map_titles(page) -> list[str]:
    return page.locator("svg.worldmap path > title").all_text_contents()


def _map_table(page) -> list[str]:
    return page.locator("figure.tp-map table tbody th").all_text_contents()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_newcomer_reads_the_dashboard_gets_the_report_and_the_open_data(live_server, chromium, shots, language):
    def t(message: str) -> str:  # what the page says, in the page's language
        with translation.override(language):
            return translation.gettext(message)

    zambia, fiji = territory_name("ZM", language), territory_name("FJ", language)
    with translation.override(language):
        small_islands = str(COUNTRY_GROUP_NAMES["SIDS"])

    # given the demo, and a visitor (not signed in) on a wide screen
    call_command("loaddemo", stdout=io.StringIO())
    base = live_server.url
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # when she opens the dashboard in her language
    response = page.goto(f"{base}/{language}/dashboard/")
    assert response.status == 200
    # then it is in her language and direction
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    # and the world map names the countries in her language, Zambia with its figure, in the table too
    assert page.locator("svg.worldmap[role=img]").count() == 1
    titles = _map_titles(page)
    assert len(titles) > 150
    assert any(title.startswith(zambia) and title != zambia for title in titles), zambia
    assert zambia in _map_table(page)
    page.screenshot(path=str(shots / f"dashboard-{language}-1280.png"), full_page=False)
    # and every chart is an image with its title and a data table behind a <details>
    charts = page.locator("figure.tp-chart")
    assert charts.count() >= 8
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.locator("[role=img]").count() >= 1 or chart.locator("p").count() == 1
        assert chart.locator("details table tbody tr").count() >= 1
    # and a chart's table opens without JavaScript
    first = charts.first
    first.locator("summary").click()
    assert first.locator("details table").is_visible()
    first.evaluate("figure => figure.scrollIntoView()")
    page.screenshot(path=str(shots / f"dashboard-{language}-charts-1280.png"), full_page=False)

    # when she narrows the figures to the small island developing States through the form
    kpis = page.locator("ul.tp-kpis").inner_text()
    page.locator("form.tp-filters").get_by_label(t("Country group")).select_option(label=small_islands)
    page.get_by_role("button", name=t("Show"), exact=True).click()
    page.wait_for_url("**/dashboard/?*group=SIDS*")
    # then the address holds the filter, the key figures change, and the map's table has Fiji, not Zambia
    assert page.locator("ul.tp-kpis").inner_text() != kpis
    assert fiji in _map_table(page)
    assert zambia not in _map_table(page)

    # when she follows the report's PDF link
    link = page.get_by_role("link", name=t("PDF"), exact=True)
    href = link.get_attribute("href")
    assert href == f"/{language}/dashboard/report-{timezone.localdate().year}.pdf"
    report = context.request.get(base + href)
    # then she gets a PDF in her language, titled as the report of this year
    assert report.status == 200
    assert report.headers["content-type"] == "application/pdf"
    text = _pdf_text(report.body())
    year = str(timezone.localdate().year)
    with translation.override(language):
        title = translation.gettext("Implementation report %(year)s") % {"year": year}
    # (the text is read back in visual order: in Arabic the year comes out before the words)
    assert title.replace(year, "").strip() in text and year in text, (title, text[:300])
    assert zambia in text

    # when she follows the dashboard's link to the open data, on a phone-sized screen
    phone = chromium.new_context(viewport={"width": 375, "height": 800})
    small = phone.new_page()
    small.goto(f"{base}/{language}/dashboard/")
    small.locator("figure.tp-map").evaluate("figure => figure.scrollIntoView()")
    small.screenshot(path=str(shots / f"dashboard-{language}-375.png"), full_page=False)
    small.locator("#open-data ~ p").get_by_role("link", name=t("Open data"), exact=True).click()
    small.wait_for_url(f"**/{language}/data/")
    assert small.locator("h1").inner_text() == t("Open data")
    small.screenshot(path=str(shots / f"opendata-{language}-375.png"), full_page=False)
    # and the open data page links back to the dashboard
    assert small.locator(f'main a[href="/{language}/dashboard/"]').count() == 1
    # and she downloads the needs as CSV and the data package from the page's links
    csv_href = small.locator('a[href^="/data/needs.csv"]').get_attribute("href")
    package_href = small.locator('a[href^="/data/datapackage.json"]').get_attribute("href")
    needs = phone.request.get(base + csv_href)
    package = phone.request.get(base + package_href)
    # then the CSV has the needs with labels in her language, and the package describes it
    assert needs.status == 200
    assert needs.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(needs.text())))
    assert len(rows) >= 50
    assert zambia in {row["member_name"] for row in rows}
    skills = next(row for row in rows if row["themes"] == "skills")
    with translation.override(language):
        assert skills["themes_label"] == str(THEMES["skills"])
    assert package.status == 200
    described = json.loads(package.text())
    needs_resource = next(r for r in described["resources"] if r["name"] == "needs")
    assert [f["name"] for f in needs_resource["schema"]["fields"]] == list(rows[0])
    context.close()
    phone.close()
