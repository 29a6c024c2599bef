"""Sorting names the way a reader of a language expects: by the Unicode Collation Algorithm (pyuca,
with the Default Unicode Collation Element Table), not by code point.

Code points put "Égypte" after "Zambie" and every lower-case name after every capital; the collation
puts "Égypte" among the E names ("Égypte" < "Équateur" < "Érythrée" < "Espagne"), ignores case and
accents at first sight, and orders Arabic letters alphabetically (ا ب ت ث …). The table is the CLDR
root order, which is also the French, Arabic, Russian and English order; it does not know Spanish ñ
as a letter of its own (no country name starts with it) nor the pinyin order of Chinese: Chinese
names are ordered by their characters' Unicode order (radical and strokes), not by their reading.

The table has 30,000 entries (0.3 to 0.9 s to parse in full, on the first request of a process): it is
read once per process as raw lines, and only the entries of the characters met are parsed, when met.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import cache

from pyuca import Collator
from pyuca.collator import COLL_ELEMENT_PATTERN
from pyuca.utils import hexstrings2int


class LazyCollator(Collator):
    """pyuca's collator (UCA 10.0.0) whose table entries are parsed when a character first needs them;
    every entry whose key starts with that character (contractions too) is parsed at once."""

    def load(self, filename):
        self.pending: dict[int, list[str]] = {}
        with open(filename, encoding="utf-8") as keys_file:
            for line in keys_file:
                line = line.split("#", 1)[0].rstrip()
                if not line or line.startswith("@version"):
                    continue
                if line.startswith("@implicitweights"):
                    ch_range, base = line[len("@implicitweights") :].split(";")
                    start, end = ch_range.split("..")
                    self.implicit_weights.append([int(start, 16), int(end, 16), int(base, 16)])
                    continue
                self.pending.setdefault(int(line.split(None, 1)[0], 16), []).append(line)

    #: A web process's threads share the collator: one parses a character's entries while the others wait,
    #: so none computes a key before the entries it needs are in the table.
    _parsing = threading.Lock()

    def sort_key(self, string):
        characters = {ord(c) for c in unicodedata.normalize("NFD", string)}
        if any(character in self.pending for character in characters):
            with self._parsing:
                for character in characters:
                    for line in self.pending.get(character, ()):
                        keys, elements = line.split(";", 1)
                        weights = [hexstrings2int(x.groups()) for x in COLL_ELEMENT_PATTERN.finditer(elements)]
                        self.table.add(hexstrings2int(keys.split()), weights)
                    # only once its entries are in the table (another thread reads `pending` without the lock)
                    self.pending.pop(character, None)
        return super().sort_key(string)


@cache
def _collator() -> LazyCollator:
    return LazyCollator()


def sort_key(text: str, language: str | None = None) -> tuple:
    """The key that sorts ``text`` among others in ``language`` (Unicode collation; the same table for
    every language today, see the module's note). Ties of the collation fall back to the text itself,
    so that the order is total."""
    del language  # one table for every language (kept for a tailored collation later)
    return (_collator().sort_key(text or ""), text or "")
