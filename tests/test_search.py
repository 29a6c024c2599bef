"""Cross-lingual search on the lists and in the API (docs/search.md): a query in one language finds
postings written in the others through the glossary's concepts, ranked by relevance, with exact
facets and a "did you mean" for typos."""

import pytest
from django.contrib.auth.models import AnonymousUser

from harambee.matching.core.glossary import default_glossary
from harambee.matching.core.search import edit_distance, plan_search, query_languages, suggest
from harambee.matching.core.search import glossary_words as vocabulary
from harambee.postings.selectors import PostingFilters, posting_facet_counts, posting_search
from harambee.postings.services import posting_create
from harambee.postings.validation import parse_posting

pytestmark = pytest.mark.django_db

# Civil-servant training offers in four languages other than French, and two that are about something else.
OFFERS = [
    ("O-ZH", "zh", "面向发展中国家公务员的人工智能培训班", "为公务员提供为期两周的人工智能培训。", ["skills"]),
    ("O-RU", "ru", "Обучение государственных служащих основам ИИ", "Онлайн-курс для госслужащих.", ["skills"]),
    ("O-ES", "es", "Capacitación de servidores públicos en IA", "Curso para funcionarios públicos.", ["governance"]),
    ("O-AR", "ar", "تدريب الموظفين الحكوميين على الذكاء الاصطناعي", "دورة تدريبية للموظفين الحكوميين.", ["skills"]),
    ("O-FR-AGRI", "fr", "Détection des maladies du manioc", "Images de feuilles et apprentissage profond.", ["data"]),
    ("O-EN-GPU", "en", "GPU cloud credits for universities", "Compute for crop models.", ["infrastructure"]),
]  # fmt: skip
CIVIL_SERVANT_TRAINING = {"O-ZH", "O-RU", "O-ES", "O-AR"}


@pytest.fixture
def offers(cast):
    for external_id, language, title, description, themes in OFFERS:
        data = parse_posting(
            {"id": external_id, "kind": "offer", "member": cast.member.code, "language": language,
             "title": title, "description": description, "themes": themes}
        )  # fmt: skip
        posting_create(actor=cast.manager, member=cast.member, data=data, status="published")


def _found(client, url, query, **params) -> list[str]:
    return [item["id"] for item in client.get(url, {"q": query, **params}).json()["items"]]


def test_a_french_query_finds_the_chinese_russian_spanish_and_arabic_offers(client, offers):
    # given civil-servant training offers written in zh, ru, es and ar, and two offers about other things
    # when a French focal point searches the offers list in French
    page = client.get("/fr/offers/", {"q": "formation des fonctionnaires"}).content.decode()
    # then the four offers are listed, and the other two are not
    for external_id, _language, title, *_ in OFFERS:
        assert (title in page) == (external_id in CIVIL_SERVANT_TRAINING), external_id
    # and the API answers the same postings in the same order, with no suggestion
    listed = _found(client, "/api/v1/offers", "formation des fonctionnaires")
    assert set(listed) == CIVIL_SERVANT_TRAINING
    answer = client.get("/api/v1/offers", {"q": "formation des fonctionnaires"}).json()
    assert answer["count"] == 4 and answer["suggestion"] is None


@pytest.mark.parametrize(
    "lang, query",
    [("en", "civil servants training"), ("en", "civil servants"), ("zh-hans", "公务员培训"),
     ("ar", "تدريب الموظفين الحكوميين"), ("ru", "обучение госслужащих"), ("es", "formación de funcionarios")],
)  # fmt: skip
def test_the_same_search_in_each_language_finds_the_four_offers(client, offers, lang, query):
    # when the search is made in another language of the interface
    response = client.get(f"/{lang}/offers/", {"q": query})
    # then the four civil-servant training offers are found whatever they are written in
    assert response.status_code == 200
    listed = {p.external_id for p in response.context["page"].object_list}
    assert listed == CIVIL_SERVANT_TRAINING, query


