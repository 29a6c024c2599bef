"""Text processing for needs and offers: search tokens, query terms, language detection and Markdown.

Postings are written in the six UN languages (ar, zh, en, fr, ru, es). Full-text search runs over a
pre-normalised column: SQLite FTS5 and PostgreSQL ``to_tsvector('simple', …)`` only split it on
whitespace and match whole tokens or token prefixes, so every language-specific step happens here, in
pure Python, the same way for documents (:func:`index_document`) and queries (:func:`query_terms`):

* Unicode NFKC, then casefolding (full-width forms, ligatures and presentation forms become plain
  letters);
* accents and other combining marks are dropped: Latin, Greek and Cyrillic letters are folded to their
  base letter ("é" → "e", "ñ" → "n", "œ" → "oe", "ё" → "е", "й" → "и"); in other scripts the marks
  are dropped too, which is lossy but identical on both sides and keeps each word in one token;
* invisible format characters (soft hyphen, zero-width joiners, bidi marks) are removed, so they never
  split a word;
* Arabic: tashkeel and tatweel removed, alef forms unified, ة → ه, ى → ي, ؤ → و, ئ → ي (and the Persian
  forms ی → ي, ک → ك), the definite article stripped from words of five letters or more;
* every decimal digit (Arabic-Indic included) becomes an ASCII digit;
* Han runs become overlapping bigrams, as Lucene's CJKAnalyzer does; a run of one character is kept;
* everything that is not a letter or a digit separates tokens, and tokens of one character are
  dropped outside Han runs.

A token therefore consists only of Unicode letters and digits (for the six languages: ``[a-z0-9]``,
Cyrillic, Arabic or Han), never of a character with a meaning in FTS5 or tsquery syntax.
"""

from __future__ import annotations

import functools
import html
import importlib
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass

import markdown
import nh3
from asgiref.local import Local
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

__all__ = [
    "MAX_QUERY_TERMS",
    "UN_LANGUAGES",
    "QueryTerm",
    "detect_language",
    "fold",
    "fts5_match_expression",
    "index_document",
    "markdown_to_plain",
    "normalise_token_stream",
    "query_terms",
    "render_markdown",
    "summary",
    "tsquery_expression",
]

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
MAX_QUERY_TERMS = 32

# ---------------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------------

# Han ideographs: the CJK Unified Ideographs and their extensions, the compatibility ideographs, and
# the ideographic iteration mark 々 and number zero 〇 (as in 二〇二五年).
_HAN = (
    "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ee5f\U0002f800-\U0002fa1f\U00030000-\U000323af"
)
# After folding, a text without any character from U+3005 up has neither Han nor astral characters,
# and whitespace alone separates its words.
_NEEDS_REGEX_RE = re.compile("[\u3005-\U0010ffff]")
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
# A Han run, or a run of letters and digits that are not Han. ``[^\W_]`` is "letter or digit":
# Python's ``\w`` is exactly the categories L* and N* plus the underscore.
_PIECE_RE = re.compile(f"[{_HAN}]+|[^\\W_{_HAN}]+")
_HAN_RUN_RE = re.compile(f"[{_HAN}]+")
_SAFE_TERM_RE = re.compile(r"[^\W_]+")

_ARABIC_ARTICLES_LONG = ("وال", "بال", "كال", "فال")
_ARABIC_ARTICLES_SHORT = ("ال", "لل")
_ARABIC_MIN_LETTERS_FOR_ARTICLE = 5

