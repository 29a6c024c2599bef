"""Personal data on public pages: signed out, no page and no API response of the demo shows an
e-mail address, nor the name of a person who did not consent to be shown (docs/security.md)."""

import json
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.db.models import Q
from django.urls import Resolver404, resolve

from harambee.accounts.models import User
from harambee.cooperation.models import Cooperation
from harambee.postings.choices import PUBLIC_STATUSES
from harambee.postings.models import Posting
from harambee.registry.models import Member, Membership

# Crawl limits: every seed, then at most this many pages per kind of page (route, with or without a query).
PER_KIND = 4
MAX_PAGES = 200


class _Page(HTMLParser):
    """The visible text, every attribute value and the links of an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.values, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.values.append(value or "")
            if tag == "a" and name == "href" and value:
                self.links.append(value)

    def handle_data(self, data):
        self.texts.append(data)


def unconsented_names() -> list[str]:
    """Full names of the people who consented to be shown for no member."""
    consenting = set(Membership.objects.filter(show_publicly=True).values_list("user_id", flat=True))
    return [u.full_name for u in User.objects.exclude(pk__in=consenting) if u.full_name.strip()]


def leaks(text: str, names: list[str]) -> list[str]:
    """What `text` shows that it must not: e-mail addresses (any '@') and unconsented names."""
    found = [text[max(0, i - 30) : i + 30] for i in [m.start() for m in re.finditer("@", text)][:3]]
    return found + [name for name in names if name in text]


def demo_postings() -> list[tuple[str, str]]:
    """(kind, identifier) of the demo's own public needs and offers (not the generated ones)."""
    return list(
        Posting.objects.filter(external_id__startswith="DEMO-", status__in=PUBLIC_STATUSES).values_list(
            "kind", "external_id"
        )
    )


def public_cooperations() -> list[int]:
    return list(Cooperation.objects.filter(is_public=True).values_list("pk", flat=True))


def seeds() -> list[str]:
    """The home page, the main lists, and the public pages of the demo's people, postings and cooperations."""
    urls = ["/en/", "/en/needs/", "/en/offers/", "/en/members/", "/en/groups/", "/en/rounds/"]
    urls += ["/en/cooperations/", "/en/pledges/", "/en/reference-data/", "/en/needs/export.csv"]
    urls += ["/en/offers/export.jsonl", "/en/matches/"]
    members = Member.objects.filter(status="active").filter(
        Q(memberships__isnull=False) | Q(postings__external_id__startswith="DEMO-")
    )
    for code in members.order_by("code").values_list("code", flat=True).distinct():
        urls += [f"/en/members/{code}/", f"/en/members/{code}/history/"]
    for kind, external_id in demo_postings():
        urls.append(f"/en/{'needs' if kind == 'need' else 'offers'}/{external_id}/")
    urls += [f"/en/cooperations/{pk}/" for pk in public_cooperations()]
    return list(dict.fromkeys(urls))


def kind_of(url: str) -> tuple | None:
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    # filtered and paged variants of a list are one kind of page
    return match.route, bool(parse_qsl(parts.query))


def crawl(client, names: list[str]) -> tuple[dict[str, list[str]], set[str]]:
    """Breadth-first over same-site links of the English pages, signed out: {url: leaks}, url names seen."""
    queue, queued = deque(seeds()), set()
    queued.update(queue)
    per_kind: dict[tuple, int] = {}
    found, seen_names, visited = {}, set(), 0
    must = set(queue)
    while queue and visited < MAX_PAGES:
        url = queue.popleft()
        kind = kind_of(url)
        if kind is None:
            continue
        if url not in must:
            if per_kind.get(kind, 0) >= PER_KIND:
                continue
            per_kind[kind] = per_kind.get(kind, 0) + 1
        visited += 1
        response = client.get(url)
        assert response.status_code < 500, url
        seen_names.add(resolve(urlsplit(url).path).view_name)
        if response.status_code in (301, 302):
            location = urljoin(url, response["Location"])
            if urlsplit(location).path.startswith("/en/") and location not in queued:
                queued.add(location)
                queue.append(location)
            continue
        if not response.get("Content-Type", "").startswith("text/"):
            continue  # a download (the dashboard's PDF report): no page to read
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        if "html" not in response.get("Content-Type", ""):
            problems = leaks(body, names)
        else:
            page = _Page()
            page.feed(body)
            problems = leaks("\n".join(page.texts), names) + leaks("\n".join(page.values), names)
            for link in page.links:
                target = urljoin(url, link).split("#")[0]
                parts = urlsplit(target)
                if parts.netloc in ("", "testserver") and parts.path.startswith("/en/"):
                    target = parts.path + (f"?{parts.query}" if parts.query else "")
                    if target not in queued:
                        queued.add(target)
                        queue.append(target)
        if problems:
            found[url] = problems
    return found, seen_names


