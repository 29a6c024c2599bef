"""Delegates' documents as PDF: the French certificate, the Arabic badge and the Chinese visa letter read
back from their PDFs; the fonts that ship with the project; refusals with their reasons; the role ×
action grid of the pages; the batch task."""

import io
from datetime import date

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from conftest import ROLES
from harambee.audit.models import AuditEntry
from harambee.core import pdf
from harambee.events import documents
from harambee.events.choices import DocumentBatchStatus, DocumentKind, RegistrationStatus
from harambee.events.models import DocumentBatch
from harambee.events.selectors import event_attendances
from harambee.events.services import (
    TranslationInput,
    document_batch_request,
    event_transition,
    registration_assign_badge_codes,
)
from harambee.events.tests.factories import make_event
from harambee.events.tests.factories_registrations import RegistrationFactory, check_in, with_passport
from harambee.registry.models import Country
from harambee.registry.tests.factories import MembershipFactory, StateFactory

pytestmark = pytest.mark.django_db

LOGIN = "login"
TITLES = {
    "fr": "2e atelier sur le renforcement des capacités en IA",
    "ar": "حلقة العمل الثانية لبناء القدرات في مجال الذكاء الاصطناعي",
    "zh": "第二届人工智能能力建设研讨会",
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.HARAMBEE_PAGE_CACHE_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def workshop(cast):
    """The cast's member hosts the Beijing workshop (12–17 May 2025) in English with French, Arabic and
    Chinese titles; Zambia's delegation is managed by the cast's `other_manager`."""
    event = make_event(
        cast.member,
        translations=[TranslationInput(language=code, title=title) for code, title in TITLES.items()],
    )
    return event


@pytest.fixture
def zambia(cast):
    state = StateFactory(country=Country.objects.get(iso3="ZMB"))
    MembershipFactory(member=state, user=cast.other_manager, role="manager")
    return state


def _delegate(event, member, **fields):
    registration = RegistrationFactory(event=event, member=member, **fields)
    registration.event = event
    return registration


def _text(data: bytes) -> tuple[str, int]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    # lines joined by spaces: a title wrapped on two lines reads as one
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), len(reader.pages)


