"""Reading in one's own language: a posting's title and text wherever it appears (lists, suggestions,
matches, notifications, e-mails, cooperations, rounds, IATI), machine translation and its service."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from harambee.allocation.services import round_create
from harambee.cooperation.iati_export import cooperations_to_iati_xml, iati_import
from harambee.cooperation.models import Cooperation
from harambee.matching.core.glossary import default_glossary
from harambee.matching.models import Match
from harambee.matching.services import match_accept, match_propose
from harambee.postings import reading
from harambee.postings.models import MachineTranslation, Posting
from harambee.postings.services import posting_create, posting_update
from harambee.postings.translation import LibreTranslate, TranslationError
from harambee.postings.validation import parse_posting

pytestmark = pytest.mark.django_db

TITLE_EN = "Course on AI for civil servants"
TITLE_FR = "Formation des fonctionnaires à l'intelligence artificielle"


@pytest.fixture(autouse=True)
def committed(django_capture_on_commit_callbacks):
    """Run what services schedule after commit (features, index, e-mails, translations) at once."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def _offer(cast, *, translations=(), **fields):
    raw = {
        "id": "O-EN", "kind": "offer", "member": cast.other_member.code, "language": "en", "title": TITLE_EN,
        "description": "Training of civil servants in AI, two weeks in Beijing.",
        "modalities": ["training"], "themes": ["skills"], "target_groups": ["civil_servants"],
        "delivery_languages": ["en", "fr", "ar"], "capacity": {"seats": 4},
        "translations": list(translations), **fields,
    }  # fmt: skip
    return posting_create(actor=cast.secretariat, member=cast.other_member, data=parse_posting(raw), status="published")


def _need(cast):
    raw = {
        "id": "N-FR", "kind": "need", "member": cast.member.code, "language": "fr",
        "title": "Formation des fonctionnaires à l'IA", "description": "Former les agents publics à l'IA générative.",
        "modalities": ["training"], "delivery_languages": ["fr", "en"],
    }  # fmt: skip
    return posting_create(actor=cast.secretariat, member=cast.member, data=parse_posting(raw), status="published")


HUMAN_FR = {
    "language": "fr", "title": TITLE_FR, "description": "Deux semaines de formation à Pékin.",
    "origin": "human", "verified": True,
}  # fmt: skip


@pytest.fixture
def tsinghua_like(cast, committed):
    """An offer of Tsinghua written in English with the author's French translation, and a French need."""
    offer = committed(_offer, cast, translations=[HUMAN_FR])
    need = committed(_need, cast)
    return need, offer


# ---------------------------------------------------------------------------------------------------
# The one choice


def test_the_reader_gets_the_human_translation_then_a_machine_one_then_the_original(cast, settings):
    # given an offer in English with a human French translation and an author's machine Spanish one
    offer = _offer(
        cast,
        translations=[
            HUMAN_FR,
            {"language": "es", "title": "Curso de IA", "description": "Dos semanas.", "origin": "machine"},
        ],
    )
    offer = Posting.objects.prefetch_related("translations").get(pk=offer.pk)
    # when readers of four languages read it
    shown = {language: reading.rendering_for(offer, language) for language in ("en", "fr", "es", "ar", "zh-hans")}
    # then each gets what there is in their language, said for what it is
    assert [(s.title, s.language, s.source) for s in shown.values()] == [
        (TITLE_EN, "en", "original"),
        (TITLE_FR, "fr", "human"),
        ("Curso de IA", "es", "machine"),
        (TITLE_EN, "en", "original"),
        (TITLE_EN, "en", "original"),
    ]
    assert (shown["ar"].foreign, shown["ar"].dir, shown["en"].foreign) == (True, "ltr", False)
    with translation.override("fr"):
        assert shown["es"].plain_title == "Curso de IA (Traduction automatique)"
        assert shown["fr"].label == "Traduction humaine"
    # and a machine translation stored by the service counts only while a service is configured
    MachineTranslation.objects.create(
        posting=offer,
        language="ar",
        title="دورة",
        description="…",
        source_hash=reading.source_hash(offer),
        provider="x",
    )
    offer = Posting.objects.prefetch_related(*reading.reading_prefetch()).get(pk=offer.pk)
    assert reading.rendering_for(offer, "ar").source == "original"
    settings.HARAMBEE_MT_URL = "http://127.0.0.1:9"
    offer = Posting.objects.prefetch_related(*reading.reading_prefetch()).get(pk=offer.pk)
    assert (reading.rendering_for(offer, "ar").title, reading.rendering_for(offer, "ar").dir) == ("دورة", "rtl")


# ---------------------------------------------------------------------------------------------------
# The French reader of the Tsinghua-like offer, everywhere it appears


