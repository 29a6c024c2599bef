"""A write that cannot get the database's lock in time answers 503 with Retry-After, never 500.

SQLite lets one writer write at a time; the others wait up to the busy timeout (30 s, see
`SQLITE_OPTIONS` in the settings) and then fail with "database is locked". PostgreSQL waits for row
locks without a limit unless `lock_timeout` is set, and then fails with SQLSTATE 55P03. Either
failure means "try again shortly", not "the server is broken": `DatabaseBusyMiddleware` turns it
into a 503 answer with a `Retry-After` header, a page for people and `{"detail": "…"}` for the
API. The error page handler (`harambee.core.views.error_500`) asks `busy_response` too, for the
writes that happen outside a view (a session saved after the view answered).
"""

import logging
import sqlite3

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
API_PREFIX = "/api/"
# PostgreSQL: lock_not_available (lock_timeout reached, or NOWAIT)
POSTGRES_LOCK_STATES = {"55P03"}


def is_lock_timeout(error: BaseException | None) -> bool:
    """Whether `error` is the database's "could not get the lock in time" (SQLite busy or locked,
    PostgreSQL lock_not_available), as opposed to any other database error."""
    if not isinstance(error, OperationalError | sqlite3.OperationalError):
        return False
    for candidate in (error, error.__cause__):
        code = getattr(candidate, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        if getattr(candidate, "sqlstate", None) in POSTGRES_LOCK_STATES:
            return True
    message = str(error).lower()
    return "database is locked" in message or "database table is locked" in message


def busy_response(request: HttpRequest, error: BaseException | None) -> HttpResponse | None:
    """The 503 answer for a lock timeout, or None for any other error."""
    if not is_lock_timeout(error):
        return None
    logger.warning("Database busy, answered 503: %s %s (%s)", request.method, request.path, error)
    if request.path.startswith(API_PREFIX):
        response = JsonResponse(
            {"detail": _("The database is busy with other changes; nothing was saved. Try again shortly.")},
            status=503,
        )
    else:
        response = render(request, "503.html", {"retry_after": RETRY_AFTER_SECONDS}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseBusyMiddleware:
    """Answers 503 + Retry-After when a view fails because the database's write lock was busy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return busy_response(request, exception)
