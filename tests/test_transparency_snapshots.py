"""The dashboard's summary table (FigureSnapshot) and its task, the organisations and trend figures of a
period, and names sorted in the reader's language (issue 14)."""

import io
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from harambee.cooperation.models import Cooperation
from harambee.core.collation import sort_key
from harambee.core.formats import format_moment
from harambee.registry.models import Country
from harambee.registry.tests.factories import StateFactory
from harambee.transparency import presentation, selectors
from harambee.transparency.models import FigureSnapshot
from harambee.transparency.report import report_html
from harambee.transparency.tasks import figures_refresh_later, transparency_figures_refresh
from tests.test_transparency import world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(request):
    """The small world of tests/test_transparency.py (its `world` fixture)."""
    return request.getfixturevalue("world")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _keys() -> list[str]:
    this_year = timezone.localdate().year
    return ["None-None----", *(f"{year}-None----" for year in range(this_year, selectors.FIRST_YEAR - 1, -1))]


def _page(client, url="/en/dashboard/"):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries]


def _mark(snapshot_key: str, needs: int) -> None:
    """Change the stored figure of open needs, to see whether a page shows the snapshot."""
    row = FigureSnapshot.objects.get(key=snapshot_key)
    row.data["totals"]["needs"] = needs
    row.save()


def test_the_task_fills_the_table_with_the_figures_of_the_page_and_each_report(small):
    # given the small world and no snapshot; when the task runs
    transparency_figures_refresh.enqueue()
    # then there is one snapshot for the unfiltered page and one per report year, with the figures
    assert sorted(FigureSnapshot.objects.values_list("key", flat=True)) == sorted(_keys())
    computed = selectors.compute_figures(selectors.Filters())
    stored = selectors.snapshot(selectors.Filters())
    assert stored.totals == computed.totals == {"needs": 4, "offers": 2, "matches": 1, "cooperations": 2}
    assert stored.by_country == computed.by_country
    assert stored.amounts == computed.amounts and stored.pledges == computed.pledges
    assert stored.organisations == computed.organisations and stored.quarters == computed.quarters
    year = timezone.localdate().year
    assert selectors.snapshot(selectors.Filters(year=year - 1)).totals == {}


def test_a_refresh_asked_in_a_transaction_runs_once_it_commits(small, django_capture_on_commit_callbacks):
    # given a refresh asked (as after loading the demo) in a transaction
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            figures_refresh_later()
            # then nothing is computed before the commit
            assert not FigureSnapshot.objects.exists()
    # and the snapshots are there after it
    assert FigureSnapshot.objects.count() == len(_keys())


def test_the_page_reads_the_snapshot_and_counts_nothing(small, client):
    # given fresh snapshots, one of them marked
    transparency_figures_refresh.enqueue()
    _mark("None-None----", 777)
    # when the page is asked (nothing in the cache)
    html, queries = _page(client)
    # then it shows the stored figures, read in one query, and queries no posting or cooperation
    assert "<strong>777</strong>" in html
    assert sum("transparency_figuresnapshot" in q for q in queries) == 1
    assert not [q for q in queries if "postings_posting" in q or "cooperation_cooperation" in q]
    computed_at = FigureSnapshot.objects.get(key="None-None----").computed_at
    assert f"Figures as of {format_moment(computed_at, 'en')}." in html
    fr, _queries = _page(client, "/fr/dashboard/")
    assert f"{format_moment(computed_at, 'fr')}" in fr


def test_a_stale_or_missing_snapshot_is_not_shown_the_figures_are_computed(small, client):
    # given a snapshot marked and computed two hours ago
    transparency_figures_refresh.enqueue()
    _mark("None-None----", 777)
    FigureSnapshot.objects.filter(key="None-None----").update(computed_at=timezone.now() - timedelta(hours=2))
    # when the page is asked; then the figures are computed (4 open needs), not taken from it
    html, queries = _page(client)
    assert "<strong>777</strong>" not in html and "<strong>4</strong>" in html
    assert any("postings_posting" in q for q in queries)
    # and the same with a fresh snapshot of another shape (stored by another version of the code)
    FigureSnapshot.objects.filter(key="None-None----").update(computed_at=timezone.now(), data={"totals": {}})
    html, _queries = _page(client)
    assert "<strong>4</strong>" in html
    # and without any snapshot, the same
    FigureSnapshot.objects.all().delete()
    html, _queries = _page(client)
    assert "<strong>4</strong>" in html and "Figures as of" in html


def test_filters_are_computed_beside_the_snapshot(small, client):
    # given a marked snapshot of the unfiltered page; when the page is filtered by group
    transparency_figures_refresh.enqueue()
    _mark("None-None----", 777)
    html, _queries = _page(client, "/en/dashboard/?group=LDC")
    # then its figures are those of the LDCs (Zambia's 3 needs), computed
    assert "<strong>3</strong>" in html and "<strong>777</strong>" not in html


def test_the_report_command_makes_the_snapshot_of_its_year_when_there_is_none(small, tmp_path):
    year = timezone.localdate().year
    call_command("report", "--year", str(year), "--out", str(tmp_path / "r.html"), stdout=io.StringIO())
    assert list(FigureSnapshot.objects.values_list("key", flat=True)) == [f"{year}-None----"]
    assert "Figures as of" in (tmp_path / "r.html").read_text()


