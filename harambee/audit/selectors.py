"""Reading the audit trail, for the secretariat, for members and for the public."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from .models import AuditEntry


def audit_entry_list(
    *,
    member_codes: list[str] | None = None,
    action: str = "",
    model: str = "",
    actor: str = "",
    member: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEntry]:
    """Entries filtered as the audit browser asks; `member_codes=None` means no member scoping."""
    qs = AuditEntry.objects.select_related("content_type", "actor")
    if member_codes is not None:
        qs = qs.filter(member_code__in=member_codes)
    if action:
        qs = qs.filter(action=action)
    if model:
        app_label, _dot, model_name = model.partition(".")
        qs = qs.filter(content_type__app_label=app_label, content_type__model=model_name)
    if actor:
        qs = qs.filter(actor_label__icontains=actor)
    if member:
        qs = qs.filter(member_code=member)
    if since:
        qs = qs.filter(at__date__gte=since)
    if until:
        qs = qs.filter(at__date__lte=until)
    return qs


def audit_history_for(instance: models.Model, *, public_only: bool) -> QuerySet[AuditEntry]:
    """The history of one object, newest first; the public sees only public entries."""
    qs = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
    ).select_related("actor")
    if public_only:
        qs = qs.filter(is_public=True)
    return qs


def audit_model_choices() -> list[tuple[str, str]]:
    """The object types that appear in the trail, as (app_label.model, verbose name)."""
    types = ContentType.objects.filter(
        pk__in=AuditEntry.objects.values_list("content_type", flat=True).distinct()
    ).order_by("app_label", "model")
    return [
        (f"{ct.app_label}.{ct.model}", str(ct.model_class()._meta.verbose_name) if ct.model_class() else ct.model)
        for ct in types
    ]


def audit_generation() -> str:
    """Changes with every audited write (the latest entry's id); a lookup of the primary key index."""
    latest = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return str(latest or 0)
