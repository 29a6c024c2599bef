"""The language of a page is the prefix of its URL (ADR 0003); these helpers move a URL between languages.

Django's ``translate_url`` resolves a path under the *active* language, which is the browser's
(cookie, Accept-Language) outside the language prefixes: ``/fr/needs/7/`` then does not resolve in
an English browser and comes back unchanged. Here a path is always resolved in its own language.
"""

from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation


def language_of_url(url: str) -> str | None:
    """The language named by the URL's prefix (``/ar/…`` → ``ar``), or None without one."""
    return translation.get_language_from_path(urlsplit(url).path)


def url_in_language(url: str, language: str) -> str:
    """The same page (same query string and fragment) in ``language``.

    A URL with a language prefix is resolved in that language and reversed in ``language``; one that
    does not resolve (an unknown page) keeps its path with the prefix replaced. A path without a
    prefix (``/``, ``/needs/7/``) gets ``language``'s prefix when that names a page. Anything else
    (the API, static files, other sites) is returned as it is.
    """
    return urls_in_languages(url, [language])[language]


def urls_in_languages(url: str, languages) -> dict[str, str]:
    """``url_in_language`` for several languages, resolving the URL once (the language switcher)."""
    parts = urlsplit(url)
    source = translation.get_language_from_path(parts.path)
    if source is None:
        return {language: _unprefixed_in_language(url, language) for language in languages}
    with translation.override(source):
        try:
            match = resolve(unquote(parts.path))
        except Resolver404:
            match = None
    name = (f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name) if match else None
    rest = parts.path.split("/", 2)[2] if parts.path.count("/") >= 2 else ""
    result = {}
    for language in languages:
        path = None
        if name:
            with translation.override(language):
                try:
                    path = reverse(name, args=match.args, kwargs=match.kwargs)
                except NoReverseMatch:
                    path = None
        if path is None:
            path = parts.path if language == source else f"/{language}/{rest}"
        result[language] = urlunsplit(parts._replace(path=path))
    return result


def _unprefixed_in_language(url: str, language: str) -> str:
    parts = urlsplit(url)
    candidate = f"/{language}{parts.path}"
    with translation.override(language):
        try:
            resolve(parts.path)
        except Resolver404:
            try:
                resolve(candidate)
            except Resolver404:
                return url
            return urlunsplit(parts._replace(path=candidate))
    return url


def set_language_cookie(response, language: str) -> None:
    """Remember ``language`` for URLs without a prefix, with the attributes Django's set_language uses."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
