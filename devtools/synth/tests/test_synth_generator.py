"""The synthetic postings of harambee-synth, which `harambee gen postings` and the demo use."""

import datetime
import re
from collections import Counter
from functools import cache

import pytest
from babel import Locale

from harambee.postings import choices
from harambee_synth import PHRASE_LANGUAGES, generate_postings
from harambee_synth.banks import PHRASE_LANGUAGES as BANK_LANGUAGES
from harambee_synth.banks import compiled_languages, load_bank, load_topics

# The codes of the posting taxonomy (harambee.postings.choices) and of the posting format.
LANGUAGES = set(choices.LANGUAGES)
MODALITIES = set(choices.MODALITIES)
THEMES = set(choices.THEMES)
SECTORS = set(choices.SECTORS)
FORMATS = {*choices.FORMATS, None}
COUNTRY_GROUPS = set(choices.COUNTRY_GROUPS)
REGIONS = {code for code in Locale("en").territories if code.isdigit()}  # UN M49 areas
FIELDS = [
    "id",
    "kind",
    "member",
    "title",
    "description",
    "language",
    "modalities",
    "themes",
    "sectors",
    "delivery_languages",
    "format",
    "eligible_groups",
    "eligible_regions",
    "capacity",
    "start",
    "end",
]

MEMBERS = [
    *((code, "state") for code in ("SEN", "JOR", "GHA", "BOL", "UZB", "CHN", "FJI", "MEX", "FRA", "RUS", "EGY", "IND")),
    *((code, "organisation") for code in ("AU", "ASEAN", "UNESCO", "FAO", "ESCWA", "ORG-AFRIVOICE")),
]
TODAY = datetime.date(2026, 1, 15)
SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}
OTHER_SCRIPTS = re.compile(r"[\u0600-\u06ff\u4e00-\u9fff\u0400-\u04ff]")


@cache
def postings(count: int, seed: int = 0) -> tuple[dict, ...]:
    return tuple(generate_postings(count, members=MEMBERS, seed=seed, today=TODAY))


def test_the_same_seed_gives_the_same_postings():
    # given a seed
    # when postings are generated twice with it
    first = list(generate_postings(300, members=MEMBERS, seed=7, today=TODAY))
    second = list(generate_postings(300, members=MEMBERS, seed=7, today=TODAY))
    # then they are identical, and another seed gives other postings
    assert first == second
    assert first != list(generate_postings(300, members=MEMBERS, seed=8, today=TODAY))


def test_chunks_are_slices_of_one_run():
    # given one run of 300 postings
    whole = list(generate_postings(300, members=MEMBERS, seed=3, today=TODAY))
    # when the same seed generates chunks that do not start on a block boundary
    chunks = [
        *generate_postings(100, members=MEMBERS, seed=3, today=TODAY),
        *generate_postings(37, members=MEMBERS, seed=3, start_index=100, today=TODAY),
        *generate_postings(163, members=MEMBERS, seed=3, start_index=137, today=TODAY),
    ]
    # then the chunks put together are the run
    assert chunks == whole


def test_ids_are_unique_well_formed_and_numbered_from_the_start_index():
    # given postings numbered after 41 earlier ones
    generated = list(generate_postings(2000, members=MEMBERS, seed=1, start_index=41, today=TODAY))
    ids = [posting["id"] for posting in generated]
    # then every id is GEN-N-/GEN-O- and seven digits, N for needs and O for offers
    for posting in generated:
        assert re.fullmatch(r"GEN-[NO]-\d{7}", posting["id"]), posting["id"]
        assert posting["id"][4] == ("N" if posting["kind"] == "need" else "O")
    # and the numbers run from 42 without a gap or a repeat
    assert len(set(ids)) == len(ids)
    assert [int(posting_id[-7:]) for posting_id in ids] == list(range(42, 2042))


def test_postings_have_exactly_the_interchange_fields():
    # given generated postings
    # then each has the fields of the posting format, in its order
    for posting in postings(2000):
        assert list(posting) == FIELDS


