"""Hostile text: bidi controls are stripped on the way in, user text is isolated and escaped on the
way out. The crawl fills every field people type with a marker (and markup) and reads the pages."""

import io
import json
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from lxml import html as lxml_html

from harambee.accounts.models import User
from harambee.core.usertext import UserCharField, UserJSONField, UserTextField, clean_text
from harambee.postings.models import Posting
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import Member

RLO, PDF, LRI, PDI, RLM, ZWNJ = "\u202e", "\u202c", "\u2066", "\u2069", "\u200f", "\u200c"


# ---------------------------------------------------------------------------------------------------
# In: what people type loses bidi overrides and control characters, in every channel


def test_clean_text_strips_overrides_and_controls_but_keeps_marks_and_joiners():
    # given text with an override, isolates, controls, a byte-order mark and legitimate marks
    text = f"Invoice {RLO}gpj.exe{PDF} {LRI}x{PDI}\x00\x07\x7f\x85\ufeff ok{RLM} می{ZWNJ}خواهم\n2nd line\r\nthird"
    # when it is cleaned for a multi-line field and for a one-line field
    multi, single = clean_text(text), clean_text(text, multiline=False)
    # then the overrides and controls are gone, marks, joiners and line breaks (normalised) stay
    assert multi == f"Invoice gpj.exe x ok{RLM} می{ZWNJ}خواهم\n2nd line\nthird"
    assert single == f"Invoice gpj.exe x ok{RLM} می{ZWNJ}خواهم 2nd line third"


def test_every_user_text_field_is_cleaned_by_the_model_field():
    # given the models' fields
    fields = [f for model in apps.get_models() for f in model._meta.get_fields()]
    user_fields = {(f.model.__name__, f.name) for f in fields if isinstance(f, UserCharField | UserTextField)}
    # then the free-text fields people type are all user-text fields
    expected = {
        ("Posting", "title"), ("Posting", "description"), ("Posting", "location"),
        ("PostingTranslation", "title"), ("PostingTranslation", "description"),
        ("Member", "name"), ("Member", "acronym"), ("Member", "description"), ("Membership", "position"),
        ("User", "full_name"), ("Invitation", "message"), ("ApiToken", "name"),
        ("Match", "message"), ("Match", "response"),
        ("AllocationRound", "title"), ("AllocationRound", "description"),
        ("AllocationRequest", "nominee"), ("AllocationRequest", "motivation"),
        ("Cooperation", "title"), ("Cooperation", "description"), ("Transaction", "description"),
        ("ProgressUpdate", "narrative"), ("Milestone", "title"), ("Result", "title"), ("Indicator", "title"),
        ("Pledge", "title"), ("AuditEntry", "object_repr"), ("AuditEntry", "reason"),
    }  # fmt: skip
    assert expected <= user_fields
    assert isinstance(Member._meta.get_field("name_translations"), UserJSONField)


@pytest.mark.django_db
def test_a_posting_written_through_the_service_is_stored_without_overrides(cast):
    # given a need whose title and description carry a right-to-left override
    data = parse_posting(
        {"id": "N-BIDI", "kind": "need", "member": "unza", "language": "en",
         "title": f"Invoice {RLO}gpj.exe", "description": f"Line one{RLO}\nLine two\x00"},
    )  # fmt: skip
    # when it is created
    posting = posting_create(actor=cast.manager, member=cast.member, data=data)
    # then what is stored (and kept on the instance) has no override, and the line break stays
    posting.refresh_from_db()
    assert posting.title == "Invoice gpj.exe"
    assert posting.description == "Line one\nLine two"


@pytest.mark.django_db
def test_updates_that_bypass_save_are_cleaned_too(cast):
    # when names are written with QuerySet.update (no save(), no full_clean())
    Member.objects.filter(pk=cast.member.pk).update(
        name=f"Uni{RLO}versity", name_translations={"fr": f"Uni{RLO}versité", "ar": f"جامعة{LRI}"}
    )
    User.objects.filter(pk=cast.manager.pk).update(full_name="A\u202bB\tC")
    # then the stored values are clean
    cast.member.refresh_from_db()
    cast.manager.refresh_from_db()
    assert cast.member.name == "University"
    assert cast.member.name_translations == {"fr": "Université", "ar": "جامعة"}
    assert cast.manager.full_name == "AB C"


