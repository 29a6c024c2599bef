"""Refuse hostile input at the edge, before any view, form or query sees it.

One place per channel of a request:

- the path: a NUL character names nothing → 404;
- the query string and form fields (names, values, file names): a NUL character, too many fields
  or a malformed multipart body → 400;
- the body: larger than DATA_UPLOAD_MAX_MEMORY_SIZE (files of a multipart upload excepted) → 413;
- cookies: a cookie holding a NUL character is ignored, as if it had not been sent.

PostgreSQL cannot store or compare text holding NUL (psycopg refuses it), so without this any
such parameter reached a query and gave a 500. Lone surrogates cannot arrive through these
channels (Django decodes them with replacement characters); in JSON bodies the API's parser
refuses them (config/api.py). Under /api/ every error answer is JSON of one shape
(harambee.core.errors), including Django's own 404, 405 and 500 answers.

Two middlewares: ApiErrorsAndCookiesMiddleware is outermost (cookies must be clean before the
session reads them, and it sees every answer); HostileInputMiddleware runs after authentication,
so that a refusal's page shows who is signed in, and before any view or CSRF check reads the body.
"""

import json

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

from .errors import default_detail, error_body, is_api_request, refuse

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def has_nul(*texts: str) -> bool:
    return any("\x00" in text for text in texts)


def _bad_fields(data) -> list[str]:
    """Names of fields of a QueryDict whose name or a value holds NUL."""
    return [key for key, values in data.lists() if has_nul(key, *[v for v in values if isinstance(v, str)])]


class ApiErrorsAndCookiesMiddleware:
    """Outermost (before the session): drops cookies holding NUL before anything reads them, and gives
    every error answer under /api/ the API's JSON shape, whichever layer produced it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, value in list(request.COOKIES.items()):
            if has_nul(name, value):
                del request.COOKIES[name]
        response = self.get_response(request)
        if is_api_request(request):
            response = _as_json_error(response)
        return response


class HostileInputMiddleware:
    """After authentication (so an error page shows who is signed in) and before any view or the
    CSRF check reads the request: refuses NUL in the path, the query string and form fields, and
    bodies over the limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._refusal(request) or self.get_response(request)

    def _refusal(self, request):
        if has_nul(request.path_info):
            return refuse(request, 404)
        try:
            bad = _bad_fields(request.GET)
            if request.method in BODY_METHODS:
                bad += self._bad_body_fields(request)
        except RequestDataTooBig:
            return refuse(request, 413, _("The request is too large."))
        except (SuspiciousOperation, MultiPartParserError):
            return refuse(request, 400)
        if bad:
            detail = _("Text may not contain the NUL character.")
            return refuse(request, 400, detail, {name.replace("\x00", "\ufffd"): [detail] for name in bad})
        return None

    @staticmethod
    def _bad_body_fields(request) -> list[str]:
        if request.content_type in FORM_TYPES:
            bad = _bad_fields(request.POST)
            for name, files in request.FILES.lists():
                if has_nul(name, *[f.name or "" for f in files]):
                    bad.append(name)
            return bad
        request.body  # noqa: B018 - read now: a body over the limit raises RequestDataTooBig here
        return []


def _as_json_error(response):
    """An error answer under /api/ that is not JSON yet (Django's 404 and 500 pages, a 405) in the
    API's error shape; the status and headers such as Allow are kept."""
    if (
        response.status_code < 400
        or getattr(response, "streaming", False)
        or response.get("Content-Type", "").startswith("application/json")
    ):
        return response
    response.content = json.dumps(error_body(default_detail(response.status_code)))
    response["Content-Type"] = "application/json"
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    return response
