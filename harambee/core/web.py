"""Small helpers shared by web views."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on its fields where it names them."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def paginate(request, items, per_page: int = 50) -> Page:
    """The requested page; a page number out of range or malformed gives the nearest page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
