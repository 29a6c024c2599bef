"""What a reader sees of a need or an offer in their language: the one place that decides it.

For a reader of language L, a posting written in L is shown as written. Otherwise, in this order:

1. the author's **human translation** into L (``PostingTranslation``, origin human), labelled
   "Human translation";
2. a **machine translation** into L: one the author supplied (``PostingTranslation``, origin
   machine) or one the deployment's translation service made in the background
   (``MachineTranslation``, only while a service is configured and only if made from the current
   text), always labelled "Machine translation";
3. the **original**, marked with its own language and direction; pages add the posting's concepts
   and structured fields in the reader's language beside it ("In your language", matching_tags).

Every list, suggestion, match, notification, e-mail, cooperation, round and IATI export calls
:func:`rendering_for` (or the template tags built on it), so the choice is made here only. It reads
``posting.translations.all()`` (and ``posting.machine_translations.all()`` when a translation service
is configured): a list prefetches :func:`reading_prefetch` and costs no query per row.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import translation as django_translation
from django.utils.html import format_html
from django.utils.module_loading import import_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from harambee.postings import text
from harambee.postings.translation import LibreTranslate, Translator

logger = logging.getLogger(__name__)

ORIGINAL, HUMAN, MACHINE = "original", "human", "machine"
RTL_LANGUAGES = frozenset({"ar"})


def content_language(code: str | None = None) -> str:
    """A site language as a content language code ("zh-hans" → "zh"); the active one by default."""
    return (code or get_language() or settings.LANGUAGE_CODE).split("-")[0]


def direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class Rendering:
    """A posting's title and description as one reader sees them."""

    title: str
    description: str
    language: str  # the language the text is in
    source: str  # ORIGINAL, HUMAN or MACHINE
    original_language: str
    reader_language: str

    @property
    def dir(self) -> str:
        return direction(self.language)

    @property
    def original_dir(self) -> str:
        return direction(self.original_language)

    @property
    def translated(self) -> bool:
        return self.source != ORIGINAL

    @property
    def is_machine(self) -> bool:
        return self.source == MACHINE

    @property
    def foreign(self) -> bool:
        """Shown in a language the reader did not choose (no translation into theirs)."""
        return self.language != self.reader_language

    @property
    def summary(self) -> str:
        return text.summary(self.description)

    @property
    def label(self) -> str:
        """What the reader is told about the text ("" for an original)."""
        if self.source == HUMAN:
            return gettext("Human translation")  # by the author: the platform translates by machine only
        if self.source == MACHINE:
            return gettext("Machine translation")
        return ""

    @property
    def plain_title(self) -> str:
        """The title for plain text (e-mails, notifications): a machine translation says so."""
        if self.source == MACHINE:
            return "%s (%s)" % (self.title, gettext("Machine translation"))  # noqa: UP031 (two values, no sentence)
        return self.title


def source_hash(posting) -> str:
    """Identifies the original a translation is made from (its language, title and description)."""
    material = "\0".join((posting.language, posting.title, posting.description))
    return hashlib.md5(material.encode("utf-8"), usedforsecurity=False).hexdigest()


# ---------------------------------------------------------------------------------------------------
# The translation service


def machine_translation_configured() -> bool:
    return bool(settings.HARAMBEE_MT_PROVIDER or settings.HARAMBEE_MT_URL)


@functools.cache
def _translator(provider: str, url: str, api_key: str, timeout: float) -> Translator | None:
    if provider:
        return import_string(provider)()
    if url:
        return LibreTranslate(url, api_key=api_key, timeout=timeout)
    return None


def get_translator() -> Translator | None:
    """The configured translation service, or None (the default: no machine translation)."""
    return _translator(
        settings.HARAMBEE_MT_PROVIDER,
        settings.HARAMBEE_MT_URL,
        settings.HARAMBEE_MT_API_KEY,
        settings.HARAMBEE_MT_TIMEOUT,
    )


