"""The public transparency dashboard: exact figures on a small given dataset, filters (and bad
filter values), a fixed number of queries whatever the number of rows, the page in six languages,
the map's geometry and the freshness rule in SQL agreeing with the model's."""

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from harambee.cooperation.models import Cooperation, CooperationOrigin, CooperationStatus, Transaction
from harambee.cooperation.selectors import _months_before, freshness_expression
from harambee.cooperation.services import cooperation_draw_pledge, pledge_create
from harambee.matching.models import Match, MatchStatus
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import Country
from harambee.registry.tests.factories import OrganisationFactory, StateFactory
from harambee.transparency import selectors
from harambee.transparency.core import charts, projection, worldmap

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def post(member, external_id, *, kind, status="published", themes=(), modalities=(), channel=None):
    data = {"id": external_id, "kind": kind, "member": member.code, "title": f"Posting {external_id}",
            "language": "en", "description": "A description long enough to be read by people.",
            "themes": list(themes), "modalities": list(modalities)}  # fmt: skip
    if channel:
        data["channel"] = channel
    return posting_create(actor=None, member=member, data=parse_posting(data), status=status)


def state(iso3):
    return StateFactory(country=Country.objects.get(iso3=iso3))


@pytest.fixture
def world(cast):
    """Zambia (LDC, LLDC, Africa) needs data training twice and Egypt (Africa) once; Fiji's need is
    a draft; China offers twice and the African Union (a regional body) once. China and Zambia
    cooperate publicly (South-South, training, skills) with 1,000 USD disbursed and 500 committed;
    a private one with Egypt and a completed one with Fiji. One accepted match for Zambia, one
    declined. China pledges 100 seats, drawn down by 5."""
    zmb, egy, fji, chn = state("ZMB"), state("EGY"), state("FJI"), state("CHN")
    au = OrganisationFactory(
        code="au", name="African Union", organisation_type="regional_body", country=Country.objects.get(iso3="ETH")
    )
    need1 = post(zmb, "N-Z1", kind="need", themes=["data"], modalities=["training"])
    post(zmb, "N-Z2", kind="need", themes=["governance"], modalities=["policy_exchange"])
    post(egy, "N-E1", kind="need", themes=["data"], modalities=["technical_assistance"])
    post(fji, "N-F1", kind="need", status="draft", themes=["data"])
    offer1 = post(chn, "O-C1", kind="offer", themes=["skills"], modalities=["training"], channel="south_south")
    post(chn, "O-C2", kind="offer", themes=["data"], modalities=["training"])
    post(au, "O-AU", kind="offer", themes=["governance"])
    course = Cooperation.objects.create(
        title="Course", provider=chn, beneficiary=zmb, origin=CooperationOrigin.DIRECT, units=Decimal(5),
        channel="south_south", modality="training", themes=["skills"], status=CooperationStatus.ONGOING,
    )  # fmt: skip
    Cooperation.objects.create(title="Private", provider=chn, beneficiary=egy, origin="direct", is_public=False)
    Cooperation.objects.create(
        title="Done", provider=chn, beneficiary=fji, origin="direct", status=CooperationStatus.COMPLETED,
        channel="triangular", modality="policy_exchange", themes=["governance", "data"],
    )  # fmt: skip
    Transaction.objects.create(cooperation=course, type="3", date=date(2026, 3, 1), value=1000, currency="USD")
    Transaction.objects.create(cooperation=course, type="2", date=date(2026, 3, 1), value=500, currency="USD")
    Match.objects.create(
        need=need1, offer=offer1, proposer=zmb, status=MatchStatus.ACCEPTED, decided_at=timezone.now()
    )  # fmt: skip
    need2 = post(zmb, "N-Z3", kind="need")
    Match.objects.create(need=need2, offer=offer1, proposer=zmb, status=MatchStatus.DECLINED)
    seats = pledge_create(
        member=chn, actor=cast.secretariat, title="100 seats", unit="seats", value=Decimal(100),
        period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
    )  # fmt: skip
    cooperation_draw_pledge(cooperation=course, pledge=seats, actor=cast.secretariat)
    return {"zmb": zmb, "chn": chn, "au": au, "course": course}