def test_a_query_ranks_by_relevance_and_no_query_lists_newest_first(cast, offers):
    visitor = AnonymousUser()
    # given the list without a query: newest first
    newest = [p.external_id for p in posting_search(user=visitor, filters=PostingFilters(kind="offer"))]
    assert newest == [external_id for external_id, *_ in reversed(OFFERS)]
    # when searching with words that only one offer has all of, among concept matches
    filters = PostingFilters(kind="offer", q="servidores públicos capacitación", language="es")
    ranked = [p.external_id for p in posting_search(user=visitor, filters=filters)]
    # then the offer with the concepts and every word comes first, the other concept matches follow
    assert ranked[0] == "O-ES"
    assert set(ranked) == CIVIL_SERVANT_TRAINING


def test_facets_count_exactly_what_a_search_lists(cast, offers, client):
    visitor = AnonymousUser()
    # given a search restricted by a facet
    filters = PostingFilters(
        kind="offer", q="formation des fonctionnaires", language="fr", facets={"theme": ["skills"]}
    )
    listed = list(posting_search(user=visitor, filters=filters))
    counts = posting_facet_counts(user=visitor, filters=PostingFilters(**{**filters.__dict__, "matched": None}))
    # then the list holds the matching offers of that theme only, and the counts count that same set
    assert {p.external_id for p in listed} == {"O-ZH", "O-RU", "O-AR"}
    assert counts["status"]["published"] == len(listed) == 3
    assert counts["theme"] == {"skills": 3}
    # and the page says so in its heading
    page = client.get("/fr/offers/", {"q": "formation des fonctionnaires", "theme": "skills"})
    assert page.context["page"].paginator.count == 3


def test_a_typo_gets_a_suggestion_on_the_page_and_in_the_api(client, offers):
    # when a query is mistyped
    response = client.get("/fr/offers/", {"q": "formaton des fonctionaires"})
    # then the page offers the corrected query as a link that finds the offers
    assert response.context["suggestion"] == "formation des fonctionnaires"
    assert 'href="?q=formation+des+fonctionnaires"' in response.content.decode()
    answer = client.get("/api/v1/offers", {"q": "formaton des fonctionaires"}).json()
    assert answer["suggestion"] == "formation des fonctionnaires"
    assert set(_found(client, "/api/v1/offers", answer["suggestion"])) == CIVIL_SERVANT_TRAINING


def test_a_query_that_finds_enough_gets_no_suggestion(client, offers):
    assert client.get("/api/v1/offers", {"q": "fonctionnaires"}).json()["suggestion"] is None
    assert client.get("/en/offers/", {"q": "civil servants"}).context["suggestion"] is None


@pytest.mark.parametrize(
    "query",
    ["x" * 500, "!!! ??? ... ---", "'; DROP TABLE postings_posting; --", '" OR 1=1 --', "NEAR(a b) OR * AND -",
     "التعلم الآلي ‏للموظفين‎", "\u202eevil\u202c", "公务员" * 80, "%_\\", "a", "🙂🙂", "ta\x00ble"],
)  # fmt: skip
def test_odd_queries_never_fail(client, offers, query):
    # when anything is typed in the search box or sent to the API
    for url in ("/en/offers/", "/ar/needs/", "/api/v1/offers", "/api/v1/needs"):
        response = client.get(url, {"q": query})
        # then the answer is a page or a list, never a server error: a NUL character is a plain "bad
        # request", and the API refuses a query over 200 characters with a validation error (the page cuts it)
        expected = 400 if "\x00" in query else 422 if url.startswith("/api/") and len(query) > 200 else 200
        assert response.status_code == expected, (url, query, response.status_code)


def test_a_query_is_read_through_the_glossary_in_its_language_and_the_readers():
    # given a French query
    plan = plan_search("formation des fonctionnaires", query_languages("fr", "en"))
    # then its main concept is civil-servant training; training and civil servants are parts of it
    assert plan.required == ("civil_servant_training",)
    assert set(plan.parts["civil_servant_training"]) == {"civil_servants", "training"}
    # and the concept is looked for through its forms in every language (Chinese bigrams, stems as prefixes)
    forms = {
        " ".join(t.text + ("*" if t.prefix else "") for t in group) for group in plan.forms["civil_servant_training"]
    }
    assert {"公务 务员 培训", "format* fonctionnair*", "обучен* госслужа*"} <= forms
    # and a query in no language of the six is read in English
    assert query_languages(None, "de") == ("en",)


