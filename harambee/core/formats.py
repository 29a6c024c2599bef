"""Dates, times, numbers and money in the reader's language, from the Unicode CLDR through Babel.

One module for every page, e-mail and notification (the template filters in
``core/templatetags/formats.py`` call it), so that a page never mixes "10/01/2026" with
"Oct. 12, 2026". The rules:

* a date is the locale's medium date ("1 Oct 2026", "1 oct. 2026", "2026年10月1日");
* a moment (a deadline, a time stamp) is that date with the short time and the time zone named
  ("1 Oct 2026, 2:33 pm UTC"), in the platform's time zone (``settings.TIME_ZONE``);
* a number shows the decimals it has, at most three ("8", "2.5", "1,234"), or exactly ``places``;
* money is the locale's currency format, without cents for whole amounts ("US$120,000",
  "120 000 $US");
* a quantity of seats or expert-days is a counted phrase ("8 seats", "1 expert-day").

English is shown as international English (CLDR ``en_001``: day before month, "US$" for the US
dollar). The language is the active one unless one is given.
"""

import functools
import math
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_interval, get_timezone, get_timezone_location
from babel.dates import format_time as babel_format_time
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

#: Django language code → CLDR locale.
LOCALES = {"en": "en_001", "zh-hans": "zh_Hans", "zh": "zh_Hans"}


def locale_for(language: str | None = None) -> Locale:
    """The CLDR locale of ``language`` (the active language by default)."""
    return _locale((language or translation.get_language() or settings.LANGUAGE_CODE).lower())


@functools.lru_cache(maxsize=32)
def _locale(code: str) -> Locale:
    # parsed once per language and process: a page formats hundreds of numbers
    return Locale.parse(LOCALES.get(code, code.replace("-", "_")))


def _zone():
    return get_timezone(settings.TIME_ZONE)


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def format_day(value, language: str | None = None) -> str:
    """A date (or the date of a moment, in the platform's time zone) as the locale's medium date."""
    if value in (None, ""):
        return ""
    return babel_format_date(_as_date(value), "medium", locale=locale_for(language))


def time_zone_name(language: str | None = None, value: datetime | None = None) -> str:
    """The short name of the platform's time zone in ``language`` ("UTC", "TU" in French)."""
    moment = value or timezone.now()
    return babel_format_time(moment, "z", tzinfo=_zone(), locale=locale_for(language))


def format_moment(value, language: str | None = None) -> str:
    """A moment as date, time and time zone: "1 Oct 2026, 2:33 pm UTC" (in the platform's zone)."""
    if value in (None, ""):
        return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        return format_day(value, language)
    locale = locale_for(language)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    # the locale's long time (which places the zone) without its seconds
    time_pattern = locale.time_formats["long"].pattern.replace(":ss", "").replace(".ss", "")
    time_text = babel_format_time(value, time_pattern, tzinfo=_zone(), locale=locale)
    day = babel_format_date(timezone.localtime(value, _zone()).date(), "medium", locale=locale)
    return str(locale.datetime_formats["medium"]).replace("{1}", day).replace("{0}", time_text)


def format_end_of_day(value, language: str | None = None) -> str:
    """A deadline given as a date (a posting's apply-by date): the date, until the end of that day
    in the platform's time zone, named."""
    if value in (None, ""):
        return ""
    with translation.override(language or translation.get_language()):
        return gettext("%(date)s (until the end of the day, %(zone)s)") % {
            "date": format_day(value, language),
            "zone": time_zone_name(language),
        }


def format_day_range(start, end, language: str | None = None) -> str:
    """Two dates as one span in the locale's style: "12–17 May 2025", "2025年5月12日至17日"."""
    if start in (None, "") or end in (None, ""):
        return format_day(start or end, language)
    if start == end:
        return format_day(start, language)
    return format_interval(_as_date(start), _as_date(end), "yMMMd", locale=locale_for(language))


def format_long_day(value, language: str | None = None) -> str:
    """A date with its weekday, as a heading of a day: "Monday, 12 May 2025"."""
    if value in (None, ""):
        return ""
    return babel_format_date(_as_date(value), "full", locale=locale_for(language))


