"""Needs and offers end to end: web and API, lifecycle, multilingual search, import/export, bad input."""

import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from harambee.accounts.services import api_token_create, api_token_revoke
from harambee.audit.models import AuditEntry
from harambee.postings.importing import postings_import
from harambee.postings.models import Posting
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import Country, MemberRole
from harambee.registry.tests.factories import MembershipFactory, StateFactory

pytestmark = pytest.mark.django_db
CORPUS = Path("/work/shared/bench/matching-dev")
if not CORPUS.exists():
    CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "matching-dev"

NEED_FR = {
    "title": "Former 200 agents de l'administration centrale aux usages de l'IA",
    "description": "Le ministère souhaite organiser un cycle de **formation** sur l'intelligence artificielle "
    "destiné aux cadres des ministères. Sessions en présentiel à Dakar et modules à distance.",
    "language": "fr",
    "modalities": ["training"],
    "themes": ["skills"],
    "delivery_languages": ["fr"],
    "format": "hybrid",
    "capacity_unit": "seats",
    "capacity_value": "200",
    "start": "2026-09-01",
    "end": "2027-06-30",
}
OFFER_ZH = {
    "id": "O-ZH-1",
    "kind": "offer",
    "member": "TSINGHUA",
    "title": "面向发展中国家公务员的人工智能培训班",
    "description": "清华大学为发展中国家的公务员提供为期两周的人工智能能力建设培训，内容包括机器学习基础、"
    "生成式人工智能的负责任使用和数据治理。课程以中文和英文授课，并提供法语同声传译。",
    "language": "zh",
    "modalities": ["training"],
    "themes": ["skills", "governance"],
    "delivery_languages": ["zh", "en", "fr"],
    "format": "in_person",
    "eligible_groups": ["G77"],
    "eligible_regions": [],
    "capacity": {"seats": 30},
    "start": "2026-10-01",
    "end": "2026-10-15",
}


@pytest.fixture
def world(cast):
    """Zambia (a State) with a manager and an editor, next to the cast's university and Tsinghua."""
    zambia = StateFactory(country=Country.objects.get(iso3="ZMB"))
    MembershipFactory(member=zambia, user=cast.editor, role=MemberRole.EDITOR)
    cast.other_member.code = "tsinghua"
    return zambia


def _post_need_in_french(client, user, member_code="zmb"):
    client.force_login(user)
    form = {"member": member_code, "submit": "1", **NEED_FR}
    form["modalities"], form["themes"], form["delivery_languages"] = ["training"], ["skills"], ["fr"]
    return client.post(reverse("postings:new", args=["needs"]), form)


def test_a_focal_point_posts_a_need_in_french_and_it_is_found_in_french(client, cast, world):
    # when Zambia's editor posts a need in French through the web form and publishes it
    response = _post_need_in_french(client, cast.editor)
    posting = Posting.objects.get()
    # then it is published, audited, and found by a French search with and without accents
    assert response.status_code == 302 and response["Location"].endswith(f"/needs/{posting.external_id}/")
    assert (posting.kind, posting.status, posting.language, posting.member.code) == ("need", "published", "fr", "zmb")
    assert AuditEntry.objects.filter(object_id=str(posting.pk), action="transition").count() == 1
    client.logout()
    for query in ("formation intelligence", "FORMATION", "ministere", "administration centrale", "Zambie"):
        body = client.get("/fr/needs/", {"q": query}).content.decode()
        assert posting.title.replace("'", "&#x27;") in body, query
    assert posting.title not in client.get("/fr/needs/", {"q": "agriculture"}).content.decode()
    # and the description's Markdown is rendered safely on its page
    page = client.get(f"/fr/needs/{posting.external_id}/").content.decode()
    assert "<strong>formation</strong>" in page


def test_a_provider_posts_an_offer_in_chinese_through_the_api_and_it_is_found_in_chinese(client, cast, world):
    # given Tsinghua's manager with an API token
    issued = api_token_create(user=cast.other_manager, name="script")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issued.key}"}
    # when it creates and submits an offer written in Chinese
    body = {k: v for k, v in OFFER_ZH.items() if k not in ("kind",)} | {"submit": True}
    response = client.post("/api/v1/offers", json.dumps(body), content_type="application/json", **headers)
    # then the offer is published and Chinese searches find it (segmented: any two-character word inside)
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "published"
    for query in ("公务员", "人工智能培训", "数据治理", "清华"):
        found = client.get("/api/v1/offers", {"q": query}).json()
        assert [item["id"] for item in found["items"]] == ["O-ZH-1"], query
    assert client.get("/api/v1/offers", {"q": "农业"}).json()["count"] == 0
    assert "面向发展中国家公务员" in client.get("/zh-hans/offers/", {"q": "公务员培训"}).content.decode()