def _fonts(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


AFTER = date(2025, 5, 20)


# ---------------------------------------------------------------------------------------------------
# The three documents, read back


def test_the_french_certificate_names_the_delegate_and_the_event_in_french(workshop, zambia):
    # given a French-speaking delegate of Zambia, approved, after the workshop
    delegate = _delegate(workshop, zambia, full_name="Chanda Mwale", language="fr")
    assert (
        documents.refusal(delegate, DocumentKind.CERTIFICATE, attendances=event_attendances(workshop), today=AFTER)
        is None
    )
    # when her certificate is made
    data = documents.render_documents([delegate], DocumentKind.CERTIFICATE, issued_on=AFTER)
    # then it is one page naming her, her delegation and the event in French, dates in French
    text, pages = _text(data)
    assert pages == 1
    assert "Chanda Mwale" in text
    assert TITLES["fr"] in text
    assert "Zambie" in text  # the UN's French name of her delegation
    assert "12–17 mai 2025" in text  # Babel's French date range
    assert "20 mai 2025" in text  # issued on
    assert "Organisateur" in text  # "Host" from the French catalogue
    assert "Chine" in text  # the venue's country in French
    # and only the fonts that ship with the project are embedded
    assert {name.split("-")[0] for name in _fonts(data)} <= {"Harambee"}


def test_the_arabic_badge_is_right_to_left_with_its_qr_code(workshop, zambia):
    # given an Arabic-speaking delegate with a badge code
    delegate = _delegate(workshop, zambia, full_name="أمينة بندا", language="ar", position="مديرة السياسات الرقمية")
    registration_assign_badge_codes(registrations=[delegate], actor=None)
    # when her badge is made
    html = documents.document_html([delegate], DocumentKind.BADGE)
    data = documents.render_documents([delegate], DocumentKind.BADGE)
    # then the page is Arabic, right to left, with the QR code as vector graphics holding the badge code
    assert '<section class="badge" lang="ar" dir="rtl">' in html
    assert '<svg viewBox="0 0 ' in html and 'class="qr"' in html
    text, pages = _text(data)
    assert pages == 1
    assert "أمينة بندا" in text  # shaped Arabic copies back as the letters typed
    assert "مديرة السياسات الرقمية" in text
    assert TITLES["ar"] in text
    assert "زامبيا" in text  # Zambia in Arabic
    assert "مايو" in text  # May, by Babel in Arabic
    assert delegate.badge_code in text
    assert "Harambee-Arabic" in _fonts(data)


def test_the_chinese_visa_letter_carries_the_passport_details(workshop, zambia):
    # given a Chinese-speaking delegate who asked for a visa letter and gave her passport details
    delegate = with_passport(_delegate(workshop, zambia, full_name="张伟", language="zh"))
    assert documents.refusal(delegate, DocumentKind.VISA_LETTER, attendances=event_attendances(workshop)) is None
    # when her letter is made
    data = documents.render_documents([delegate], DocumentKind.VISA_LETTER, issued_on=date(2025, 4, 1))
    # then one A4 page holds her name, the title in Chinese, her passport and the venue in Chinese
    text, pages = _text(data)
    assert pages == 1
    assert "张伟" in text
    assert TITLES["zh"] in text
    assert "ZN1234567" in text
    assert "2030年1月31日" in text  # passport valid until, by Babel in Chinese
    assert "2025年5月12日至17日" in text  # the dates
    assert "赞比亚" in text  # her nationality in Chinese
    assert "主办方" in text and "举办地点" in text and "时区" in text  # Host, Venue, Time zone from the catalogue
    assert "中国（上海）时间" in text  # the venue's time zone by its place, in Chinese
    assert "Harambee-Chinese" in _fonts(data)
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)


def test_a_batch_holds_each_delegate_in_their_own_language_page_by_page(
    workshop, zambia, django_capture_on_commit_callbacks
):
    # given three approved delegates in three languages and one waitlisted
    for name, language in (("Chanda Mwale", "fr"), ("أمينة بندا", "ar"), ("张伟", "zh")):
        _delegate(workshop, zambia, full_name=name, language=language)
    _delegate(workshop, zambia, full_name="Waiting Person", status=RegistrationStatus.WAITLISTED)
    # when the host asks for all badges (the task runs at once in tests)
    with django_capture_on_commit_callbacks(execute=True):
        batch = document_batch_request(event=workshop, actor=None, kind=DocumentKind.BADGE)
    batch.refresh_from_db()
    # then the batch is ready with three badges, one page each, and says one delegate has none
    assert (batch.status, batch.documents, batch.skipped) == (DocumentBatchStatus.DONE, 3, 1)
    text, pages = _text(batch.file.read())
    assert pages == 3
    for expected in ("Chanda Mwale", "أمينة بندا", "张伟", TITLES["fr"], TITLES["zh"], "Zambie", "赞比亚"):
        assert expected in text
    assert "Waiting Person" not in text
    # and every badge got a code, each audited
    assert AuditEntry.objects.filter(changes__has_key="badge_code").count() == 3


def test_a_second_batch_of_the_same_kind_waits_for_the_first(workshop, cast):
    DocumentBatch.objects.create(event=workshop, kind=DocumentKind.BADGE, status=DocumentBatchStatus.RUNNING)
    with pytest.raises(Exception) as excinfo:
        document_batch_request(event=workshop, actor=cast.manager, kind=DocumentKind.BADGE)
    assert excinfo.value.messages == ["These documents are already being made; wait for them to be ready."]


