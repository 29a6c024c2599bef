"""The IATI file of the open data: every public cooperation, through the cooperation app's export.

Kept apart from `selectors.py` because the export module also imports (and so reaches services).
"""

from collections.abc import Iterator

from harambee.cooperation.access import cooperation_list_for_user
from harambee.cooperation.iati_export import cooperations_iati_chunks

from .selectors import public_visitor


def _public_cooperations():
    return cooperation_list_for_user(user=public_visitor()).prefetch_related(None)


def public_iati_exists() -> bool:
    """Whether there is a public cooperation to publish (an IATI file holds at least one activity)."""
    return _public_cooperations().exists()


def public_iati_chunks() -> Iterator[bytes]:
    """IATI 2.03 activity XML of every public cooperation, in pieces (a batch of rows in memory at a time)."""
    return cooperations_iati_chunks(_public_cooperations())
