"""Small helpers shared by web views."""

import ipaddress
from functools import lru_cache

from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.paginator import Page, Paginator
from django.utils.http import url_has_allowed_host_and_scheme


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on its fields where it names them."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def safe_next(request, fallback: str) -> str:
    """The ``next`` address the request carries (form field, else query string) when it is of this site,
    else ``fallback``: never a redirect to another site (the one rule every "go back" follows)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    same_site = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if target and same_site:
        return target
    return fallback


def paginate(request, items, per_page: int = 50) -> Page:
    """The requested page; a page number out of range or malformed gives the nearest page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    try:
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)
    except ValueError as error:
        raise ImproperlyConfigured(f"HARAMBEE_TRUSTED_PROXIES: {error}") from error


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_address(request) -> str:
    """The client's IP address, for throttling and rate limits.

    REMOTE_ADDR, unless it is one of HARAMBEE_TRUSTED_PROXIES: then X-Forwarded-For is read from the
    right (each trusted proxy appends the address it received from) and the first address that is not
    a trusted proxy is the client. Whatever a client wrote into the header itself lies further left
    and is never used; without trusted proxies the header is ignored altogether.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = _networks(tuple(settings.HARAMBEE_TRUSTED_PROXIES))
    address = _address(remote)
    if not trusted or address is None or not any(address in network for network in trusted):
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:  # not written by a proxy we trust: stop at the last good hop
            return remote
        if not any(address in network for network in trusted):
            return str(address)
        remote = str(address)
    return remote


def client_network(request) -> str:
    """The client address as counted by throttling and rate limits: an IPv4 address as it is, an IPv6
    address as its /64 network (what one subscriber gets; its addresses cost an attacker nothing)."""
    remote = client_address(request)
    address = _address(remote)
    if address is None or address.version == 4:
        return remote
    return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
