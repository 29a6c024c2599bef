"""Writes to the registry. Each service validates, saves and records its audit entry atomically."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.core.iati import check_code
from harambee.iati import mapping
from harambee.notifications.models import in_every_language, register_message
from harambee.notifications.services import notify

from .access import is_secretariat, person_public_name
from .models import Country, Member, MemberKind, MemberRole, Membership, MemberStatus
from .names import UN_LANGUAGES
from .reference import state_member_codes
from .selectors import member_code_suggest, member_people

# Profile fields a member's managers and editors may change; status and kind are the secretariat's.
MEMBER_EDITABLE_FIELDS = (
    "name",
    "name_translations",
    "acronym",
    "website",
    "description",
    "organisation_type",
    "iati_org_type",
    "iati_ref",
    "country",
)
MEMBER_AUDITED_FIELDS = (*MEMBER_EDITABLE_FIELDS, "code", "kind", "status")
MEMBERSHIP_FIELDS = ("role", "is_focal_point", "position", "show_publicly")


def _clean_translations(value: dict[str, Any] | None) -> dict[str, str]:
    cleaned = {}
    for language, text in (value or {}).items():
        if language not in UN_LANGUAGES:
            raise ValidationError({"name_translations": _("Unknown language code: %(code)s") % {"code": language}})
        text = str(text or "").strip()
        if text:
            cleaned[language] = text[:200]
    return cleaned


@transaction.atomic
def member_create_state(
    *, country: Country, actor, description: str = "", status: str = MemberStatus.ACTIVE, is_demo: bool = False
) -> Member:
    """Register a State as a member; its code is the ISO alpha-3 code and its name comes from the UN
    names (M49). Only UN Member States and observer States can be State members."""
    if country.iso3 not in state_member_codes():
        raise ValidationError(
            {
                "country": _(
                    "%(country)s cannot be a State member: only the Member States of the United Nations and "
                    "the observer States can."
                )
                % {"country": country.name}
            }
        )
    member = Member(
        code=country.iso3.lower(),
        kind=MemberKind.STATE,
        country=country,
        iati_org_type=mapping().organisation_types["state"],
        description=description,
        status=status,
        is_demo=is_demo,
    )
    check_code(member.iati_org_type, "OrganisationType", "iati_org_type")
    member.full_clean()
    member.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=member,
        changes=diff({}, snapshot(member, MEMBER_AUDITED_FIELDS)),
        member_code=member.code,
        public=member.status == MemberStatus.ACTIVE,
    )
    return member


@transaction.atomic
def member_create_organisation(
    *,
    actor,
    name: str,
    organisation_type: str,
    country: Country | None,
    code: str = "",
    name_translations: dict[str, str] | None = None,
    acronym: str = "",
    website: str = "",
    description: str = "",
    iati_org_type: str = "",
    iati_ref: str = "",
    status: str = MemberStatus.ACTIVE,
    is_demo: bool = False,
    reason: str = "",
) -> Member:
    """Create an organisation member; self-registered ones are created with status pending."""
    member = Member(
        code=code or member_code_suggest(acronym or name),
        kind=MemberKind.ORGANISATION,
        name=name.strip(),
        name_translations=_clean_translations(name_translations),
        organisation_type=organisation_type,
        iati_org_type=iati_org_type or mapping().organisation_types.get(organisation_type, mapping().organisation_type),
        iati_ref=iati_ref,
        acronym=acronym.strip(),
        website=website,
        description=description,
        country=country,
        status=status,
        is_demo=is_demo,
    )
    member.full_clean()
    member.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=member,
        changes=diff({}, snapshot(member, MEMBER_AUDITED_FIELDS)),
        reason=reason,
        member_code=member.code,
        public=member.status == MemberStatus.ACTIVE,
    )
    return member


@transaction.atomic
def member_update(*, member: Member, actor, data: dict[str, Any], reason: str = "") -> Member:
    """Change a member's profile fields; unknown fields are refused, unchanged saves record nothing."""
    unknown = set(data) - set(MEMBER_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    member = Member.objects.select_for_update().get(pk=member.pk)
    before = snapshot(member, MEMBER_AUDITED_FIELDS)
    for field, value in data.items():
        if field == "name_translations":
            value = _clean_translations(value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(member, field, value)
    if member.kind == MemberKind.STATE and "country" in data and data["country"] != member.country:
        raise ValidationError({"country": _("A State's country cannot change.")})
    if "iati_org_type" in data and member.iati_org_type:
        check_code(member.iati_org_type, "OrganisationType", "iati_org_type")
    member.full_clean()
    changes = diff(before, snapshot(member, MEMBER_AUDITED_FIELDS))
    if changes:
        member.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=member,
            changes=changes,
            reason=reason,
            member_code=member.code,
            public=member.status == MemberStatus.ACTIVE,
        )
    return member


register_message(
    "member_approved",
    gettext_lazy("%(member)s was approved by %(actor)s and is now listed publicly on Harambee."),
    gettext_lazy("Open its page to complete its profile, invite colleagues and post its needs and offers."),
)
register_message(
    "member_rejected",
    gettext_lazy("The registration of %(member)s was rejected by %(actor)s. Reason: %(reason)s"),
    gettext_lazy("Correct what the reason says on its page; the secretariat can then approve it."),
)
register_message(
    "member_suspended",
    gettext_lazy("%(member)s was suspended by %(actor)s and is no longer listed publicly. Reason: %(reason)s"),
    gettext_lazy(
        "Its people can still read its page; only the secretariat can reactivate it once the reason is resolved."
    ),
)
register_message(
    "member_reactivated",
    gettext_lazy("%(member)s was reactivated by %(actor)s and is listed publicly again."),
    gettext_lazy("Open its page to check that its profile and its needs and offers are up to date."),
)
_STATUS_NOTIFICATIONS = {
    (MemberStatus.PENDING, MemberStatus.ACTIVE): "member_approved",
    (MemberStatus.REJECTED, MemberStatus.ACTIVE): "member_approved",
    (MemberStatus.PENDING, MemberStatus.REJECTED): "member_rejected",
    (MemberStatus.ACTIVE, MemberStatus.SUSPENDED): "member_suspended",
    (MemberStatus.SUSPENDED, MemberStatus.ACTIVE): "member_reactivated",
}

_STATUS_TRANSITIONS = {
    MemberStatus.PENDING: {MemberStatus.ACTIVE, MemberStatus.REJECTED},
    MemberStatus.REJECTED: {MemberStatus.ACTIVE},
    MemberStatus.ACTIVE: {MemberStatus.SUSPENDED},
    MemberStatus.SUSPENDED: {MemberStatus.ACTIVE},
}


@transaction.atomic
def member_set_status(*, member: Member, actor, status: str, reason: str = "") -> Member:
    """Approve, reject, suspend or reactivate a member (secretariat only); the reason is recorded."""
    if not is_secretariat(actor):
        raise ValidationError(_("Only the secretariat can change a member's status."))
    member = Member.objects.select_for_update().get(pk=member.pk)
    if status not in _STATUS_TRANSITIONS.get(member.status, set()):
        raise ValidationError(
            _("A member cannot go from “%(old)s” to “%(new)s”.")
            % {
                "old": member.get_status_display(),
                "new": MemberStatus(status).label if status in MemberStatus.values else status,
            }
        )
    if status in (MemberStatus.REJECTED, MemberStatus.SUSPENDED) and not reason.strip():
        raise ValidationError({"reason": _("Give a reason; the member's people will read it.")})
    old = member.status
    member.status = status
    member.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=member,
        changes={"status": [old, status]},
        reason=reason.strip(),
        member_code=member.code,
        public=status == MemberStatus.ACTIVE or old == MemberStatus.ACTIVE,
    )
    notify(
        recipients=member_people(member),
        kind=_STATUS_NOTIFICATIONS[(old, status)],
        params={
            "member": in_every_language(lambda: member.display_name),
            "actor": in_every_language(lambda: person_public_name(actor, None)),
            "reason": reason.strip(),
        },
        url_name="registry:member_detail",
        url_kwargs={"code": member.code},
    )
    return member


