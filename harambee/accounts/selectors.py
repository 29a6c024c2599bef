"""Reads of accounts and invitations (writes are in services.py)."""

from django.db.models import QuerySet

from .models import ErasureRequest, ErasureStatus, Invitation, InvitationStatus, User, hash_token, normalise_email


def invitation_get_by_token(token: str) -> Invitation | None:
    """The invitation a link's token stands for, whatever its state, or None."""
    return Invitation.objects.select_related("member", "invited_by").filter(token_hash=hash_token(token)).first()


def invitations_with_member() -> QuerySet[Invitation]:
    """Invitations with their member loaded, for looking one up by id."""
    return Invitation.objects.select_related("member")


def invitations_open(*, limit: int = 50) -> list[Invitation]:
    """Open invitations (at most `limit`), with their member and inviter, for the secretariat."""
    return list(Invitation.objects.filter(status=InvitationStatus.OPEN).select_related("member", "invited_by")[:limit])


def user_by_email(email: str) -> User | None:
    """The account with this e-mail address (compared as stored: normalised), or None."""
    return User.objects.filter(email=normalise_email(email or "")).first()


def erasure_requests_open() -> list[ErasureRequest]:
    """Erasure requests waiting for the secretariat, oldest first."""
    return list(
        ErasureRequest.objects.filter(status=ErasureStatus.REQUESTED).select_related("user").order_by("requested_at")
    )


def erasure_request_open_for(user) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(user=user, status=ErasureStatus.REQUESTED).first()


def erasure_request_get(pk: int) -> ErasureRequest | None:
    return ErasureRequest.objects.select_related("user").filter(pk=pk).first()
