"""The JSON API root at /api/v1/ (OpenAPI document and interactive docs at /api/v1/docs).

Every error answers one shape, `{"detail": "...", "errors": {"field": ["message", ...]}}`
(harambee.core.errors), and the OpenAPI document lists, for every operation, each error status it
can answer (ERROR_RESPONSES below): both are added here, once, for every router.
"""

import json
from collections.abc import Callable

from csp.decorators import csp_update
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from harambee.assessments.api import router as assessments_router
from harambee.cooperation.api import router as cooperation_router
from harambee.core.errors import ErrorOut, default_detail, error_body
from harambee.core.exceptions import Conflict, NotFound
from harambee.events.api import router as events_router
from harambee.matching.api import router as matching_router
from harambee.postings.api import router as postings_router
from harambee.registry.api import router as registry_router

# Exceptions of services and access functions → the status the API answers. Each is rendered by
# `_service_error`; add a row here (and, if it is a new status, one to ERROR_RESPONSES).
EXCEPTION_STATUS: dict[type[Exception], int] = {
    Conflict: 409,  # before ValidationError, of which it is a kind: the first match decides
    ValidationError: 422,
    PermissionDenied: 403,
    Http404: 404,
    NotFound: 404,
}


def _input(op: dict) -> bool:
    return bool(op.get("parameters")) or "requestBody" in op


def _path_or_body(op: dict) -> bool:
    return "requestBody" in op or any(p.get("in") == "path" for p in op.get("parameters", []))


def _secured(op: dict) -> bool:
    return bool(op.get("security"))


def _always(op: dict) -> bool:
    return True


# Error statuses an operation can answer, by what the operation has. (English: like the summaries,
# the OpenAPI document is written for developers.)
ERROR_RESPONSES: list[tuple[int, str, Callable[[dict], bool]]] = [
    (400, "Malformed request: NUL in the query string, a body that is not JSON, too many fields.", _always),
    (401, "Neither a valid API token (Authorization: Bearer …) nor a signed-in session.", _secured),
    (403, "Not allowed for this user, or the session's CSRF token is missing.", _secured),
    (404, "No such object, or one this user may not see; also a NUL in the path.", _path_or_body),
    (413, "The request body is larger than the server accepts.", lambda op: "requestBody" in op),
    (422, "Invalid data; `errors` names each field (NUL or unpaired surrogates in text too).", _input),
    (500, "Unexpected server error; nothing was saved.", _always),
]


class BadText(ValueError):
    """A JSON body holds text no field may hold (NUL, an unpaired surrogate)."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def _bad_text(text: str) -> bool:
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def field_name(path) -> str:
    """The name of the field at `path` inside a body, as the services name it: `translations[0].title`."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "__all__"


def _check_text(value, path: tuple) -> None:
    if isinstance(value, str):
        if _bad_text(value):
            raise BadText(field_name(path))
    elif isinstance(value, dict):
        for key, item in value.items():
            if _bad_text(key):
                raise BadText(field_name(path))
            _check_text(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_text(item, (*path, index))


class StrictJsonParser(Parser):
    """JSON bodies: text holding NUL or an unpaired surrogate (e.g. "\\ud800", which json accepts
    but no database stores) is refused, naming the field."""

    def parse_body(self, request):
        data = json.loads(request.body)
        _check_text(data, ())
        return data


class HarambeeAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas["Error"] = ErrorOut.model_json_schema()
        error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for operations in schema["paths"].values():
            for op in operations.values():
                for status, description, applies in ERROR_RESPONSES:
                    if applies(op) and status not in op["responses"]:
                        op["responses"][status] = {"description": description, "content": error}
        return schema


api = HarambeeAPI(
    title="Harambee API",
    version="1.0.0",
    description="International cooperation on AI capacity-building: members, needs, offers and cooperations.",
    urls_namespace="api-1.0.0",
    parser=StrictJsonParser(),
    # Swagger UI (served from ninja's static files) draws its icons as data: images; the rest of the
    # site's policy (scripts and styles from this site only) applies to it as to every page.
    docs_decorator=csp_update({"img-src": ["data:"]}),
)


def _answer(request, status: int, detail: str = "", errors: dict | None = None):
    return api.create_response(request, error_body(detail or default_detail(status), errors), status=status)


def _service_error(request, exc: Exception):
    status = next(s for cls, s in EXCEPTION_STATUS.items() if isinstance(exc, cls))
    if isinstance(exc, Conflict):  # someone else was first: the message says who did what, and when
        return _answer(request, status, " ".join(exc.messages))
    if isinstance(exc, ValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return _answer(request, status, _("The data is not valid."), errors)
    return _answer(request, status, str(exc))


for _exception in EXCEPTION_STATUS:
    api.add_exception_handler(_exception, _service_error)


@api.exception_handler(NinjaValidationError)
def input_error(request, exc: NinjaValidationError):
    """Parameters or body that do not fit the operation's schema: the field is the path inside the
    query, path or body (without the name of the body parameter)."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        source, *loc = error.get("loc") or ("body",)
        if source == "body":
            loc = loc[1:]
        errors.setdefault(field_name(loc), []).append(error.get("msg", ""))
    return _answer(request, 422, _("The data is not valid."), errors)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    if isinstance(exc.__cause__, BadText):
        message = _("Text may not contain the NUL character or unpaired surrogates (such as \\ud800).")
        return _answer(request, 422, _("The data is not valid."), {exc.__cause__.field: [message]})
    if isinstance(exc.__cause__, ValueError):  # json.JSONDecodeError, UnicodeDecodeError
        return _answer(request, 400, _("The request body is not valid JSON."))
    if isinstance(exc, AuthenticationError):
        return _answer(request, 401)
    if exc.status_code == 403 and "CSRF" in exc.message:
        detail = _("The CSRF check failed: send the CSRF token with the session, or use an API token.")
        return _answer(request, 403, detail)
    return _answer(request, exc.status_code)


api.add_router("/", registry_router)
api.add_router("/", postings_router)
api.add_router("/", matching_router)
api.add_router("/", cooperation_router)
api.add_router("/", events_router)

api.add_router("/", assessments_router)
