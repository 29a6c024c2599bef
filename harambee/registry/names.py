"""Names of countries and M49 regions from CLDR (through Babel), never typed by hand."""

from functools import lru_cache

from babel import Locale
from babel.core import UnknownLocaleError

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@lru_cache(maxsize=16)
def _territories(language: str) -> dict[str, str]:
    tag = {"zh-hans": "zh_Hans", "zh": "zh_Hans"}.get(language.lower(), language.replace("-", "_"))
    try:
        return dict(Locale.parse(tag).territories)
    except (UnknownLocaleError, ValueError):
        return dict(Locale.parse("en").territories)


def territory_name(code: str, language: str | None) -> str:
    """The CLDR name of an ISO alpha-2 country or an M49 region code in `language` ('' if none)."""
    return _territories(language or "en").get(code, "")


def territory_names(code: str) -> dict[str, str]:
    """The CLDR names of a territory in the six UN languages."""
    return {language: territory_name(code, language) for language in UN_LANGUAGES}
