"""Files uploaded to the web import, kept between the preview and the confirmation.

An upload is stored as `DATA_DIR/imports/<token>.jsonl` and its token kept in the session for
UPLOAD_TTL. The file is removed when its preview finds problems or fails, once it is imported
(or the import fails), when the same session uploads another file, when its token has expired,
and — for the uploads nobody confirms — by `harambee postings housekeeping` after UPLOAD_TTL.
"""

import re
import secrets
import time
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from django.conf import settings

UPLOAD_TTL = timedelta(hours=1)
SESSION_KEY = "posting_import"
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def upload_dir() -> Path:
    path = Path(settings.DATA_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def upload_path(token: str) -> Path:
    if not TOKEN_PATTERN.match(token):
        raise ValueError("not an upload token")
    return upload_dir() / f"{token}.jsonl"


def upload_store(chunks: Iterable[bytes]) -> str:
    """Store an uploaded file; its token."""
    token = secrets.token_urlsafe(16)
    path = upload_path(token)
    try:
        with path.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return token


def upload_discard(token: str) -> None:
    upload_path(token).unlink(missing_ok=True)


def upload_remember(session, *, token: str, member: str) -> None:
    """Keep a checked upload for the session to confirm; it replaces (removes) an earlier one."""
    upload_forget(session)
    session[SESSION_KEY] = {"token": token, "member": member, "expires": time.time() + UPLOAD_TTL.total_seconds()}


def upload_pending(session) -> dict | None:
    """The session's checked upload waiting for confirmation, unless it expired (then removed)."""
    pending = session.get(SESSION_KEY)
    if not isinstance(pending, dict) or not TOKEN_PATTERN.match(str(pending.get("token", ""))):
        session.pop(SESSION_KEY, None)
        return None
    if pending.get("expires", 0) < time.time() or not upload_path(pending["token"]).exists():
        upload_forget(session)
        return None
    return pending


def upload_forget(session) -> None:
    """Remove the session's pending upload, file and token."""
    pending = session.pop(SESSION_KEY, None)
    if isinstance(pending, dict) and TOKEN_PATTERN.match(str(pending.get("token", ""))):
        upload_discard(pending["token"])


def uploads_expire(*, older_than: timedelta = UPLOAD_TTL, now=None) -> int:
    """Remove the uploads nobody confirmed within `older_than` (before `now`, a datetime; by default
    the present), and files left half-written; how many were removed."""
    limit = (now.timestamp() if now is not None else time.time()) - older_than.total_seconds()
    removed = 0
    for path in upload_dir().glob("*.jsonl"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # confirmed or removed meanwhile
            pass
    return removed
