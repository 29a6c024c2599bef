"""Writes to needs and offers: create, update, translate, lifecycle transitions, expiry and reminders.

Each service validates, saves, keeps the search and facet index in step, records its audit
entry and enqueues its e-mails as background tasks on commit, all in one transaction.
"""

import uuid
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.background.queue import enqueue_on_commit
from harambee.registry.access import MemberAction, member_can, member_list_for_user
from harambee.registry.models import Member, MemberStatus

from . import indexing, lifecycle
from .access import posting_check_create, posting_lifecycle_roles
from .choices import PUBLIC_STATUSES, PostingKind, PostingOrigin, PostingStatus
from .models import Posting, PostingTranslation
from .signals import announce_changed
from .tasks import posting_reminder_mail
from .validation import ID_MESSAGE, PostingInput

CONTENT_FIELDS = (
    "title", "description", "language", "modalities", "themes", "sectors", "target_groups", "sdgs", "channel",
    "delivery_languages", "format", "location", "capacity_unit", "capacity_value", "currency", "apply_by", "start",
    "end", "eligible_groups", "eligible_regions", "contact",
)  # fmt: skip
AUDITED_FIELDS = (*CONTENT_FIELDS, "external_id", "kind", "member", "status")
PUBLISHED_ONCE_APPROVED = gettext_lazy("Postings are published once the secretariat has approved the member.")


def new_external_id(kind: str) -> str:
    return f"{'N' if kind == PostingKind.NEED else 'O'}-{uuid.uuid4().hex[:12].upper()}"


def _check_can_write(actor, member: Member) -> None:
    """Changing an existing posting: `posting_can(EDIT)` (the member's editors and managers, while it
    is not suspended; the secretariat)."""
    if actor is None:  # system: import from the command line, scheduled jobs
        return
    if not member_can(actor, member, MemberAction.EDIT):
        raise PermissionDenied(_("You may not write needs or offers for this member."))


def _resolve_eligible_members(codes: list[str], *, actor, posting: Posting | None = None) -> list[Member]:
    """The members named; one the actor may not see is as unknown as one that does not exist
    (members already named by `posting` stay acceptable)."""
    if not codes:
        return []
    wanted = {code.lower() for code in codes}
    members = Member.objects.all()
    if actor is not None:
        members = member_list_for_user(user=actor)
        if posting is not None:
            members = members | Member.objects.filter(pk__in=posting.eligible_members.values("pk"))
    found = list(members.filter(code__in=wanted).distinct())
    missing = wanted - {m.code for m in found}
    if missing:
        raise ValidationError(
            {"eligible_members": [_("Unknown member: %(code)s") % {"code": c} for c in sorted(missing)]}
        )
    return found


def _check_contact(contact, member: Member) -> None:
    if contact is not None and not member.memberships.filter(user=contact).exists():
        raise ValidationError({"contact": _("The contact must be one of the member's people.")})


def apply_input(posting: Posting, data: PostingInput) -> None:
    """Copy validated content onto a posting (not saved)."""
    for name in CONTENT_FIELDS:
        if name != "contact":
            setattr(posting, name, getattr(data, name))
    posting.language_detected = data.language_detected


def _replace_translations(posting: Posting, data: PostingInput) -> list[PostingTranslation]:
    posting.translations.all().delete()
    return PostingTranslation.objects.bulk_create(
        [
            PostingTranslation(
                posting=posting, language=t.language, title=t.title, description=t.description,
                origin=t.origin, verified=t.verified,
            )
            for t in data.translations
        ]
    )  # fmt: skip


