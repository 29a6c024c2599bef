"""Near-duplicate postings: the same provider posting (nearly) the same text more than once.

Suggestions show one of them and say "and N similar offers" rather than filling the list with
copies. Two postings are near-duplicates when they belong to the same member and the sets of
their words (title and description, casefolded and accent-folded, runs of Chinese characters cut
into character pairs) overlap by at least ``THRESHOLD`` (Jaccard), so a changed date, number or a
typo does not hide a copy while two different offers of one provider stay apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

THRESHOLD = 0.8

_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_HAN_RE = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=4096)  # a pure function of the text: suggestion lists fold the same postings again
def shingles(text: str) -> frozenset[str]:
    """The words of ``text`` (Chinese runs as overlapping character pairs)."""
    out: set[str] = set()
    for word in _WORD_RE.findall(_fold(text)):
        if _HAN_RE.search(word):
            out.update(word[i : i + 2] for i in range(max(1, len(word) - 1)))
        else:
            out.add(word)
    return frozenset(out)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def near_duplicate_groups(items: Sequence[tuple[str, str]], threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups of positions of ``items`` (member, text) in their order: each group starts with its
    first (best-ranked) item, followed by the later items of the same member with (nearly) the
    same text. Every position is in exactly one group."""
    words = [shingles(text) for _, text in items]
    groups: list[list[int]] = []
    for i, (member, _) in enumerate(items):
        for group in groups:
            head = group[0]
            if items[head][0] == member and similarity(words[head], words[i]) >= threshold:
                group.append(i)
                break
        else:
            groups.append([i])
    return groups
