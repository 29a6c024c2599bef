"""Synthetic postings in the six UN languages, for load tests, benchmarks and the demo.

`generate_postings` yields dicts in the JSON Lines posting format of
`shared/bench/matching-dev/README.md` (codes from `shared/reference/taxonomy.md`).
It needs no Django, so that commands and benchmarks can use it as they are.

How a posting is built: a topic (civil-servant training, a national AI strategy,
GPU access, crop-pest detection, ...; `data/topics.toml`) fixes the modalities, themes
and sectors; the text then combines that topic's phrasing for a need or an offer with an
actor, a target group, a format and place, a period, a capacity, eligibility and working
languages, so that the tags and the text say the same thing. The phrases come from the
language's phrase bank (`data/phrases/<language>.toml`, written per language, not
translated word for word); months, amounts, numbers, language names and lists are
written by Babel (`banks.Language`).

Determinism: postings are drawn from ``random.Random`` seeded with ``seed`` and the
block of 64 id numbers the posting falls in, so the same seed always gives the same
postings, and generating in chunks with ``start_index`` gives exactly the postings
of one long run (a chunk starting inside a block replays that block's first postings).
Ids are ``GEN-N-0000001`` (need) or ``GEN-O-0000001`` (offer), numbered from
``start_index + 1``; needs and offers share the numbering, so ids stay unique across chunks.
The postings of a seed change only when the data files' version or this code changes.

Chinese descriptions are shorter in characters than the others (about 100 to 450
against 300 to 900) because Han script carries about three times as much per
character, as in the development corpus.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator, Sequence
from functools import partial
from operator import itemgetter

from harambee_synth.banks import NEED, OFFER, PHRASE_LANGUAGES, compiled_languages, load_topics

TOPICS = load_topics()
_LANGUAGES = compiled_languages()
_TOPIC_COUNT = len(TOPICS)

NEED_SHARE = 0.45
MISSING_TAG_SHARE = 0.35

# States where a language is used in public administration: a State posting in that language
# is mostly one of these. Organisations work in all six languages and post a fixed share
# (more of the Chinese postings, as only two States write Chinese).
_STATES_BY_LANGUAGE = {
    "ar": frozenset(
        "ARE BHR COM DJI DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TCD TUN YEM".split()
    ),
    "fr": frozenset(
        "BDI BEL BEN BFA CAF CAN CHE CIV CMR COD COG COM DJI DZA FRA GAB GIN GNQ HTI LBN LUX MAR MCO MDG MLI MRT "
        "MUS NER RWA SEN SYC TCD TGO TUN VUT".split()
    ),
    "es": frozenset("ARG BOL CHL COL CRI CUB DOM ECU ESP GNQ GTM HND MEX NIC PAN PER PRY SLV URY VEN".split()),
    "ru": frozenset("ARM AZE BLR GEO KAZ KGZ MDA MNG RUS TJK TKM UZB".split()),
    "zh": frozenset("CHN SGP".split()),
}
_LANGUAGE_AFFINITY = 0.8
_ORGANISATION_SHARE = {"zh": 0.4}
_DEFAULT_ORGANISATION_SHARE = 0.2

# Regions an offer is most often restricted to, by the offer's language.
_REGION_CHOICES = {
    "ar": (("145", "015"), ("145", "015"), ("015",), ("145",), ("002",)),
    "fr": (("002",), ("202",), ("002",), ("015",), ("202", "009")),
    "es": (("419",), ("419",), ("019",), ("419", "002")),
    "ru": (("143",), ("143", "150"), ("150",), ("143", "145")),
    "zh": (("002",), ("142",), ("035",), ("002", "142"), ("035", "009")),
    "en": (("002",), ("202",), ("009",), ("035",), ("142",), ("419",), ("019",), ("150",), ("145",)),
}
_ALL_REGION_CHOICES = tuple(choice for choices in _REGION_CHOICES.values() for choice in choices)
_GROUP_CHOICES = (
    ("LDC",),
    ("LDC",),
    ("LDC",),
    ("SIDS",),
    ("SIDS",),
    ("LLDC",),
    ("G77",),
    ("G77",),
    ("LDC", "SIDS"),
    ("LDC", "LLDC"),
    ("LDC", "LLDC", "SIDS"),
)

_SEATS = (8, 10, 12, 15, 20, 24, 25, 30, 35, 40, 45, 50, 60, 80, 100, 120, 150, 200, 250, 300)
_VISIT_SEATS = (6, 8, 10, 12, 15, 20, 25, 30, 40)  # study visits and policy exchanges
_EXPERT_DAYS = (10, 15, 20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 120, 150, 200)
_USD_AMOUNTS = (
    10_000,
    15_000,
    20_000,
    25_000,
    30_000,
    40_000,
    50_000,
    65_000,
    75_000,
    80_000,
    100_000,
    120_000,
    150_000,
    200_000,
    250_000,
    300_000,
    400_000,
    500_000,
    750_000,
    1_000_000,
    1_500_000,
    2_000_000,
    3_000_000,
    5_000_000,
)
# (currency, units per USD, weight)
_CURRENCY_TABLE = (
    ("USD", 1.0, 58),
    ("EUR", 0.92, 17),
    ("CNY", 7.2, 6),
    ("GBP", 0.79, 3),
    ("JPY", 150.0, 3),
    ("XOF", 600.0, 4),
    ("ZMW", 26.0, 2),
    ("RUB", 90.0, 2),
    ("SAR", 3.75, 2),
    ("INR", 83.0, 2),
    ("BRL", 5.0, 1),
)
CURRENCIES = tuple(currency for currency, _, _ in _CURRENCY_TABLE)
_CURRENCY_BY_LANGUAGE = {"zh": "CNY", "ru": "RUB", "fr": "XOF", "ar": "SAR", "es": "BRL", "en": "GBP"}
_DURATION_MONTHS = (1, 2, 3, 3, 4, 6, 6, 6, 9, 10, 12, 12, 12, 12, 15, 18, 18, 24, 24, 30, 36)
_EXTRA_LANGUAGES = {
    "ar": ("en", "en", "fr"),
    "zh": ("en", "en", "en", "fr", "ru", "es"),
    "en": ("fr", "fr", "es", "ar", "ru"),
    "fr": ("en", "en", "en", "es", "ar"),
    "ru": ("en", "en", "en", "zh"),
    "es": ("en", "en", "en", "fr"),
}


def _two_significant_digits(value: float) -> int:
    if value < 100:
        return max(1, round(value))
    magnitude = 10 ** (len(str(int(value))) - 2)
    return int(round(value / magnitude)) * magnitude


_CURRENCY_WEIGHTS = tuple(weight for _, _, weight in _CURRENCY_TABLE)
_CURRENCY_CUMULATIVE = tuple(sum(_CURRENCY_WEIGHTS[: index + 1]) for index in range(len(_CURRENCY_WEIGHTS)))
_CURRENCY_TOTAL = _CURRENCY_CUMULATIVE[-1]
_CURRENCY_RATES = {currency: rate for currency, rate, _ in _CURRENCY_TABLE}

# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------

_ID_BITS = 40
_BLOCK = 64  # postings drawn from one seeding of the generator
_ORDER = itemgetter(1)


_Member = tuple[str, str]


def _member_pools(
    members: Sequence[_Member],
) -> tuple[dict[str, tuple[_Member, ...]], tuple[_Member, ...], tuple[_Member, ...]]:
    """States by the language they write, all States, and organisations (each falling back to everyone)."""
    everyone = tuple((code, kind) for code, kind in members)
    for code, kind in everyone:
        if kind not in ("state", "organisation"):
            raise ValueError(f"member {code!r} has kind {kind!r}; expected 'state' or 'organisation'")
    states = tuple(member for member in everyone if member[1] == "state") or everyone
    organisations = tuple(member for member in everyone if member[1] == "organisation") or everyone
    by_language = {}
    for language in PHRASE_LANGUAGES:
        writers = _STATES_BY_LANGUAGE.get(language)
        by_language[language] = (
            states if writers is None else tuple(member for member in states if member[0] in writers) or states
        )
    return by_language, states, organisations


def generate_postings(
    count: int,
    *,
    members: list[tuple[str, str]],
    seed: int = 0,
    start_index: int = 0,
    today: datetime.date,
) -> Iterator[dict]:
    """Yield ``count`` synthetic postings in the interchange format, numbered from ``start_index + 1``.

    ``members`` lists ``(member_code, kind)`` pairs, kind being ``"state"`` or ``"organisation"``.
    Dates fall between about ``today`` minus a year and ``today`` plus two years. The same
    ``seed`` always yields the same postings, whatever the chunking by ``start_index``.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if start_index < 0:
        raise ValueError("start_index must not be negative")
    if start_index + count >= 1 << _ID_BITS:
        raise ValueError("too many postings for one seed")
    if not members:
        raise ValueError("at least one member is needed")
    pools = _member_pools(members)
    seed_bits = (seed & 0xFFFF_FFFF_FFFF_FFFF) << _ID_BITS
    today_ordinal = today.toordinal()
    horizon_ordinal = today_ordinal + 730
    rng = random.Random()
    draw = rng.random
    number, last = start_index + 1, start_index + count
    while number <= last:
        # One seed per block of postings; a chunk that starts inside a block replays the block's
        # earlier postings, so that chunks are exactly the slices of one long run.
        block = (number - 1) // _BLOCK
        rng.seed(seed_bits | block)
        block_first = block * _BLOCK + 1
        for skipped in range(block_first, number):
            _posting(draw, skipped, pools, today_ordinal, horizon_ordinal)
        block_last = min(last, block_first + _BLOCK - 1)
        for current in range(number, block_last + 1):
            yield _posting(draw, current, pools, today_ordinal, horizon_ordinal)
        number = block_last + 1