def reading_prefetch() -> tuple[str, ...]:
    """The lookups a list of postings prefetches so that :func:`rendering_for` costs no query per row."""
    if machine_translation_configured():
        return ("translations", "machine_translations")
    return ("translations",)


def reading_prefetch_of(*relations: str) -> tuple[str, ...]:
    """:func:`reading_prefetch` for the postings related as ``relations`` ("offer", "need", …)."""
    return tuple(f"{relation}__{lookup}" for relation in relations for lookup in reading_prefetch())


def prefetch_readings(rows, *relations: str):
    """Load, in one query (two with a translation service), what :func:`rendering_for` reads for
    every posting of ``rows`` (postings, or objects holding postings as ``relations``: "need",
    "offer", "cooperation.offer"); returns ``rows`` as a list."""
    rows = list(rows)
    postings = []
    for row in rows:
        for relation in relations or ("",):
            target = row
            for name in relation.split(".") if relation else ():
                target = getattr(target, name, None)
            if target is not None:
                postings.append(target)
    if postings:
        prefetch_related_objects(postings, *reading_prefetch())
    return rows


def _stored_machine_translation(posting, language: str):
    if not machine_translation_configured():
        return None
    current = source_hash(posting)
    for stored in posting.machine_translations.all():
        if stored.language == language and stored.source_hash == current:
            return stored
    return None


# ---------------------------------------------------------------------------------------------------
# Choosing what a reader sees


def rendering_for(posting, language: str | None = None) -> Rendering:
    """The posting's title and description for a reader of ``language`` (the active one by default)."""
    reader = content_language(language)
    original = Rendering(posting.title, posting.description, posting.language, ORIGINAL, posting.language, reader)
    if reader == posting.language:
        return original
    author_machine = None
    for candidate in posting.translations.all():
        if candidate.language != reader:
            continue
        if candidate.origin == HUMAN:
            return Rendering(candidate.title, candidate.description, reader, HUMAN, posting.language, reader)
        author_machine = candidate
    chosen = author_machine or _stored_machine_translation(posting, reader)
    if chosen is not None:
        return Rendering(chosen.title, chosen.description, reader, MACHINE, posting.language, reader)
    return original


def title_html(posting, language: str | None = None, *, label: bool = True) -> SafeString:
    """The title as HTML: an isolated run (<bdi>) with its own ``lang`` and ``dir``, followed, when it
    is a translation, by its label in the reader's language."""
    shown = rendering_for(posting, language)
    html = format_html('<bdi lang="{}" dir="{}">{}</bdi>', shown.language, shown.dir, shown.title)
    if label and shown.label:
        html += format_html(
            ' <small class="reading-label {}" lang="{}">({})</small>',
            shown.source,
            get_language() or settings.LANGUAGE_CODE,
            shown.label,
        )
    return html


def title_in_every_language(posting) -> str | dict[str, str]:
    """The title each reader of a notification sees, per site language (the notification's
    ``in_every_language`` form; a machine translation says so); one value when it is the same in all."""
    prefetch_related_objects([posting], *reading_prefetch())  # once for the six languages
    values = {}
    for code, _name in settings.LANGUAGES:
        with django_translation.override(code):
            values[code] = rendering_for(posting, code).plain_title
    distinct = set(values.values())
    return distinct.pop() if len(distinct) == 1 else values


def human_texts(posting) -> list[tuple[str, str, str]]:
    """(language, title, description) of the original and of each human translation, the original
    first: what may be published as the posting's own words (IATI narratives), never a machine's."""
    texts = [(posting.language, posting.title, posting.description)]
    seen = {posting.language}
    for candidate in sorted(posting.translations.all(), key=lambda t: t.language):
        if candidate.origin == HUMAN and candidate.language not in seen and candidate.title:
            texts.append((candidate.language, candidate.title, candidate.description))
            seen.add(candidate.language)
    return texts