def format_clock(value, zone: str | None = None, language: str | None = None) -> str:
    """The short time of a moment at ``zone`` (an IANA name; the platform's by default): "9:00 am"."""
    if value in (None, ""):
        return ""
    tzinfo = get_timezone(zone) if zone else _zone()
    return babel_format_time(value, "short", tzinfo=tzinfo, locale=locale_for(language))


def time_zone_label(zone: str, language: str | None = None) -> str:
    """A time zone by its place in ``language``: "China (Shanghai) Time", "heure : Chine (Shanghai)"."""
    return get_timezone_location(get_timezone(zone), locale=locale_for(language))


def format_listing(items, language: str | None = None, *, alternatives: bool = False) -> str:
    """Items as the locale joins a list: "Training, Research and Grants", "Formation, Recherche et
    Subventions", "التدريب والبحث والمنح"; with ``alternatives``, any one of them: "LDCs, SIDS or
    Africa"."""
    texts = [str(item) for item in items if item not in (None, "")]
    if not texts:
        return ""
    return format_list(texts, style="or" if alternatives else "standard", locale=locale_for(language))


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def format_number(value, places: int | None = None, language: str | None = None) -> str:
    """A number in the locale: the decimals it has, at most three ("8" for 8.00, "2.5"), or
    exactly ``places`` decimals ("0.83", "0,83")."""
    number = _decimal(value)
    if number is None:
        return "" if value in (None, "") else str(value)
    pattern = None if places is None else "#,##0" + ("." + "0" * places if places > 0 else "")
    return _decimal_text(number, pattern, locale_for(language))


@functools.lru_cache(maxsize=8192)
def _decimal_text(number: Decimal, pattern: str | None, locale: Locale) -> str:
    # a page may show a few hundred numbers (a suggestion's score breakdown), many of them the same
    return format_decimal(number, format=pattern, locale=locale)


def format_percentage(value, language: str | None = None) -> str:
    """A percentage given on a 0–100 scale, in the locale: "12.5%", "12,5 %"."""
    number = _decimal(value)
    if number is None:
        return ""
    locale = locale_for(language)
    pattern = locale.percent_formats[None].pattern.replace("#,##0", "#,##0.##", 1)
    return format_percent(number / 100, format=pattern, locale=locale)


def format_money(value, currency: str, language: str | None = None) -> str:
    """An amount in ``currency`` (ISO 4217) in the locale's currency format; whole amounts without
    cents: "US$120,000", "120 000 $US", "US$1,234.50"."""
    number = _decimal(value)
    if number is None:
        return ""
    if not currency:
        return format_number(number, language=language)
    locale = locale_for(language)
    if number == number.to_integral_value():
        pattern = locale.currency_formats["standard"].pattern
        pattern = pattern.replace("0.00", "0")
        text = format_currency(number, currency, format=pattern, currency_digits=False, locale=locale)
    else:
        text = format_currency(number, currency, locale=locale)
    symbol = get_currency_symbol(currency, locale=locale)
    if locale.character_order == "right-to-left" and any(c.isalpha() and c.isascii() for c in symbol):
        # a Latin symbol ("US$") in a right-to-left line keeps its own order ("$US" otherwise)
        text = text.replace(symbol, f"\u2066{symbol}\u2069", 1)
    return text


def _plural_count(number: Decimal) -> int:
    """The integer that picks the plural form of a quantity: itself when whole, else rounded up
    (2.5 seats take the form of 3)."""
    return int(number) if number == number.to_integral_value() else math.ceil(number)


def format_quantity(value, unit: str, currency: str = "", language: str | None = None) -> str:
    """A capacity or a pledge: "8 seats", "1 expert-day", or money for the unit "amount"."""
    number = _decimal(value)
    if number is None:
        return ""
    if unit == "amount" or currency:
        return format_money(number, currency, language)
    with translation.override(language or translation.get_language()):
        count = _plural_count(number)
        shown = format_number(number, language=language)
        if unit == "seats":
            return ngettext("%(count)s seat", "%(count)s seats", count) % {"count": shown}
        if unit == "expert_days":
            return ngettext("%(count)s expert-day", "%(count)s expert-days", count) % {"count": shown}
        return shown
