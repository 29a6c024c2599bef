"""Plain-text helpers shared by every app."""

import re
import unicodedata

ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, at most ``limit`` characters: cut at the last word boundary that fits
    and ended with "…". Text written without spaces (Chinese, Japanese) is cut between characters,
    which are its word boundaries; a single word longer than the limit is cut inside, as a last resort."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit]
    room = limit - len(ELLIPSIS)
    head = text[:room]
    if text[room] == " ":  # the cut falls exactly on a space
        cut = head
    else:
        space = head.rfind(" ")
        if _is_wide(text[room - 1]) and _is_wide(text[room]):
            cut = head  # between two CJK characters
        elif space > 0:
            cut = head[:space]
        else:
            cut = head
    cut = re.sub(r"[\s,;:.·、，；：。–—-]+$", "", cut)
    return cut + ELLIPSIS


def _is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")