def test_an_unknown_kind_of_batch_is_refused(workshop, cast):
    with pytest.raises(Exception) as excinfo:
        document_batch_request(event=workshop, actor=cast.manager, kind="passport")
    assert excinfo.value.message_dict == {"kind": ["There is no such document."]}
    assert not DocumentBatch.objects.exists()


# ---------------------------------------------------------------------------------------------------
# Fonts: from the installed packages, nothing from the system or the network


def test_the_fonts_come_from_the_installed_packages():
    css = pdf.font_css()
    for font in pdf.FONT_FILES:
        path = pdf.font_path(font)
        assert path.is_file() and "site-packages" in str(path)
        for weight in font.weights:
            # a static font is named as it is; a variable one by its static instance cached for the weight
            assert pdf.font_file_for(font, weight).as_uri() in css
    assert 'font-family: "Harambee Sans", "Harambee Arabic", "Harambee Chinese"' in css


@pytest.fixture
def font_cache(settings, tmp_path):
    settings.HARAMBEE_FONT_CACHE_DIR = tmp_path / "fonts"
    pdf.font_css.cache_clear()
    pdf._allowed_roots.cache_clear()
    yield settings.HARAMBEE_FONT_CACHE_DIR
    pdf.font_css.cache_clear()
    pdf._allowed_roots.cache_clear()


def test_variable_fonts_are_made_static_once_and_kept_on_disk(font_cache):
    from fontTools.ttLib import TTFont

    # given an empty font cache
    chinese = next(f for f in pdf.FONT_FILES if f.family == "Harambee Chinese")
    # when the fonts' rules are written
    css = pdf.font_css()
    # then each variable font has a static instance per weight in the cache, nothing else (no temporary file)
    files = sorted(p.name for p in font_cache.iterdir())
    assert [name.rsplit("-", 1)[0] for name in files] == ["NotoSans-400", "NotoSans-700", "NotoSansSC-400",
                                                           "NotoSansSC-700"]  # fmt: skip
    bold = pdf.font_file_for(chinese, 700)
    assert bold.parent == font_cache and bold.as_uri() in css
    static, variable = TTFont(bold, lazy=True), TTFont(pdf.font_path(chinese), lazy=True)
    assert "fvar" not in static and "gvar" not in static and static["OS/2"].usWeightClass == 700
    assert len(static.getBestCmap()) == len(variable.getBestCmap())  # every character kept
    # and asking again reuses the file rather than writing it again
    written = bold.stat().st_mtime_ns
    assert pdf.font_file_for(chinese, 700) == bold and bold.stat().st_mtime_ns == written
    # and a static font (Arabic) is used from its package as it is
    arabic = next(f for f in pdf.FONT_FILES if f.family == "Harambee Arabic")
    assert pdf.font_file_for(arabic, 400) == pdf.font_path(arabic)


def test_a_cache_that_cannot_be_written_falls_back_to_the_variable_font(font_cache):
    font_cache.parent.mkdir(exist_ok=True)
    font_cache.write_text("a file where the folder should be")
    chinese = next(f for f in pdf.FONT_FILES if f.family == "Harambee Chinese")
    assert pdf.font_file_for(chinese, 400) == pdf.font_path(chinese)


def test_a_chinese_badge_is_made_with_the_cached_static_font(font_cache):
    # given the cached instances (made once)
    pdf.font_css()
    # when a Chinese text is printed
    data = pdf.render_pdf('<html lang="zh-hans"><body><p>赞比亚 <b>第三届研讨会</b></p></body></html>')
    # then its text reads back, in the project's Chinese font
    assert _text(data) == ("赞比亚 第三届研讨会", 1)
    assert "Harambee-Chinese" in _fonts(data)


def test_a_document_loads_no_remote_or_stray_file(tmp_path):
    # given a document that names an image on the network and a file outside the allowed folders
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")
    fetcher = pdf._fetcher_class()()
    # when they are fetched / then both are refused, and a data: URL is served
    with pytest.raises(ValueError):
        fetcher("http://example.org/tracker.png")
    with pytest.raises(ValueError):
        fetcher(secret.as_uri())
    assert fetcher("data:text/plain,hello").read() == b"hello"