def test_arabic_search_is_normalised(client, cast, world):
    data = parse_posting(
        {"id": "N-AR-1", "kind": "need", "member": "zmb", "title": "تحديث الاستراتيجية الوطنية للذكاء الاصطناعي",
         "description": "نحتاج إلى دعمٍ فنيٍّ لمراجعة الإستراتيجية وإعداد مؤشرات المتابعة.", "language": "ar"}
    )  # fmt: skip
    posting = posting_create(actor=None, member=world, data=data, status="published")
    for query in ("الاستراتيجيه", "استراتيجية", "الذكاء", "ذكاء", "دعم فني", "مؤشرات"):
        assert [p["id"] for p in client.get("/api/v1/needs", {"q": query}).json()["items"]] == [posting.external_id], (
            query
        )


def test_language_is_detected_when_not_given_and_the_authors_choice_wins(cast, world):
    spanish = parse_posting(
        {"id": "N-ES", "kind": "need", "member": "zmb", "title": "Formación de funcionarios en inteligencia artificial",
         "description": "Buscamos un programa de formación para los funcionarios del ministerio de agricultura."},
        detect=__import__("harambee.postings.text", fromlist=["detect_language"]).detect_language,
    )  # fmt: skip
    assert (spanish.language, spanish.language_detected) == ("es", True)
    chosen = parse_posting(
        {"id": "N-EN", "kind": "need", "member": "zmb", "title": "Formation", "description": "Formation IA.",
         "language": "en"}
    )  # fmt: skip
    assert (chosen.language, chosen.language_detected) == ("en", False)


def test_reader_sees_a_translation_marked_as_such(client, cast, world):
    data = parse_posting(
        {**OFFER_ZH, "member": "zmb",
         "translations": [{"language": "fr", "title": "Formation IA pour fonctionnaires",
                           "description": "Deux semaines.", "origin": "machine", "verified": False}]}
    )  # fmt: skip
    posting = posting_create(actor=None, member=world, data=data, status="published")
    page = client.get(f"/fr/offers/{posting.external_id}/").content.decode()
    assert "Formation IA pour fonctionnaires" in page and "Traduction automatique" in page
    assert OFFER_ZH["title"] in client.get(f"/zh-hans/offers/{posting.external_id}/").content.decode()
    assert [p["id"] for p in client.get("/api/v1/offers", {"q": "fonctionnaires"}).json()["items"]] == ["O-ZH-1"]


def test_lifecycle_from_the_ui_with_audit_and_reasons(client, cast, world, settings):
    # given pre-moderation by the secretariat
    settings.HARAMBEE_POSTING_PREMODERATION = True
    _post_need_in_french(client, cast.editor)
    posting = Posting.objects.get()
    assert posting.status == "submitted"
    url = reverse("postings:transition", args=["needs", posting.external_id])
    # the author cannot publish; the secretariat returns it (a reason is required), then publishes it
    client.post(url, {"action": "publish"})
    assert Posting.objects.get().status == "submitted"
    client.force_login(cast.secretariat)
    response = client.post(url, {"action": "return"}, follow=True)
    assert "Give a reason" in response.content.decode() and Posting.objects.get().status == "submitted"
    client.post(url, {"action": "return", "reason": "Add the dates of the sessions."})
    assert Posting.objects.get().status == "draft"
    client.force_login(cast.editor)
    client.post(url, {"action": "submit"})
    client.force_login(cast.secretariat)
    client.post(url, {"action": "publish"})
    client.force_login(cast.editor)
    client.post(url, {"action": "withdraw", "reason": "Funded by another partner.", "confirmed": "yes"})
    # then every step is in the history with its reason, and the public sees the public steps
    assert Posting.objects.get().status == "withdrawn"
    entries = AuditEntry.objects.filter(object_id=str(posting.pk), action="transition").order_by("pk")
    assert [e.changes["status"] for e in entries] == [
        ["draft", "submitted"], ["submitted", "draft"], ["draft", "submitted"], ["submitted", "published"],
        ["published", "withdrawn"],
    ]  # fmt: skip
    assert entries[1].reason == "Add the dates of the sessions."
    assert client.get(f"/en/needs/{posting.external_id}/").status_code == 200
    client.logout()
    assert client.get(f"/en/needs/{posting.external_id}/").status_code == 404


