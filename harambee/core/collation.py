"""Sorting names the way a reader of a language expects: by the Unicode Collation Algorithm (pyuca,
with the Default Unicode Collation Element Table), not by code point.

Code points put "Égypte" after "Zambie" and every lower-case name after every capital; the collation
puts "Égypte" among the E names ("Égypte" < "Équateur" < "Érythrée" < "Espagne"), ignores case and
accents at first sight, and orders Arabic letters alphabetically (ا ب ت ث …). The table is the CLDR
root order, which is also the French, Arabic, Russian and English order; it does not know Spanish ñ
as a letter of its own (no country name starts with it) nor the pinyin order of Chinese: Chinese
names are ordered by their characters' Unicode order (radical and strokes), not by their reading.

The table (about 0.3 s to load) is read once per process, at the first sort.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import TypeVar

T = TypeVar("T")


@cache
def _collator():
    from pyuca import Collator

    return Collator()


def sort_key(text: str, language: str | None = None) -> tuple:
    """The key that sorts ``text`` among others in ``language`` (Unicode collation; the same table for
    every language today, see the module's note). Ties of the collation fall back to the text itself,
    so that the order is total."""
    del language  # one table for every language (kept for a tailored collation later)
    return (_collator().sort_key(text or ""), text or "")


def sorted_by_name(items: Iterable[T], language: str | None = None, *, key: Callable[[T], str] = str) -> list[T]:
    """``items`` sorted by the name ``key`` gives each, in the reader's ``language``."""
    return sorted(items, key=lambda item: sort_key(key(item), language))
