"""Validation of the tracked values of a cooperation (shared by its services and its imports)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from babel.numbers import list_currencies
from django.utils.translation import gettext as _

ACTIVITY_STATUSES = ("1", "2", "3", "4", "5", "6")
TRANSACTION_TYPES = tuple(str(code) for code in range(1, 14))
AID_TYPES = (
    "A01",
    "A02",
    "B01",
    "B02",
    "B021",
    "B022",
    "B03",
    "B031",
    "B032",
    "B033",
    "B04",
    "C01",
    "D01",
    "D011",
    "D012",
    "D013",
    "D02",
    "D021",
    "E01",
    "E02",
    "F01",
    "G01",
    "H01",
)
FINANCE_TYPES = ("110", "210", "310", "311", "421", "422", "423", "431", "432", "510", "520", "1100")
FLOW_TYPES = ("10", "21", "22", "30", "36", "37", "40", "50")
COLLABORATION_TYPES = ("1", "2", "3", "4", "6", "7", "8")


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
    """``[{"code": "11430", "percentage": 60}, …]``: five-digit DAC codes, percentages summing to 100."""
    if not isinstance(rows, list):
        errors.setdefault("dac_sectors", []).append(_("Give a list of sectors."))
        return []
    clean = []
    total = Decimal(0)
    for row in rows:
        code = str((row or {}).get("code", "")).strip()
        try:
            percentage = Decimal(str((row or {}).get("percentage", "100")))
        except (InvalidOperation, ValueError):
            percentage = Decimal(-1)
        if not (len(code) == 5 and code.isdigit()):
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


def check_code(value: str, allowed, field: str, errors: dict) -> None:
    if value not in allowed:
        errors.setdefault(field, []).append(_("%(code)s is not a valid code here.") % {"code": value or "—"})
