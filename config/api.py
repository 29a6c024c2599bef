"""The JSON API root at /api/v1/ (OpenAPI document and interactive docs at /api/v1/docs)."""

from csp.decorators import csp_update
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from harambee.cooperation.api import router as cooperation_router
from harambee.core.exceptions import Conflict
from harambee.matching.api import router as matching_router
from harambee.postings.api import router as postings_router
from harambee.registry.api import router as registry_router

api = NinjaAPI(
    title="Harambee API",
    version="1.0.0",
    description="International cooperation on AI capacity-building: members, needs, offers and cooperations.",
    urls_namespace="api-1.0.0",
    # Swagger UI (served from ninja's static files) draws its icons as data: images; the rest of the
    # site's policy (scripts and styles from this site only) applies to it as to every page.
    docs_decorator=csp_update({"img-src": ["data:"]}),
)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": _("The data is not valid."), "errors": detail}, status=422)


@api.exception_handler(Conflict)
def conflict(request, exc: Conflict):
    """Someone else was first (the same pair proposed, the proposal already answered): 409, saying who."""
    return api.create_response(request, {"detail": " ".join(exc.messages), "errors": {}}, status=409)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc: PermissionDenied):
    return api.create_response(request, {"detail": str(exc) or _("You may not do this.")}, status=403)


api.add_router("/", registry_router)
api.add_router("/", postings_router)
api.add_router("/", matching_router)
api.add_router("/", cooperation_router)
