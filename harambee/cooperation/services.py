"""Writes of cooperations (audited, atomic)."""

from django.db import transaction

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot

from .models import Cooperation, CooperationOrigin

AUDITED_FIELDS = ["title", "provider_id", "beneficiary_id", "need_id", "offer_id", "origin", "units", "status"]


@transaction.atomic
def cooperation_create_from_match(*, need, offer, actor) -> Cooperation:
    """The cooperation an accepted match starts: the offer's member provides, the need's benefits."""
    cooperation = Cooperation.objects.create(
        title=offer.title[:150] + " → " + need.member.name[:140],
        provider=offer.member,
        beneficiary=need.member,
        need=need,
        offer=offer,
        origin=CooperationOrigin.MATCH,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=cooperation,
        changes=diff({}, snapshot(cooperation, AUDITED_FIELDS)),
        member_code=offer.member.code,
        public=True,
    )
    return cooperation


@transaction.atomic
def cooperation_create_from_allocation(*, offer, beneficiary, units, actor, need=None) -> Cooperation:
    """The cooperation a published allocation round starts for one member and one offer."""
    cooperation = Cooperation.objects.create(
        title=offer.title[:150] + " → " + beneficiary.name[:140],
        provider=offer.member,
        beneficiary=beneficiary,
        need=need,
        offer=offer,
        origin=CooperationOrigin.ALLOCATION,
        units=units,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=cooperation,
        changes=diff({}, snapshot(cooperation, AUDITED_FIELDS)),
        member_code=offer.member.code,
        public=True,
    )
    return cooperation