def member_approve(*, member: Member, actor, reason: str = "") -> Member:
    """Approve a pending (or earlier rejected) organisation so it appears publicly."""
    return member_set_status(member=member, actor=actor, status=MemberStatus.ACTIVE, reason=reason)


def member_reject(*, member: Member, actor, reason: str) -> Member:
    """Reject a pending organisation, with a reason its people will read."""
    return member_set_status(member=member, actor=actor, status=MemberStatus.REJECTED, reason=reason)


def _check_keeps_a_manager(member: Member, leaving: Membership, actor) -> None:
    if leaving.role != MemberRole.MANAGER or is_secretariat(actor):
        return
    others = Membership.objects.filter(member=member, role=MemberRole.MANAGER).exclude(pk=leaving.pk)
    if not others.exists():
        raise ValidationError(_("A member needs at least one manager; appoint another manager first."))


@transaction.atomic
def membership_add(
    *,
    member: Member,
    user,
    role: str,
    actor,
    is_focal_point: bool = False,
    position: str = "",
    show_publicly: bool = False,
    reason: str = "",
) -> Membership:
    """Let `user` act for `member` with `role`."""
    if Membership.objects.filter(member=member, user=user).exists():
        raise ValidationError(_("This person already belongs to this member."))
    membership = Membership(
        member=member,
        user=user,
        role=role,
        is_focal_point=is_focal_point,
        position=position.strip(),
        show_publicly=show_publicly,
    )
    membership.full_clean()
    membership.save()
    user.__dict__.pop("_member_roles", None)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=membership,
        changes=diff({}, snapshot(membership, ("user", *MEMBERSHIP_FIELDS))),
        reason=reason,
        member_code=member.code,
    )
    return membership


@transaction.atomic
def membership_update(*, membership: Membership, actor, data: dict[str, Any], reason: str = "") -> Membership:
    """Change a person's role, focal-point flag, position or public consent."""
    unknown = set(data) - set(MEMBERSHIP_FIELDS)
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    membership = Membership.objects.select_for_update(of=("self",)).select_related("member").get(pk=membership.pk)
    if data.get("role", membership.role) != MemberRole.MANAGER:
        _check_keeps_a_manager(membership.member, membership, actor)
    before = snapshot(membership, MEMBERSHIP_FIELDS)
    for field, value in data.items():
        setattr(membership, field, value.strip() if isinstance(value, str) else value)
    membership.full_clean()
    changes = diff(before, snapshot(membership, MEMBERSHIP_FIELDS))
    if changes:
        membership.save()
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=membership,
            changes=changes,
            reason=reason,
            member_code=membership.member.code,
        )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor, reason: str = "") -> None:
    """Stop a person acting for a member; the last manager can only be removed by the secretariat."""
    membership = (
        Membership.objects.select_for_update(of=("self",)).select_related("member", "user").get(pk=membership.pk)
    )
    _check_keeps_a_manager(membership.member, membership, actor)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        instance=membership,
        changes=diff(snapshot(membership, ("user", *MEMBERSHIP_FIELDS)), {}),
        reason=reason,
        member_code=membership.member.code,
    )
    membership.delete()