def test_a_french_reader_sees_the_french_title_everywhere_with_its_label(client, cast, tsinghua_like, committed):
    need, offer = tsinghua_like
    cast.manager.preferred_language = "fr"
    cast.manager.save()
    marked = f'<bdi lang="fr" dir="ltr">{TITLE_FR.replace(chr(39), "&#x27;")}</bdi>'
    # the list: the French title, marked French, with its label
    page = client.get("/fr/offers/").content.decode()
    assert TITLE_FR.replace("'", "&#x27;") in page and TITLE_EN not in page and "Traduction humaine" in page
    # the need's suggestions
    page = client.get(f"/fr/needs/{need.external_id}/").content.decode()
    assert marked in page and TITLE_EN not in page
    # when Tsinghua proposes the match, UNZA's manager is told by e-mail in French with the French title
    match = committed(match_propose, need=need, offer=offer, actor=cast.other_manager)
    (email,) = [m for m in mail.outbox if m.to == [cast.manager.email]]
    assert TITLE_FR in email.body and TITLE_EN not in email.body
    # in the app too, and on the match page
    client.force_login(cast.manager)
    assert TITLE_FR.replace("'", "&#x27;") in client.get("/fr/notifications/").content.decode()
    page = client.get(f"/fr/matches/{match.pk}/").content.decode()
    assert marked in page and TITLE_EN not in page
    page = client.get("/fr/matches/").content.decode()
    assert marked in page
    # an English reader of the same pages reads the original
    assert TITLE_EN in client.get(f"/en/matches/{match.pk}/").content.decode()
    # the cooperation the accepted match becomes is titled in French, the beneficiary named in French
    committed(match_accept, match=Match.objects.get(pk=match.pk), actor=cast.manager)
    cooperation = Cooperation.objects.get()
    page = client.get(f"/fr/cooperations/{cooperation.pk}/").content.decode()
    assert f"{TITLE_FR} → University of Zambia".replace("'", "&#x27;") in page
    assert marked in page
    assert cooperation.title == TITLE_EN  # stored as written: the reader's language is applied when shown
    # a round over the offer lists it in French
    round = round_create(
        provider=cast.other_member, actor=cast.other_manager, title="Cours 2026", offers=[offer],
        deadline=timezone.now() + timedelta(days=7),
    )  # fmt: skip
    assert marked in client.get(f"/fr/rounds/{round.pk}/").content.decode()


def test_an_arabic_reader_without_a_translation_sees_the_original_marked_and_its_concepts_in_arabic(
    client, cast, tsinghua_like
):
    _need, offer = tsinghua_like
    # when an Arabic reader opens the offer, which has no Arabic translation
    page = client.get(f"/ar/offers/{offer.external_id}/").content.decode()
    # then the title and text are the original, marked English and left-to-right inside the Arabic page
    assert f'<h1 lang="en" dir="ltr">{TITLE_EN}</h1>' in page
    assert '<div class="posting-body" dir="ltr" lang="en">' in page
    # and what it is about is given in Arabic: its concepts and its structured fields
    label = default_glossary().concepts["civil_servant_training"].label("ar")
    assert 'class="in-your-language' in page and label in page
    with translation.override("ar"):
        from harambee.postings.choices import MODALITIES

        assert str(MODALITIES["training"]) in page
    # the list shows the original marked English, with the fields in Arabic
    page = client.get("/ar/offers/").content.decode()
    assert '<article class="card posting" lang="en">' in page and "in-your-language" in page
    # a French reader, who has a translation, gets no such summary
    assert "in-your-language" not in client.get(f"/fr/offers/{offer.external_id}/").content.decode()


def test_the_detail_page_shows_the_original_on_demand(client, cast, tsinghua_like):
    _need, offer = tsinghua_like
    page = client.get(f"/fr/offers/{offer.external_id}/").content.decode()
    assert '<details class="original">' in page and TITLE_EN in page
    assert "Traduction humaine" in page
    assert '<details class="original">' not in client.get(f"/en/offers/{offer.external_id}/").content.decode()