_FOLDED_SCRIPT_RANGES = (
    (0x00C0, 0x02AF),  # Latin-1 Supplement, Latin Extended-A and B, IPA
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x052F),  # Cyrillic and Cyrillic Supplement
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0xA640, 0xA69F),  # Cyrillic Extended-B
    (0xA720, 0xA7FF),  # Latin Extended-D
)
# Letters that carry their "accent" without a Unicode decomposition.
_LETTER_FOLDS = {
    "œ": "oe",
    "æ": "ae",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
}
_ARABIC_FOLDS = {
    "\u0622": "\u0627",  # آ → ا
    "\u0623": "\u0627",  # أ → ا
    "\u0625": "\u0627",  # إ → ا
    "\u0671": "\u0627",  # ٱ → ا
    "\u0672": "\u0627",  # ٲ → ا
    "\u0673": "\u0627",  # ٳ → ا
    "\u0629": "\u0647",  # ة → ه
    "\u0649": "\u064a",  # ى → ي
    "\u0624": "\u0648",  # ؤ → و
    "\u0626": "\u064a",  # ئ → ي
    "\u06cc": "\u064a",  # Persian ی → ي
    "\u06a9": "\u0643",  # Persian ک → ك
}
_BMP_SIZE = 0x10000
_SIP_START = 0x20000  # Supplementary Ideographic Plane
_HAN_PLANES_END = 0x32400  # end of the Tertiary Ideographic Plane's ideographs


@functools.cache
def _fold_tables() -> tuple[list[int | str | None], dict[int, str | None]]:
    """The ``str.translate`` tables applied after NFKC and casefolding (built once, about 0.1 s).

    The first covers the Basic Multilingual Plane as a list indexed by code point: a list lookup is
    three times faster than a dict lookup that misses; both tables take about 3 MB. It also turns every
    character that is neither a letter nor a digit into a space. The second, a dict, holds the few
    astral characters to delete or replace; the tokenizer regex separates the other astral ones.
    """
    bmp: list[int | str | None] = list(range(_BMP_SIZE))
    astral: dict[int, str | None] = {}
    # Combining marks of every script (Arabic tashkeel included) and invisible format characters are
    # deleted. Planes 2 and 3 hold only ideographs, whose unassigned code points must not join a Han
    # run; plane 14 holds tags and the variation selectors supplement.
    for code in (*range(_HAN_PLANES_END), *range(0xE0000, 0xE1000)):
        char = chr(code)
        category = unicodedata.category(char)
        if category[0] == "M" or category == "Cf":
            value = None
        elif category == "Nd" and not "0" <= char <= "9":
            value = str(unicodedata.decimal(char))
        elif category[0] not in "LN" and (code < _BMP_SIZE or code >= _SIP_START):
            value = " "
        else:
            continue
        if code < _BMP_SIZE:
            bmp[code] = value
        else:
            astral[code] = value
    for first, last in _FOLDED_SCRIPT_RANGES:
        for code in range(first, last + 1):
            char = chr(code)
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            if base and base != char and bmp[code] == code:
                bmp[code] = base
    for char, folded in (*_LETTER_FOLDS.items(), *_ARABIC_FOLDS.items()):
        bmp[ord(char)] = folded
    bmp[0x0640] = None  # Arabic tatweel (a letter, category Lm)
    bmp[0x02BC] = " "  # modifier letter apostrophe: a separator, like ' and ’
    for code, value in enumerate(bmp):  # a replacement is itself folded: one pass must be enough
        if isinstance(value, str) and len(value) > 0 and value != " ":
            bmp[code] = value.translate(bmp).replace(" ", "")
    return bmp, astral


def _pieces(text: str) -> list[str]:
    """The folded text cut into words (letters and digits, without Han) and maximal Han runs."""
    bmp, astral = _fold_tables()
    text = unicodedata.normalize("NFKC", text).casefold().translate(bmp)
    if _NEEDS_REGEX_RE.search(text) is None:
        return text.split()
    if _ASTRAL_RE.search(text) is not None:
        text = text.translate(astral)
    return _PIECE_RE.findall(text)


def fold(text: str) -> str:
    """NFKC, casefolding and the letter folds of the search index, without splitting into tokens."""
    bmp, astral = _fold_tables()
    text = unicodedata.normalize("NFKC", text).casefold().translate(bmp)
    return text.translate(astral) if _ASTRAL_RE.search(text) is not None else text


def _is_han_run(piece: str) -> bool:
    return piece[0] >= "\u3005" and _HAN_RUN_RE.match(piece) is not None


