"""Authentication for the JSON API: a personal token (Authorization: Bearer …) or the session."""

from django.contrib.auth.models import AnonymousUser
from ninja.security import HttpBearer, SessionAuth

from .services import api_token_authenticate
from .two_factor import owes_second_factor


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


class SessionUser(SessionAuth):
    """Session cookie (with CSRF protection on writes)."""

    def _get_key(self, request):
        # Without a signed-in session there is nothing for CSRF to protect: answer 401, not 403.
        if not request.user.is_authenticated or owes_second_factor(request):
            return None
        return super()._get_key(request)

    def authenticate(self, request, key):
        if owes_second_factor(request):  # signed in with a password, the second step not given yet
            return None
        return super().authenticate(request, key)


API_WRITE_AUTH = [TokenAuth(), SessionUser()]


def api_user(request):
    """The user of an API request: from a bearer token when one is sent, else the session."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = api_token_authenticate(header[7:].strip())
        if user is not None:
            request.user = user
            return user
    if owes_second_factor(request):
        return AnonymousUser()
    return request.user
