"""The IATI file of the open data: every public cooperation, through the cooperation app's export.

Kept apart from `selectors.py` because the export module also imports (and so reaches services).
"""

from harambee.cooperation.access import cooperation_list_for_user
from harambee.cooperation.iati_export import cooperations_to_iati_xml

from .selectors import public_visitor


def public_iati_xml() -> bytes:
    """IATI 2.03 activity XML of every public cooperation (built in memory by the existing export)."""
    return cooperations_to_iati_xml(cooperation_list_for_user(user=public_visitor()).prefetch_related(None))
