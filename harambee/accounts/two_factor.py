"""Two-factor sign-in (TOTP, with recovery codes), on django-otp.

Who must use it: the secretariat and the managers of members (``two_factor_required``), when
``HARAMBEE_TWO_FACTOR_REQUIRED`` is on (the production settings; the demo and tests leave it off so that
people can try the platform with a password alone). Anyone else may turn it on. A signed-in person who
has a confirmed device but has not given a code in this session, or who must enrol and has not, reaches
only the two-factor pages and sign-out until they do (``TwoFactorMiddleware``). API tokens are not
affected: a token is itself a secret the person created while signed in.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from harambee.registry.access import MANAGING_ROLES, is_secretariat

RECOVERY_CODES = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


def two_factor_required(user) -> bool:
    """Whether ``user`` must sign in with a second factor: the secretariat and members' managers."""
    if not settings.HARAMBEE_TWO_FACTOR_REQUIRED or not getattr(user, "is_authenticated", False):
        return False
    return is_secretariat(user) or any(role in MANAGING_ROLES for role in user.member_roles().values())


def two_factor_enabled(user) -> bool:
    return (
        bool(getattr(user, "is_authenticated", False)) and TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    )


def confirmed_totp(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_totp(user) -> TOTPDevice | None:
    """The authenticator key being set up (shown until confirmed), if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, name=RECOVERY_NAME, confirmed=True).first()


def recovery_codes_left(user) -> int:
    device = recovery_device(user)
    return device.token_set.count() if device else 0


# Pages a person who still owes a second factor may open (by URL name), besides /static/ and the API.
OPEN_NAMES = {
    "accounts:two_factor_verify",
    "accounts:two_factor_enrol",
    "accounts:logout",
    "set_language",
    "healthz",
    "javascript-catalog",
}


# What a signed-in person still owes, decided once at sign-in and kept in the session: "verify" (a
# code, they have a device), "enrol" (they must set one up) or nothing. The middleware then reads only
# the session: no query per request.
SESSION_KEY = "harambee_two_factor_owed"


def _owed_at_sign_in(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    if user_has_device(user, confirmed=True):
        request.session[SESSION_KEY] = "verify"
    elif two_factor_required(user):
        request.session[SESSION_KEY] = "enrol"
    else:
        request.session.pop(SESSION_KEY, None)


user_logged_in.connect(_owed_at_sign_in, dispatch_uid="harambee_two_factor_owed")


def owes_second_factor(request) -> bool:
    """Whether the session's signed-in person has not given the second factor they owe (then the API
    treats the session as not signed in: a token, or the second step first)."""
    session = getattr(request, "session", None)
    if session is None or not session.get(SESSION_KEY):
        return False
    user = request.user
    return user.is_authenticated and not (hasattr(user, "is_verified") and user.is_verified())


def two_factor_given(request) -> None:
    """The person gave their second factor (or set one up) in this session."""
    request.session.pop(SESSION_KEY, None)


class TwoFactorMiddleware:
    """Sends a signed-in person who owes a second factor to the page where they give it (or enrol)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(("/api/", settings.STATIC_URL)) or request.path_info == "/healthz":
            return self.get_response(request)  # tokens, files and probes: the session is never read for them
        session = getattr(request, "session", None)
        owed = session.get(SESSION_KEY) if session is not None else None
        if owed and request.user.is_authenticated and not request.user.is_verified() and not self._open(request):
            target = "accounts:two_factor_verify" if owed == "verify" else "accounts:two_factor_enrol"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _open(request) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in OPEN_NAMES