@pytest.mark.django_db
def test_no_public_page_shows_an_email_address_or_an_unconsented_name(demo_data, client):
    # given the demo, whose people acted on members, needs, offers, rounds and cooperations, and
    # some of whom did not consent to be shown (the secretariat, Zambia's editor and viewer…)
    names = unconsented_names()
    assert "Chanda Mulenga" in names and "Amina Secretariat" in names and "Mwila Banda" not in names
    # when a visitor who is not signed in follows every link from the home page and the main lists
    found, seen = crawl(client, names)
    # then no page shows an e-mail address or the name of someone who did not consent
    assert found == {}
    # and the crawl saw every kind of public page (matches are not public: they ask to sign in)
    for name in (
        "core:home",
        "postings:detail",
        "postings:list",
        "postings:export",
        "registry:member_detail",
        "registry:member_history",
        "registry:group_detail",
        "allocation:detail",
        "cooperation:detail",
        "cooperation:pledges",
    ):
        assert name in seen, name


def test_pages_that_showed_email_addresses_now_name_the_member_or_the_consenting_person(demo_data, client, db):
    # given the Zambian need whose contact and author, Mwila Banda, consents to be shown, and a need
    # the secretariat wrote for Bolivia
    # when a visitor reads them and Zambia's history
    zambia_need = client.get("/en/needs/DEMO-N-ZMB-1/").content.decode()
    bolivia_need = client.get("/en/needs/DEMO-N-BOL-1/").content.decode()
    history = client.get("/en/members/zmb/history/").content.decode()
    # then they name the person who consents, and the secretariat as the secretariat, never by address
    assert "Mwila Banda" in zambia_need and "zambia.manager@" not in zambia_need
    assert "<bdi>Secretariat</bdi>" in bolivia_need and "secretariat@" not in bolivia_need
    assert "@" not in history


def test_without_consent_a_person_is_shown_as_their_member(demo_data, client, db):
    # given Zambia's manager withdraws consent to be shown publicly
    Membership.objects.filter(user__email="zambia.manager@demo.harambee.test").update(show_publicly=False)
    # when a visitor reads the need they wrote and are the contact of, and its API record
    page = client.get("/en/needs/DEMO-N-ZMB-1/").content.decode()
    api = client.get("/api/v1/needs/DEMO-N-ZMB-1").json()
    # then the need names Zambia, not the person
    assert "Mwila Banda" not in page
    assert re.search(r"<dt>Contact</dt>\s*<dd><bdi>Zambia</bdi></dd>", page)
    assert api["contact"] == "Zambia"
    # and Zambia's own people still see their colleague's name (a private view, docs/security.md)
    client.force_login(User.objects.get(email="zambia.viewer@demo.harambee.test"))
    assert "Mwila Banda" in client.get("/en/needs/DEMO-N-ZMB-1/").content.decode()


def test_only_the_secretariats_audit_trail_shows_who_acted_by_address(demo_data, client, db):
    # given the secretariat and a viewer of Zambia, both signed in
    # when each reads the trail they may read
    client.force_login(User.objects.get(email="secretariat@demo.harambee.test"))
    trail = client.get("/en/secretariat/audit/?member=zmb").content.decode()
    client.force_login(User.objects.get(email="zambia.viewer@demo.harambee.test"))
    history = client.get("/en/members/zmb/history/").content.decode()
    # then the secretariat sees names and addresses; Zambia's people see names but no address
    assert "Mwila Banda" in trail and "zambia.manager@demo.harambee.test" in trail
    assert "Mwila Banda" in history and "Chanda Mulenga" in history
    assert re.findall(r"[\w.+-]+@[\w-]+\.[\w.-]+", history) == []


def api_urls() -> list[str]:
    lists = ["members", "needs", "offers", "cooperations", "pledges", "countries", "country-groups", "matches"]
    urls = [f"/api/v1/{name}?page_size=200" for name in lists] + ["/api/v1/openapi.json"]
    for code in Member.objects.filter(memberships__isnull=False, status="active").values_list("code", flat=True):
        urls.append(f"/api/v1/members/{code}")
    for kind, external_id in demo_postings():
        urls.append(f"/api/v1/{'needs' if kind == 'need' else 'offers'}/{external_id}")
    urls += ["/api/v1/needs/DEMO-N-ZMB-1/suggestions", "/api/v1/offers/DEMO-O-TSINGHUA-1/suggestions"]
    urls += [f"/api/v1/cooperations/{pk}" for pk in public_cooperations()]
    return urls


@pytest.mark.django_db
def test_no_public_api_response_shows_an_email_address_or_an_unconsented_name(demo_data, client):
    # given the demo and the names of the people who did not consent to be shown
    names = unconsented_names()
    found, contacts = {}, set()
    # when a client without a token reads every list and every detail of the demo's people, postings
    # and cooperations
    for url in api_urls():
        response = client.get(url)
        assert response.status_code in (200, 401), url
        text = json.dumps(response.json(), ensure_ascii=False)
        if problems := leaks(text, names):
            found[url] = problems
        if response.status_code == 200 and "/needs/DEMO-" in url and "suggestions" not in url:
            contacts.add(response.json().get("contact"))
    # then none shows an e-mail address or an unconsented name, and contacts are named by the rule
    assert found == {}
    assert "Mwila Banda" in contacts and "Nour Hassan" in contacts
