"""Reads of accounts and invitations (writes are in services.py)."""

from .models import Invitation, hash_token


def invitation_get_by_token(token: str) -> Invitation | None:
    """The invitation a link's token stands for, whatever its state, or None."""
    return Invitation.objects.select_related("member", "invited_by").filter(token_hash=hash_token(token)).first()
