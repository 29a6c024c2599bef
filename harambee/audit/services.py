"""Writing the audit trail. Every domain service calls `audit_record` inside its transaction."""

from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditAction, AuditEntry


def _plain(value: Any) -> Any:
    """A JSON-safe rendering of a field value, stable enough to compare before and after."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return str(value)


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields` (foreign keys by primary key), for a later `diff`."""
    values = {}
    for name in fields:
        field = instance._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(pk) for pk in getattr(instance, name).values_list("pk", flat=True))
        elif field.is_relation:
            values[name] = _plain(getattr(instance, field.attname))
        else:
            values[name] = _plain(getattr(instance, name))
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Field-level changes as {field: [before, after]}, only for fields whose value changed."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def audit_record(
    *,
    actor,
    action: str,
    instance: models.Model,
    changes: dict[str, list[Any]] | None = None,
    reason: str = "",
    member_code: str = "",
    public: bool = False,
) -> AuditEntry:
    """Record one audit entry for `instance`; call it inside the service's transaction."""
    if action not in AuditAction.values:
        raise ValueError(f"unknown audit action {action!r}")
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_label=(actor.get_username() if authenticated else "system")[:254],
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        changes=changes or {},
        reason=reason,
        member_code=member_code,
        is_public=public,
    )
