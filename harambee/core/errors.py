"""One shape for every error the JSON API answers, and the web's error pages.

Every API error is `{"detail": "<one sentence>", "errors": {"<field>": ["<message>", …]}}`;
`errors` is empty when no field is at fault. Web pages answer the 400, 403, 404, 413 and 500
pages of the shell.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Schema

API_PATH_PREFIX = "/api/"


class ErrorOut(Schema):
    """The body of every error answer of the API."""

    detail: str
    errors: dict[str, list[str]]


def is_api_request(request) -> bool:
    return request.path_info.startswith(API_PATH_PREFIX)


def error_body(detail: str, errors: dict[str, list[str]] | None = None) -> dict:
    return {"detail": str(detail), "errors": {str(k): [str(m) for m in v] for k, v in (errors or {}).items()}}


def default_detail(status: int) -> str:
    """The sentence an error of `status` says when nothing more precise is known."""
    details = {
        400: _("The request is malformed."),
        401: _("Sign in, or send a valid API token (Authorization: Bearer …)."),
        403: _("You may not do this."),
        404: _("Not found."),
        405: _("This method is not allowed here."),
        409: _("This conflicts with the current state; reload and try again."),
        413: _("The request is too large."),
        422: _("The data is not valid."),
        429: _("Too many requests; try again later."),
        500: _("Something went wrong on the server; nothing was saved."),
        503: _("The service is busy; try again shortly."),
    }
    return details.get(status) or (_("The request failed.") if status < 500 else details[500])


def json_error(status: int, detail: str = "", errors: dict | None = None) -> JsonResponse:
    return JsonResponse(error_body(detail or default_detail(status), errors), status=status)


def web_error(request, status: int, reason: str = ""):
    """The shell's error page for `status`, in the language of the address (it may be rendered
    before the locale middleware ran)."""
    template = {400: "400.html", 403: "403.html", 404: "404.html", 413: "413.html"}.get(status, "500.html")
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        return render(request, template, {"reason": reason}, status=status)


def refuse(request, status: int, detail: str = "", errors: dict | None = None):
    """Answer `status`: JSON under the API, the shell's error page elsewhere."""
    if is_api_request(request):
        return json_error(status, detail, errors)
    return web_error(request, status, detail)