@transaction.atomic
def posting_create(
    *, actor, member: Member, data: PostingInput, contact=None, status: str = PostingStatus.DRAFT, is_demo=False,
    origin: str = PostingOrigin.UNRECORDED,
) -> Posting:  # fmt: skip
    """Create a need or an offer for `member` (as a draft unless the caller is the system); a member
    that is not active yet (pending) writes drafts only: nothing it writes is public. `origin` says
    where it came from (`PostingOrigin`: a workshop's action item, else not recorded)."""
    posting_check_create(actor, member)
    if status in PUBLIC_STATUSES and member.status != MemberStatus.ACTIVE:
        raise ValidationError(PUBLISHED_ONCE_APPROVED)
    _check_contact(contact, member)
    posting = Posting(
        external_id=data.external_id or new_external_id(data.kind),
        kind=data.kind,
        member=member,
        contact=contact,
        status=status,
        created_by=actor,
        is_demo=is_demo,
        origin=origin,
    )
    apply_input(posting, data)
    if Posting.objects.filter(external_id=posting.external_id).exists():
        raise ValidationError({"id": [ID_MESSAGE]})
    if status in (PostingStatus.PUBLISHED, PostingStatus.PARTIALLY_MATCHED):
        posting.published_at = timezone.now()
    posting.full_clean(exclude=["search_document"])
    posting.save()
    posting.eligible_members.set(_resolve_eligible_members(data.eligible_members, actor=actor))
    translations = _replace_translations(posting, data)
    indexing.reindex([posting], translations_by_posting={posting.pk: translations})
    announce_changed([posting.pk])
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=posting,
        changes=diff({}, snapshot(posting, (*AUDITED_FIELDS, "origin") if origin else AUDITED_FIELDS)),
        member_code=member.code,
        public=posting.is_public,
    )
    return posting


@transaction.atomic
def posting_update(*, posting: Posting, actor, data: PostingInput, contact=None, reason: str = "") -> Posting:
    """Change a posting's content; the kind, member and identifier stay as they are."""
    posting = Posting.objects.select_for_update(of=("self",)).select_related("member").get(pk=posting.pk)
    _check_can_write(actor, posting.member)
    if data.kind != posting.kind:
        raise ValidationError({"kind": _("A need cannot become an offer, nor an offer a need.")})
    if posting.status in (PostingStatus.WITHDRAWN, PostingStatus.EXPIRED, PostingStatus.FULFILLED):
        raise ValidationError(_("Reopen this posting before changing it."))
    _check_contact(contact, posting.member)
    before = snapshot(posting, AUDITED_FIELDS)
    before_translations = sorted((t.language, t.title, t.description) for t in posting.translations.all())
    apply_input(posting, data)
    posting.contact = contact
    posting.full_clean(exclude=["search_document"])
    changes = diff(before, snapshot(posting, AUDITED_FIELDS))
    new_translations = sorted((t.language, t.title, t.description) for t in data.translations)
    if new_translations != before_translations:
        changes["translations"] = [[t[0] for t in before_translations], [t[0] for t in new_translations]]
    eligible = _resolve_eligible_members(data.eligible_members, actor=actor, posting=posting)
    if sorted(m.pk for m in eligible) != sorted(posting.eligible_members.values_list("pk", flat=True)):
        changes["eligible_members"] = [None, sorted(m.code for m in eligible)]
    if not changes:
        return posting
    posting.content_updated_at = timezone.now()
    posting.reminder_sent_at = None
    posting.save()
    posting.eligible_members.set(eligible)
    translations = _replace_translations(posting, data)
    indexing.reindex([posting], translations_by_posting={posting.pk: translations})
    announce_changed([posting.pk])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=posting,
        changes=changes,
        reason=reason,
        member_code=posting.member.code,
        public=posting.is_public,
    )
    return posting


