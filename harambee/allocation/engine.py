"""The allocation engine as the app uses it: the framework-free core with messages translated.

The algorithms live in `harambee.allocation.core` (no Django, docs/adr/0011); this module passes
Django's gettext so that validation errors and reasons come out in the active language.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from .core import engine as core
from .core.engine import (
    ENGINE_VERSION,
    MODES,
    AllocationInputError,
    AllocationResult,
    AllocationSolverError,
    Assignment,
    Instance,
    Names,
    Unassigned,
    snapshot_hash,
)

__all__ = [
    "ENGINE_VERSION",
    "MODES",
    "AllocationInputError",
    "AllocationResult",
    "AllocationSolverError",
    "Assignment",
    "Instance",
    "Names",
    "Unassigned",
    "allocate",
    "greedy_allocate",
    "parse_instance",
    "snapshot_hash",
]


def parse_instance(data: Any) -> Instance:
    """`core.parse_instance` with its errors in the active language."""
    return core.parse_instance(data, translate=gettext)


def allocate(instance: Instance, *, mode: str | None = None, names: Names | None = None) -> AllocationResult:
    """`core.allocate` with its errors and reasons in the active language (offers, members,
    regions and groups named by `names`)."""
    return core.allocate(instance, mode=mode, translate=gettext, names=names)


def greedy_allocate(instance: Instance) -> AllocationResult:
    """`core.greedy_allocate` (the baseline) with its reasons in the active language."""
    return core.greedy_allocate(instance, translate=gettext)