def test_figures_count_public_things_once_at_the_right_country(world):
    # given the small world; when the figures are computed without filters
    f = selectors.compute_figures(selectors.Filters())
    # then: 4 open needs (Zambia 3, Egypt 1; Fiji's draft left out), 2 offers on the map (the AU apart)
    assert f.totals == {"needs": 4, "offers": 2, "matches": 1, "cooperations": 2}
    assert f.by_country["894"] == {"needs": 3, "matches": 1, "cooperations": 1, "amount": 1000.0}
    assert f.by_country["818"] == {"needs": 1}
    assert f.by_country["156"] == {"offers": 2}
    assert f.by_country["242"] == {"cooperations": 1}
    assert "231" not in f.by_country  # the AU's seat (Ethiopia) gets nothing
    assert f.by_region["002"] == {"needs": 4, "matches": 1, "cooperations": 1}
    assert f.by_region["009"] == {"cooperations": 1}
    assert f.by_group["LDC"] == {"needs": 3, "cooperations": 1}
    assert f.by_group["SIDS"] == {"cooperations": 1}
    assert f.by_theme["data"] == {"needs": 2, "offers": 1, "cooperations": 1}
    assert f.by_theme["skills"] == {"offers": 1, "cooperations": 1}
    assert f.by_modality["training"] == {"needs": 1, "offers": 2, "cooperations": 1}
    assert f.by_channel["south_south"] == {"offers": 1, "cooperations": 1}
    assert f.by_channel["triangular"] == {"cooperations": 1}
    assert f.freshness == {"green": 1, "closed": 1}
    assert f.amounts == {"USD": Decimal(1000)} and f.currency == "USD"
    assert [(p["unit"], p["pledged"], p["delivered"]) for p in f.pledges] == [("seats", Decimal(100), Decimal(5))]
    assert [(o["code"], o["needs"], o["offers"], o["given"]) for o in f.organisations] == [("au", 0, 1, 0)]
    this_quarter = f"{timezone.now().year}-Q{(timezone.now().month - 1) // 3 + 1}"
    assert f.by_quarter[this_quarter] == {"needs": 4, "offers": 2, "matches": 1, "cooperations": 2}


def test_filters_narrow_every_figure(world):
    # when filtered by a group, a theme, a region, a modality
    ldc = selectors.compute_figures(selectors.Filters(group="LDC"))
    data = selectors.compute_figures(selectors.Filters(theme="data"))
    oceania = selectors.compute_figures(selectors.Filters(region="009"))
    training = selectors.compute_figures(selectors.Filters(modality="training"))
    # then
    assert ldc.totals == {"needs": 3, "matches": 1, "cooperations": 1}
    assert data.totals == {"needs": 2, "offers": 1, "matches": 1, "cooperations": 1}
    assert oceania.totals == {"cooperations": 1}
    assert training.totals == {"needs": 1, "offers": 2, "matches": 1, "cooperations": 1}
    assert training.amounts == {"USD": Decimal(1000)}


def test_a_period_keeps_what_happened_in_it(world):
    year = timezone.now().year
    assert selectors.compute_figures(selectors.Filters(year=year)).totals["needs"] == 4
    assert selectors.compute_figures(selectors.Filters(year=year - 3)).totals == {}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"period": "2026-Q5"}, "The period must be a year (2026) or a quarter (2026-Q1)."),
        ({"period": "1999"}, "The period must be a year (2026) or a quarter (2026-Q1)."),
        ({"region": "999"}, "There is no M49 region with the code “999”."),
        ({"group": "G7"}, "The country group must be one of LDC, LLDC or SIDS."),
        ({"theme": "'; drop"}, "There is no theme with the code “'; drop”."),
        ({"modality": "magic"}, "There is no modality with the code “magic”."),
    ],
)
def test_a_bad_filter_gets_a_clear_message_never_a_500(query, message, client):
    # when the dashboard is asked with a bad value
    response = client.get("/en/dashboard/", query)
    # then it answers 400 with the message, and shows the figures without that filter
    assert response.status_code == 400
    html = response.content.decode()
    assert message.replace("'", "&#x27;") in html
    assert "World map" in html


