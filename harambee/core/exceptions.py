"""Errors raised by services and access functions, translated for whoever called."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["PermissionDenied", "ValidationError", "NotFound", "Conflict"]


class NotFound(Exception):
    """The object does not exist or the user may not know that it exists."""


class Conflict(ValidationError):
    """The write collides with what someone else already recorded (another proposal of the same pair,
    an answer given a moment earlier): the message says what happened, who did it and when.

    A ValidationError, so forms and pages show it like any other; the API answers 409 Conflict.
    ``existing`` is the record that was there first, for a page to point to.
    """

    def __init__(self, message, *, existing=None):
        super().__init__(message, code="conflict")
        self.existing = existing
