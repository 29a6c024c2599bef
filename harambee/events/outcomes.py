"""Writes of an event's outcomes: the evaluation survey, session notes and action items, and turning an
action item into a need, an offer, a pledge or a cooperation in one step.

Each service checks who acts (`outcomes_access`), validates (a `ValidationError` naming the field),
saves and records its audit entry in one transaction: bad input leaves nothing half-written. Turning
an action item into something calls THE service of that thing (`postings.services.posting_create`
after `postings.validation.parse_posting`, `cooperation.services.pledge_create`,
`cooperation.services.cooperation_create_direct`) with origin "workshop": their rules, not a copy.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.cooperation.models import CooperationOrigin, PledgeOrigin
from harambee.cooperation.services import cooperation_create_direct, pledge_create
from harambee.postings.choices import PostingKind, PostingOrigin
from harambee.postings.services import new_external_id, posting_create
from harambee.postings.validation import parse_posting
from harambee.registry.models import Member, MemberStatus

from . import action_states
from .access import event_check_edit
from .choices import LANGUAGES, ActionStatus, ActionTarget
from .models import (
    ActionItem,
    Event,
    Session,
    SessionNote,
    SessionNoteTranslation,
    SurveyParticipation,
    SurveyResponse,
)
from .outcomes_access import (
    OutcomeAction,
    action_check_convert,
    event_has_started,
    outcome_check,
    survey_registration_for,
)
from .survey import MAX_TEXT, RATINGS, survey

# ---------------------------------------------------------------------------------------------------
# The evaluation survey


def _clean_answers(answers: dict) -> dict:
    questions = survey().questions
    errors: dict[str, list[str]] = {}
    clean: dict = {}
    for question in questions:
        value = answers.get(question.id)
        if question.kind == "rating":
            if value in (None, ""):
                if question.required:
                    errors[question.id] = [_("Choose a rating from 1 to 5.")]
                continue
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = 0
            if number not in RATINGS or isinstance(value, bool):
                errors[question.id] = [_("Choose a rating from 1 to 5.")]
                continue
            clean[question.id] = number
        else:
            text = value.strip() if isinstance(value, str) else ""
            if value not in (None, "") and not isinstance(value, str):
                errors[question.id] = [_("Expected text.")]
            elif len(text) > MAX_TEXT:
                errors[question.id] = [
                    _("Too long: %(length)s characters, at most %(limit)s.") % {"length": len(text), "limit": MAX_TEXT}
                ]
            elif question.required and not text:
                errors[question.id] = [_("This field is required.")]
            elif text:
                clean[question.id] = text
    unknown = sorted(set(answers) - {q.id for q in questions})
    if unknown:
        errors["__all__"] = [_("Unknown question: %(id)s") % {"id": unknown[0][:40]}]
    if errors:
        raise ValidationError(errors)
    return clean


@transaction.atomic
def survey_submit(*, event: Event, actor, answers: dict, sign: bool = False, language: str = "en") -> SurveyResponse:
    """Record an approved delegate's answers, once, after the event has started. The response keeps
    no link to the delegate (only their name if `sign`); the audit trail records that they answered,
    not what."""
    outcome_check(actor, event, OutcomeAction.ANSWER)
    registration = survey_registration_for(actor, event)
    if not event_has_started(event):
        raise ValidationError(
            _("The survey opens on the event's first day (%(day)s).") % {"day": event.start_date.isoformat()}
        )
    if SurveyParticipation.objects.filter(registration=registration).exists():
        raise ValidationError(_("You have already answered this survey; thank you."))
    clean = _clean_answers(answers)
    today = timezone.localdate()
    try:
        with transaction.atomic():
            participation = SurveyParticipation.objects.create(
                event=event, registration=registration, answered_on=today
            )
    except IntegrityError as error:  # the same delegate in two tabs at once
        raise ValidationError(_("You have already answered this survey; thank you.")) from error
    response = SurveyResponse.objects.create(
        event=event,
        version=survey().version,
        language=language if language in LANGUAGES else "en",
        answers=clean,
        signed_name=registration.full_name if sign else "",
        submitted_on=today,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=participation,
        changes={"answered": [None, True]},
        member_code=event.host.code,
        public=False,
    )
    return response


# ---------------------------------------------------------------------------------------------------
# Session notes


@dataclass
class NoteTranslationInput:
    language: str
    text: str
    origin: str = "human"


@transaction.atomic
def session_note_save(*, session: Session, actor, text: str, translations=()) -> SessionNote | None:
    """Write (or, with empty text, remove) the hosts' notes on `session`, in the event's language, with
    optional translations into the other UN languages."""
    event = session.event
    event_check_edit(actor, event)
    text = (text or "").strip()
    errors: dict[str, list[str]] = {}
    if len(text) > 20000:
        errors["text"] = [
            _("Too long: %(length)s characters, at most %(limit)s.") % {"length": len(text), "limit": 20000}
        ]
    seen = set()
    for t in translations:
        if t.language not in LANGUAGES or t.language == event.language or t.language in seen:
            errors.setdefault("translations", []).append(
                _("Translate into another UN language than the notes', once each.")
            )
        elif not text:
            errors.setdefault("translations", []).append(_("Write the notes before their translations."))
        seen.add(t.language)
    if errors:
        raise ValidationError(errors)
    note = SessionNote.objects.filter(session=session).first()
    before = {"text": note.text, "translations": sorted(t.language for t in note.translations.all())} if note else {}
    if not text:
        if note is not None:
            audit_record(
                actor=actor, action=AuditAction.DELETE, instance=note, changes=diff(before, {}),
                member_code=event.host.code, public=False,
            )  # fmt: skip
            note.delete()
        return None
    if note is None:
        note = SessionNote(session=session)
    note.text = text
    note.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    note.full_clean()
    note.save()
    note.translations.all().delete()
    SessionNoteTranslation.objects.bulk_create(
        [SessionNoteTranslation(note=note, language=t.language, text=t.text.strip(), origin=t.origin)
         for t in translations if t.text.strip()]
    )  # fmt: skip
    after = {"text": note.text, "translations": sorted(t.language for t in translations if t.text.strip())}
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        instance=note,
        changes=diff(before, after),
        member_code=event.host.code,
        public=False,
    )
    return note


# ---------------------------------------------------------------------------------------------------
# Action items

ACTION_FIELDS = ("title", "description", "session", "owner", "owner_person", "due_date", "target_kind")
# the person responsible is named to the hosts and the owner only, so never in the (often public) trail
ACTION_AUDITED = (*(f for f in ACTION_FIELDS if f != "owner_person"), "status", "posting", "cooperation", "pledge")


@dataclass
class ActionInput:
    title: str
    owner: Member
    description: str = ""
    session: Session | None = None
    owner_person: str = ""
    due_date: date | None = None
    target_kind: str = ""


def _action_validate(event: Event, data: ActionInput) -> None:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = [_("Give the action item a title.")]
    if data.owner is None:
        errors["owner"] = [_("Name the member who owns the action.")]
    elif data.owner.status != MemberStatus.ACTIVE:
        errors["owner"] = [_("The owner must be an active member.")]
    if data.session is not None and data.session.event_id != event.pk:
        errors["session"] = [_("The session must be one of this event's.")]
    if data.target_kind and data.target_kind not in ActionTarget.values:
        errors["target_kind"] = [_("Unknown code: %(code)s") % {"code": data.target_kind[:20]}]
    if errors:
        raise ValidationError(errors)


def _audit_action(actor, action: str, item: ActionItem, changes: dict, event: Event) -> None:
    audit_record(
        actor=actor, action=action, instance=item, changes=changes, member_code=event.host.code,
        public=event.is_public,
    )  # fmt: skip


@transaction.atomic
def action_create(*, event: Event, actor, data: ActionInput) -> ActionItem:
    """An action item of `event` (the hosts' editors and managers, or the secretariat)."""
    event_check_edit(actor, event)
    _action_validate(event, data)
    item = ActionItem(event=event, created_by=actor if getattr(actor, "is_authenticated", False) else None)
    for name in ACTION_FIELDS:
        setattr(item, name, getattr(data, name))
    item.title = item.title.strip()
    item.full_clean()
    item.save()
    _audit_action(actor, AuditAction.CREATE, item, diff({}, snapshot(item, ACTION_AUDITED)), event)
    return item


@transaction.atomic
def action_update(*, item: ActionItem, actor, data: ActionInput) -> ActionItem:
    event = item.event
    event_check_edit(actor, event)
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    before = snapshot(item, ACTION_AUDITED)
    _action_validate(event, data)
    if item.result is not None and data.target_kind != item.target_kind:
        raise ValidationError({"target_kind": [_("The action item has already become something; this stays.")]})
    for name in ACTION_FIELDS:
        setattr(item, name, getattr(data, name))
    item.full_clean()
    item.save()
    _audit_action(actor, AuditAction.UPDATE, item, diff(before, snapshot(item, ACTION_AUDITED)), event)
    return item


@transaction.atomic
def action_move(*, item: ActionItem, actor, status: str) -> ActionItem:
    """Move an action item's status along `action_states.MOVES`."""
    event = item.event
    event_check_edit(actor, event)
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    if not action_states.can_move(item.status, status):
        label = dict(ActionStatus.choices).get(status, status[:20])
        raise ValidationError(
            {"status": [_("An action item “%(from)s” cannot become “%(to)s”.") % {
                "from": item.get_status_display(), "to": label}]}
        )  # fmt: skip
    before = item.status
    item.status = status
    item.save(update_fields=["status", "updated_at"])
    _audit_action(actor, AuditAction.TRANSITION, item, {"status": [before, status]}, event)
    return item


@dataclass
class ConversionInput:
    """What the target needs, prefilled from the action item by the form (`outcomes_forms`)."""

    title: str
    description: str = ""
    language: str = "en"  # needs and offers
    modalities: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    delivery_languages: list[str] = field(default_factory=list)
    unit: str = ""  # pledges
    value: object = None
    currency: str = ""
    theme: str = ""
    period_start: date | None = None
    period_end: date | None = None
    provider: Member | None = None  # cooperations
    beneficiary: Member | None = None
    modality: str = ""


def _make_posting(item: ActionItem, actor, kind: str, data: ConversionInput):
    interchange = {
        "id": new_external_id(kind),
        "kind": kind,
        "member": item.owner.code,
        "title": data.title,
        "description": data.description,
        "language": data.language,
        "modalities": data.modalities,
        "themes": data.themes,
        "delivery_languages": data.delivery_languages,
    }
    parsed = parse_posting(interchange)
    return posting_create(actor=actor, member=item.owner, data=parsed, origin=PostingOrigin.WORKSHOP)


@transaction.atomic
def action_convert(*, item: ActionItem, actor, kind: str, data: ConversionInput) -> ActionItem:
    """Turn `item` into a need, an offer (a draft of the owner member), a pledge of the owner member or
    a cooperation (origin "workshop"), and link the item to it: all or nothing."""
    action_check_convert(actor, item)
    item = ActionItem.objects.select_for_update().select_related("event__host", "owner").get(pk=item.pk)
    if item.result is not None:
        raise ValidationError(_("This action item has already become something."))
    if kind not in ActionTarget.values:
        raise ValidationError({"kind": [_("Unknown code: %(code)s") % {"code": str(kind)[:20]}]})
    before = snapshot(item, ACTION_AUDITED)
    if kind in (ActionTarget.NEED, ActionTarget.OFFER):
        item.posting = _make_posting(
            item, actor, PostingKind.NEED if kind == ActionTarget.NEED else PostingKind.OFFER, data
        )
    elif kind == ActionTarget.PLEDGE:
        item.pledge = pledge_create(
            member=item.owner, actor=actor, title=data.title, unit=data.unit, value=data.value,
            period_start=data.period_start, period_end=data.period_end, currency=data.currency, theme=data.theme,
            origin=PledgeOrigin.WORKSHOP,
        )  # fmt: skip
    else:
        errors = {}
        if data.provider is None:
            errors["provider"] = [_("This field is required.")]
        if data.beneficiary is None:
            errors["beneficiary"] = [_("This field is required.")]
        if errors:
            raise ValidationError(errors)
        item.cooperation = cooperation_create_direct(
            provider=data.provider, beneficiary=data.beneficiary, actor=actor, title=data.title,
            description=data.description, modality=data.modality, themes=data.themes,
            planned_start=data.period_start, planned_end=data.period_end, origin=CooperationOrigin.WORKSHOP,
        )  # fmt: skip
    item.target_kind = kind
    item.converted_at = timezone.now()
    item.save(update_fields=["posting", "pledge", "cooperation", "target_kind", "converted_at", "updated_at"])
    _audit_action(actor, AuditAction.UPDATE, item, diff(before, snapshot(item, ACTION_AUDITED)), item.event)
    return item
