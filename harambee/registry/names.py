"""Names of countries, areas and M49 regions, never typed by hand.

The United Nations names come first: the UNSD M49 names in the six UN languages
(`data/m49_names.csv`, see docs/adr/0002). The Unicode CLDR (through Babel) names what M49 does
not, and gives the everyday forms ("Russia", "North Korea") people may search for.
"""

import csv
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")

M49_NAMES = Path(__file__).resolve().parent / "data" / "m49_names.csv"


def _un_language(language: str) -> str:
    """A UN language code of the names file ("zh-hans" → "zh"), or the language itself."""
    return language.lower().replace("_", "-").split("-")[0]


@lru_cache(maxsize=1)
def _m49_names() -> dict[str, dict[str, str]]:
    """{ISO alpha-2 or M49 region code: {language: UN name}} from the names file."""
    names: dict[str, dict[str, str]] = {}
    with open(M49_NAMES, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names[row["iso2"] or row["m49"]] = {
                language: row[f"name_{language}"] for language in UN_LANGUAGES if row[f"name_{language}"]
            }
    return names


@lru_cache(maxsize=16)
def _territories(language: str) -> dict[str, str]:
    tag = {"zh-hans": "zh_Hans", "zh": "zh_Hans"}.get(language.lower(), language.replace("-", "_"))
    try:
        return dict(Locale.parse(tag).territories)
    except (UnknownLocaleError, ValueError):
        return dict(Locale.parse("en").territories)


def cldr_territory_name(code: str, language: str | None) -> str:
    """The CLDR name of an ISO alpha-2 country or an M49 region code in `language` ('' if none)."""
    return _territories(language or "en").get(code, "")


def territory_name(code: str, language: str | None) -> str:
    """The name of an ISO alpha-2 country or an M49 region code in `language` ('' if none): the
    UNSD M49 name in a UN language, else the CLDR name."""
    language = language or "en"
    un_name = _m49_names().get(code, {}).get(_un_language(language))
    return un_name or cldr_territory_name(code, language)


def territory_names(code: str) -> dict[str, str]:
    """The names of a territory in the six UN languages."""
    return {language: territory_name(code, language) for language in UN_LANGUAGES}


def territory_search_names(code: str) -> set[str]:
    """Every name a territory is known by in the six UN languages: the UN names and CLDR's everyday
    ones ("Russian Federation" and "Russia"), for searching."""
    return {
        name
        for language in UN_LANGUAGES
        for name in (territory_name(code, language), cldr_territory_name(code, language))
        if name
    }
