"""Machine translation: the interface a deployment's translation service is reached through.

Framework-free (no Django): a provider turns texts of one language into another and raises
:class:`TranslationError` when it cannot; it is never called while a page is being built, only by a
background task (``postings.tasks.postings_machine_translate``) whose results are stored and shown
labelled "machine translation" (docs/reading.md).

:class:`LibreTranslate` speaks the API of a self-hosted LibreTranslate server (or any server that
answers the same ``POST /translate``): ``q`` (a list of texts), ``source``, ``target``,
``format=text`` and an optional ``api_key``; the answer is ``{"translatedText": [...]}``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Protocol

# Our content language codes → the codes LibreTranslate (and Argos models) use.
PROVIDER_CODES = {"zh": "zh", "ar": "ar", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


class TranslationError(Exception):
    """The service could not translate (unreachable, timed out, refused, or answered nonsense)."""


class Translator(Protocol):
    """What a machine-translation provider offers: ``name`` is stored beside each translation."""

    name: str

    def translate(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """``texts`` translated from ``source`` into ``target`` (content language codes), in order."""
        ...


class LibreTranslate:
    """A LibreTranslate-compatible HTTP server at ``url`` (e.g. ``http://127.0.0.1:5000``)."""

    def __init__(self, url: str, *, api_key: str = "", timeout: float = 20.0):
        self.url = url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.name = f"libretranslate:{self.url}"

    def translate(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        texts = list(texts)
        if not texts:
            return []
        body = {
            "q": texts,
            "source": PROVIDER_CODES.get(source, source),
            "target": PROVIDER_CODES.get(target, target),
            "format": "text",
        }
        if self.api_key:
            body["api_key"] = self.api_key
        request = urllib.request.Request(
            f"{self.url}/translate",
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (configured URL)
                answer = json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            raise TranslationError(f"{self.url} answered HTTP {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            raise TranslationError(f"{self.url}: {error}") from error
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(translated, str) and len(texts) == 1:
            translated = [translated]
        if not isinstance(translated, list) or len(translated) != len(texts):
            raise TranslationError(f"{self.url} answered without one translation per text")
        if not all(isinstance(t, str) for t in translated):
            raise TranslationError(f"{self.url} answered a translation that is not text")
        return translated
