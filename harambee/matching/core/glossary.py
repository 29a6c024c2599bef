"""The multilingual concept glossary and the tagger that finds its concepts in posting texts.

The glossary is data: CSV files under ``glossary/`` with one row per surface form
(``concept,area,lang,form,preferred``). A concept has forms in all six UN languages and one
preferred form per language, the label shown in explanations. Matching is language-independent
because a French need and a Chinese offer meet on concept ids, not on words.

Forms and texts go through the same analyser: Chinese is matched as substrings of the folded text
(no word boundaries to rely on); the other five languages are cut into words, stop words are
dropped and each word is stemmed with the Snowball stemmer of the text's language, so the form
"formation des fonctionnaires" also finds "formations de fonctionnaires". A stem that is too
short, or shared by words of different meaning, gives way to a longer token
(``glossary/analysis.toml``), so that "données" does not take the concept of "don" (grant). A
form's words must follow each other, with at most one other word between two of them ("formation
continue des fonctionnaires"). English forms are also looked for in texts of other languages, where English
acronyms and terms are common.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import re
import threading
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
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

ANALYSIS_FILE = GLOSSARY_DIR / "analysis.toml"


@dataclass(frozen=True)
class LanguageRules:
    """How words of one language become the tokens forms and texts are compared on (analysis.toml)."""

    stop_words: frozenset[str] = frozenset()
    min_stem: int = 1
    plural_endings: tuple[str, ...] = ()
    ambiguous: frozenset[str] = frozenset()
    inflections: frozenset[str] = frozenset()
    short_tail: int = 0
    bare_arabic: bool = False
    extra: int = 2


def _words(value: str) -> list[str]:
    return [unicodedata.normalize("NFKC", w).casefold() for w in value.split()]


@functools.lru_cache(maxsize=1)
def analysis_rules() -> dict[str, LanguageRules]:
    """The stop words, minimum stem lengths, ambiguous stems and inflections of each language."""
    data = tomllib.loads(ANALYSIS_FILE.read_text(encoding="utf-8"))
    return {
        lang: LanguageRules(
            stop_words=frozenset(_words(rules.get("stop_words", ""))),
            min_stem=int(rules.get("min_stem", 1)),
            plural_endings=tuple(sorted(_words(rules.get("plural_endings", "")), key=len, reverse=True)),
            ambiguous=frozenset(fold(w) for w in _words(rules.get("ambiguous", ""))),
            inflections=frozenset(fold(w) for w in _words(rules.get("inflections", ""))) | {""},
            short_tail=int(rules.get("short_tail", 0)),
            bare_arabic=lang == "ar",
            extra=int(rules.get("extra", 2)),
        )
        for lang, rules in data.items()
        if isinstance(rules, dict)
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


# Snowball stemmers keep the word being stemmed in the instance: one per thread, never shared (a web
# process answers several requests at once on its threads; a shared stemmer raised IndexError).
_STEMMERS = threading.local()


def _stemmer(language: str):
    by_language = getattr(_STEMMERS, "by_language", None)
    if by_language is None:
        by_language = _STEMMERS.by_language = {}
    stemmer = by_language.get(language)
    if stemmer is None:
        stemmer = by_language[language] = snowballstemmer.stemmer(STEMMED_LANGUAGES[language])
    return stemmer


@functools.lru_cache(maxsize=200_000)
def _stem(word: str, language: str) -> str:
    """The folded token of a word: its Snowball stem, or a longer token (:func:`_long_token`) when
    the stem is too short or shared by words of different meaning (analysis.toml). Cached,
    because postings reuse a small vocabulary and the pure-Python Snowball stemmers cost tens of
    microseconds a word."""
    stem = fold(_stemmer(language).stemWord(word))
    rules = analysis_rules().get(language)
    if rules is None or (len(stem) >= rules.min_stem and stem not in rules.ambiguous):
        return stem
    return _long_token(word, len(stem), rules)


def _long_token(word: str, stem_length: int, rules: LanguageRules) -> str:
    """The token of a word whose stem is too short or ambiguous: the folded word without a plural
    ending, cut ``rules.extra`` letters after the stem ("données", "donnée" -> "donne"; "don", "dons"
    -> "don"; "programmation" -> "programmat", "programme" -> "programme"), prefixed with "=" so
    that it never equals a stem."""
    word = fold(word)
    if rules.bare_arabic:
        word = _bare_arabic(word)
    for ending in rules.plural_endings:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            word = word[: -len(ending)]
            break
    return "=" + word[: stem_length + rules.extra]


def analyse(text: str, language: str) -> list[str]:
    """The word stems of ``text`` as the tagger sees them (not for Chinese): casefolded words
    without stop words, stemmed in ``language`` and then folded like the search index."""
    stems = []
    for word in _content_words(text, language):
        stems.append(_stem(word, language) if language in STEMMED_LANGUAGES else fold(word))
    return stems


def _content_words(text: str, language: str) -> list[str]:
    """The casefolded words of ``text`` without stop words (Arabic clitics before the article undone)."""
    words = _WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold())
    stop = _stop_words(language)
    out = []
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
        out.append(word)
    return out


def _stop_words(language: str) -> frozenset[str]:
    rules = analysis_rules().get(language)
    return rules.stop_words if rules else frozenset()


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
        self.forms = forms
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
        digest.update(ANALYSIS_FILE.read_bytes())  # how texts are cut into words is part of the version
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


@dataclass(frozen=True)
class Collision:
    """A word of a glossary form and another word that the tagger cannot tell apart, although the
    other word is not a form of the same word ("données" takes the concept of the form "don")."""

    language: str
    token: str
    form_word: str
    concepts: tuple[str, ...]
    other_word: str


def _same_word(a: str, b: str, language: str, rules: LanguageRules) -> bool:
    """Whether ``a`` and ``b`` differ only by inflectional endings (after their common prefix)."""
    a, b = fold(a), fold(b)
    if language == "ar":
        a, b = _bare_arabic(a), _bare_arabic(b)
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    tails = (a[common:], b[common:])
    if max(len(tail) for tail in tails) <= rules.short_tail:
        return True
    return all(tail in rules.inflections for tail in tails)


def _bare_arabic(word: str) -> str:
    """An Arabic word without a leading conjunction or preposition and article (وبالـ, الـ…)."""
    for prefix in ("وال", "بال", "فال", "كال", "لل", "ال"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    if word[:1] in ("و", "ب", "ل", "ف") and len(word) > 4:
        return _bare_arabic(word[1:])
    return word


def stem_collisions(glossary: Glossary, words: dict[str, Iterable[str]] | None = None) -> list[Collision]:
    """Words the tagger would take for a glossary form's word although they are other words: per
    stemmed language, every word of the glossary's forms against every other word of the forms and
    of ``words`` (common words of that language, such as posting texts), grouped by token. A report
    means a false concept; the remedy is a place in ``ambiguous`` or a higher ``min_stem``
    (analysis.toml), or another form."""
    out: list[Collision] = []
    for language in STEMMED_LANGUAGES:
        rules = analysis_rules()[language]
        owners: dict[str, set[str]] = {}
        for form, concept in glossary.forms.get(language, ()):
            for word in _content_words(form, language):
                if not word.isdigit():
                    owners.setdefault(word, set()).add(concept)
        vocabulary = set(owners)
        for text in (words or {}).get(language, ()):
            vocabulary.update(w for w in _content_words(text, language) if not w.isdigit())
        by_token: dict[str, set[str]] = {}
        for word in vocabulary:
            by_token.setdefault(_stem(word, language), set()).add(word)
        for token, group in sorted(by_token.items()):
            for form_word in sorted(group & owners.keys()):
                for other in sorted(group - {form_word}):
                    if other in owners and other < form_word:
                        continue  # a pair of two form words is reported once
                    if not _same_word(form_word, other, language, rules):
                        out.append(Collision(language, token, form_word, tuple(sorted(owners[form_word])), other))
    return out


def chinese_words(text: str) -> list[str]:
    """The folded words of the Han runs of ``text`` (jieba), one-character words included."""
    words: list[str] = []
    for run in _HAN_RUN_RE.findall(fold(text)):
        words.extend(_chinese_words(run) if len(run) > 1 else [run])
    return words


_DEFAULT_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _default_glossary() -> Glossary:
    return Glossary.from_directory()


def default_glossary() -> Glossary:
    """The glossary shipped with the application (loaded once per process: the first threads to ask
    wait for one build instead of each building it)."""
    with _DEFAULT_LOCK:
        return _default_glossary()
