"""The platform's IATI defaults, read from ``mapping.toml`` beside this module (once per process).

:func:`iati_defaults` gives the IATI codes a cooperation starts with from its modality, themes,
sectors and channel (taxonomy.md "IATI mappings"); :func:`mapping` gives the rest of the file
(default finance type, roles, the registry's organisation types…). The taxonomy codes themselves
are defined by the postings app; this file only maps them, and a test keeps both in step.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .model import Sector

__all__ = ["Mapping", "iati_defaults", "mapping"]

MAPPING_PATH = Path(__file__).resolve().parent / "mapping.toml"


@dataclass(frozen=True, kw_only=True)
class Mapping:
    """``mapping.toml`` as read: tables of platform code → IATI code(s)."""

    finance_type: str
    flow_type: str
    activity_status: str
    collaboration_type_default: str
    currency: str
    organisation_type: str
    roles: MappingProxyType
    delivered_transaction_types: tuple[str, ...]
    collaboration_type: MappingProxyType
    aid_type: MappingProxyType
    aid_type_in_provider_country: MappingProxyType
    theme_sectors: MappingProxyType
    sector_codes: MappingProxyType
    organisation_types: MappingProxyType


def _frozen(table: dict[str, Any]) -> MappingProxyType:
    return MappingProxyType({key: tuple(value) if isinstance(value, list) else value for key, value in table.items()})


@functools.cache
def mapping() -> Mapping:
    """The mapping file, read on first use and kept."""
    with MAPPING_PATH.open("rb") as handle:
        data = tomllib.load(handle)
    activity = data["activity"]
    return Mapping(
        finance_type=activity["finance_type"],
        flow_type=activity["flow_type"],
        activity_status=activity["activity_status"],
        collaboration_type_default=activity["collaboration_type"],
        currency=activity["currency"],
        organisation_type=activity["organisation_type"],
        roles=_frozen(data["roles"]),
        delivered_transaction_types=tuple(data["transactions"]["delivered"]),
        collaboration_type=_frozen(data["collaboration_type"]),
        aid_type=_frozen(data["aid_type"]),
        aid_type_in_provider_country=_frozen(data["aid_type_in_provider_country"]),
        theme_sectors=_frozen(data["theme_sectors"]),
        sector_codes=_frozen(data["sector_codes"]),
        organisation_types=_frozen(data["organisation_type"]),
    )


def _equal_percentages(count: int) -> list[Decimal]:
    # In hundredths of a percent so the parts are exact and sum to exactly 100.
    share, remainder = divmod(10000, count)
    return [Decimal(share + (remainder if index == 0 else 0)) / 100 for index in range(count)]


def iati_defaults(
    *, modality: str, themes: list[str], sectors: list[str], channel: str, in_provider_country: bool = False
) -> dict:
    """Default IATI codes for a cooperation (taxonomy.md "IATI mappings"); the user may edit them.

    Returns keyword arguments of :class:`~harambee.iati.model.IatiActivity`::

        {"default_aid_type": "D02", "sectors": [Sector(code="11430", vocabulary="1", percentage=Decimal("100"))],
         "default_finance_type": "110", "default_flow_type": "10", "collaboration_type": "1",
         "activity_status": "2"}

    * aid type (vocabulary 1) by modality, or by modality when delivered in the provider's country
      (training → E01), from ``mapping.toml``.
    * sectors (vocabulary 1): the themes' codes, then the platform sectors' codes, in the order
      given, without duplicates (governance and public_services are both 15110); equal
      percentages summing to exactly 100, the rounding remainder to the first. Empty when only
      "applications" and no sector is given (the validator then reports the missing sector).
    * finance type, flow type and activity status: the file's ``[activity]`` defaults.
    * collaboration type by channel (8 for triangular).

    Raises ``ValueError`` ("unknown modality …") for a modality, channel, theme or sector the
    mapping does not know, i.e. one outside the taxonomy.
    """
    table = mapping()
    if modality not in table.aid_type:
        raise ValueError(f"unknown modality {modality!r}")
    if channel not in table.collaboration_type:
        raise ValueError(f"unknown channel {channel!r}")
    codes: list[str] = []
    for theme in themes:
        if theme not in table.theme_sectors:
            raise ValueError(f"unknown theme {theme!r}")
        codes += [code for code in table.theme_sectors[theme] if code not in codes]
    for sector in sectors:
        if sector not in table.sector_codes:
            raise ValueError(f"unknown sector {sector!r}")
        if table.sector_codes[sector] not in codes:
            codes.append(table.sector_codes[sector])
    percentages = _equal_percentages(len(codes)) if codes else []
    aid_type = (in_provider_country and table.aid_type_in_provider_country.get(modality)) or table.aid_type[modality]
    return {
        "default_aid_type": aid_type,
        "sectors": [
            Sector(code=code, vocabulary="1", percentage=percentage)
            for code, percentage in zip(codes, percentages, strict=True)
        ],
        "default_finance_type": table.finance_type,
        "default_flow_type": table.flow_type,
        "collaboration_type": table.collaboration_type[channel],
        "activity_status": table.activity_status,
    }