def test_every_field_uses_the_allowed_codes():
    # given generated postings
    members = {code for code, _kind in MEMBERS}
    # then every coded field holds codes of the taxonomy
    for posting in postings(6000):
        assert posting["kind"] in {"need", "offer"}
        assert posting["member"] in members
        assert posting["language"] in LANGUAGES
        assert set(posting["modalities"]) <= MODALITIES
        assert set(posting["themes"]) <= THEMES
        assert set(posting["sectors"]) <= SECTORS
        assert set(posting["delivery_languages"]) <= LANGUAGES
        assert posting["format"] in FORMATS
        assert set(posting["eligible_groups"]) <= COUNTRY_GROUPS
        assert set(posting["eligible_regions"]) <= REGIONS
        # and no list repeats a code
        for field in ("modalities", "themes", "sectors", "delivery_languages", "eligible_groups", "eligible_regions"):
            assert len(set(posting[field])) == len(posting[field]), (field, posting)
        assert posting["title"].strip() and posting["description"].strip()


def test_delivery_languages_start_with_the_posting_language():
    # given generated postings
    # then the posting's own language comes first among its working languages
    for posting in postings(6000):
        assert posting["delivery_languages"][0] == posting["language"]


def test_dates_are_ordered_and_near_today():
    # given generated postings
    earliest, latest = TODAY - datetime.timedelta(days=366), TODAY + datetime.timedelta(days=731)
    dated = 0
    for posting in postings(6000):
        start = None if posting["start"] is None else datetime.date.fromisoformat(posting["start"])
        end = None if posting["end"] is None else datetime.date.fromisoformat(posting["end"])
        # then dates lie between about a year ago and two years ahead
        for day in (start, end):
            assert day is None or earliest <= day <= latest, posting
        # and an end never comes before the start
        if start is not None and end is not None:
            assert start <= end, posting
            dated += 1
    # and most postings are dated
    assert dated > 0.85 * 6000


def test_capacities_are_positive():
    # given generated postings
    kinds = Counter()
    for posting in postings(6000):
        capacity = posting["capacity"]
        if capacity is None:
            continue
        # then a capacity is seats, expert days or an amount in a currency, always positive
        if "amount" in capacity:
            assert set(capacity) == {"amount", "currency"}
            assert re.fullmatch(r"[A-Z]{3}", capacity["currency"])
            value = capacity["amount"]
        else:
            ((unit, value),) = capacity.items()
            assert unit in {"seats", "expert_days"}
            assert isinstance(value, int)
        assert value > 0
        kinds[next(iter(capacity))] += 1
    # and each kind occurs
    assert set(kinds) == {"seats", "expert_days", "amount"}


def test_needs_have_no_eligibility_and_some_offers_do():
    # given generated postings
    needs = [posting for posting in postings(6000) if posting["kind"] == "need"]
    offers = [posting for posting in postings(6000) if posting["kind"] == "offer"]
    # then no need restricts eligibility
    assert all(not need["eligible_groups"] and not need["eligible_regions"] for need in needs)
    # and most offers are open to all, some restricted to groups or regions
    restricted = sum(bool(offer["eligible_groups"] or offer["eligible_regions"]) for offer in offers)
    assert 0.2 < restricted / len(offers) < 0.6


def test_needs_and_offers_are_about_45_and_55_percent():
    # given 6,000 postings
    kinds = Counter(posting["kind"] for posting in postings(6000))
    # then about 45% are needs
    assert 0.42 <= kinds["need"] / 6000 <= 0.48


def test_languages_are_spread_evenly():
    # given 6,000 postings
    languages = Counter(posting["language"] for posting in postings(6000))
    # then each of the six languages has a sixth of them, within 3 points
    assert set(languages) == set(PHRASE_LANGUAGES)
    for language in PHRASE_LANGUAGES:
        assert abs(languages[language] / 6000 - 1 / 6) <= 0.03, languages


def test_about_a_third_miss_a_modality_or_a_theme():
    # given 6,000 postings
    missing = sum(not posting["modalities"] or not posting["themes"] for posting in postings(6000))
    # then 30 to 40% lack modalities or themes, as in the development corpus
    assert 0.30 <= missing / 6000 <= 0.40


