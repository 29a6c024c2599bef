"""The multilingual concept glossary and the tagger that finds its concepts in posting texts.

The glossary is data: CSV files under ``glossary/`` with one row per surface form
(``concept,area,lang,form,preferred``). A concept has forms in all six UN languages and one
preferred form per language, the label shown in explanations. Matching is language-independent
because a French need and a Chinese offer meet on concept ids, not on words.

Forms and texts go through the same analyser: Chinese is matched as substrings of the folded text
(no word boundaries to rely on); the other five languages are cut into words, stop words are
dropped and each word is stemmed with the Snowball stemmer of the text's language, so the form
"formation des fonctionnaires" also finds "formations de fonctionnaires". A form's words must follow
each other, with at most one other word between two of them ("formation continue des
fonctionnaires"). English forms are also looked for in texts of other languages, where English
acronyms and terms are common.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import snowballstemmer

from harambee.postings.text import _chinese_words, fold

from .vocabulary import LANGUAGES as UN_LANGUAGES

GLOSSARY_DIR = Path(__file__).resolve().parent / "glossary"
STEMMED_LANGUAGES = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}
# Words between two words of a form that do not break the match ("training FOR civil servants").
MAX_GAP = 2

_WORD_RE = re.compile(r"[^\W\d_]+|\d+")
_HAN_RE = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_HAN_RUN_RE = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")

# Function words dropped on both sides, so that "formation des agents" matches "formation d'agents".
STOP_WORDS = {
    "en": "a an and as at by for from in into of on or the to with within its their our".split(),
    "fr": "a au aux avec d de des du en et l la le les leur leurs par pour sur un une dans ou".split(),
    "es": "a al con de del el en la las los para por sus su un una y o e sobre entre".split(),
    "ru": "в во и для на по с со к ко о об от из у а или их его ее".split(),
    "ar": "في من على الى إلى عن و او أو مع ل ب ال".split(),
}


@dataclass(frozen=True)
class Concept:
    """One glossary concept: a stable id, its area (a theme, sector, modality or target group
    family) and its preferred label in each language."""

    id: str
    area: str
    labels: dict[str, str] = field(hash=False, compare=False)

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or self.id


class GlossaryError(ValueError):
    """A glossary file breaks a rule (missing language, two preferred forms, unknown language…)."""


@functools.lru_cache(maxsize=8)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMED_LANGUAGES[language])


@functools.lru_cache(maxsize=200_000)
def _stem(word: str, language: str) -> str:
    """The folded stem of a word; cached, because postings reuse a small vocabulary and the
    pure-Python Snowball stemmers cost tens of microseconds a word."""
    return fold(_stemmer(language).stemWord(word))


def analyse(text: str, language: str) -> list[str]:
    """The word stems of ``text`` as the tagger sees them (not for Chinese): casefolded words
    without stop words, stemmed in ``language`` and then folded like the search index."""
    words = _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold())
    stop = _stop_words(language)
    stemmed = language in STEMMED_LANGUAGES
    stems = []
    for word in words:
        if word in stop or (len(word) == 1 and not word.isdigit()):
            continue
        if language == "ar":
            if word.startswith(("و", "ب", "ل")) and word[1:] in stop:
                continue
            # a conjunction or preposition before the article (والإنذار, بالذكاء), which Snowball keeps
            if len(word) > 5 and word.startswith(("وال", "بال", "كال", "فال")):
                word = word[1:]
            elif len(word) > 4 and word.startswith("لل"):
                word = "ال" + word[2:]
        stems.append(_stem(word, language) if stemmed else fold(word))
    return stems


@functools.lru_cache(maxsize=8)
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFKC", w).casefold() for w in STOP_WORDS.get(language, ()))


def _han_text(text: str) -> str:
    """Chinese is matched on the folded text without spaces or punctuation."""
    return "".join(ch for ch in fold(text) if not ch.isspace())


class Glossary:
    """Concepts with their surface forms, indexed for tagging texts in any of the six languages."""

    def __init__(self, rows: list[dict[str, str]], *, source: str = ""):
        self.concepts: dict[str, Concept] = {}
        self.version = hashlib.sha256(source.encode()).hexdigest()[:12] if source else "inline"
        labels: dict[str, dict[str, str]] = {}
        areas: dict[str, str] = {}
        forms: dict[str, list[tuple[str, str]]] = {lang: [] for lang in UN_LANGUAGES}
        problems: list[str] = []
        for number, row in enumerate(rows, start=2):
            concept, lang, form = row["concept"].strip(), row["lang"].strip(), row["form"].strip()
            if lang not in UN_LANGUAGES:
                problems.append(f"row {number}: unknown language {lang!r}")
                continue
            if not concept or not form:
                problems.append(f"row {number}: empty concept or form")
                continue
            areas.setdefault(concept, row["area"].strip())
            forms[lang].append((form, concept))
            if row.get("preferred", "0").strip() == "1":
                if lang in labels.setdefault(concept, {}):
                    problems.append(f"row {number}: a second preferred {lang} form for {concept}")
                labels[concept][lang] = form
        for concept in areas:
            missing = [lang for lang in UN_LANGUAGES if lang not in labels.get(concept, {})]
            if missing:
                problems.append(f"{concept}: no preferred form in {', '.join(missing)}")
        if problems:
            raise GlossaryError("; ".join(problems[:20]))
        self.concepts = {c: Concept(id=c, area=areas[c], labels=labels[c]) for c in sorted(areas)}
        # word languages: first stem -> [(stems, concept)]; Chinese: [(form, concept)], longest first
        self._stem_index: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {}
        for lang in STEMMED_LANGUAGES:
            index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for form, concept in forms[lang]:
                stems = tuple(analyse(form, lang))
                if stems and (stems, concept) not in index.get(stems[0], ()):
                    index.setdefault(stems[0], []).append((stems, concept))
            self._stem_index[lang] = index
        self._han_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for form, concept in forms["zh"]:
            words = tuple(chinese_words(form))
            if len(words) > 1 and (words, concept) not in self._han_index.get(words[0], ()):
                self._han_index.setdefault(words[0], []).append((words, concept))
        self._han_forms = sorted(
            {(_han_text(form), concept) for form, concept in forms["zh"] if _han_text(form)},
            key=lambda item: (-len(item[0]), item),
        )

    @classmethod
    def from_directory(cls, directory: Path = GLOSSARY_DIR) -> Glossary:
        """Every ``*.csv`` of the directory, in name order."""
        rows: list[dict[str, str]] = []
        digest = hashlib.sha256()
        for path in sorted(directory.glob("*.csv")):
            data = path.read_bytes()
            digest.update(data)
            rows += list(csv.DictReader(data.decode("utf-8").splitlines()))
        glossary = cls(rows, source=digest.hexdigest())
        return glossary

    def __len__(self) -> int:
        return len(self.concepts)

    def tag(self, text: str, language: str) -> Counter[str]:
        """How often each concept occurs in ``text`` written in ``language``."""
        found: Counter[str] = Counter()
        if not text:
            return found
        if language == "zh" or _HAN_RE.search(text):
            han = _han_text(text)
            exact: Counter[str] = Counter()
            for form, concept in self._han_forms:
                count = han.count(form)
                if count:
                    exact[concept] = max(exact[concept], count)
            # the words of a form apart from each other ("公务员的人工智能培训"): jieba words in a window
            words: Counter[str] = Counter()
            self._tag_words(chinese_words(text), self._han_index, words)
            for concept in exact.keys() | words.keys():
                found[concept] += max(exact[concept], words[concept])
        languages = [language] if language in STEMMED_LANGUAGES else []
        if language != "en":
            languages.append("en")  # English terms and acronyms inside texts in other languages
        for lang in languages:
            self._tag_words(analyse(text, lang), self._stem_index[lang], found)
        return found

    @staticmethod
    def _tag_words(stems: list[str], index, found: Counter[str]) -> None:
        """Count each concept once per place where all the words of one of its forms occur close
        together, in any order (within the form's length plus MAX_GAP words per gap)."""
        positions: dict[str, list[int]] = {}
        for position, stem in enumerate(stems):
            positions.setdefault(stem, []).append(position)
        hits: dict[str, set[int]] = {}
        for first, starts in positions.items():
            entries = index.get(first)
            if not entries:
                continue
            for form_stems, concept in entries:
                if any(stem not in positions for stem in form_stems):
                    continue
                width = len(form_stems) + MAX_GAP * (len(form_stems) - 1)
                for start in starts:
                    window = stems[max(0, start - width + 1) : start + width]
                    if all(stem in window for stem in form_stems[1:]):
                        hits.setdefault(concept, set()).add(start)
        for concept, places in hits.items():
            # two forms of one concept at one place ("système d'alerte précoce" and "alerte précoce")
            # are one occurrence: starts closer than a form's reach count once
            last = None
            for start in sorted(places):
                if last is None or start - last > 2 + MAX_GAP:
                    found[concept] += 1
                    last = start


def chinese_words(text: str) -> list[str]:
    """The folded words of the Han runs of ``text`` (jieba), one-character words included."""
    words: list[str] = []
    for run in _HAN_RUN_RE.findall(fold(text)):
        words.extend(_chinese_words(run) if len(run) > 1 else [run])
    return words


@functools.lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The glossary shipped with the application (loaded once per process)."""
    return Glossary.from_directory()
