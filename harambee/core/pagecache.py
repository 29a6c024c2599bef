"""Whole public pages kept for anonymous visitors, shared by the workers of one server.

A public view opts in with ``@public_page_cache(generation, …)``. A GET or HEAD from a visitor who is
not signed in (no signed-in session, no ``Authorization`` header, no message waiting to be shown) is
answered from the ``pages`` cache when an answer is stored under its key; otherwise the view runs and
its answer is stored if it is a plain 200 meant for anyone: no cookie set, no CSRF token used (a
token belongs to one visitor), no message, no session change, no ``Vary`` and no private or no-store
``Cache-Control``. Headers the middleware adds (security headers, CSP, ``Vary: Cookie``) are added
again to every answer, cached or not.

The key holds the host, the active language, the path with its query string, the ``HX-Request``
header and the *generations*: cheap values that change when the content changes. Every page includes
the audit trail's latest entry (every write through a service is audited) and the generations apps
register for every page with :func:`register_generation` (the matching index's: suggestions change
when a new index is published), and a view adds its own, e.g. ``postings_generation`` (the latest
``updated_at`` of any posting). So after a write, or once the background work has published a new
matching index, the next visit is fresh. Anything else (a write made outside the services) shows at
most ``HARAMBEE_PAGE_CACHE_SECONDS`` late: every stored page expires after that time (600 s by
default).
Signed-in people always get fresh pages. The cache (``CACHES["pages"]``) is a folder of files under
the data folder by default, so that every gunicorn worker of a server shares it; see
docs/performance.md.
"""

import hashlib
import json
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.translation import get_language

from harambee.audit.selectors import audit_generation

CACHE_ALIAS = "pages"
SAFE_METHODS = ("GET", "HEAD")
UNSHARED_CACHE_CONTROL = ("private", "no-store", "no-cache")


_SHARED_GENERATIONS: list[Callable[[], str]] = []


def register_generation(generation: Callable[[], str]) -> None:
    """Key every cached page on ``generation`` too (an app's cheap "what I show has changed" value);
    called from an ``AppConfig.ready``."""
    if generation not in _SHARED_GENERATIONS:
        _SHARED_GENERATIONS.append(generation)


def public_page_cache(*generations: Callable[[], str]):
    """Decorate a public view: anonymous GET/HEAD answers are stored and served as described above."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not settings.HARAMBEE_PAGE_CACHE_SECONDS or not _anonymous_read(request):
                return view(request, *args, **kwargs)
            store = caches[CACHE_ALIAS]
            sources = (audit_generation, *_SHARED_GENERATIONS, *generations)
            key = page_key(request, sources)
            stored = store.get(key)
            if stored is not None:
                return _restore(stored)
            response = view(request, *args, **kwargs)
            # (a generation that moved while the view ran leaves this answer under the old key, which
            # later visits no longer compute: harmless, it expires)
            if _shareable(request, response):
                store.set(key, _keep(response), timeout=settings.HARAMBEE_PAGE_CACHE_SECONDS)
            return response

        return wrapped

    return decorator


def page_key(request, generations) -> str:
    described = json.dumps(
        [request.get_host(), get_language(), request.get_full_path(), request.headers.get("HX-Request", ""),
         [generation() for generation in generations]],
        ensure_ascii=False,
    )  # fmt: skip
    return "page:" + hashlib.sha256(described.encode()).hexdigest()


def _anonymous_read(request) -> bool:
    if request.method not in SAFE_METHODS or "Authorization" in request.headers:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return not (hasattr(request, "_messages") and len(get_messages(request)))


def _shareable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token: it is this visitor's
        return False
    if hasattr(request, "_messages") and len(get_messages(request)):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if response.has_header("Vary"):  # the answer depends on a header the key does not hold
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in UNSHARED_CACHE_CONTROL)


def _keep(response) -> dict:
    return {"status": response.status_code, "content": response.content, "headers": list(response.headers.items())}


def _restore(stored: dict) -> HttpResponse:
    return HttpResponse(stored["content"], status=stored["status"], headers=dict(stored["headers"]))
