"""Errors raised by services and access functions, translated for whoever called."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["PermissionDenied", "ValidationError", "NotFound"]


class NotFound(Exception):
    """The object does not exist or the user may not know that it exists."""
