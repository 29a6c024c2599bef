"""The generator's data, read from the TOML files beside this module, and what Babel writes.

`data/topics.toml` lists the topics and the tags each implies; `data/phrases/<language>.toml` is
the phrase bank of one language (see `data/README.md`). A bank is compiled once into a `Language`,
which also writes, through Babel and the bank's locale, what the phrases leave open: months and
years, amounts in a currency (the number, then the currency name that agrees with it), plain
numbers, language names and "and"/"or" lists.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal, get_currency_name, get_currency_unit_pattern

PHRASE_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
DATA_VERSION = 1  # the version of topics.toml and the phrase banks that this code reads

_DATA = resources.files(__package__) / "data"
_AGREEMENT = re.compile(r"\[\[([^|\]]*)\|([^\]]*)\]\]")
FEMININE, MASCULINE = 0, 1
NEED, OFFER = 1, 0  # index into (offer, need) pairs


def _read(name: str) -> dict:
    data = tomllib.loads((_DATA / name).read_text(encoding="utf-8"))
    if data.get("version") != DATA_VERSION:
        raise ValueError(f"{name} has version {data.get('version')!r}; this generator reads version {DATA_VERSION}")
    return data


@dataclass(frozen=True, slots=True)
class Topic:
    """What a posting is about, and the tags that this implies."""

    key: str
    primary: str  # the modality the text implies
    secondary: tuple[str, ...]  # modalities a posting may add (the text then says so)
    themes: tuple[str, ...]
    extra_themes: tuple[str, ...]  # added to about half of the postings
    sectors: tuple[str, ...]  # the topic's own sectors
    optional_sectors: tuple[str, ...]  # one of them, sometimes, when sectors is empty
    domains: tuple[str, ...]  # where a State's actor comes from (ministries, agencies, ...)
    groups: tuple[str, ...]  # target groups


def load_topics() -> tuple[Topic, ...]:
    """The topics of data/topics.toml, in the file's order (the generator draws them by index)."""
    return tuple(
        Topic(key=key, **{name: value if isinstance(value, str) else tuple(value) for name, value in spec.items()})
        for key, spec in _read("topics.toml")["topics"].items()
    )


def load_bank(code: str) -> dict:
    """The phrase bank of one language, as the TOML file holds it."""
    bank = _read(f"phrases/{code}.toml")
    if bank["language"] != code:
        raise ValueError(f"phrases/{code}.toml is the bank of {bank['language']!r}")
    return bank


def _gendered(template: str) -> tuple[str, str]:
    """Resolve ``[[feminine|masculine]]`` marks into one template per grammatical gender."""
    return _AGREEMENT.sub(r"\1", template), _AGREEMENT.sub(r"\2", template)


def _tuples(mapping: dict) -> dict[str, tuple[str, ...]]:
    return {key: tuple(value) for key, value in mapping.items()}


@dataclass(frozen=True, slots=True)
class TopicText:
    # Indexed by kind (offer 0, need 1); each opening is a (feminine, masculine) pair of templates.
    titles: tuple[tuple[str, ...], tuple[str, ...]]
    openings: tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
    details: tuple[str, ...]