def test_the_iati_export_has_a_narrative_per_human_translation_and_none_by_machine(cast, tsinghua_like, committed):
    need, offer = tsinghua_like
    # given a machine Spanish translation beside the human French one, and the cooperation of a match
    offer.translations.create(language="es", title="Curso de IA", description="…", origin="machine")
    match = committed(match_propose, need=need, offer=offer, actor=cast.other_manager)
    committed(match_accept, match=match, actor=cast.manager)
    # when the cooperation is exported to IATI
    xml = cooperations_to_iati_xml(Cooperation.objects.all()).decode()
    # then its title has the English original and the French translation, each naming the beneficiary
    title = xml[xml.index("<title>") : xml.index("</title>")]
    assert f'<narrative xml:lang="en">{TITLE_EN} → University of Zambia</narrative>' in title
    assert f'<narrative xml:lang="fr">{TITLE_FR} → University of Zambia</narrative>' in title
    assert "Curso" not in xml
    # and reading the file back keeps the title as written (the first import records the IATI
    # identifier and the dates the export filled in; a second changes nothing)
    assert iati_import(data=xml.encode(), actor=None).errors == []
    assert Cooperation.objects.get().title == TITLE_EN
    xml = cooperations_to_iati_xml(Cooperation.objects.all())
    outcome = iati_import(data=xml, actor=None)
    assert (outcome.errors, outcome.updated, outcome.unchanged) == ([], 0, 1)
    assert Cooperation.objects.get().title == TITLE_EN


# ---------------------------------------------------------------------------------------------------
# Machine translation


class StubTranslator:
    """A translation service that prefixes each text with its target language."""

    name = "stub"
    calls: list = []
    fail = False

    def translate(self, texts, *, source, target):
        StubTranslator.calls.append((source, target, list(texts)))
        if StubTranslator.fail:
            raise TranslationError("down")
        return [f"[{target}] {text}" for text in texts]


@pytest.fixture
def stub_service(settings):
    StubTranslator.calls, StubTranslator.fail = [], False
    settings.HARAMBEE_MT_PROVIDER = "tests.test_reading.StubTranslator"
    reading._translator.cache_clear()
    yield StubTranslator
    reading._translator.cache_clear()


def test_no_translation_service_by_default(cast, committed, settings):
    assert (settings.HARAMBEE_MT_URL, settings.HARAMBEE_MT_PROVIDER) == ("", "")
    committed(_offer, cast)
    assert MachineTranslation.objects.count() == 0 and reading.get_translator() is None


def test_a_configured_service_translates_in_the_background_and_pages_say_so(client, cast, committed, stub_service):
    # given a translation service, when an English offer with a human French translation is saved
    offer = committed(_offer, cast, translations=[HUMAN_FR])
    # then it is translated into the four other UN languages (not French: the author did), and stored
    assert sorted(MachineTranslation.objects.values_list("language", flat=True)) == ["ar", "es", "ru", "zh"]
    assert {(source, target) for source, target, _texts in stub_service.calls} == {
        ("en", "ar"), ("en", "es"), ("en", "ru"), ("en", "zh"),
    }  # fmt: skip
    # and a Spanish reader reads the machine translation, labelled, in the list and on the page
    page = client.get("/es/offers/").content.decode()
    assert f"[es] {TITLE_EN}" in page and "reading-label machine" in page
    page = client.get(f"/es/offers/{offer.external_id}/").content.decode()
    assert f'<h1 lang="es" dir="ltr">[es] {TITLE_EN}</h1>' in page and '<details class="original">' in page
    # when the author changes the text, the old translations no longer count and new ones are made
    stub_service.calls.clear()
    data = parse_posting({**json.loads(json.dumps(_raw_of(offer))), "title": "AI course for civil servants"})
    committed(posting_update, posting=offer, actor=cast.secretariat, data=data)
    offer = Posting.objects.prefetch_related(*reading.reading_prefetch()).get(pk=offer.pk)
    assert reading.rendering_for(offer, "es").title == "[es] AI course for civil servants"
    assert len(stub_service.calls) == 4


def _raw_of(posting):
    from harambee.postings.validation import posting_to_dict

    return posting_to_dict(posting, translations=list(posting.translations.all()))


def test_a_stale_machine_translation_is_not_shown(cast, committed, stub_service):
    offer = committed(_offer, cast)
    # given a translation service that is down when the text changes
    stub_service.fail = True
    data = parse_posting({**_raw_of(offer), "title": "AI course for civil servants"})
    committed(posting_update, posting=offer, actor=cast.secretariat, data=data)
    # then the reader gets the new original, never the translation of the old text
    offer = Posting.objects.prefetch_related(*reading.reading_prefetch()).get(pk=offer.pk)
    shown = reading.rendering_for(offer, "es")
    assert (shown.title, shown.source) == ("AI course for civil servants", "original")


def test_when_the_service_is_down_pages_still_answer(client, cast, committed, settings):
    # given a service configured at an address where nothing answers
    settings.HARAMBEE_MT_URL = "http://127.0.0.1:9"
    settings.HARAMBEE_MT_TIMEOUT = 1
    reading._translator.cache_clear()
    # when an offer is saved (the background task fails and will be tried again)
    offer = committed(_offer, cast)
    # then nothing is stored, and the pages show the original with its concepts
    assert MachineTranslation.objects.count() == 0
    response = client.get(f"/ar/offers/{offer.external_id}/")
    assert response.status_code == 200 and "in-your-language" in response.content.decode()
    assert client.get("/ar/offers/").status_code == 200
    reading._translator.cache_clear()


