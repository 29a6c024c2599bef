"""Search tokens, query terms, language detection and Markdown for postings (harambee.postings.text)."""

import json
import os
import random
import re
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

from harambee.postings.text import (
    MAX_QUERY_TERMS,
    QueryTerm,
    detect_language,
    fts5_match_expression,
    index_document,
    markdown_to_plain,
    normalise_token_stream,
    query_terms,
    render_markdown,
    tsquery_expression,
)

# The labelled development corpus of the matching benchmark (84 postings, 14 per UN language). It lives
# outside the repository: the tests that read it are skipped where it is absent.
CORPUS_DIR = Path(os.environ.get("HARAMBEE_MATCHING_DEV", "/work/shared/bench/matching-dev"))


def _load_corpus() -> list[dict]:
    if not (CORPUS_DIR / "needs.jsonl").exists():
        return []
    lines = [
        line
        for name in ("needs.jsonl", "offers.jsonl")
        for line in (CORPUS_DIR / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [json.loads(line) for line in lines]


CORPUS = _load_corpus()
needs_corpus = pytest.mark.skipif(not CORPUS, reason=f"no matching-dev corpus at {CORPUS_DIR}")

SAFE_TOKEN = re.compile(r"[^\W_]+")  # letters and digits only
UN_ALPHABET_TOKEN = re.compile(r"[a-z0-9]+|[\u0400-\u04ff]+|[\u0621-\u064a]+|[\u3005\u3007\u4e00-\u9fff]+")
TSQUERY = re.compile(r"[^\W_]+(:\*)?( & [^\W_]+(:\*)?)*")

HOSTILE_QUERIES = [
    ('") OR 1=1 --', '"or"', "or"),
    ("a & b | !c", "", ""),
    ("*", "", ""),
    ('"""', "", ""),
    ("", "", ""),
    ("🔥🚀👍🏽", "", ""),
    ("NEAR(ia formation, 2)", '"near"* "ia" "formation"*', "near:* & ia & formation:*"),
    ("title:ia OR body:ml", '"title"* "ia" "or" "body"* "ml"', "title:* & ia & or & body:* & ml"),
    ("'; DROP TABLE postings; --", '"drop"* "table"* "postings"*', "drop:* & table:* & postings:*"),
    ("ai:* & !ml <-> (dl)", '"ai" "ml" "dl"', "ai & ml & dl"),
    ("^start -minus +plus col:{a b}", '"start"* "minus"* "plus"* "col"*', "start:* & minus:* & plus:* & col:*"),
    ("\\x00\x00 \\' \u202e\u0000evil", '"x00"* "evil"*', "x00:* & evil:*"),
    ('ИИ" AND "الذكاء', '"ии" "and"* "ذكاء"*', "ии & and:* & ذكاء:*"),
]


def _misses(terms: list[QueryTerm], tokens: list[str]) -> list[QueryTerm]:
    """The terms that do not match a document with these tokens: exact terms whole, prefix terms as a prefix."""
    present = set(tokens)

    def matches(term: QueryTerm) -> bool:
        return any(token.startswith(term.text) for token in tokens) if term.prefix else term.text in present

    return [term for term in terms if not matches(term)]


def _title_phrases(title: str) -> list[str]:
    """Every run of 2 to 4 consecutive words of a title (the whole title if it has fewer words).

    Words are separated by whitespace (a Chinese title is one word); lone punctuation such as « or :
    and one-letter words such as "à" do not count as words.
    """
    words = [word for word in title.split() if normalise_token_stream(word)]
    if len(words) <= 2:
        return [" ".join(words)]
    return [" ".join(words[i : i + size]) for size in (2, 3, 4) for i in range(len(words) - size + 1)]


def _fts5_table(documents: dict[str, str]) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE search USING fts5(ref UNINDEXED, body)")
    connection.executemany("INSERT INTO search (ref, body) VALUES (?, ?)", documents.items())
    return connection


def _fts5_refs(connection: sqlite3.Connection, expression: str) -> set[str]:
    rows = connection.execute("SELECT ref FROM search WHERE search MATCH ?", (expression,)).fetchall()
    return {ref for (ref,) in rows}


# --- normalise_token_stream: one language at a time ----------------------------------------------


def test_french_accents_are_folded_and_apostrophes_split():
    # given a French title with accents and elided articles
    title = "Former 200 agents de l'administration centrale à l'IA générative"
    # when it is tokenised
    tokens = normalise_token_stream(title)
    # then accents are folded, "l'" splits off and one-letter tokens are dropped
    assert tokens == ["former", "200", "agents", "de", "administration", "centrale", "ia", "generative"]


def test_french_ligatures_typographic_apostrophes_and_sharp_s_are_folded():
    # given ligatures, a typographic apostrophe and an eszett
    source = "Œuvre, cœur et Straße de l’administration d'État"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then each becomes plain ASCII letters
    assert tokens == ["oeuvre", "coeur", "et", "strasse", "de", "administration", "etat"]


def test_spanish_enye_and_accents_are_folded():
    # given a Spanish sentence with ñ and acute accents
    source = "El niño y el año de cooperación técnica en Perú"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then ñ becomes n and the accents disappear; "y" is too short to keep
    assert tokens == ["el", "nino", "el", "ano", "de", "cooperacion", "tecnica", "en", "peru"]


def test_russian_yo_and_short_i_are_folded_and_hyphens_split():
    # given Russian words with ё, й and a hyphenated compound
    source = "Ёлка, йогурт и ИИ-грамотность"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then ё → е and й → и (on both sides of the search), and the hyphen separates
    assert tokens == ["елка", "иогурт", "ии", "грамотность"]


def test_russian_stress_mark_does_not_split_the_word():
    # given a word with a combining acute accent marking the stress (no precomposed form exists)
    source = "обуче\u0301ние"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then the mark is dropped and the word stays whole
    assert tokens == ["обучение"]


def test_arabic_definite_article_is_stripped_from_words_of_five_letters_or_more():
    # given words with ال, وال, بال, لل, كال, فال, and a four-letter word starting with ال
    source = "الذكاء ذكاء والتعليم بالمدرسة للتنمية كالطالب فالمشروع الآن"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then "الذكاء" and "ذكاء" give the same token, and the short word keeps its article
    assert tokens == ["ذكاء", "ذكاء", "تعليم", "مدرسه", "تنميه", "طالب", "مشروع", "الان"]


def test_arabic_alef_forms_ta_marbuta_alef_maqsura_and_hamza_seats_are_unified():
    # given أ إ آ ٱ, ة, ى, ؤ and ئ
    source = "أحمد إسلام آمال ٱلعربية مستشفى مؤسسة رئيس"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then they become ا, ه, ي, و and ي
    assert tokens == ["احمد", "اسلام", "امال", "عربيه", "مستشفي", "موسسه", "رييس"]


def test_arabic_diacritics_and_tatweel_are_removed():
    # given words with tashkeel and a word stretched with tatweel
    source = "مُهَنْدِسُو تـــدريب العِلْمُ"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then only the letters remain
    assert tokens == ["مهندسو", "تدريب", "علم"]


def test_arabic_indic_digits_and_presentation_forms_are_normalised():
    # given Arabic-Indic and Persian digits, and a word typed in presentation forms
    source = "٢٠٢٥ ۲۰۲۵ ﺍﻟﺬﻛﺎﺀ ﻻ"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then the digits are ASCII and the letters are the ordinary ones
    assert tokens == ["2025", "2025", "ذكاء", "لا"]


def test_chinese_runs_become_overlapping_bigrams():
    # given a run of five Han characters
    # when it is tokenised
    tokens = normalise_token_stream("公务员培训")
    # then it gives its four overlapping bigrams
    assert tokens == ["公务", "务员", "员培", "培训"]


def test_chinese_run_of_one_character_is_kept():
    # given single Han characters separated by a digit and spaces
    # when it is tokenised
    tokens = normalise_token_stream("第 5 期")
    # then each single character is a token, the lone digit is not
    assert tokens == ["第", "期"]


def test_chinese_fullwidth_punctuation_separates_runs():
    # given runs separated by a full-width comma, brackets and a dash
    source = "培训，公务员（北京）研修班（2025—2026年度）"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then no bigram crosses the punctuation
    assert tokens == ["培训", "公务", "务员", "北京", "研修", "修班", "2025", "2026", "年度"]


def test_chinese_mixed_with_latin_splits_at_the_script_change():
    # given Latin letters glued to Han characters
    # when each is tokenised
    # then the Latin part is a word of its own
    assert normalise_token_stream("AI培训") == ["ai", "培训"]
    assert normalise_token_stream("大模型API接口") == ["大模", "模型", "api", "接口"]


def test_compatibility_forms_are_normalised_by_nfkc():
    # given full-width Latin letters, a ligature and the numero sign
    # when it is tokenised
    tokens = normalise_token_stream("ＡＩ ﬁnance №5")
    # then they are plain letters
    assert tokens == ["ai", "finance", "no5"]


def test_invisible_characters_do_not_split_words():
    # given a soft hyphen, a zero-width joiner, bidi controls and a byte order mark inside words
    source = "for\u00adma\u00adtion co\u200dop\u200eér\u2069a\ufefftion"
    # when it is tokenised
    tokens = normalise_token_stream(source)
    # then the words are whole
    assert tokens == ["formation", "cooperation"]


def test_one_character_tokens_are_dropped_outside_han():
    # given one-character letters and digits, and two-character ones
    # when it is tokenised
    tokens = normalise_token_stream("a b c d e 1 2 3 ab 12 й و")
    # then only the two-character ones remain
    assert tokens == ["ab", "12"]


def test_other_scripts_are_tokenised_with_their_marks_dropped():
    # given Hindi, Thai, Korean and Japanese
    # when it is tokenised
    tokens = normalise_token_stream("हिन्दी ภาษาไทย 한국어 日本語のテキスト")
    # then each word is one token (Devanagari and Thai lose their vowel signs) and Han runs are bigrams
    assert tokens == ["हनद", "ภาษาไทย", "한국어", "日本", "本語", "のテキスト"]


@needs_corpus
def test_corpus_tokens_use_only_the_alphabets_of_the_un_languages():
    # given every posting of the development corpus
    # when each is indexed
    odd = {
        token
        for posting in CORPUS
        for token in index_document(posting["title"], posting["description"]).split()
        if not UN_ALPHABET_TOKEN.fullmatch(token)
    }
    # then every token is ASCII letters and digits, Cyrillic, Arabic or Han, never a mixture
    assert odd == set()


@needs_corpus
def test_whitespace_path_and_regex_path_tokenise_alike():
    # given the corpus texts, which a Han character or an emoji sends down the regex tokenizer
    texts = [posting["title"] + "\n" + posting["description"] for posting in CORPUS]
    # when each is tokenised with and without such a character appended
    with_han = [normalise_token_stream(source + " 中") for source in texts]
    with_emoji = [normalise_token_stream(source + " 😀") for source in texts]
    # then the tokens are the same
    assert with_han == [normalise_token_stream(source) + ["中"] for source in texts]
    assert with_emoji == [normalise_token_stream(source) for source in texts]


def test_random_unicode_yields_only_letter_and_digit_tokens():
    # given 400 random strings drawn from every plane, surrogates excepted
    rng = random.Random(311)
    pools = [(0x20, 0x7F), (0xA0, 0x600), (0x600, 0x700), (0x3000, 0xA000), (0xFE00, 0xFFFF), (0x10000, 0x32400)]
    pools.append((0xE0000, 0xE1000))
    samples = []
    for _ in range(400):
        chars = []
        for _ in range(rng.randint(0, 40)):
            low, high = rng.choice(pools)
            code = rng.randrange(low, high)
            chars.append(" " if 0xD800 <= code < 0xE000 else chr(code))
        samples.append("".join(chars))
    # when each is tokenised, both plainly and with a Han character that forces the regex tokenizer
    tokenised = [(normalise_token_stream(sample), normalise_token_stream(sample + " 中")) for sample in samples]
    # then every token is letters and digits, and both tokenizers agree
    assert [t for tokens, _ in tokenised for t in tokens if not SAFE_TOKEN.fullmatch(t)] == []
    assert [forced for _, forced in tokenised] == [tokens + ["中"] for tokens, _ in tokenised]


# --- index_document --------------------------------------------------------------------------------


def test_index_document_joins_the_tokens_of_all_texts():
    # given a title and a description
    # when they are indexed
    indexed = index_document("Formation IA", "公务员培训")
    # then the column holds their tokens, separated by spaces
    assert indexed == "formation ia 公务 务员 员培 培训"


def test_index_document_keeps_repeats_skips_empty_texts_and_is_deterministic():
    # given a repeated word and an empty text
    # when they are indexed twice
    first = index_document("", "IA ia Ia")
    second = index_document("", "IA ia Ia")
    # then the repeats stay (they count for ranking) and nothing marks the empty text
    assert first == second == "ia ia ia"
    assert index_document() == ""


# --- query_terms -------------------------------------------------------------------------------------


def test_query_terms_are_prefixes_from_three_characters():
    # given a query with words of two and of three or more letters
    # when its terms are built
    terms = query_terms("la formation IA обучени الذكاء")
    # then the longer words are prefix terms, normalised like the documents
    assert terms == [
        QueryTerm("la", prefix=False),
        QueryTerm("formation", prefix=True),
        QueryTerm("ia", prefix=False),
        QueryTerm("обучени", prefix=True),
        QueryTerm("ذكاء", prefix=True),
    ]


def test_query_terms_prefix_finds_inflected_forms():
    # given documents with a plural and an inflected form
    french = normalise_token_stream("Deux formations certifiantes")
    russian = normalise_token_stream("Обучение государственных служащих")
    # when the terms of the stems are built
    french_terms = query_terms("formation")
    russian_terms = query_terms("обучени")
    # then they match
    assert _misses(french_terms, french) == []
    assert _misses(russian_terms, russian) == []


def test_query_terms_han_bigrams_are_exact_and_a_single_character_is_a_prefix():
    # given Chinese queries of two, three and one characters
    # when their terms are built
    # then bigrams are exact terms and the single character is a prefix term
    assert query_terms("培训") == [QueryTerm("培训", prefix=False)]
    assert query_terms("公务员") == [QueryTerm("公务", prefix=False), QueryTerm("务员", prefix=False)]
    assert query_terms("训") == [QueryTerm("训", prefix=True)]


def test_single_han_character_matches_bigrams_that_start_with_it_only():
    # given a document about training
    tokens = normalise_token_stream("公务员培训")
    # when one character is searched for
    # then the first character of a bigram matches, the last character of the run does not
    assert _misses(query_terms("培"), tokens) == []
    assert _misses(query_terms("训"), tokens) == [QueryTerm("训", prefix=True)]


def test_query_terms_are_deduplicated_in_order():
    # given a query that repeats words in several spellings
    # when its terms are built
    terms = query_terms("IA formation ia FORMATION Formation")
    # then each appears once, where it first appeared
    assert terms == [QueryTerm("ia", prefix=False), QueryTerm("formation", prefix=True)]


def test_query_terms_are_capped():
    # given a query of forty distinct words
    words = [f"word{n:02d}" for n in range(40)]
    # when its terms are built
    terms = query_terms(" ".join(words))
    # then only the first 32 are kept
    assert MAX_QUERY_TERMS == 32
    assert terms == [QueryTerm(word, prefix=True) for word in words[:32]]


def test_query_term_refuses_text_with_syntax():
    # given texts that are not normalised tokens
    # when terms are made of them
    # then they are refused
    for bad in ['") OR 1=1 --', "a b", "x*", "a:b", "", "under_score"]:
        with pytest.raises(ValueError, match="not a normalised search token"):
            QueryTerm(bad, prefix=False)


# --- FTS5 and tsquery expressions ----------------------------------------------------------------------


def test_fts5_match_expression_quotes_every_term_and_stars_prefixes():
    # given an exact and a prefix term
    terms = [QueryTerm("培训", prefix=False), QueryTerm("formation", prefix=True)]
    # when the MATCH string is built
    # then each term is a quoted string, implicitly ANDed
    assert fts5_match_expression(terms) == '"培训" "formation"*'


def test_tsquery_expression_joins_with_and_and_marks_prefixes():
    # given an exact and a prefix term
    terms = [QueryTerm("培训", prefix=False), QueryTerm("formation", prefix=True)]
    # when the tsquery string is built
    # then the terms are joined with & and prefixes end with :*
    assert tsquery_expression(terms) == "培训 & formation:*"


def test_expressions_refuse_anything_but_query_terms():
    # given a raw string where terms are expected
    # when expressions are built
    # then the mistake is refused
    with pytest.raises(TypeError):
        fts5_match_expression(['" OR "'])
    with pytest.raises(TypeError):
        tsquery_expression(['" OR "'])


@pytest.mark.parametrize(("query", "fts5", "tsquery"), HOSTILE_QUERIES)
def test_hostile_queries_give_only_normalised_terms(query, fts5, tsquery):
    # given a query written to break out of the search syntax
    # when its expressions are built
    terms = query_terms(query)
    # then only letters and digits reach them
    assert fts5_match_expression(terms) == fts5
    assert tsquery_expression(terms) == tsquery
    assert tsquery == "" or TSQUERY.fullmatch(tsquery)


def test_hostile_queries_are_valid_fts5_syntax():
    # given an FTS5 table with one document
    connection = _fts5_table({"DN-1": index_document("Ии and near title body drop table postings x00 evil")})
    # when every non-empty hostile expression is run
    results = {query: _fts5_refs(connection, expression) for query, expression, _ in HOSTILE_QUERIES if expression}
    # then SQLite accepts each of them, and those made only of the document's words find it
    assert results == {
        '") OR 1=1 --': set(),
        "NEAR(ia formation, 2)": set(),
        "title:ia OR body:ml": set(),
        "'; DROP TABLE postings; --": {"DN-1"},
        "ai:* & !ml <-> (dl)": set(),
        "^start -minus +plus col:{a b}": set(),
        "\\x00\x00 \\' \u202e\u0000evil": {"DN-1"},
        'ИИ" AND "الذكاء': set(),
    }


def test_random_queries_are_valid_fts5_syntax():
    # given an FTS5 table and 300 random queries of printable ASCII and a few other characters
    connection = _fts5_table({"DN-1": index_document("Formation à l'IA 公务员培训 الذكاء")})
    rng = random.Random(78311)
    alphabet = [chr(code) for code in range(0x20, 0x7F)] + list("éИИذ公训😀\u0301\u200d")
    queries = ["".join(rng.choices(alphabet, k=rng.randint(1, 30))) for _ in range(300)]
    # when each is run
    errors = []
    for query in queries:
        expression = fts5_match_expression(query_terms(query))
        try:
            if expression:
                _fts5_refs(connection, expression)
        except sqlite3.Error as error:  # pragma: no cover - reported by the assertion
            errors.append((query, expression, str(error)))
    # then SQLite accepts all of them
    assert errors == []


# --- index and query agree on the corpus -------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("posting", CORPUS, ids=[posting["id"] for posting in CORPUS])
def test_a_phrase_of_a_title_matches_its_posting(posting):
    # given a posting and every run of 2 to 4 words of its title
    tokens = index_document(posting["title"], posting["description"]).split()
    phrases = _title_phrases(posting["title"])
    # when each run is turned into query terms
    terms_by_phrase = {phrase: query_terms(phrase) for phrase in phrases}
    # then every term matches the posting's tokens: exact terms whole, prefix terms as a prefix
    assert {phrase: _misses(terms, tokens) for phrase, terms in terms_by_phrase.items()} == {
        phrase: [] for phrase in phrases
    }
    assert all(terms_by_phrase.values())


@needs_corpus
def test_a_phrase_of_a_title_finds_its_posting_with_fts5():
    # given the whole corpus in an FTS5 table
    connection = _fts5_table({p["id"]: index_document(p["title"], p["description"]) for p in CORPUS})
    # when the first words of every title are searched for
    missed = [
        posting["id"]
        for posting in CORPUS
        if posting["id"]
        not in _fts5_refs(connection, fts5_match_expression(query_terms(_title_phrases(posting["title"])[0])))
    ]
    # then each search finds the posting
    assert missed == []


# --- detect_language -------------------------------------------------------------------------------------

SENTENCES = {
    "en": [
        "Training for civil servants on artificial intelligence",
        "We are looking for a partner to build a speech recognition dataset.",
        "Technical assistance for the national AI strategy",
        "Early warning system for floods and landslides",
    ],
    "fr": [
        "Formation des agents publics à l'intelligence artificielle",
        "Nous cherchons un partenaire pour créer un corpus de reconnaissance vocale.",
        "Appui technique à la stratégie nationale d'IA",
        "Système d'alerte précoce pour les inondations",
    ],
    "es": [
        "Formación de servidores públicos en inteligencia artificial",
        "Buscamos un socio para crear un corpus de reconocimiento de voz.",
        "Asistencia técnica para la estrategia nacional de IA",
        "Sistema de alerta temprana de inundaciones",
    ],
    "ru": [
        "Обучение государственных служащих искусственному интеллекту",
        "ИИ для сельского хозяйства",
        "Стипендии для магистрантов",
    ],
    "ar": [
        "تدريب الموظفين الحكوميين على الذكاء الاصطناعي",
        "منح دراسية لطلاب الماجستير",
        "نظام إنذار مبكر بالفيضانات",
    ],
    "zh": [
        "面向公务员的人工智能培训",
        "大模型（API）安全评测",
        "OpenAI的GPT模型",
    ],
}


@pytest.mark.parametrize(
    ("language", "sentence"),
    [(language, sentence) for language, sentences in SENTENCES.items() for sentence in sentences],
)
def test_detect_language_recognises_the_un_languages(language, sentence):
    # given a sentence in one of the six languages
    # when its language is detected
    # then it is that language
    assert detect_language(sentence) == language


@pytest.mark.parametrize("sentence", ["", "   ", "2025", "AI", "ИИ", "培训", "🔥🔥🔥", "12-34 !!", "a1 b2"])
def test_detect_language_needs_three_letters(sentence):
    # given a text of fewer than three letters
    # when its language is detected
    # then there is no answer
    assert detect_language(sentence) is None


def test_detect_language_answers_none_for_other_scripts():
    # given Greek and Hindi
    # when their language is detected
    # then it is none of the six
    assert detect_language("Ελληνικά κείμενο εδώ") is None
    assert detect_language("कृत्रिम बुद्धिमत्ता प्रशिक्षण") is None


@needs_corpus
def test_detect_language_on_the_corpus():
    # given the corpus postings
    # when the language of each title, and of each title with its description, is detected
    full = [(p["id"], p["language"], detect_language(p["title"] + "\n" + p["description"])) for p in CORPUS]
    titles = [(p["id"], p["language"], detect_language(p["title"])) for p in CORPUS]
    # then each is the posting's language
    assert [row for row in full if row[1] != row[2]] == []
    assert [row for row in titles if row[1] != row[2]] == []


def test_language_model_is_loaded_once_by_concurrent_callers(monkeypatch):
    # given no model loaded yet, and a slow model loader that counts its calls
    from py3langid.langid import LanguageIdentifier

    load = LanguageIdentifier.from_model_file
    calls = []

    def slow_load(cls, *args, **kwargs):
        calls.append(threading.get_ident())
        time.sleep(0.05)
        return load(*args, **kwargs)

    monkeypatch.delitem(sys.modules, "harambee.postings.langid_model", raising=False)
    monkeypatch.setattr(LanguageIdentifier, "from_model_file", classmethod(slow_load))
    barrier = threading.Barrier(8)
    results = []

    def detect():
        barrier.wait()
        results.append(detect_language("Formation des agents publics à l'intelligence artificielle"))

    # when eight threads detect a language at once
    threads = [threading.Thread(target=detect) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then the model was loaded once and every thread got the answer
    assert len(calls) == 1
    assert results == ["fr"] * 8


# --- Markdown ------------------------------------------------------------------------------------------------


def test_render_markdown_keeps_the_allowed_formatting():
    # given Markdown with emphasis, code, a quote, lists, a rule, a code block and a table
    source = (
        "**b** *i* `c`\n\n> q\n\n- a\n- b\n\n1. x\n2. y\n\n---\n\n"
        "```python\n<b>x</b>\n```\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\nline  \nbreak"
    )
    # when it is rendered
    rendered = render_markdown(source)
    # then the allowed tags remain, without attributes
    assert rendered == (
        "<p><strong>b</strong> <em>i</em> <code>c</code></p>\n"
        "<blockquote>\n<p>q</p>\n</blockquote>\n"
        "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        "<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n"
        "<hr>\n"
        "<pre><code>&lt;b&gt;x&lt;/b&gt;\n</code></pre>\n"
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"
        "<p>line<br>\nbreak</p>"
    )


def test_render_markdown_links_get_rel_and_keep_href_and_title():
    # given an inline link with a title, an autolink and an e-mail address
    source = '[ok](https://example.org "T") and <https://a.org> and [m](mailto:a@b.org)'
    # when it is rendered
    rendered = render_markdown(source)
    # then each link keeps its URL and gets rel="nofollow noopener"
    assert rendered == (
        '<p><a href="https://example.org" title="T" rel="nofollow noopener">ok</a> and '
        '<a href="https://a.org" rel="nofollow noopener">https://a.org</a> and '
        '<a href="mailto:a@b.org" rel="nofollow noopener">m</a></p>'
    )


def test_render_markdown_headings_start_at_h3_and_images_become_their_alt_text():
    # given headings of every level and an image
    source = "# One\n## Two\n### Three\n#### Four\n###### Six\n\n![a chart](https://x.org/c.png)"
    # when it is rendered
    rendered = render_markdown(source)
    # then headings are shifted into h3–h5 and the image is replaced by its description
    assert rendered == "<h3>One</h3>\n<h4>Two</h4>\n<h5>Three</h5>\n<h5>Four</h5>\n<h5>Six</h5>\n<p>a chart</p>"


@pytest.mark.parametrize(
    ("source", "rendered"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("[x](javascript:alert(1))", '<p><a rel="nofollow noopener">x</a></p>'),
        ("[x](JaVaScRiPt:alert(1))", '<p><a rel="nofollow noopener">x</a></p>'),
        ("[x](&#106;avascript:alert(1))", '<p><a rel="nofollow noopener">x</a></p>'),
        ("[x](  javascript:alert(1)  )", '<p><a rel="nofollow noopener">x</a></p>'),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
        ("![x](javascript:alert(1))", "<p>x</p>"),
        (
            '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
            '<p>&lt;a href="data:text/html;base64,PHNjcmlwdD4="&gt;x&lt;/a&gt;</p>',
        ),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", '<p><a rel="nofollow noopener">x</a></p>'),
        ("[x](vbscript:msgbox)", '<p><a rel="nofollow noopener">x</a></p>'),
        ("[x](/admin/)", '<p><a rel="nofollow noopener">x</a></p>'),
        ('[a](http://x.org" onmouseover="alert(1))', '<p><a rel="nofollow noopener">a</a>)</p>'),
        ("<div onclick=x>hi</div>\n\npara", "<p>&lt;div onclick=x&gt;hi&lt;/div&gt;</p>\n<p>para</p>"),
        ("<iframe src=//evil></iframe>", "<p>&lt;iframe src=//evil&gt;&lt;/iframe&gt;</p>"),
        ("<style>body{}</style>", "<p>&lt;style&gt;body{}&lt;/style&gt;</p>"),
        ("<!-- hidden -->text", "<p>&lt;!-- hidden --&gt;text</p>"),
        ("x {: onclick=alert(1) }", "<p>x {: onclick=alert(1) }</p>"),
        ("", ""),
    ],
)
def test_render_markdown_neutralises_scripts(source, rendered):
    # given Markdown that tries to run a script or smuggle HTML in
    # when it is rendered
    # then raw HTML shows as text and dangerous URLs are dropped
    assert render_markdown(source) == rendered


def test_markdown_to_plain_gives_the_visible_text_one_block_per_line():
    # given Markdown with a heading, a link, a list, a table and raw HTML
    source = (
        "# Title\n\nSee [the **site**](https://x.org).\n\n- one\n- two\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>x</b> &amp;"
    )
    # when its plain text is taken
    plain = markdown_to_plain(source)
    # then the visible words remain, one block per line, and the raw HTML is text
    assert plain == "Title\nSee the site.\none\ntwo\na\nb\n1\n2\n<b>x</b> &"
    assert markdown_to_plain("") == ""
