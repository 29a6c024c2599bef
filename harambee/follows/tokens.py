"""The signed link of the digest's one-click unsubscribe: who (and which follow, or all of them) it is
for, signed with the site's secret key, so that it works without signing in and cannot be forged."""

from django.core import signing

SALT = "harambee.follows.unsubscribe"


def unsubscribe_token(*, person_id: int, follow_id: int | None = None) -> str:
    """A token that stops the e-mails of one follow of the person (``follow_id``), or of all of them."""
    return signing.dumps({"p": person_id, "f": follow_id}, salt=SALT)


def unsubscribe_read(token: str) -> tuple[int, int | None] | None:
    """(person id, follow id or None) of a token; None when it was not made here or was altered."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("p"), int):
        return None
    follow = data.get("f")
    return data["p"], follow if isinstance(follow, int) else None
