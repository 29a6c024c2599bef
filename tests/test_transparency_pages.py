"""The dashboard's page around its figures: its styles under the site's Content-Security-Policy, and
its links to and from the open data page (the browser test, test_browser_dashboard.py, follows them)."""

import pytest
from django.utils import timezone

from harambee.transparency.report import report_html

pytestmark = pytest.mark.django_db


def test_the_dashboard_and_the_open_data_page_link_to_each_other(client):
    # when a reader opens the dashboard, then its "Open data" section links to the open data page
    dashboard = client.get("/fr/dashboard/").content.decode()
    assert 'href="/fr/data/"' in dashboard.split('id="open-data"', 1)[1]
    # and the open data page links back to the dashboard from its content, not only from the menu
    data = client.get("/fr/data/").content.decode()
    assert 'href="/fr/dashboard/"' in data.split("<main", 1)[1]


def test_the_styles_are_a_file_the_csp_allows_and_inside_a_standalone_report(client):
    # when the dashboard is served, then its styles come from a file: the CSP refuses an inline <style>
    response = client.get("/en/dashboard/")
    assert "style-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "<style" not in html
    assert "transparency/dashboard.css" in html
    # and a standalone report (the command's HTML file, the PDF's source) holds them
    standalone = report_html(timezone.now().year, "en", standalone=True)
    assert ".tp-kpis{" in standalone and "dashboard.css" not in standalone