# ---------------------------------------------------------------------------------------------------
# Refusals: a clear reason for each


def _refusal(delegate, kind, today=AFTER):
    with translation.override("en"):
        return documents.refusal(delegate, kind, attendances=event_attendances(delegate.event), today=today)


def test_documents_are_refused_to_delegates_not_approved(workshop, zambia):
    delegate = _delegate(workshop, zambia, status=RegistrationStatus.NOMINATED)
    expected = "Documents are made for approved delegates only; this delegate is “Nominated”."
    assert [_refusal(delegate, kind) for kind in DocumentKind.values] == [expected] * 3


def test_a_visa_letter_needs_a_request_and_passport_details(workshop, zambia):
    delegate = _delegate(workshop, zambia)
    assert _refusal(delegate, DocumentKind.VISA_LETTER) == "This delegate did not ask for a visa invitation letter."
    delegate.visa_letter_requested = True
    assert _refusal(delegate, DocumentKind.VISA_LETTER) == (
        "The visa letter needs the delegate's nationality and passport number: complete the registration first."
    )
    with_passport(delegate)
    delegate.personal_data_erased_at = timezone.now()
    assert _refusal(delegate, DocumentKind.VISA_LETTER) == (
        "The delegate's passport details were erased after the event: no visa letter can be made."
    )


def test_a_certificate_waits_for_the_first_day_and_for_check_in_when_it_is_used(workshop, zambia):
    delegate = _delegate(workshop, zambia)
    other = _delegate(workshop, zambia)
    # before the first day
    assert _refusal(delegate, DocumentKind.CERTIFICATE, today=date(2025, 5, 11)) == (
        "Certificates of participation can be had from the first day of the event, 12 May 2025."
    )
    # from the first day, without check-in at the event: every approved delegate
    assert _refusal(delegate, DocumentKind.CERTIFICATE, today=date(2025, 5, 12)) is None
    # once someone is checked in: only those checked in
    check_in(other)
    assert _refusal(delegate, DocumentKind.CERTIFICATE) == (
        "This delegate was not checked in at the event: no certificate of participation."
    )
    assert _refusal(other, DocumentKind.CERTIFICATE) is None


def test_a_cancelled_event_has_no_documents(workshop, zambia):
    delegate = _delegate(workshop, zambia)
    event_transition(event=workshop, actor=None, action="cancel", reason="Venue closed")
    delegate.event.refresh_from_db()
    assert _refusal(delegate, DocumentKind.BADGE) == "The event was cancelled: it has no documents."


def test_the_download_of_a_refused_document_says_why(workshop, zambia, cast, client):
    delegate = _delegate(workshop, zambia)  # asked for no visa letter
    client.force_login(cast.manager)
    response = client.get(reverse("events:document", args=[workshop.slug, delegate.pk, DocumentKind.VISA_LETTER]))
    assert response.status_code == 409
    assert "This delegate did not ask for a visa invitation letter." in response.content.decode()


# ---------------------------------------------------------------------------------------------------
# Role × action grid (404 before 403)

GRID_ROLES = [*ROLES, "delegate"]
DOWNLOAD = {
    "anonymous": LOGIN, "outsider": 404, "viewer": 403, "editor": 200, "manager": 200, "other_manager": 200,
    "secretariat": 200, "delegate": 200,
}  # fmt: skip
PAGE = {**DOWNLOAD, "outsider": 403}
BATCH_NEW = {
    "anonymous": LOGIN, "outsider": 403, "viewer": 403, "editor": 302, "manager": 302, "other_manager": 403,
    "secretariat": 302, "delegate": 403,
}  # fmt: skip
BATCH_GET = {role: (200 if status == 302 else status) for role, status in BATCH_NEW.items()}
DRAFT = {role: (LOGIN if role == "anonymous" else 404) for role in ("anonymous", "outsider", "other_manager")}