def _strip_arabic_article(word: str) -> str:
    if len(word) >= _ARABIC_MIN_LETTERS_FOR_ARTICLE:
        if word.startswith(_ARABIC_ARTICLES_LONG):
            return word[3:]
        if word.startswith(_ARABIC_ARTICLES_SHORT):
            return word[2:]
    return word


def normalise_token_stream(text: str) -> list[str]:
    """The search tokens of ``text``, in order; the same function serves indexing and querying.

    >>> normalise_token_stream("Formation à l'IA générative")
    ['formation', 'ia', 'generative']
    >>> normalise_token_stream("AI培训，公务员")
    ['ai', '培训', '公务', '务员']
    """
    tokens: list[str] = []
    append = tokens.append
    for piece in _pieces(text):
        if _is_han_run(piece):
            if len(piece) == 1:
                append(piece)
            else:
                tokens.extend([piece[i : i + 2] for i in range(len(piece) - 1)])
        elif len(piece) > 1:
            append(_strip_arabic_article(piece) if "\u0621" <= piece[0] <= "\u064a" else piece)
    return tokens


def index_document(*texts: str) -> str:
    """The content of the search column for a posting: the tokens of all ``texts``, joined by spaces.

    Deterministic, and repeated tokens are kept (term frequency feeds the ranking). A Han run is
    indexed as its overlapping bigrams only, not also as single characters, which keeps the index
    small; a run of exactly one character is indexed as that character. A one-character query is
    answered by a prefix term instead (see :func:`query_terms`). Empty or ``None`` texts are skipped.
    """
    return " ".join(normalise_token_stream("\n".join(text for text in texts if text)))