def test_every_description_is_written_in_its_language_script():
    # given generated postings
    for posting in postings(6000):
        language, text = posting["language"], posting["title"] + " " + posting["description"]
        letters = [character for character in text if character.isalpha()]
        script = SCRIPTS.get(language, SCRIPTS["latin"])
        # then nine letters in ten at least are of the language's script (acronyms such as GPU aside)
        share = sum(1 for letter in letters if script.match(letter)) / len(letters)
        assert share >= 0.9, (language, text)
        # and texts in Latin-script languages hold no Arabic, Han or Cyrillic letter
        if language in {"en", "fr", "es"}:
            assert not OTHER_SCRIPTS.search(text), text


def test_descriptions_are_mostly_distinct():
    # given 10,000 postings
    descriptions = [posting["description"] for posting in postings(10_000)]
    # then at least 90% of the descriptions occur once
    assert len(set(descriptions)) / len(descriptions) >= 0.9


def test_descriptions_have_a_plausible_length():
    # given generated postings
    for posting in postings(6000):
        length = len(posting["description"])
        # then a description runs to about 300-900 characters (Chinese, denser, to 80-450)
        if posting["language"] == "zh":
            assert 80 <= length <= 450, posting["description"]
        else:
            assert 250 <= length <= 900, posting["description"]


def test_texts_have_no_leftover_template_marks():
    # given generated postings
    for posting in postings(6000):
        for text in (posting["title"], posting["description"]):
            # then no placeholder or agreement mark is left in the text
            assert not re.search(r"[{}]|\[\[|\]\]|\|", text), text


def test_every_language_has_phrases_for_every_topic_and_slot():
    # given the topics and the six phrase banks
    topics = load_topics()
    topic_keys = [topic.key for topic in topics]
    domains = {domain for topic in topics for domain in topic.domains} | {"coop", "org", "org_research"}
    groups = {group for topic in topics for group in topic.groups}
    assert len(topic_keys) >= 20
    assert set(PHRASE_LANGUAGES) == LANGUAGES
    for language in BANK_LANGUAGES:
        bank = load_bank(language)
        # then each bank covers every topic, actor domain and target group
        assert list(bank["topics"]) == topic_keys, language
        assert domains <= set(bank["actors"]), language
        assert groups <= set(bank["groups"]), language
        for key, text in bank["topics"].items():
            titles_and_openings = ("need_titles", "offer_titles", "need_openings", "offer_openings")
            assert min(len(text[part]) for part in titles_and_openings) >= 2, key
            assert len(text["details"]) == 3, key
        # and every modality, format and capacity unit has sentences for needs and offers
        for kind in ("need", "offer"):
            assert set(bank["modality"][kind]) == MODALITIES, language
            assert set(bank["format"][kind]) == FORMATS - {None}, language
            assert set(bank["capacity"][kind]) == set(choices.CAPACITY_UNITS), language
        # and names every region and country group the generator may restrict an offer to
        assert set(bank["region_names"]) <= REGIONS and set(bank["group_names"]) == COUNTRY_GROUPS, language


def test_topics_imply_codes_of_the_taxonomy():
    # given the topics of data/topics.toml
    for topic in load_topics():
        # then every tag a topic implies is a code of the posting taxonomy
        assert {topic.primary, *topic.secondary} <= MODALITIES, topic.key
        assert {*topic.themes, *topic.extra_themes} <= THEMES, topic.key
        assert {*topic.sectors, *topic.optional_sectors} <= SECTORS, topic.key


