"""Validation of the tracked values of a cooperation (shared by its services, forms and imports).

IATI codes are checked against the vendored codelists (harambee.iati.codelists); taxonomy codes
(modality, themes, sectors, channel) against harambee.postings.choices. Nothing here lists codes.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from babel.numbers import list_currencies
from django.utils.translation import gettext as _

from harambee.core.iati import invalid_code_message
from harambee.iati import codelists
from harambee.postings.choices import CHANNELS, MODALITIES, SECTORS, THEMES

#: The IATI codelist of each coded field of a cooperation: the forms offer it, the services check it.
FIELD_CODELISTS = {
    "aid_type": "AidType",
    "finance_type": "FinanceType",
    "flow_type": "FlowType",
    "collaboration_type": "CollaborationType",
    "activity_status": "ActivityStatus",
}
#: The taxonomy each taxonomy field of a cooperation draws from (postings.choices).
FIELD_TAXONOMY = {"modality": MODALITIES, "channel": CHANNELS, "themes": THEMES, "sectors": SECTORS}


def currencies() -> set[str]:
    return set(list_currencies())


def check_currency(code: str, field: str, errors: dict) -> None:
    if code not in currencies():
        errors.setdefault(field, []).append(_("%(code)s is not an ISO 4217 currency.") % {"code": code or "—"})


def check_period(start: date | None, end: date | None, field: str, errors: dict, *, max_days: int | None = None):
    if start and end and end <= start:
        errors.setdefault(field, []).append(_("The end must come after the start."))
    elif max_days and start and end and (end - start).days > max_days:
        errors.setdefault(field, []).append(_("A budget period covers at most one year."))


def check_dac_sectors(rows, errors: dict) -> list[dict]:
    """``[{"code": "11430", "percentage": 60}, …]``: DAC sector codes in use on the IATI Sector
    codelist, percentages summing to 100."""
    if not isinstance(rows, list):
        errors.setdefault("dac_sectors", []).append(_("Give a list of sectors."))
        return []
    sectors = codelists.codelist("Sector")
    clean = []
    total = Decimal(0)
    for row in rows:
        code = str((row or {}).get("code", "")).strip()
        try:
            percentage = Decimal(str((row or {}).get("percentage", "100")))
        except (InvalidOperation, ValueError):
            percentage = Decimal(-1)
        if not sectors.is_current(code):
            errors.setdefault("dac_sectors", []).append(
                _("%(code)s is not a five-digit DAC sector code.") % {"code": code or "—"}
            )
        if not Decimal(0) < percentage <= Decimal(100):
            errors.setdefault("dac_sectors", []).append(_("A sector percentage lies between 0 and 100."))
        total += percentage
        clean.append({"code": code, "percentage": float(percentage)})
    if clean and total != Decimal(100):
        errors.setdefault("dac_sectors", []).append(
            _("Sector percentages add up to %(total)s, not 100.") % {"total": total}
        )
    return clean


def check_code(value: str | None, codelist_name: str, field: str, errors: dict) -> None:
    """``value`` is a code in use (not withdrawn) on the IATI codelist ``codelist_name``."""
    if not codelists.codelist(codelist_name).is_current(value):
        errors.setdefault(field, []).append(invalid_code_message(value, codelist_name))


def check_taxonomy(value, field: str, errors: dict, *, taxonomy: str = "") -> None:
    """A taxonomy code (or a list of codes) of postings.choices; ``taxonomy`` names the list
    (a FIELD_TAXONOMY key) when it is not the field's own name."""
    allowed = FIELD_TAXONOMY[taxonomy or field]
    values = value if isinstance(value, list | tuple) else [value]
    for code in values:
        if code not in allowed:
            errors.setdefault(field, []).append(_("%(code)s is not a code of this list.") % {"code": code or "—"})