# ---------------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One search term: a normalised token, matched whole or, if ``prefix``, as the start of a token.

    ``text`` must consist of letters and digits only, so no term can carry query syntax.
    """

    text: str
    prefix: bool

    def __post_init__(self) -> None:
        if not isinstance(self.text, str) or not _SAFE_TERM_RE.fullmatch(self.text):
            raise ValueError(f"not a normalised search token: {self.text!r}")


def query_terms(query: str) -> list[QueryTerm]:
    """The terms of a user's query, normalised like the documents; all of them must match.

    Words of three characters or more are prefix terms ("formation" also finds "formations",
    "обучени" finds "обучение"); shorter words are exact. Han bigrams are exact. A query run of a
    single Han character becomes a prefix term on that character: it matches the bigrams that start
    with it, but not a character that only occurs as the second half of a bigram (the last character
    of a run in the document). Duplicates are removed, order is kept, and at most
    :data:`MAX_QUERY_TERMS` terms are returned.
    """
    terms: dict[str, QueryTerm] = {}
    for piece in _pieces(query):
        if _is_han_run(piece):
            if len(piece) == 1:
                candidates = [QueryTerm(piece, prefix=True)]
            else:
                candidates = [
                    QueryTerm(word[i : i + 2], prefix=False)
                    for word in _chinese_words(piece)
                    for i in range(len(word) - 1)
                ]
        elif len(piece) > 1:
            if "\u0621" <= piece[0] <= "\u064a":
                piece = _strip_arabic_article(piece)
            candidates = [QueryTerm(piece, prefix=len(piece) >= 3)]
        else:
            continue
        for term in candidates:
            terms.setdefault(term.text, term)
            if len(terms) == MAX_QUERY_TERMS:
                return list(terms.values())
    return list(terms.values())


@functools.cache
def _jieba():
    """jieba, its dictionary loaded (once; jieba's own lock keeps two first callers from loading it twice)."""
    # lazy: jieba loads a large dictionary; only Chinese text needs it
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def _chinese_words(run: str) -> list[str]:
    """The words of a Han run of a query, segmented by jieba's dictionary (one-character words dropped).

    Documents are indexed as bigrams, so each query word becomes the bigrams inside it: "公务员培训"
    is 公务员 + 培训 and matches "公务员的培训班" although 员培 never occurs there. A run that is only
    one-character words keeps its plain bigrams.
    """
    words = [word for word in _jieba().cut(run, HMM=True) if len(word) >= 2]
    return words or [run]


def fts5_match_expression(terms: Iterable[QueryTerm]) -> str:
    """A SQLite FTS5 MATCH string requiring every term: ``"培训" "formation"*``.

    Returns ``""`` when there are no terms: do not run a MATCH query then (FTS5 rejects an empty one).
    """
    return " ".join(f'"{term.text}"*' if term.prefix else f'"{term.text}"' for term in _checked(terms))


def tsquery_expression(terms: Iterable[QueryTerm]) -> str:
    """A PostgreSQL ``to_tsquery('simple', …)`` string requiring every term: ``培训 & formation:*``.

    Returns ``""`` when there are no terms: do not filter on the query then.
    """
    return " & ".join(f"{term.text}:*" if term.prefix else term.text for term in _checked(terms))


def fts5_any_expression(groups: Iterable[Iterable[QueryTerm]]) -> str:
    """A SQLite FTS5 MATCH string requiring all the terms of any one group:
    ``("公务" AND "培训") OR ("formation"* AND "fonctionnair"*)``; ``""`` when there are no terms."""
    parts = [fts5_match_expression(group).replace(" ", " AND ") for group in groups]
    return " OR ".join(f"({part})" for part in parts if part)


def tsquery_any_expression(groups: Iterable[Iterable[QueryTerm]]) -> str:
    """A PostgreSQL ``to_tsquery('simple', …)`` string requiring all the terms of any one group:
    ``(公务 & 培训) | (formation:* & fonctionnair:*)``; ``""`` when there are no terms."""
    parts = [tsquery_expression(group) for group in groups]
    return " | ".join(f"({part})" for part in parts if part)


def _checked(terms: Iterable[QueryTerm]) -> Iterable[QueryTerm]:
    for term in terms:
        if not isinstance(term, QueryTerm):
            raise TypeError(f"expected a QueryTerm, got {type(term).__name__}")
        yield term


# ---------------------------------------------------------------------------------------------------
# Language detection
# ---------------------------------------------------------------------------------------------------

_LETTER_RE = re.compile(r"[^\W\d_]")
_ARABIC_LETTER_RE = re.compile(
    "[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]"
)
_HAN_RE = re.compile(f"[{_HAN}]")
_CYRILLIC_LETTER_RE = re.compile("[\u0400-\u0481\u048a-\u052f\u1c80-\u1c88\ua640-\ua66e\ua680-\ua69d]")
_LATIN_LETTER_RE = re.compile("[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_MIN_LETTERS = 3
# A Chinese word is one or two characters, a word in a Latin or Cyrillic script five to seven letters:
# Han characters weigh three letters when deciding which script a text is mostly written in.
_HAN_WEIGHT = 3


def _language_identifier():
    """py3langid's model for the UN languages, loaded on first use (`langid_model`: built once per process)."""
    return importlib.import_module("harambee.postings.langid_model").IDENTIFIER


def detect_language(text: str) -> str | None:
    """The UN language ``text`` is written in, or ``None`` if it has fewer than three letters.

    The script decides first: a text mostly in Arabic letters is "ar", mostly in Han characters "zh"
    (each Han character weighs three letters), mostly in Cyrillic "ru". A text mostly in the Latin
    script goes to py3langid's bundled model, which chooses among "en", "fr" and "es". A text mostly
    in another script (Greek, Devanagari, kana, …) is in none of the six languages: ``None``.
    """
    if not text:
        return None
    letters = len(_LETTER_RE.findall(text))
    if letters < _MIN_LETTERS:
        return None
    arabic = len(_ARABIC_LETTER_RE.findall(text))
    han = len(_HAN_RE.findall(text))
    cyrillic = len(_CYRILLIC_LETTER_RE.findall(text))
    latin = len(_LATIN_LETTER_RE.findall(text))
    other = max(letters - arabic - han - cyrillic - latin, 0)
    weights = {"ar": arabic, "zh": han * _HAN_WEIGHT, "ru": cyrillic, "latin": latin, "other": other}
    script = max(weights, key=weights.__getitem__)  # ties: the first one in this order
    if script == "other":
        return None
    if script != "latin":
        return script
    for language, _score in _language_identifier().rank(text):
        if language in ("en", "fr", "es"):
            return language
    return None  # pragma: no cover - the identifier always ranks all six languages


# ---------------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------------

_ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "a",
        "blockquote",
        "code",
        "pre",
        "h3",
        "h4",
        "h5",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
    }
)
# The parts of "extra" whose output fits the allowed tags. Left out: md_in_html (raw HTML),
# attr_list (arbitrary attributes), footnotes (fragment links, which the sanitiser removes),
# abbr and def_list (abbr, dl, dt and dd are not allowed).
_MARKDOWN_EXTENSIONS = ("fenced_code", "tables", "sane_lists")
_HEADING_LEVELS = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h5", "h5": "h5", "h6": "h5"}

