"""A country or organisation page lists the member's open needs and offers, its matches (for those who
may see them), its cooperations with their freshness and its pledges against what was delivered; in a
fixed number of queries."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from harambee.cooperation import services as cooperation_services
from harambee.cooperation.models import Cooperation, CooperationOrigin
from harambee.matching.models import Match
from harambee.matching.services import match_propose
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting

pytestmark = pytest.mark.django_db


def post(member, external_id: str, title: str, *, kind: str, status: str = "published"):
    data = {"id": external_id, "kind": kind, "member": member.code, "title": title, "language": "en",
            "description": f"{title}: a description long enough to be read."}  # fmt: skip
    return posting_create(actor=None, member=member, data=parse_posting(data), status=status)


def day(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


@pytest.fixture
def tsinghua(cast):
    """Tsinghua (cast.other_member) offers a course and needs partners; UNZA proposes a match; two
    cooperations (one private) and two pledges, one drawn down by five seats."""
    offer = post(cast.other_member, "O-T", "AI course", kind="offer")
    post(cast.other_member, "O-DRAFT", "Draft offer", kind="offer", status="draft")
    need = post(cast.other_member, "N-T", "Compute partners", kind="need")
    unza_need = post(cast.member, "N-1", "Data governance advice", kind="need")
    match = match_propose(need=unza_need, offer=offer, actor=cast.manager)
    course = Cooperation.objects.create(
        title="AI course for UNZA staff", provider=cast.other_member, beneficiary=cast.member,
        origin=CooperationOrigin.DIRECT, units=Decimal(5),
    )  # fmt: skip
    cooperation_services.progress_report(cooperation=course, actor=cast.editor, percent=40, narrative="Cohort 1.")
    Cooperation.objects.create(
        title="Confidential pilot", provider=cast.other_member, beneficiary=cast.member,
        origin=CooperationOrigin.DIRECT, is_public=False,
    )  # fmt: skip
    seats = cooperation_services.pledge_create(
        member=cast.other_member, actor=cast.other_manager, title="200 seats a year", unit="seats",
        value=Decimal(200), period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
    )  # fmt: skip
    cooperation_services.pledge_create(
        member=cast.other_member, actor=cast.other_manager, title="AI fund", unit="amount", currency="USD",
        value=Decimal(1_000_000), period_start=date(2026, 1, 1), period_end=date(2027, 12, 31),
    )  # fmt: skip
    cooperation_services.cooperation_draw_pledge(cooperation=course, pledge=seats, actor=cast.other_manager)
    course.refresh_from_db()
    return {"offer": offer, "need": need, "match": match, "course": course}


def section(html: str, name: str) -> str | None:
    """The text of the page's section `name` (needs, offers, matches, cooperations, pledges), or None."""
    found = re.search(rf'<section[^>]*aria-labelledby="{name}-heading">(.*?)</section>', html, re.S)
    if found is None:
        return None
    text = re.sub(r"<[^>]+>", " ", found.group(1))
    return " ".join(text.replace("\u2068", "").replace("\u2069", "").split())


def test_the_public_sees_open_postings_public_cooperations_and_pledges(cast, tsinghua, client):
    # when a visitor who is not signed in opens Tsinghua's page
    html = client.get("/en/members/tsinghua/").content.decode()
    # then each section lists exactly what is public
    assert section(html, "needs") == f"Open needs (1) Compute partners {day(tsinghua['need'].published_at)}"
    assert section(html, "offers") == f"Open offers (1) AI course {day(tsinghua['offer'].published_at)}"
    assert section(html, "matches") is None
    assert section(html, "cooperations") == (
        "Cooperations (1) Cooperation With Status Progress reporting Last progress update "
        f"AI course for UNZA staff University of Zambia (beneficiary) Agreed Up to date "
        f"{day(tsinghua['course'].last_progress_at)}"
    )
    assert section(html, "pledges") == (
        "Pledges (2) Pledge Period Pledged Delivered "
        "AI fund 01/01/2026 – 12/31/2027 $1,000,000.00 $0.00 (0%) "
        "200 seats a year 01/01/2026 – 12/31/2026 200 Seats 5 Seats (2%)"
    )
    # and no section of workshops is made up before events exist
    assert "workshop" not in html.lower()


def test_its_people_also_see_matches_and_private_cooperations(cast, tsinghua, client):
    client.force_login(cast.other_manager)
    html = client.get("/en/members/tsinghua/").content.decode()
    assert section(html, "matches") == (
        "Matches (1) Shown only to the people of the members concerned and to the secretariat. "
        f"Data governance advice ↔ AI course Proposed {day(tsinghua['match'].created_at)}"
    )
    assert section(html, "offers") == f"Open offers (1) AI course {day(tsinghua['offer'].published_at)}"
    cooperations = section(html, "cooperations")
    assert cooperations.startswith("Cooperations (2) ")
    assert "Confidential pilot University of Zambia (beneficiary) Agreed Up to date No update yet" in cooperations


def test_dates_and_amounts_follow_the_readers_language(cast, tsinghua, client):
    html = client.get("/fr/members/tsinghua/").content.decode()
    pledges = section(html, "pledges")
    assert "1\u202f000\u202f000,00\xa0$US" in pledges or "1 000 000,00 $US" in pledges.replace("\u202f", " ")
    assert "01/01/2026 – 31/12/2027" in pledges


def grow(cast, tsinghua, n: int) -> None:
    """n more open offers of Tsinghua, n matches, n cooperations and n pledges."""
    for i in range(n):
        offer = post(cast.other_member, f"O-G{i}", f"Offer {i}", kind="offer")
        need = post(cast.member, f"N-G{i}", f"Need {i}", kind="need")
        Match.objects.create(need=need, offer=offer, proposer=cast.member, proposed_by=cast.manager)
        Cooperation.objects.create(
            title=f"Cooperation {i}", provider=cast.other_member, beneficiary=cast.member,
            origin=CooperationOrigin.DIRECT,
        )  # fmt: skip
        cooperation_services.pledge_create(
            member=cast.other_member, actor=cast.other_manager, title=f"Pledge {i}", unit="seats",
            value=Decimal(10), period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
        )  # fmt: skip


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


# anonymous: the member, its profile (groups, people), needs and offers (+ translations), cooperations,
# pledges; signed in: + session, user, unread notifications, the follow, matches; a member's people:
# + their roles (the secretariat needs none)
# signed-in readers see matches: + one query for the translations of their need and offer (titles in the
# reader's language)
# + the events its delegates attended (one query; their translations, none here); the public figures
# are cached after the first view (tests/test_member_figures.py)
BUDGETS = {"anonymous": 9, "other_manager": 16, "secretariat": 15}


@pytest.mark.parametrize("role", sorted(BUDGETS))
def test_the_page_costs_the_same_whatever_the_number_of_rows(role, cast, tsinghua, client):
    # given a reader and a member with a little activity
    if cast.user(role):
        client.force_login(cast.user(role))
    client.get("/en/members/tsinghua/")  # warm per-process caches
    small = count_queries(client, "/en/members/tsinghua/")
    # when it has much more (more than a section shows)
    grow(cast, tsinghua, 15)
    large = count_queries(client, "/en/members/tsinghua/")
    # then the page costs the same, within its budget
    assert small == large
    assert large <= BUDGETS[role]
    html = client.get("/en/members/tsinghua/").content.decode()
    assert section(html, "offers").startswith("Open offers (16) ")
    assert "See all 16 offers" in html