@pytest.mark.django_db
def test_the_api_and_the_web_form_strip_overrides(client, cast):
    # given a manager signed in
    client.force_login(cast.manager)
    # when they post a need through the API and another through the web form
    response = client.post(
        "/api/v1/needs",
        json.dumps({"member": "unza", "title": f"API {RLO}gpj.exe", "description": "Text", "language": "en"}),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    response = client.post(
        "/en/needs/new/",
        {"member": "unza", "title": f"Web {RLO}gpj.exe", "description": "Text", "language": "en"},
    )
    assert response.status_code == 302, response.content
    # then both are stored without the override
    assert sorted(Posting.objects.values_list("title", flat=True)) == ["API gpj.exe", "Web gpj.exe"]


@pytest.mark.django_db
def test_an_import_strips_overrides(cast):
    from harambee.postings.importing import postings_import

    line = json.dumps(
        {"id": "N-IMP-BIDI", "kind": "need", "member": "UNZA", "title": f"Import {RLO}gpj.exe",
         "description": f"D{RLO}", "language": "en"}
    )  # fmt: skip
    report = postings_import(lines=io.BytesIO(line.encode() + b"\n"), actor=None, member_code="UNZA")
    assert report.ok, report.problems
    assert Posting.objects.get(external_id="N-IMP-BIDI").title == "Import gpj.exe"


# ---------------------------------------------------------------------------------------------------
# Out: a crawl of the demo with every typed field replaced by a marker and markup

MARKER = "ZQX 2026."
PAYLOAD = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'


def _fill_user_text() -> None:
    """Every user-text field of every row holds the marker (and, where the field is long enough,
    markup that would run if it were not escaped)."""
    for model in apps.get_models():
        if model.__module__.startswith("django."):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, UserCharField | UserTextField) and field.name not in ("object_repr",):
                room = field.max_length or 10_000
                value = f"{MARKER} {PAYLOAD}" if room >= len(MARKER) + len(PAYLOAD) + 1 else MARKER[:room]
                model._default_manager.exclude(**{field.name: ""}).update(**{field.name: value})


def _internal_links(page, base: str) -> list[str]:
    links = []
    for href in page.xpath("//a/@href"):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith(base):
            continue
        if any(word in parts.path for word in ("/sign-out", "export", ".ics", "/iati", "/accounts/reset")):
            continue
        links.append(parts.path + (f"?{parts.query}" if parts.query and "page=" not in parts.query else ""))
    return links


def _unisolated(page) -> list[str]:
    """Text of <main> holding the marker without an element giving it its own direction."""
    problems = []
    for main in page.xpath("//main"):
        for node in main.iter():
            texts = [(node, node.text)] + [(node.getparent(), node.tail)] if node is not main else [(node, node.text)]
            for owner, text in texts:
                if not text or "ZQX" not in text or owner is None:
                    continue
                element, isolated = owner, False
                while element is not None and element is not main.getparent():
                    if element.tag == "bdi" or element.get("dir"):
                        isolated = True
                        break
                    element = element.getparent()
                if not isolated:
                    problems.append(f"<{owner.tag}> {text.strip()[:60]}")
    return problems


def _crawl(client, start: list[str], limit: int) -> dict[str, list[str]]:
    seen, queue, problems = set(), deque(start), {}
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404, 410), (url, response.status_code)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        page = lxml_html.fromstring(body)
        found = []
        # the site's own script (harambee.js, progressive enhancement) only: external, from its static files
        own = [e for e in page.xpath("//script") if e.get("src") == f"{settings.STATIC_URL}harambee/harambee.js"]
        if len(page.xpath("//script")) != len(own) or any((e.text or "").strip() for e in own):
            found.append("script element")
        found += [f"{e.tag} {a}" for e in page.iter() if isinstance(e.tag, str) for a in e.attrib if a.startswith("on")]
        found += [f"href {h}" for h in page.xpath("//@href") if h.strip().lower().startswith("javascript:")]
        found += _unisolated(page)
        for element in page.xpath("//input[@type='text' or @type='search' or not(@type)] | //textarea"):
            if element.get("dir") is None:
                found.append(f"input {element.get('name')} without dir")
        if found:
            problems[url] = found
        queue.extend(u for u in _internal_links(page, "/ar/") if u not in seen)
    assert len(seen) >= min(limit, 40), f"the crawl reached only {len(seen)} pages"
    return problems


@pytest.fixture
def demo_with_markers(db):
    call_command("loaddemo", stdout=io.StringIO())
    _fill_user_text()


@pytest.mark.django_db
def test_public_pages_isolate_and_escape_what_people_typed(client, demo_with_markers):
    # when the public crawls the Arabic pages
    problems = _crawl(client, ["/ar/", "/ar/needs/", "/ar/offers/", "/ar/members/", "/ar/cooperations/"], 160)
    # then no markup people typed runs, and each piece of their text is isolated
    assert problems == {}


@pytest.mark.django_db
def test_signed_in_pages_isolate_and_escape_what_people_typed(client, demo_with_markers):
    # given the secretariat (it sees every private page and form)
    client.force_login(User.objects.get(email="secretariat@demo.harambee.test"))
    # when it crawls the Arabic pages
    problems = _crawl(
        client,
        ["/ar/secretariat/", "/ar/secretariat/audit/", "/ar/matches/", "/ar/my/postings/", "/ar/accounts/profile/",
         "/ar/notifications/", "/ar/rounds/", "/ar/pledges/", "/ar/my/cooperations/"],
        200,
    )  # fmt: skip
    # then the same holds
    assert problems == {}
