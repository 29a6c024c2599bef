"""Query budgets: list and dashboard pages cost the same number of queries however many rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from harambee.registry.models import Country, MemberRole
from harambee.registry.services import member_update, membership_add
from harambee.registry.tests.factories import OrganisationFactory, StateFactory

pytestmark = pytest.mark.django_db

PAGES = {
    # page: (url, budget); signed-in pages include one query for the unread notifications count;
    # audit pages one for the people their changes name and one for those people's memberships;
    # API lists one to count the rows (the page envelope of harambee.core.paging), one for the page
    "home": ("/en/", 7),
    "member_list": ("/en/members/?region=002", 6),
    # the member page: + its open needs, open offers, matches, cooperations, pledges (one query each,
    # rows and total together) and whether the reader follows it
    "member_detail": ("/en/members/unza/", 13),
    "member_history": ("/en/members/unza/history/", 8),
    "group_detail": ("/en/groups/LDC/", 6),
    "group_list": ("/en/groups/", 5),
    "audit_log": ("/en/secretariat/audit/", 8),
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