def test_babel_writes_months_in_the_form_the_sentence_needs():
    # given a period from March to December 2026
    languages = compiled_languages()
    start, end = datetime.date(2026, 3, 1), datetime.date(2026, 12, 1)
    # when each language writes "from {start} to {end}"
    written = {
        code: languages[code].period_sentence("{start}|{end}", start, end) for code in ("ar", "zh", "en", "fr", "es")
    }
    russian = languages["ru"].period_sentence("с {start_gen} по {end}", start, end)
    # then the months are CLDR's, Russian in the genitive after «с» and the nominative after «по»
    assert written == {
        "ar": "مارس 2026|ديسمبر 2026",
        "zh": "2026年3月|2026年12月",
        "en": "March 2026|December 2026",
        "fr": "mars 2026|décembre 2026",
        "es": "marzo de 2026|diciembre de 2026",
    }
    assert russian == "с марта 2026\u202fг. по декабрь 2026\u202fг."


def test_babel_writes_amounts_with_the_currency_name_that_agrees():
    # given an amount of 1,500,000 yuan
    languages = compiled_languages()
    # when each language writes it
    written = {code: language.money(1_500_000, "CNY") for code, language in languages.items()}
    # then the number is grouped as the locale groups it and followed by the currency's name, in
    # the plural the number takes (Russian genitive plural), compact in Chinese
    assert written == {
        "ar": "1,500,000 يوان صيني",
        "zh": "150万人民币",
        "en": "1,500,000 Chinese yuan",
        "fr": "1\u202f500\u202f000 yuans renminbi chinois",
        "ru": "1\xa0500\xa0000 китайских юаней",
        "es": "1.500.000 yuanes renminbi",
    }
    assert languages["zh"].money(750_000_000, "JPY") == "7.5亿日元"
    assert languages["en"].money(7_900, "GBP") == "7,900 British pounds"


def test_babel_writes_language_lists_with_and_and_or():
    # given a posting delivered in French and English, and one in Arabic, French and English
    languages = compiled_languages()
    # then each language names and lists them as CLDR does, with the bank's own forms
    assert languages["en"].language_fields(("ar", "fr", "en")) == {
        "and": "Arabic, French and English",
        "or": "Arabic, French or English",
    }
    assert languages["fr"].language_fields(("fr", "en"))["en_or"] == "en français ou en anglais"
    assert languages["ru"].language_fields(("ru", "en"))["prep"] == "русском и английском"
    assert languages["ar"].language_fields(("ar", "en"))["b_and"] == "بالعربية والإنجليزية"
    assert languages["zh"].language_fields(("zh", "en", "fr"))["or"] == "中文、英语或法语"
    # and Spanish writes «e» before an /i/ sound and «u» before an /o/ sound
    assert languages["es"].language_fields(("fr", "en")) == {"and": "francés e inglés", "or": "francés o inglés"}
    assert languages["es"].join(["Europa", "Oceanía"], "or") == "Europa u Oceanía"
    assert languages["es"].join(["Asia", "hielo"]) == "Asia y hielo"


def test_arabic_openings_agree_with_the_actor():
    # given Arabic postings, whose openings put the verb before the actor
    arabic = [posting for posting in postings(6000) if posting["language"] == "ar"]
    actors = compiled_languages()["ar"].actors.values()
    genders = {subject: gender for subjects in actors for gender, subject in subjects}
    subjects = sorted(genders, key=len, reverse=True)
    # when an opening's actor is feminine or masculine
    verbs = Counter()
    for posting in arabic:
        verb, rest = posting["description"].split(" ", 1)
        subject = next((subject for subject in subjects if rest.startswith(subject + " ")), None)
        if subject is not None:
            verbs[("feminine" if genders[subject] == 0 else "masculine", verb[0])] += 1
    # then the verb agrees: ta (ت) for a feminine actor, ya (ي) for a masculine one
    assert verbs[("feminine", "ت")] > 50 and verbs[("masculine", "ي")] > 50, verbs
    assert verbs[("feminine", "ي")] == 0 and verbs[("masculine", "ت")] == 0, verbs


def test_member_list_is_checked():
    # given no members, or a member of an unknown kind
    # when postings are asked for
    # then the generator refuses
    with pytest.raises(ValueError):
        list(generate_postings(1, members=[], today=TODAY))
    with pytest.raises(ValueError):
        list(generate_postings(1, members=[("SEN", "country")], today=TODAY))