def _posting(r, number, pools, today_ordinal, horizon_ordinal) -> dict:
    """Draw one posting; ``r`` is the seeded generator's ``random`` method."""
    language_code = PHRASE_LANGUAGES[int(r() * 6)]
    language = _LANGUAGES[language_code]
    kind = NEED if r() < NEED_SHARE else OFFER
    topic = TOPICS[int(r() * _TOPIC_COUNT)]
    by_language, states, organisations = pools
    if r() < _ORGANISATION_SHARE.get(language_code, _DEFAULT_ORGANISATION_SHARE):
        pool = organisations
    else:
        pool = by_language[language_code] if r() < _LANGUAGE_AFFINITY else states
    member, member_kind = pool[int(r() * len(pool))]

    # Tags: what the topic implies, then some dropped as members often leave them out.
    secondary = None
    if topic.secondary and r() < 0.5:
        secondary = topic.secondary[int(r() * len(topic.secondary))]
    modalities = [topic.primary] if secondary is None else [topic.primary, secondary]
    themes = list(topic.themes)
    if topic.extra_themes and r() < 0.5:
        themes.append(topic.extra_themes[int(r() * len(topic.extra_themes))])
    if topic.sectors:
        if r() < 0.75:
            sectors = (
                list(topic.sectors)
                if len(topic.sectors) == 1 or r() < 0.7
                else [topic.sectors[int(r() * len(topic.sectors))]]
            )
        else:
            sectors = []
    elif topic.optional_sectors and r() < 0.35:
        sectors = [topic.optional_sectors[int(r() * len(topic.optional_sectors))]]
    else:
        sectors = []
    if r() < MISSING_TAG_SHARE:
        which = r()
        if which < 0.75:
            modalities = []
        if which >= 0.4:
            themes = []
        if 0.4 <= which < 0.75 and r() < 0.5:
            sectors = []

    # Working languages: the posting's own, often English, sometimes another.
    delivery = [language_code]
    extras = _EXTRA_LANGUAGES[language_code]
    if r() < (0.45 if kind == NEED else 0.6):
        delivery.append(extras[int(r() * len(extras))])
    if r() < (0.1 if kind == NEED else 0.3):
        extra = PHRASE_LANGUAGES[int(r() * 6)]
        if extra not in delivery:
            delivery.append(extra)

    x = r()
    if topic.primary == "financial_support" and x < 0.8:
        format_ = None
    elif x < 0.38:
        format_ = "hybrid"
    elif x < 0.65:
        format_ = "online"
    elif x < 0.9:
        format_ = "in_person"
    else:
        format_ = None

    # Eligibility: offers only, mostly open to all.
    eligible_groups: list[str] = []
    eligible_regions: list[str] = []
    if kind == OFFER:
        if r() < 0.18:
            eligible_groups = list(_GROUP_CHOICES[int(r() * len(_GROUP_CHOICES))])
        if r() < 0.27:
            choices = _REGION_CHOICES[language_code] if r() < 0.75 else _ALL_REGION_CHOICES
            eligible_regions = list(choices[int(r() * len(choices))])

    # Capacity follows what is offered or asked for.
    capacity = None
    if r() < (0.3 if kind == NEED else 0.72):
        driver = "financial_support" if secondary == "financial_support" and r() < 0.5 else topic.primary
        if driver == "financial_support":
            currency = "USD"
            pick = r() * _CURRENCY_TOTAL
            for index, bound in enumerate(_CURRENCY_CUMULATIVE):
                if pick < bound:
                    currency = _CURRENCY_TABLE[index][0]
                    break
            if r() < 0.2:
                currency = _CURRENCY_BY_LANGUAGE[language_code]
            usd = _USD_AMOUNTS[int(r() * len(_USD_AMOUNTS))]
            capacity = {"amount": _two_significant_digits(usd * _CURRENCY_RATES[currency]), "currency": currency}
        elif driver == "technical_assistance" or (driver == "joint_research" and r() < 0.5):
            capacity = {"expert_days": _EXPERT_DAYS[int(r() * len(_EXPERT_DAYS))]}
        elif driver == "policy_exchange":
            capacity = {"seats": _VISIT_SEATS[int(r() * len(_VISIT_SEATS))]}
        else:
            capacity = {"seats": _SEATS[int(r() * len(_SEATS))]}

    # Dates: a start between about a year ago and eighteen months ahead, then a duration.
    start = end = None
    if r() >= 0.07:
        day = datetime.date.fromordinal(today_ordinal - 330 + int(r() * 871))
        start = datetime.date(day.year, day.month, 1 if r() < 0.8 else 15)
        months = _DURATION_MONTHS[int(r() * len(_DURATION_MONTHS))]
        year, month = divmod(start.month - 1 + months, 12)
        end_ordinal = datetime.date(start.year + year, month + 1, start.day).toordinal() - 1
        end = datetime.date.fromordinal(min(end_ordinal, horizon_ordinal))
        if kind == OFFER and r() < 0.03:
            end = None

    # Text.
    texts = language.topics[topic.key]
    titles = texts.titles[kind]
    title = titles[int(r() * len(titles))]
    if start is not None and end is not None and r() < 0.12:
        title += language.title_years(start, end)

    if member_kind == "state":
        domain = "coop" if kind == OFFER and r() < 0.3 else topic.domains[int(r() * len(topic.domains))]
    else:
        domain = "org_research" if "research" in topic.domains and r() < 0.6 else "org"
    actors = language.actors[domain]
    gender, actor = actors[int(r() * len(actors))]
    group_keys = topic.groups
    groups = language.groups[group_keys[int(r() * len(group_keys))]]
    group = groups[int(r() * len(groups))]
    openings = texts.openings[kind]
    opening = openings[int(r() * len(openings))][gender].format(actor=actor, group=group)
    details = texts.details
    first = int(r() * 3)
    second = (first + 1 + int(r() * 2)) % 3

    # (priority when trimming, order in the text, sentence): chosen ones, and spares that lengthen
    # a short text. A spare's sentence may be a callable, formatted only if it is used.
    chosen = [(100, 0, opening), (90, 1, details[first])]
    spare = []
    (chosen if r() < 0.45 else spare).append((20, 2, details[second]))
    if secondary is not None:
        sentences = language.modality[kind][secondary]
        (chosen if r() < 0.85 else spare).append((60, 3, sentences[int(r() * len(sentences))]))
    if format_ is not None:
        sentences = language.format[kind][format_]
        places = language.places[kind]
        sentence = sentences[int(r() * len(sentences))].format(place=places[int(r() * len(places))])
        (chosen if r() < 0.7 else spare).append((50, 4, sentence))
    if start is not None and end is not None:
        sentences = language.period[kind]
        template = sentences[int(r() * len(sentences))]
        if r() < 0.45:
            chosen.append((30, 5, language.period_sentence(template, start, end)))
        else:
            spare.append((30, 5, partial(language.period_sentence, template, start, end)))
    if capacity is not None:
        sentences = language.capacity[kind][next(iter(capacity))]
        template = sentences[int(r() * len(sentences))]
        if r() < 0.55:
            chosen.append((40, 6, language.capacity_sentence(template, capacity)))
        else:
            spare.append((40, 6, partial(language.capacity_sentence, template, capacity)))
    if eligible_regions:
        names = [language.region_names[code] for code in eligible_regions]
        sentences = language.eligibility_regions
        chosen.append((80, 7, sentences[int(r() * len(sentences))].format(regions=language.join(names))))
    if eligible_groups:
        names = [language.group_names[code] for code in eligible_groups]
        sentences = language.eligibility_groups
        chosen.append((80, 8, sentences[int(r() * len(sentences))].format(groups=language.join(names))))
    closings = language.closing[kind]
    (chosen if r() < 0.3 else spare).append((10, 9, closings[int(r() * len(closings))]))
    sentences = language.languages[kind][len(delivery) > 1]
    sentence = sentences[int(r() * len(sentences))].format_map(language.language_fields(delivery))
    (chosen if r() < 0.8 else spare).append((70, 10, sentence))

    # At most six sentences, and a length within the language's bounds where the sentences allow.
    if len(chosen) > 6:
        chosen.sort(reverse=True)
        del chosen[6:]
    joiner = language.joiner
    chosen.sort(key=_ORDER)
    description = joiner.join([item[2] for item in chosen])
    length = len(description)
    if length < language.min_length and spare and len(chosen) < 6:
        spare.sort(reverse=True)
        for priority, order, sentence in spare:
            if len(chosen) >= 6 or length >= language.min_length:
                break
            if not isinstance(sentence, str):
                sentence = sentence()
            chosen.append((priority, order, sentence))
            length += len(sentence) + len(joiner)
        chosen.sort(key=_ORDER)
        description = joiner.join([item[2] for item in chosen])
    if length > language.max_length and len(chosen) > 2:
        chosen.sort(reverse=True)
        while length > language.max_length and len(chosen) > 2:
            length -= len(chosen.pop()[2]) + len(joiner)
        chosen.sort(key=_ORDER)
        description = joiner.join([item[2] for item in chosen])

    return {
        "id": f"GEN-{'N' if kind == NEED else 'O'}-{number:07d}",
        "kind": "need" if kind == NEED else "offer",
        "member": member,
        "title": title,
        "description": description,
        "language": language_code,
        "modalities": modalities,
        "themes": themes,
        "sectors": sectors,
        "delivery_languages": delivery,
        "format": format_,
        "eligible_groups": eligible_groups,
        "eligible_regions": eligible_regions,
        "capacity": capacity,
        "start": None if start is None else start.isoformat(),
        "end": None if end is None else end.isoformat(),
    }
