"""A country or organisation page shows the member's own public figures (the dashboard's definitions),
small charts with their tables (right to left in Arabic), the freshness of its cooperations and the
events its delegates attended; in a fixed number of queries, and never a 500 for a member with nothing."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from harambee.cooperation.models import Cooperation, CooperationStatus, Transaction
from harambee.cooperation.services import pledge_create
from harambee.events.choices import RegistrationStatus
from harambee.events.tests.factories import make_event
from harambee.events.tests.factories_registrations import RegistrationFactory, check_in
from harambee.registry.models import Member, MemberStatus
from harambee.registry.tests.factories import OrganisationFactory
from harambee.transparency import profiles, selectors
from harambee.transparency.templatetags.transparency_tags import build

from .test_transparency import fresh_cache, post, world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

YEAR = timezone.now().year


def text(html: str) -> str:
    html = re.sub(r"<(style|svg)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u2068", "").replace("\u2069", "").split())


def figures_section(html: str) -> str:
    found = re.search(r'<section class="member-figures"[^>]*>(.*?)</section>', html, re.S)
    assert found, "no figures section"
    return found.group(1)


def test_a_state_counts_its_own_public_figures_as_the_dashboard_does(world):  # noqa: F811
    # given the small world of the dashboard's tests (Zambia: 3 open needs, one public cooperation
    # received from China with 1,000 USD disbursed; China: 2 offers, one private cooperation, 100 seats)
    zmb, chn = world["zmb"], world["chn"]
    # when Zambia's and China's figures are computed
    z, c = profiles.compute_member_figures(zmb), profiles.compute_member_figures(chn)
    # then Zambia received one public cooperation and 1,000 USD; it gave nothing
    assert z.totals == {"needs": 3, "offers": 0, "received": 1, "given": 0, "people": 0}
    assert z.amounts == {"USD": {"received": Decimal(1000)}}
    assert z.by_theme == {"data": {"needs": 1}, "governance": {"needs": 1}, "skills": {"received": 1}}
    assert z.by_year == {YEAR: {"needs": 3, "received": 1}}
    assert z.freshness == {"green": 1}
    # and China gave two public ones (the private one with Egypt is not counted), and 1,000 USD
    assert c.totals == {"needs": 0, "offers": 2, "received": 0, "given": 2, "people": 0}
    assert c.amounts == {"USD": {"given": Decimal(1000)}}
    assert c.by_theme == {
        "data": {"offers": 1, "given": 1},
        "skills": {"offers": 1, "given": 1},
        "governance": {"given": 1},
    }
    assert c.freshness == {"green": 1, "closed": 1}
    assert [(p["unit"], p["pledged"], p["delivered"], p["n"]) for p in c.pledges] == [
        ("seats", Decimal(100), Decimal(5), 1)
    ]
    # and Zambia's figures are the dashboard's for its country (it is alone there)
    country = selectors.compute_figures(selectors.Filters()).by_country["894"]
    assert (z.totals["needs"], z.totals["received"], float(z.amounts["USD"]["received"])) == (
        country["needs"],
        country["cooperations"],
        country["amount"],
    )


def test_an_organisation_has_its_own_figures_not_its_countrys(world):  # noqa: F811
    # given the African Union (a regional body seated in Ethiopia) with one open offer, and a public
    # cooperation it gives to Zambia with 200 EUR spent
    au, zmb = world["au"], world["zmb"]
    given = Cooperation.objects.create(
        title="AU course", provider=au, beneficiary=zmb, origin="direct", themes=["governance"]
    )
    Transaction.objects.create(cooperation=given, type="4", date=date(2026, 3, 1), value=200, currency="EUR")
    # when its figures are computed
    f = profiles.compute_member_figures(au)
    # then they are its own: one offer, one cooperation given, 200 EUR given
    assert f.totals == {"needs": 0, "offers": 1, "received": 0, "given": 1, "people": 0}
    assert f.amounts == {"EUR": {"given": Decimal(200)}}
    assert f.by_theme == {"governance": {"offers": 1, "given": 1}}
    # and Zambia counts it as received, with both currencies apart
    z = profiles.compute_member_figures(zmb)
    assert z.totals["received"] == 2
    assert z.amounts == {"EUR": {"received": Decimal(200)}, "USD": {"received": Decimal(1000)}}


def test_a_pending_member_counts_nothing_yet(world, cast, client):  # noqa: F811
    # given an organisation with an open offer and a public cooperation it receives, pending again
    # (its approval under review)
    pending = OrganisationFactory(code="new-org")
    post(pending, "O-P1", kind="offer", themes=["data"])
    Cooperation.objects.create(title="Early", provider=world["chn"], beneficiary=pending, origin="direct")
    Member.objects.filter(pk=pending.pk).update(status=MemberStatus.PENDING)
    pending.refresh_from_db()
    # then nothing of it is counted, here as on the dashboard
    f = profiles.compute_member_figures(pending)
    assert f.is_empty and f.totals == dict.fromkeys(profiles.MEASURES, 0)
    assert selectors.compute_figures(selectors.Filters()).totals["offers"] == 2
    # and its page (which the secretariat sees) says why
    client.force_login(cast.secretariat)
    page = text(figures_section(client.get("/en/members/new-org/").content.decode()))
    assert page == "Figures Public figures count a member only while it is active."


def test_delegates_who_attended_count_once_and_only_at_published_events(world, cast):  # noqa: F811
    # given a published event where two of Zambia's delegates checked in (one at two sessions'
    # worth: the event and again), a third did not, and a draft event with a check-in
    zmb = world["zmb"]
    event = make_event(cast.other_member, slug="lusaka-2026", start_date=date(2026, 2, 2), end_date=date(2026, 2, 4))
    draft = make_event(cast.other_member, publish=False, slug="draft-2026")
    first, second = RegistrationFactory(event=event, member=zmb), RegistrationFactory(event=event, member=zmb)
    RegistrationFactory(event=event, member=zmb)
    check_in(first)
    check_in(second)
    check_in(RegistrationFactory(event=draft, member=zmb))
    # then two delegates attended
    assert profiles.compute_member_figures(zmb).totals["people"] == 2
    assert selectors.compute_figures(selectors.Filters()).by_country["894"]["people"] == 2


def test_the_charts_have_their_tables_and_hide_when_empty(world):  # noqa: F811
    # given China's figures, in English
    with translation.override("en"):
        context = build(profiles.compute_member_figures(world["chn"]))
    # then the key figures, formatted
    assert context["totals"] == [
        ("Open needs", "0"),
        ("Open offers", "2"),
        ("Cooperations received", "0"),
        ("Cooperations given", "2"),
        ("Delegates who attended", "0"),
        ("Amount given", "US$1,000"),
    ]
    charts = {c.id: c for c in context["charts"]}
    # and the theme chart shows only the series and themes with a value, in the order of the themes
    theme = charts["member-theme"]
    assert theme.headers == ["Theme", "Open offers", "Cooperations given"]
    assert theme.table == [
        ["Data", "1", "1"],
        ["Skills and AI literacy", "1", "1"],
        ["Governance, strategy and regulation", "0", "1"],
    ]
    assert charts["member-year"].table == [[str(YEAR), "2", "2"]]
    assert charts["member-year"].headers == ["Year", "Offers published", "Cooperations given"]
    assert charts["member-pledges"].table == [["Seats", "1", "100 seats", "5 seats"]]
    # and Zambia, which pledged nothing, has no pledge chart
    with translation.override("en"):
        assert [c.id for c in build(profiles.compute_member_figures(world["zmb"]))["charts"]] == [
            "member-theme",
            "member-year",
        ]


def test_the_page_shows_figures_freshness_and_charts_to_everyone_alike(world, cast, client):  # noqa: F811
    # given China's page seen by a visitor and by the secretariat
    anonymous = figures_section(client.get(f"/en/members/{world['chn'].code}/").content.decode())
    client.force_login(cast.secretariat)
    cache.clear()
    secretariat = figures_section(client.get(f"/en/members/{world['chn'].code}/").content.decode())
    # then both see the same figures (the private cooperation is not counted for the secretariat either)
    assert anonymous == secretariat
    shown = text(anonymous)
    assert shown.startswith(
        "Figures Open needs 0 Open offers 2 Cooperations received 0 Cooperations given 2 "
        "Delegates who attended 0 Amount given US$1,000 "
    )
    # and the freshness of its public cooperations, a dot and a word each
    assert "Progress reporting of its cooperations 1 Up to date 1 Completed or cancelled" in shown
    assert '<span class="freshness green">' in anonymous
    # and each chart is an image with a title and a description, and its table beside
    assert anonymous.count('role="img"') == 3  # theme, year, pledges (one unit)
    assert '<title id="chart-member-theme-t">By theme</title>' in anonymous
    assert "<summary>Data table</summary>" in anonymous


def test_arabic_bars_grow_from_the_right(world, client):  # noqa: F811
    html = figures_section(client.get(f"/ar/members/{world['chn'].code}/").content.decode())
    theme = html[html.index('id="chart-member-theme"') :]
    # the longest bar fills the row; in Arabic it starts at the left edge of a full row, others at the right
    assert 'direction="rtl"' in theme
    bars = re.findall(r'<rect fill="[^"]+" x="([\d.]+)%" y="\d+" width="([\d.]+)%"', theme)
    assert bars and all(float(x) + float(w) == 100 for x, w in bars)
    assert any(float(x) > 0 for x, _w in bars)


def test_a_member_with_nothing_says_so_once(cast, client):
    # given an active organisation with nothing recorded
    response = client.get("/en/members/unza/")
    # then the page is shown, with one line saying so and no chart
    assert response.status_code == 200
    section = text(figures_section(response.content.decode()))
    assert section == "Figures Nothing recorded yet."


def test_events_attended_and_coming_are_listed_with_their_delegates(world, cast, client):  # noqa: F811
    # given a past published event Zambia's two delegates attended, a coming one with one approved
    # delegate (and one only nominated), and a draft event Zambia was registered for
    zmb = world["zmb"]
    today = timezone.localdate()
    past = make_event(cast.other_member, slug="past-event", start_date=date(2025, 5, 12), end_date=date(2025, 5, 14))
    for _i in range(2):
        check_in(RegistrationFactory(event=past, member=zmb))
    RegistrationFactory(event=past, member=zmb)  # registered, did not come
    coming = make_event(
        cast.other_member,
        slug="coming-event",
        title="Coming workshop",
        start_date=today + timedelta(days=30),
        end_date=today + timedelta(days=31),
    )
    RegistrationFactory(event=coming, member=zmb)
    RegistrationFactory(event=coming, member=zmb, status=RegistrationStatus.NOMINATED)
    draft = make_event(cast.other_member, publish=False, slug="draft-event")
    RegistrationFactory(event=draft, member=zmb)
    # when the page is read in English and in French
    html = client.get(f"/en/members/{zmb.code}/").content.decode()
    found = re.search(r'<section[^>]*aria-labelledby="events-heading">(.*?)</section>', html, re.S)
    # then both published events, newest first, with the number of delegates
    assert text(found.group(1)) == (
        "Events (2) Event Dates Delegates "
        f"Coming workshop {_day_range(today + timedelta(days=30), today + timedelta(days=31), 'en')} "
        "1 delegate registered "
        "2nd Workshop on AI Capacity-Building 12–14 May 2025 2 delegates attended"
    )
    fr = client.get(f"/fr/members/{zmb.code}/").content.decode()
    assert "2e atelier sur le renforcement des capacités en IA" in fr
    assert "12–14 mai 2025" in fr
    # and the figures count the two who attended
    assert "Delegates who attended 2" in text(figures_section(html))


def _day_range(start, end, language):
    from harambee.core.formats import format_day_range

    with translation.override(language):
        return format_day_range(start, end)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def grow(world, cast, n: int, start: int = 0) -> None:  # noqa: F811
    """n more of everything the figures count for Zambia."""
    zmb, chn = world["zmb"], world["chn"]
    for i in range(start, start + n):
        post(zmb, f"N-G{i}", kind="need", themes=["data", "skills"])
        c = Cooperation.objects.create(
            title=f"G{i}", provider=chn, beneficiary=zmb, origin="direct", themes=["data"],
            status=CooperationStatus.ONGOING,
        )  # fmt: skip
        Transaction.objects.create(cooperation=c, type="3", date=date(2026, 3, 1), value=10, currency="EUR")
        pledge_create(
            member=zmb, actor=cast.secretariat, title=f"P{i}", unit="expert_days", value=Decimal(10),
            period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
        )  # fmt: skip
        event = make_event(cast.other_member, slug=f"event-{i}", start_date=date(2025, 5, 1), end_date=date(2025, 5, 2))
        check_in(RegistrationFactory(event=event, member=zmb))


def test_the_figures_cost_a_fixed_number_of_queries(world, cast, client):  # noqa: F811
    # given Zambia's page, its figures computed afresh each time
    url = f"/en/members/{world['zmb'].code}/"
    grow(world, cast, 1)
    client.get(url)
    cache.clear()
    small = count_queries(client, url)
    # when Zambia has much more of everything
    grow(world, cast, 12, start=1)
    cache.clear()
    large = count_queries(client, url)
    # then the page costs the same; the figures' nine queries are saved while they are cached
    assert small == large
    assert count_queries(client, url) == large - 9
    assert "Open needs 16" in text(figures_section(client.get(url).content.decode()))