def test_the_organisations_table_keeps_to_the_period_and_theme(small):
    # given the African Union's open offer (governance) published now, and a cooperation it gave now
    Cooperation.objects.create(
        title="AU course", provider=small["au"], beneficiary=small["zmb"], origin="direct", themes=["governance"]
    )
    year = timezone.localdate().year

    def rows(**filters):
        f = selectors.compute_figures(selectors.Filters(**filters))
        return [(o["code"], o["needs"], o["offers"], o["given"], o["received"]) for o in f.organisations]

    # then it is counted this year and with its theme, not last year nor with another theme
    assert rows(year=year) == [("au", 0, 1, 1, 0)]
    assert rows(year=year - 1) == []
    assert rows(theme="governance") == [("au", 0, 1, 1, 0)]
    assert rows(theme="data") == []


def test_the_trend_shows_every_quarter_of_the_period_zeros_included(small):
    # given figures of this year, with data in this quarter only
    today = timezone.localdate()
    this_quarter = (today.month - 1) // 3 + 1
    with translation.override("en"):
        context = presentation.build(selectors.compute_figures(selectors.Filters(year=today.year)), measure="needs")
        unfiltered = presentation.build(selectors.compute_figures(selectors.Filters()), measure="needs")
    # then the trend has the four quarters, in order, the others at zero
    table = context["trend"].table
    assert [row[0] for row in table] == [f"Q{q} {today.year}" for q in (1, 2, 3, 4)]
    assert [row[4] for row in table] == ["2" if q == this_quarter else "0" for q in (1, 2, 3, 4)]
    # and without a period, the last twelve quarters up to this one
    assert len(unfiltered["trend"].table) == 12
    assert unfiltered["trend"].table[-1][0] == f"Q{this_quarter} {today.year}"
    assert [row[4] for row in unfiltered["trend"].table[:-1]] == ["0"] * 11
    # and the axis names each quarter, with its year under the first column and each first quarter
    assert [c.tick for c in context["trend"].rows] == [("Q1", str(today.year)), ("Q2", ""), ("Q3", ""), ("Q4", "")]


def test_french_sorts_accented_names_with_their_letter():
    names = ["Zambie", "Égypte", "Eswatini", "Équateur", "Espagne", "Érythrée", "Éthiopie", "États-Unis", "Estonie"]
    # by code point "Égypte" comes after "Zambie"; in French it is among the E names
    assert sorted(names, key=lambda n: sort_key(n, "fr")) == [
        "Égypte", "Équateur", "Érythrée", "Espagne", "Estonie", "Eswatini", "États-Unis", "Éthiopie", "Zambie",
    ]  # fmt: skip
    assert sorted(["zambie", "Chine", "chili", "Égypte"], key=lambda n: sort_key(n, "fr")) == [
        "chili", "Chine", "Égypte", "zambie",
    ]  # fmt: skip


def test_arabic_and_chinese_orders():
    # Arabic by its alphabet (ا ز ف م), Latin names first; vowel marks do not change the letter order
    # (by code point "مَالي" with its fatha would come after "مصر")
    arabic = ["مصر", "زامبيا", "Benin", "فيجي", "الصين", "مَالي"]
    assert sorted(arabic, key=lambda n: sort_key(n, "ar")) == ["Benin", "الصين", "زامبيا", "فيجي", "مَالي", "مصر"]
    # Chinese by the characters' Unicode order (radical, strokes), not by pinyin: 中 丹 乌 也
    chinese = ["也门", "丹麦", "Zambia", "乌干达", "中国"]
    assert sorted(chinese, key=lambda n: sort_key(n, "zh-hans")) == ["Zambia", "中国", "丹麦", "乌干达", "也门"]


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("en", ["China", "Egypt", "Fiji", "Zambia"]),
        ("fr", ["Chine", "Égypte", "Fidji", "Zambie"]),
        ("ar", ["الصين", "زامبيا", "فيجي", "مصر"]),
    ],
)
def test_the_country_table_is_in_the_readers_order(language, names, small):
    with translation.override(language):
        context = presentation.build(selectors.compute_figures(selectors.Filters()), measure="needs")
    assert [row[0] for row in context["country_table"]] == names


def test_the_lazily_read_table_gives_the_keys_of_the_whole_table():
    # given pyuca's collator with its whole table, and every territory name in three languages
    from babel import Locale
    from pyuca import Collator

    full = Collator()
    names = [name for code in ("fr", "ar", "zh_Hans") for name in Locale.parse(code).territories.values()]
    names += ["café", "cafe\u0301", "ß", "ﬁ", "Œuvre", "ﻻ", "ـ"]  # combining accent, ligatures, tatweel
    # then the table parsed character by character gives the same keys
    assert [sort_key(name)[0] for name in names] == [full.sort_key(name) for name in names]


def test_the_styles_are_a_file_for_the_site_and_inline_in_a_report_that_stands_alone(small, client):
    # the site's Content-Security-Policy (style-src 'self') would block an inline style
    year = timezone.localdate().year
    link = '<link rel="stylesheet" href="/static/transparency/dashboard.css">'
    for url in ("/en/dashboard/", f"/en/dashboard/report-{year}.html"):
        html = client.get(url).content.decode()
        assert link in html and "<style" not in html
    standalone = report_html(year, "en")
    assert "<style>" in standalone and ".tp-legend svg{" in standalone and link not in standalone


def test_the_member_list_is_in_the_readers_order(client):
    # given three active States
    for iso3 in ("ZMB", "EGY", "CHN"):
        StateFactory(country=Country.objects.get(iso3=iso3))
    # when the member list is read in French; then Égypte is among the E names, not after Zambie
    html = client.get("/fr/members/").content.decode()
    found = re.findall("Chine|Égypte|Zambie", html)
    assert [name for i, name in enumerate(found) if i == 0 or found[i - 1] != name] == ["Chine", "Égypte", "Zambie"]