class Language:
    """One phrase bank, compiled for drawing, and the language's formatting through Babel."""

    __slots__ = (
        "code", "locale", "joiner", "min_length", "max_length", "topics", "actors", "groups", "modality", "format",
        "places", "period", "capacity", "languages", "eligibility_regions", "eligibility_groups", "closing",
        "region_names", "group_names", "_month_skeleton", "_month_forms", "_compact_money", "_title_years",
        "_list_fields", "_rewrites", "_names", "_cache", "_fields",
    )  # fmt: skip

    def __init__(self, bank: dict):
        self.code: str = bank["language"]
        self.locale = Locale.parse(bank["locale"])
        self.joiner: str = bank["joiner"]
        self.min_length: int = bank["min_length"]
        self.max_length: int = bank["max_length"]
        self.topics = {
            key: TopicText(
                titles=(tuple(text["offer_titles"]), tuple(text["need_titles"])),
                openings=(
                    tuple(map(_gendered, text["offer_openings"])),
                    tuple(map(_gendered, text["need_openings"])),
                ),
                details=tuple(text["details"]),
            )
            for key, text in bank["topics"].items()
        }
        # domain -> (gender, subject); a subject marked "f:" is feminine, "m:" or unmarked masculine
        self.actors = {
            domain: tuple(
                (FEMININE, subject[2:]) if subject.startswith("f:") else (MASCULINE, subject.removeprefix("m:"))
                for subject in subjects
            )
            for domain, subjects in bank["actors"].items()
        }
        self.groups = _tuples(bank["groups"])
        self.modality = (_tuples(bank["modality"]["offer"]), _tuples(bank["modality"]["need"]))
        self.format = (_tuples(bank["format"]["offer"]), _tuples(bank["format"]["need"]))
        self.places = (tuple(bank["places"]["offer"]), tuple(bank["places"]["need"]))
        self.period = (tuple(bank["period"]["offer"]), tuple(bank["period"]["need"]))
        self.capacity = (_tuples(bank["capacity"]["offer"]), _tuples(bank["capacity"]["need"]))
        languages = bank["languages"]
        # Working-language sentences by kind, then by one language (0) or several (1).
        self.languages = (
            (tuple(languages["offer_one"]), tuple(languages["offer_many"])),
            (tuple(languages["need_one"]), tuple(languages["need_many"])),
        )
        self.eligibility_regions = tuple(bank["eligibility"]["regions"])
        self.eligibility_groups = tuple(bank["eligibility"]["groups"])
        self.closing = (tuple(bank["closing"]["offer"]), tuple(bank["closing"]["need"]))
        self.region_names: dict[str, str] = bank["region_names"]
        self.group_names: dict[str, str] = bank["group_names"]

        self._month_skeleton: str = bank["months"]["skeleton"]
        self._month_forms: dict[str, str] = bank["months"].get("forms", {})
        self._compact_money: bool = bank["money"]["compact"]
        self._title_years: str = bank["titles"]["years"]
        self._list_fields: dict[str, dict] = bank["language_lists"]
        self._rewrites = tuple(
            (re.compile(pattern), text) for pattern, text in bank.get("lists", {}).get("rewrites", ())
        )
        self._names = {"": {code: self.locale.languages[code] for code in PHRASE_LANGUAGES}}
        for spec in self._list_fields.values():
            if "names" in spec:
                self._names[spec["names"]] = bank[spec["names"]]
        self._cache: dict[tuple, str] = {}
        self._fields: dict[tuple[str, ...], dict[str, str]] = {}

    # Everything below is cached: the same few months, amounts and lists come back all the time.

    def join(self, items: Sequence[str], style: str = "standard") -> str:
        """``items`` as the language lists them, with "and" (style "standard") or "or" (style "or")."""
        key = ("list", style, *items)
        text = self._cache.get(key)
        if text is None:
            text = format_list(list(items), style=style, locale=self.locale)
            for pattern, replacement in self._rewrites:
                text = pattern.sub(replacement, text)
            self._cache[key] = text
        return text

    def month(self, day: datetime.date, form: str = "") -> str:
        """A month and year ("March 2026"); ``form`` names another form of the bank (Russian "gen")."""
        key = ("month", form, day.year, day.month)
        text = self._cache.get(key)
        if text is None:
            first = day.replace(day=1)
            if form:
                text = format_date(first, self._month_forms[form], locale=self.locale)
            else:
                text = format_skeleton(self._month_skeleton, first, locale=self.locale)
            self._cache[key] = text
        return text

    def period_sentence(self, template: str, start: datetime.date, end: datetime.date) -> str:
        fields = {"start": self.month(start), "end": self.month(end)}
        for form in self._month_forms:
            fields[f"start_{form}"] = self.month(start, form)
            fields[f"end_{form}"] = self.month(end, form)
        return template.format_map(fields)

    def title_years(self, start: datetime.date, end: datetime.date) -> str:
        """What some titles end with: the year, or the span of years (" (2026–2027)")."""
        key = ("years", start.year, end.year)
        text = self._cache.get(key)
        if text is None:
            first, last = datetime.date(start.year, 1, 1), datetime.date(end.year, 1, 1)
            years = format_skeleton("y", first, locale=self.locale)
            if last != first:
                years = format_interval(first, last, "y", locale=self.locale)
            text = self._title_years.format(years=years)
            self._cache[key] = text
        return text

    def number(self, value: int) -> str:
        key = ("number", value)
        text = self._cache.get(key)
        if text is None:
            text = self._cache[key] = format_decimal(value, locale=self.locale)
        return text

    def money(self, amount: int, currency: str) -> str:
        """An amount with the currency name that agrees with it ("50,000 US dollars", "5万美元")."""
        key = ("money", amount, currency)
        text = self._cache.get(key)
        if text is None:
            if self._compact_money:
                number = format_compact_decimal(amount, locale=self.locale, fraction_digits=2)
            else:
                number = format_decimal(amount, locale=self.locale)
            name = get_currency_name(currency, count=amount, locale=self.locale)
            pattern = get_currency_unit_pattern(currency, count=amount, locale=self.locale)
            text = self._cache[key] = pattern.format(number, name)
        return text

    def capacity_sentence(self, template: str, capacity: dict) -> str:
        if "amount" in capacity:
            return template.format(amount=self.money(capacity["amount"], capacity["currency"]))
        return template.format(n=self.number(next(iter(capacity.values()))))

    def language_fields(self, codes: Sequence[str]) -> dict[str, str]:
        """The working languages as the bank's sentences name them ({and}, {or}, and the bank's own)."""
        key = tuple(codes)
        fields = self._fields.get(key)
        if fields is None:
            fields = {}
            for field, spec in self._list_fields.items():
                names = self._names[spec.get("names", "")]
                item = spec.get("item", "{name}")
                listed = self.join([item.format(name=names[code]) for code in codes], spec["style"])
                fields[field] = spec.get("list", "{list}").format(list=listed)
            self._fields[key] = fields
        return fields


@cache
def compiled_languages() -> dict[str, Language]:
    """The six compiled phrase banks, by language code."""
    return {code: Language(load_bank(code)) for code in PHRASE_LANGUAGES}