def test_expiry_and_reminders(cast, world, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    data = parse_posting({**OFFER_ZH, "member": "zmb", "start": None, "end": None, "apply_by": "2026-12-10"})
    posting = posting_create(actor=None, member=world, data=data, status="published")
    MembershipFactory(member=world, user=cast.manager, role=MemberRole.MANAGER)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("postings", "housekeeping", "--today", "2026-12-01", stdout=out)
    assert out.getvalue().splitlines()[0] == "0 expired, 1 reminded."
    assert len(mail.outbox) == 1 and "closes on 10 Dec 2026" in mail.outbox[0].subject
    call_command("postings", "housekeeping", "--today", "2026-12-02", stdout=out)
    assert len(mail.outbox) == 1  # once per posting
    call_command("postings", "housekeeping", "--today", "2026-12-11", stdout=io.StringIO())
    posting.refresh_from_db()
    assert posting.status == "expired"
    with pytest.raises(CommandError):
        call_command("postings", "housekeeping", "--today", "2026-13-01")


def test_an_expiry_reminder_is_written_in_each_readers_language_with_a_link_in_it(
    cast, world, django_capture_on_commit_callbacks, settings, tmp_path
):
    # given a published offer closing soon, whose member has an English editor and manager, and a
    # French manager
    settings.DATA_DIR = tmp_path
    data = parse_posting({**OFFER_ZH, "member": "zmb", "start": None, "end": None, "apply_by": "2026-12-10"})
    posting = posting_create(actor=None, member=world, data=data, status="published")
    cast.other_manager.preferred_language = "fr"
    cast.other_manager.save(update_fields=["preferred_language"])
    for person in (cast.manager, cast.other_manager):
        MembershipFactory(member=world, user=person, role=MemberRole.MANAGER)
    # when the housekeeping runs (in English)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("postings", "housekeeping", "--today", "2026-12-01", stdout=io.StringIO())
    # then each reads the reminder in their language, with the link to the offer in that language
    site = settings.HARAMBEE_SITE_URL.rstrip("/")
    mails = {frozenset(m.to): m.body for m in mail.outbox}
    english, french = frozenset({"editor@example.org", "manager@example.org"}), frozenset({"other@example.org"})
    assert set(mails) == {english, french}
    assert f"{site}/en/offers/{posting.external_id}/" in mails[english]
    assert f"{site}/fr/offers/{posting.external_id}/" in mails[french]


@pytest.mark.parametrize(
    ("language", "subject_date", "body"),
    [
        ("fr", "sera close le 10 déc. 2026", "sur Harambee sera close le 10 déc. 2026."),
        ("ar", "في 10\u200f/12\u200f/2026", "10\u200f/12\u200f/2026"),
    ],
)
def test_the_reminder_writes_the_closing_date_the_readers_way(
    cast, world, django_capture_on_commit_callbacks, settings, tmp_path, language, subject_date, body
):
    # given a published offer closing on 10 December 2026, one of whose managers reads French (or Arabic)
    settings.DATA_DIR = tmp_path
    data = parse_posting({**OFFER_ZH, "member": "zmb", "start": None, "end": None, "apply_by": "2026-12-10"})
    posting_create(actor=None, member=world, data=data, status="published")
    cast.other_manager.preferred_language = language
    cast.other_manager.save(update_fields=["preferred_language"])
    MembershipFactory(member=world, user=cast.other_manager, role=MemberRole.MANAGER)
    # when the housekeeping (in English) sends the reminders
    with django_capture_on_commit_callbacks(execute=True):
        call_command("postings", "housekeeping", "--today", "2026-12-01", stdout=io.StringIO())
    # then the date is the reader's locale's (Babel), never the ISO form
    (message,) = [m for m in mail.outbox if m.to == ["other@example.org"]]
    assert subject_date in message.subject, message.subject
    assert body in message.body, message.body
    assert "2026-12-10" not in message.subject + message.body


def test_staleness_traffic_light(cast, world):
    data = parse_posting({**OFFER_ZH, "member": "zmb"})
    posting = posting_create(actor=None, member=world, data=data, status="published")
    assert posting.freshness == "green"
    Posting.objects.filter(pk=posting.pk).update(content_updated_at=posting.content_updated_at - timedelta(days=160))
    posting.refresh_from_db()
    assert posting.freshness == "amber"
    Posting.objects.filter(pk=posting.pk).update(content_updated_at=posting.content_updated_at - timedelta(days=30))
    posting.refresh_from_db()
    assert (posting.freshness, posting.is_stale) == ("red", True)


def test_database_constraints_hold_without_the_services(cast, world):
    with pytest.raises(IntegrityError):
        Posting.objects.create(
            external_id="X", kind="need", member=world, title="t", description="d", language="en",
            start=date(2026, 5, 1), end=date(2026, 4, 1),
        )  # fmt: skip


def _jsonl(*objects) -> list[str]:
    return [json.dumps(o, ensure_ascii=False) for o in objects]


def test_import_round_trips_the_dev_corpus_without_loss(cast):
    # given the dev corpus
    lines = (CORPUS / "needs.jsonl").read_text().splitlines() + (CORPUS / "offers.jsonl").read_text().splitlines()
    # when it is imported (creating the members it names) and exported again
    report = postings_import(lines=lines, create_missing_members=True)
    assert report.ok and (report.created, report.updated) == (84, 0)
    out = io.StringIO()
    call_command("export", "postings", stdout=out)
    exported = {o["id"]: o for o in map(json.loads, out.getvalue().splitlines())}
    # then every posting comes back exactly as it went in
    assert exported == {o["id"]: o for o in map(json.loads, lines)}
    # and importing the same file again changes nothing
    again = postings_import(lines=lines, create_missing_members=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 84)
    assert Posting.objects.count() == 84


BAD_LINES = [
    ("{not json", "", "Not valid JSON"),
    (json.dumps({**OFFER_ZH, "themes": ["cooking"]}), "themes", "Unknown code: cooking"),
    (json.dumps({**OFFER_ZH, "capacity": {"seats": "thirty"}}), "capacity", "must be a number"),
    (json.dumps({**OFFER_ZH, "capacity": {"seats": -3}}), "capacity", "must be positive"),
    (json.dumps({**OFFER_ZH, "start": "2026-02-30"}), "start", "Not a valid date"),
    (json.dumps({**OFFER_ZH, "end": "2026-01-01"}), "end", "before the start"),
    (json.dumps({**OFFER_ZH, "title": "x" * 201}), "title", "Too long: 201 characters, at most 200."),
    (json.dumps({**OFFER_ZH, "modalities": "training"}), "modalities", "Expected a list."),
    (json.dumps({**OFFER_ZH, "member": "NOWHERE"}), "member", "Unknown member: NOWHERE"),
    (json.dumps({**OFFER_ZH, "kind": "need"}), "eligible_groups", "Only offers have eligibility rules."),
    (json.dumps({**OFFER_ZH, "capacity": {"amount": 5}}), "capacity", "ISO 4217"),
    (json.dumps({**OFFER_ZH, "colour": "red"}), "colour", "Unknown field."),
    (json.dumps([1, 2]), "", "Expected a JSON object."),
]


@pytest.mark.parametrize(("line", "field", "message"), BAD_LINES, ids=[b[2][:20] for b in BAD_LINES])
def test_import_reports_bad_lines_by_number_and_writes_nothing(cast, world, line, field, message):
    # given a file whose second line is bad
    good = json.dumps({**OFFER_ZH, "id": "GOOD-1", "member": "zmb"})
    # when it is imported
    report = postings_import(lines=[good, line], member_code="")
    # then the problem names line 2 and the field, and nothing at all was written
    assert not report.ok and not report.written
    assert any(p.line == 2 and p.field == field and message in p.message for p in report.problems), report.problems
    assert Posting.objects.count() == 0 and AuditEntry.objects.filter(content_type__model="posting").count() == 0


def test_import_command_options(cast, world, tmp_path):
    path = tmp_path / "postings.jsonl"
    path.write_text("\n".join(_jsonl({**OFFER_ZH, "member": "somebody"})) + "\n")
    # --dry-run writes nothing; --member imports as that member
    out = io.StringIO()
    call_command("import", "postings", str(path), "--member", "ZMB", "--dry-run", stdout=out)
    assert "Would import 1 lines: 1 created" in out.getvalue() and Posting.objects.count() == 0
    call_command("import", "postings", str(path), "--member", "ZMB", stdout=io.StringIO())
    assert Posting.objects.get().member.code == "zmb"
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import", "postings", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(CommandError, match="No such file"):
        call_command("import", "postings", str(tmp_path / "missing.jsonl"))


def test_html_in_descriptions_is_rendered_safely(client, cast, world):
    hostile = "Hello <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"
    data = parse_posting({**OFFER_ZH, "member": "zmb", "description": hostile})
    posting = posting_create(actor=None, member=world, data=data, status="published")
    page = client.get(f"/en/offers/{posting.external_id}/").content.decode()
    assert "<script>alert" not in page and 'href="javascript:' not in page
    assert not re.search(r"<img[^>]*onerror", page)


def test_csv_export_puts_labels_next_to_codes(client, cast, world):
    posting_create(actor=None, member=world, data=parse_posting({**OFFER_ZH, "member": "zmb"}), status="published")
    body = b"".join(client.get("/fr/offers/export.csv").streaming_content).decode()
    header, row = body.splitlines()[:2]
    assert "themes,themes_label" in header
    assert "skills; governance,Compétences et culture de l’IA; Gouvernance, stratégie et réglementation" in row or (
        "skills; governance" in row
    )


def test_api_validation_names_fields_and_caps_page_size(client, cast, world):
    client.force_login(cast.editor)
    response = client.post(
        "/api/v1/needs",
        json.dumps({"member": "zmb", "title": "", "description": "x", "end": "2020-01-01", "start": "2021-01-01"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"title", "end", "language"}
    assert client.get("/api/v1/needs", {"page_size": 500}).status_code == 422
    assert client.post("/api/v1/needs", "[", content_type="application/json").status_code in (400, 422)
    assert Posting.objects.count() == 0


def test_revoked_token_stops_working(client, cast, world):
    issued = api_token_create(user=cast.editor, name="ci")
    api_token_revoke(token=issued.token, actor=cast.editor)
    body = {"member": "zmb", "title": "A need", "description": "Training needed.", "language": "en"}
    response = client.post(
        "/api/v1/needs", json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {issued.key}"
    )
    assert response.status_code == 401


@pytest.mark.parametrize("count", [3, 30])
def test_list_page_query_count_does_not_grow(client, cast, world, count):
    for i in range(count):
        posting_create(
            actor=None,
            member=world,
            data=parse_posting({**OFFER_ZH, "id": f"O-{i}", "member": "zmb"}),
            status="published",
        )
    client.get("/en/offers/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/offers/", {"theme": "skills"}).status_code == 200
    assert len(queries) <= 16
    with CaptureQueriesContext(connection) as api_queries:
        assert client.get("/api/v1/offers").json()["count"] == count
    assert len(api_queries) <= 6


def test_web_import_previews_then_writes_all_or_nothing(client, cast, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    # given a manager of Zambia with a two-line file, one line bad
    MembershipFactory(member=world, user=cast.manager, role=MemberRole.MANAGER)
    client.force_login(cast.manager)
    good = json.dumps({**OFFER_ZH, "id": "W-1", "member": "ignored"})
    bad = json.dumps({**OFFER_ZH, "id": "W-2", "themes": ["cooking"]})
    upload = SimpleUploadedFile("p.jsonl", f"{good}\n{bad}\n".encode(), content_type="application/jsonl")
    # when it checks the file, the problem is reported by line and nothing is written
    response = client.post(reverse("postings:import"), {"member": "zmb", "file": upload})
    assert "line 2: themes: Unknown code: cooking" in response.content.decode()
    assert Posting.objects.count() == 0
    # when the file is clean, a preview shows what would happen, and confirming writes it
    upload = SimpleUploadedFile("p.jsonl", f"{good}\n".encode(), content_type="application/jsonl")
    response = client.post(reverse("postings:import"), {"member": "zmb", "file": upload})
    body = response.content.decode()
    assert "1 to create, 0 to update, 0 unchanged." in body and Posting.objects.count() == 0
    token = re.search(r'name="token" value="([^"]+)"', body).group(1)
    response = client.post(reverse("postings:import"), {"token": token})
    assert response.status_code == 302
    assert list(Posting.objects.values_list("external_id", "member__code")) == [("W-1", "zmb")]


def test_gen_postings_creates_realistic_postings(cast, world):
    out = io.StringIO()
    call_command("gen", "postings", "--count", "60", "--seed", "3", stdout=out)
    assert re.fullmatch(r"Generated 60 postings in \d+\.\d s \(\d[\d,]* postings/s\)\.", out.getvalue().strip())
    assert Posting.objects.filter(external_id__startswith="GEN-").count() == 60
    assert set(Posting.objects.values_list("language", flat=True)) == {"ar", "zh", "en", "fr", "ru", "es"}
    with pytest.raises(CommandError):
        call_command("gen", "postings", "--count", "0")


def test_api_docs_are_served_locally(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "swagger" in page.lower() and "cdn." not in page and "unpkg" not in page
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/needs", "/api/v1/offers", "/api/v1/members"} <= set(schema["paths"])