def test_good_filters_are_kept_in_the_form(world, client):
    response = client.get("/en/dashboard/", {"period": "2026-Q1", "group": "ldc", "theme": "data", "measure": "people"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="2026-Q1"' in html
    assert '<option value="LDC" selected>' in html
    assert '<option value="data" selected>' in html
    assert '<option value="people" selected>' in html


def test_the_map_colours_countries_by_the_measure_and_names_them(world, client):
    html = client.get("/en/dashboard/", {"measure": "needs"}).content.decode()
    assert "<title>Zambia: 3</title>" in html
    assert "<title>Egypt: 1</title>" in html
    assert "do not imply official endorsement or acceptance by the United Nations" in html
    amount = client.get("/fr/dashboard/", {"measure": "amount"}).content.decode()
    assert re.search(r"<title>Zambie\s?: 1\s000\s\$US</title>", amount)


def test_the_page_costs_the_same_whatever_the_number_of_rows(world, client):
    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/dashboard/").status_code == 200
        return len(queries)

    client.get("/en/dashboard/")
    small = count()
    # when there is much more of everything
    zmb, chn = world["zmb"], world["chn"]
    for i in range(12):
        post(zmb, f"N-G{i}", kind="need", themes=["data"])
        post(chn, f"O-G{i}", kind="offer", modalities=["training"])
        Cooperation.objects.create(title=f"C{i}", provider=chn, beneficiary=zmb, origin="direct", channel="north_south")
    # then the page costs the same number of queries, and a cached page none of the figures
    assert count() == small
    assert small <= 30
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/dashboard/")
    assert len(queries) <= 6


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_renders_in_six_languages_without_raw_codes(language, world, client):
    response = client.get(f"/{language}/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S))
    for code in ("south_south", "policy_exchange", "technical_assistance", "research_models", "None", "regional_body"):
        assert code not in text
    assert f'lang="{language}"' in html


def test_the_report_is_offered_as_html_and_pdf(world, client):
    year = timezone.now().year
    html = client.get("/fr/dashboard/").content.decode()
    assert f"/fr/dashboard/report-{year}.pdf" in html
    report = client.get(f"/fr/dashboard/report-{year}.html")
    assert report.status_code == 200
    assert "Highlights" in report.content.decode() or "Faits" in report.content.decode()
    assert client.get("/fr/dashboard/report-1990.pdf").status_code == 404
    assert client.get(f"/fr/dashboard/report-{year}.doc").status_code == 404


# --- the freshness rule in SQL is the model's -------------------------------------------------------


@pytest.mark.parametrize("months_ago", [0, 11, 12, 23, 24, 35, 36, 50])
def test_freshness_in_sql_agrees_with_the_model(months_ago, cast):
    today = date(2026, 3, 31)
    since = _months_before(today, months_ago)
    for delta in (-1, 0, 1):
        reported = datetime.combine(since + timedelta(days=delta), datetime.min.time(), tzinfo=UTC)
        Cooperation.objects.all().delete()
        c = Cooperation.objects.create(
            title="C", provider=cast.member, beneficiary=cast.other_member, origin="direct", last_progress_at=reported
        )
        sql = Cooperation.objects.annotate(state=freshness_expression(today)).get().state
        assert sql == c.freshness(today), (months_ago, delta)


def test_months_before_clamps_to_the_end_of_a_shorter_month():
    assert _months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert _months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert _months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


# --- the framework-free core ---------------------------------------------------------------------


def test_equal_earth_keeps_the_world_symmetric():
    assert projection.equal_earth(0, 0) == (0.0, 0.0)
    x, y = projection.equal_earth(180, 90)
    assert y == pytest.approx(projection.Y_MAX)
    assert projection.equal_earth(-180, 0)[0] == pytest.approx(-projection.X_MAX)


def test_the_map_data_has_the_countries_and_its_source():
    shapes = worldmap.world_shapes()
    codes = {s.m49 for s in shapes}
    assert {"894", "156", "818", "242", "643", "076"} <= codes
    assert "010" not in codes  # Antarctica left out
    assert sum(len(s.d) for s in shapes) < 60_000
    assert "Natural Earth" in worldmap.map_source()["source"]
    assert "Public domain" in worldmap.map_source()["licence"]


def test_bins_and_bars():
    assert worldmap.bin_edges([0, 1, 2, 3, 5, 8, 13, 100]) == [1, 3, 5, 13, 100]
    assert worldmap.bin_of(0, [1, 3]) == 0 and worldmap.bin_of(2, [1, 3]) == 2 and worldmap.bin_of(9, [1, 3]) == 2
    rows, height = charts.bars([("a", [10, 5], ["10", "5"]), ("b", [0, 2], ["0", "2"])])
    assert [s.width for s in rows[0].segments] == [100, 50]
    rtl, _ = charts.bars([("a", [10, 5], ["10", "5"])], rtl=True)
    assert [s.x for s in rtl[0].segments] == [0, 50]
    columns = charts.columns([("Q1", 2, "2"), ("Q2", 4, "4")], rtl=True)
    assert columns[0].x > columns[1].x  # time runs right to left


def test_the_dashboard_is_in_the_main_navigation(client):
    html = client.get("/fr/needs/").content.decode()
    assert 'href="/fr/dashboard/"' in html
    page = client.get("/fr/dashboard/").content.decode()
    assert 'href="/fr/dashboard/" aria-current="page"' in page