@transaction.atomic
def posting_transition(*, posting: Posting, actor, action: str, reason: str = "") -> Posting:
    """Move a posting through its lifecycle; refused unless the state machine allows it for `actor`."""
    posting = Posting.objects.select_for_update(of=("self",)).select_related("member").get(pk=posting.pk)
    transition = lifecycle.TRANSITIONS.get(action)
    if transition is None:
        raise ValidationError({"action": _("Unknown action.")})
    if posting.status not in transition.sources:
        raise ValidationError(
            _("A posting that is “%(status)s” cannot be changed this way.") % {"status": posting.get_status_display()}
        )
    if not posting_lifecycle_roles(actor, posting) & transition.who:
        raise PermissionDenied(_("You may not take this action on this posting."))
    if transition.reason_required and not reason.strip():
        raise ValidationError({"reason": _("Give a reason; the author will read it.")})
    target = lifecycle.target_of(transition)
    if target == PostingStatus.PUBLISHED and posting.member.status != MemberStatus.ACTIVE:
        raise ValidationError(PUBLISHED_ONCE_APPROVED)
    old = posting.status
    posting.status = target
    now = timezone.now()
    posting.status_changed_at = now
    if target == PostingStatus.PUBLISHED and posting.published_at is None:
        posting.published_at = now
    posting.save(update_fields=["status", "status_changed_at", "published_at", "updated_at"])
    indexing.sync_status(posting)
    announce_changed([posting.pk])
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=posting,
        changes={"status": [old, target]},
        reason=reason.strip(),
        member_code=posting.member.code,
        public=posting.is_public or old in ("published", "partially_matched"),
    )
    return posting


@transaction.atomic
def postings_expire(*, today: date) -> int:
    """Expire open postings whose apply-by (else end) date has passed; returns how many."""
    due = Posting.objects.filter(status__in=[PostingStatus.PUBLISHED, PostingStatus.PARTIALLY_MATCHED]).filter(
        apply_by__lt=today
    ) | Posting.objects.filter(
        status__in=[PostingStatus.PUBLISHED, PostingStatus.PARTIALLY_MATCHED], apply_by__isnull=True, end__lt=today
    )
    count = 0
    for posting in due.select_related("member"):
        posting_transition(posting=posting, actor=None, action="expire", reason=_("The closing date has passed."))
        count += 1
    return count


@transaction.atomic
def postings_send_expiry_reminders(*, today: date, days_before: int = 14) -> int:
    """E-mail the people of postings that close within `days_before` days, once per posting."""
    horizon = today + timedelta(days=days_before)
    open_statuses = [PostingStatus.PUBLISHED, PostingStatus.PARTIALLY_MATCHED]
    due = Posting.objects.filter(status__in=open_statuses, reminder_sent_at__isnull=True).filter(
        apply_by__gte=today, apply_by__lte=horizon
    ) | Posting.objects.filter(
        status__in=open_statuses, reminder_sent_at__isnull=True, apply_by__isnull=True, end__gte=today, end__lte=horizon
    )
    ids = list(due.values_list("pk", flat=True))
    Posting.objects.filter(pk__in=ids).update(reminder_sent_at=timezone.now())
    language = translation.get_language() or "en"
    for posting_id in ids:
        enqueue_on_commit(posting_reminder_mail, posting_id, language)
    return len(ids)


@transaction.atomic
def posting_commit_capacity(*, posting: Posting, units, actor, reason: str = "") -> Posting:
    """Record that ``units`` of an offer's capacity are committed (an allocation round published);
    refused beyond what is left. The offer becomes partially matched, or fulfilled when full."""
    posting = Posting.objects.select_for_update(of=("self",)).select_related("member").get(pk=posting.pk)
    if posting.kind != PostingKind.OFFER or posting.capacity_value is None:
        raise ValidationError(_("Only an offer with a stated capacity can commit units."))
    if units <= 0 or units > posting.capacity_left:
        message = _("%(units)s units cannot be committed: %(left)s are left.")
        raise ValidationError(message % {"units": units, "left": posting.capacity_left})
    before = posting.capacity_used
    posting.capacity_used = before + units
    posting.save(update_fields=["capacity_used", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=posting,
        changes={"capacity_used": [str(before), str(posting.capacity_used)]},
        reason=reason,
        member_code=posting.member.code,
        public=posting.is_public,
    )
    open_statuses = (PostingStatus.PUBLISHED, PostingStatus.PARTIALLY_MATCHED)
    if posting.capacity_left == 0 and posting.status in open_statuses:
        posting = posting_transition(posting=posting, actor=None, action="fulfil", reason=reason)
    elif posting.status == PostingStatus.PUBLISHED:
        posting = posting_transition(posting=posting, actor=None, action="mark_partially_matched", reason=reason)
    announce_changed([posting.pk])
    return posting