_cleaner = nh3.Cleaner(
    tags=set(_ALLOWED_TAGS),
    attributes={"a": {"href", "title"}},
    url_schemes={"http", "https", "mailto"},
    url_relative="deny",
    link_rel="nofollow noopener",
    strip_comments=True,
)
_text_cleaner = nh3.Cleaner(tags=set(), attributes={})
_markdown_local = Local()  # one Markdown converter per thread (asgiref: per thread or coroutine)


class _PostingTreeprocessor(Treeprocessor):
    """Headings start at h3 (the page has its own h1 and h2); an image becomes its alt text."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in _HEADING_LEVELS:
                element.tag = _HEADING_LEVELS[element.tag]
            elif element.tag == "img":
                alt = element.get("alt", "")
                element.tag = "span"  # not allowed: the sanitiser keeps only its text
                element.attrib.clear()
                element.text = alt


class _NoRawHtmlExtension(Extension):
    """Raw HTML in the source is treated as text (and so escaped), never passed through."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - the Markdown API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_PostingTreeprocessor(md), "harambee_posting", 1)


def _markdown() -> markdown.Markdown:
    md = getattr(_markdown_local, "md", None)
    if md is None:  # a Markdown instance is not thread-safe: one per thread
        md = markdown.Markdown(extensions=[*_MARKDOWN_EXTENSIONS, _NoRawHtmlExtension()], output_format="html")
        _markdown_local.md = md
    return md


def render_markdown(text: str) -> str:
    """Sanitised HTML for a posting's Markdown, safe to mark as safe in a template.

    Raw HTML in the source shows as text. Only the allowed tags survive; links keep ``href`` (http,
    https and mailto URLs only) and ``title``, and get ``rel="nofollow noopener"``.
    """
    if not text:
        return ""
    md = _markdown()
    try:
        rendered = md.convert(text)
    finally:
        md.reset()
    return _cleaner.clean(rendered)


@functools.lru_cache(maxsize=4096)  # a pure function of the text: an edit is a new key
def markdown_to_plain(text: str) -> str:
    """The visible text of a posting's Markdown, for indexing and previews: one line per block.

    The result is plain text, not HTML: let the template escape it.
    """
    if not text:
        return ""
    visible = html.unescape(_text_cleaner.clean(render_markdown(text)))
    lines = (" ".join(line.split()) for line in visible.splitlines())
    return "\n".join(line for line in lines if line)


SUMMARY_LENGTH = 240


@functools.lru_cache(maxsize=2048)
def summary(text: str) -> str:
    """The visible text of a posting's Markdown cut after about 240 characters at a word, for lists.

    Kept per text in each process: a list shows the summaries of texts already seen without
    rendering their Markdown again, and an edited text is a new key.
    """
    plain = markdown_to_plain(text)
    return plain if len(plain) <= SUMMARY_LENGTH else plain[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"