@pytest.fixture
def grid(cast, workshop, zambia, django_capture_on_commit_callbacks):
    delegate_user = cast.outsider.__class__.objects.create_user(email="delegate@example.org", password="x" * 20)
    delegate = _delegate(workshop, zambia, full_name="Chanda Mwale", user=delegate_user)
    with django_capture_on_commit_callbacks(execute=True):
        batch = document_batch_request(event=workshop, actor=None, kind=DocumentKind.CERTIFICATE)
    return {"delegate": delegate, "delegate_user": delegate_user, "batch": batch}


def _user(cast, grid, role):
    return grid["delegate_user"] if role == "delegate" else cast.user(role)


def _status(response) -> object:
    if response.status_code == 302 and reverse("accounts:login") in response["Location"]:
        return LOGIN
    return response.status_code


VIEWS = {
    "download": ("get", lambda w, g: reverse("events:document", args=[w.slug, g["delegate"].pk, "badge"]), DOWNLOAD),
    "page": ("get", lambda w, g: reverse("events:documents", args=[w.slug]), PAGE),
    "batch_new": ("post", lambda w, g: reverse("events:document_batch_new", args=[w.slug]), BATCH_NEW),
    "batch_get": ("get", lambda w, g: reverse("events:document_batch", args=[w.slug, g["batch"].pk]), BATCH_GET),
}


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("role", GRID_ROLES)
def test_documents_permission_grid(view, role, cast, workshop, grid, client):
    method, url, expected = VIEWS[view]
    user = _user(cast, grid, role)
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url(workshop, grid), {"kind": "visa"} if method == "post" else None)
    assert _status(response) == expected[role]
    if view == "download" and expected[role] == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("role", DRAFT)
def test_a_draft_events_documents_are_not_found_before_anything_is_refused(role, cast, zambia, client):
    draft = make_event(cast.member, slug="draft", publish=False)
    delegate = _delegate(draft, zambia)
    user = cast.user(role)
    if user is not None:
        client.force_login(user)
    urls = [
        ("get", reverse("events:document", args=[draft.slug, delegate.pk, "badge"])),
        ("get", reverse("events:documents", args=[draft.slug])),
        ("post", reverse("events:document_batch_new", args=[draft.slug])),
    ]
    assert [_status(getattr(client, method)(url)) for method, url in urls] == [DRAFT[role]] * 3


def test_the_delegation_sees_only_its_own_delegates(workshop, zambia, cast, client):
    # given a Zambian delegate and one of another member
    _delegate(workshop, zambia, full_name="Chanda Mwale")
    egypt = StateFactory(country=Country.objects.get(iso3="EGY"))
    _delegate(workshop, egypt, full_name="Nadia Farouk")
    # when Zambia's manager opens the documents page / then only her delegation's delegate is listed
    client.force_login(cast.other_manager)
    page = client.get(reverse("events:documents", args=[workshop.slug])).content.decode()
    assert "Chanda Mwale" in page and "Nadia Farouk" not in page
    assert "Make all" not in page
    # and the host's manager sees both, with the batch buttons
    client.force_login(cast.manager)
    page = client.get(reverse("events:documents", args=[workshop.slug])).content.decode()
    assert "Chanda Mwale" in page and "Nadia Farouk" in page and "Make all" in page


def test_the_documents_page_has_a_query_budget(workshop, zambia, cast, client, django_assert_max_num_queries):
    for index in range(30):
        _delegate(workshop, zambia, full_name=f"Delegate {index}", language=["fr", "ar", "zh"][index % 3])
    client.force_login(cast.manager)
    url = reverse("events:documents", args=[workshop.slug])
    client.get(url)
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("download>") == 60  # badge and certificate of 30 delegates