def test_suggestions_correct_words_by_edit_distance_within_the_glossary_words():
    words = vocabulary(default_glossary())
    assert suggest("formaton des fonctionaires", words) == "formation des fonctionnaires"
    assert suggest("trainig of civil servnts", words) == "training of civil servants"
    # known words, short words, numbers and Chinese are left alone: no suggestion
    assert suggest("formation des fonctionnaires", words) is None
    assert suggest("AI 2026 公务员", words) is None
    assert edit_distance("kitten", "sitting", 5) == 3 and edit_distance("abc", "xyzxyz", 1) == 2


def test_a_search_page_costs_the_same_number_of_queries_however_many_postings_it_finds(cast, client, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.HARAMBEE_PAGE_CACHE_SECONDS = 0

    def publish(count: int, start: int) -> None:
        for i in range(start, start + count):
            data = parse_posting(
                {"id": f"O-{i}", "kind": "offer", "member": cast.member.code, "language": "fr",
                 "title": f"Formation des fonctionnaires {i}", "description": "Cours pour agents publics.",
                 "themes": ["skills"]}
            )  # fmt: skip
            posting_create(actor=cast.manager, member=cast.member, data=data, status="published")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/en/offers/", {"q": "civil servants training", "theme": "skills"})
        assert response.status_code == 200
        return len(captured)

    # given three matching offers, then fifteen (each time the counts are cached by the first visit)
    publish(3, 0)
    queries()
    small = queries()
    publish(12, 3)
    queries()
    # then the search page costs the same number of queries
    assert queries() == small <= 12


def test_a_posting_whose_title_names_the_query_ranks_above_one_that_only_mentions_it(cast):
    # given two offers that both carry "official statistics", one in its title, one in its description,
    # and the one mentioning it only in passing is the newer (it would win a tie)
    for external_id, language, title, description in [
        ("O-TITLE", "fr", "Statistiques officielles et apprentissage automatique",
         "Un cours pour les instituts nationaux."),
        ("O-BODY", "es", "Gobernanza de datos entre instituciones públicas",
         "Apoyo para intercambiar registros; también estadísticas oficiales y protección de datos."),
    ]:  # fmt: skip
        data = parse_posting(
            {"id": external_id, "kind": "offer", "member": cast.member.code, "language": language,
             "title": title, "description": description, "themes": ["data"]}
        )  # fmt: skip
        posting_create(actor=cast.manager, member=cast.member, data=data, status="published")
    # when a reader searches "official statistics" in English
    filters = PostingFilters(kind="offer", q="official statistics", language="en")
    ranked = [p.external_id for p in posting_search(user=AnonymousUser(), filters=filters)]
    # then both are found and the one whose title names it comes first
    assert ranked == ["O-TITLE", "O-BODY"]


def test_a_title_carries_the_parts_of_a_whole_it_names_and_a_whole_whose_parts_it_names():
    from harambee.matching.core.search import title_concepts

    glossary = default_glossary()
    # given a query naming a whole ("official statistics") and its part ("statistics")
    plan = plan_search("official statistics", ["en"], glossary)
    assert plan.inside == {"official_statistics": ("statistics",)}
    # then a title naming the whole carries both; one naming the part alone carries only the part
    assert title_concepts(plan, {"official_statistics"}) == {"official_statistics", "statistics"}
    assert title_concepts(plan, {"statistics"}) == {"statistics"}
    # and a title naming every part of "civil servant training" carries the whole
    plan = plan_search("civil servant training", ["en"], glossary)
    assert title_concepts(plan, {"civil_servants", "training"}) >= {"civil_servant_training"}


def test_each_thread_stems_with_its_own_stemmer_and_concurrent_stemming_agrees_with_serial():
    import threading

    from harambee.matching.core import glossary

    # given words stemmed one after another
    words = [f"{w}{i}" for i in range(300) for w in ("funcionarios", "formación", "estadísticas", "gobernanza")]
    expected = [glossary._stemmer("es").stemWord(w) for w in words]
    seen, results = [], {}

    def work(n):
        seen.append(glossary._stemmer("es"))  # kept: a freed stemmer's id could be reused
        results[n] = [glossary._stemmer("es").stemWord(w) for w in words]

    # when eight threads stem them at the same time
    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # then each thread had its own stemmer, and every result equals the serial one
    assert len({id(stemmer) for stemmer in seen}) == 8
    assert all(results[n] == expected for n in range(8))