def test_the_list_costs_the_same_queries_with_a_service_however_many_rows(client, cast, committed, stub_service):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/es/offers/").status_code == 200
        return len(queries)

    committed(_offer, cast, id="O-1")
    few = count()
    for i in range(2, 8):
        committed(_offer, cast, id=f"O-{i}")
    assert count() == few


# ---------------------------------------------------------------------------------------------------
# The LibreTranslate-compatible provider, against a small local server


class _Handler(BaseHTTPRequestHandler):
    received: list = []
    status = 200
    answer: object = None

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers["Content-Length"])
        body = json.loads(self.rfile.read(length))
        _Handler.received.append((self.path, body))
        payload = _Handler.answer if _Handler.answer is not None else {
            "translatedText": [f"<{body['target']}>{q}" for q in body["q"]]
        }  # fmt: skip
        data = json.dumps(payload).encode()
        self.send_response(_Handler.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.received, _Handler.status, _Handler.answer = [], 200, None
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_the_libretranslate_provider_posts_texts_and_reads_their_translations(server):
    provider = LibreTranslate(server + "/", api_key="k-1", timeout=5)
    assert provider.translate(["Hello", "World"], source="en", target="zh") == ["<zh>Hello", "<zh>World"]
    assert _Handler.received == [
        ("/translate", {"q": ["Hello", "World"], "source": "en", "target": "zh", "format": "text", "api_key": "k-1"})
    ]
    assert provider.translate([], source="en", target="fr") == []


@pytest.mark.parametrize(
    ("status", "answer"),
    [(500, {"error": "boom"}), (403, {"error": "Invalid API key"}), (200, {"translatedText": ["one only"]}),
     (200, ["not", "an", "object"]), (200, {"translatedText": [1, 2]})],
)  # fmt: skip
def test_the_provider_reports_every_failure_as_a_translation_error(server, status, answer):
    _Handler.status, _Handler.answer = status, answer
    with pytest.raises(TranslationError):
        LibreTranslate(server, timeout=5).translate(["a", "b"], source="en", target="fr")


def test_the_provider_gives_up_after_its_timeout():
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    try:
        with pytest.raises(TranslationError):
            LibreTranslate(f"http://127.0.0.1:{listener.getsockname()[1]}", timeout=0.5).translate(
                ["a"], source="en", target="fr"
            )
    finally:
        listener.close()


def test_the_notification_parameter_holds_the_title_in_every_language(cast):
    offer = _offer(cast, translations=[HUMAN_FR])
    titles = reading.title_in_every_language(Posting.objects.get(pk=offer.pk))
    assert titles["fr"] == TITLE_FR and titles["en"] == titles["ar"] == TITLE_EN


def test_the_catch_up_translates_what_was_written_before_a_service_was_configured(cast, committed, settings):
    # given an offer saved while no service was configured
    offer = committed(_offer, cast)
    assert MachineTranslation.objects.count() == 0
    # when a service is configured and the hourly catch-up runs
    StubTranslator.calls, StubTranslator.fail = [], False
    settings.HARAMBEE_MT_PROVIDER = "tests.test_reading.StubTranslator"
    reading._translator.cache_clear()
    from harambee.postings.tasks import postings_machine_translate_catch_up

    assert committed(postings_machine_translate_catch_up.call) == 1
    # then the offer is translated into the five other languages, and the next run finds nothing to do
    assert MachineTranslation.objects.filter(posting=offer).count() == 5
    assert committed(postings_machine_translate_catch_up.call) == 0
    reading._translator.cache_clear()


def test_the_suggestions_api_gives_each_title_in_the_reader_s_language_too(client, cast, tsinghua_like):
    need, offer = tsinghua_like
    # given the French need's suggestions, asked for in French and in Arabic
    french = client.get(f"/api/v1/needs/{need.external_id}/suggestions?lang=fr").json()
    arabic = client.get(f"/api/v1/needs/{need.external_id}/suggestions?lang=ar").json()
    (fr,) = [r for r in french["results"] if r["id"] == offer.external_id]
    (ar,) = [r for r in arabic["results"] if r["id"] == offer.external_id]
    # then `title` stays the original, and the reading is the author's French translation for French
    # readers and the original, marked English, for Arabic ones (no translation into Arabic)
    assert fr["title"] == ar["title"] == TITLE_EN
    assert fr["in_reader_language"] == {"title": TITLE_FR, "language": "fr", "source": "human"}
    assert ar["in_reader_language"] == {"title": TITLE_EN, "language": "en", "source": "original"}
