"""Query budgets: list and dashboard pages cost the same number of queries however many rows they show."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from harambee.registry.models import Country, MemberRole
from harambee.registry.services import member_update, membership_add
from harambee.registry.tests.factories import OrganisationFactory, StateFactory

pytestmark = pytest.mark.django_db

PAGES = {
    # page: (url, budget); signed-in pages include one query for the unread notifications count;
    # audit pages one for the people their changes name, one for those people's memberships and one
    # for the names of the members the entries concern;
    # API lists one to count the rows (the page envelope of harambee.core.paging), one for the page
    "home": ("/en/", 7),
    "member_list": ("/en/members/?region=002", 6),
    # the member page: + its open needs, open offers, matches, cooperations, pledges (one query each,
    # rows and total together), the events its delegates attended and whether the reader follows it;
    # its public figures are cached (tests/test_member_figures.py counts them)
    "member_detail": ("/en/members/unza/", 14),
    "member_history": ("/en/members/unza/history/", 9),
    "group_detail": ("/en/groups/LDC/", 6),
    "group_list": ("/en/groups/", 5),
    "audit_log": ("/en/secretariat/audit/", 9),
    "api_member_list": ("/api/v1/members?page_size=200", 4),
    "api_countries": ("/api/v1/countries?page_size=200", 3),
}


def grow(cast, n: int) -> None:
    """Add n States, n organisations, n people and n audit entries around the cast's member."""
    countries = Country.objects.exclude(members__isnull=False).order_by("iso3")[:n]
    from harambee.accounts.tests.factories import UserFactory
    from harambee.registry.models import Member

    start = Member.objects.count()
    for i, country in enumerate(countries, start):
        StateFactory(country=country)
        OrganisationFactory(code=f"grow-{i}")
    for i in range(start, start + n):
        user = UserFactory(email=f"grow{i}@example.org")
        membership_add(
            member=cast.member,
            user=user,
            role=MemberRole.VIEWER,
            actor=cast.secretariat,
            is_focal_point=True,
            show_publicly=True,
        )
        member_update(member=cast.member, actor=cast.manager, data={"description": f"v{i}"})


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", sorted(PAGES))
def test_query_count_does_not_grow_with_rows(page, cast, client):
    # given a secretariat user (who sees the most) and a few rows
    url, budget = PAGES[page]
    client.force_login(cast.secretariat)
    grow(cast, 3)
    client.get(url)  # warm per-process caches (content types, sessions)
    small = count_queries(client, url)
    # when many more rows exist
    grow(cast, 30)
    large = count_queries(client, url)
    # then the page costs the same, within its budget
    assert small == large
    assert large <= budget


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the plan of SQLite's full-text search")
def test_a_search_of_one_kind_starts_from_the_full_text_match(db):
    # given a search for needs with a word (the id query of /en/needs/?q=training)
    from harambee.postings.selectors import PostingFilters, _matching_ids_sql

    sql, params = _matching_ids_sql(PostingFilters(kind="need", q="training"))
    # when SQLite plans it
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        steps = [row[3] for row in cursor.fetchall()]
    # then the match is the outer loop and each match looks its posting up by id (not one MATCH per posting)
    assert steps[0].startswith("SCAN f VIRTUAL TABLE"), steps
    assert steps[1].startswith("SEARCH p USING INTEGER PRIMARY KEY"), steps


def _offer(member, number: int, manager):
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting

    data = parse_posting(
        {"id": f"O-{member.code}-{number}", "kind": "offer", "member": member.code, "language": "en",
         "title": f"Training for civil servants {number}",
         "description": "Civil servants learn to use **AI** tools safely, with data governance."}
    )  # fmt: skip
    return posting_create(actor=manager, member=member, data=data, status="published")


def test_a_need_page_costs_the_same_however_many_states_offer(cast, client, settings):
    from harambee.accounts.tests.factories import UserFactory
    from harambee.matching.index import build_matching_index
    from harambee.matching.selectors import forget_ranked_suggestions
    from harambee.postings.services import posting_create
    from harambee.postings.validation import parse_posting

    # given a need and offers of 2 States, then of 10 (each State's name is read in the reader's language),
    # and the page built each time (not from the page cache)
    settings.HARAMBEE_PAGE_CACHE_SECONDS = 0
    posting_create(
        actor=cast.manager, member=cast.member, status="published",
        data=parse_posting({"id": "N-1", "kind": "need", "member": cast.member.code, "language": "en",
                            "title": "Training for civil servants",
                            "description": "Civil servants learn to use **AI** tools safely."}),
    )  # fmt: skip
    countries = list(Country.objects.exclude(members__isnull=False).order_by("iso3")[:10])

    def states_offer(chosen):
        for country in chosen:
            state = StateFactory(country=country)
            manager = UserFactory(email=f"m-{country.iso3.lower()}@example.org")
            membership_add(member=state, user=manager, role=MemberRole.MANAGER, actor=cast.secretariat)
            _offer(state, 1, manager)
        build_matching_index()

    def need_page() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/needs/N-1/")
        assert response.status_code == 200
        return len(queries), len(set(re.findall(r'href="/fr/offers/(O-[a-z0-9-]+)/"', response.content.decode())))

    states_offer(countries[:2])
    need_page()  # warm per-process caches
    forget_ranked_suggestions()  # each measured page ranks its suggestions
    small, shown_small = need_page()
    # when eight more States offer
    states_offer(countries[2:])
    forget_ranked_suggestions()
    large, shown_large = need_page()
    # then more suggestions are shown for the same number of queries
    assert (shown_small, shown_large) == (2, 10)
    assert small == large
    # two of them say whether kept suggestions are still current, one reads their translations
    assert large <= 17
    # and the same page again (in any language) reads its kept suggestions: fewer queries
    again, shown_again = need_page()
    assert (again, shown_again) == (large - 5, 10)
