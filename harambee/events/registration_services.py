"""Writes of invitations and nominations: the host invites members (or opens the call to a country
group or a region) with a quota and a deadline; a member nominates delegates with a nomination
letter; the host's managers approve, waitlist or decline (`registrations.TRANSITIONS`), or share
out scarce seats (`seats`); approved delegates complete their registration; personal data is erased
after the event (`personal_data_erase_due`).

Each service checks who acts (`access`), validates (a translated `ValidationError` naming the
field), saves, records its audit entry and notifies on commit, in one transaction: a refusal leaves
nothing written (an uploaded letter is removed again).
"""

import base64
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.accounts.models import User, normalise_email
from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.core import formats
from harambee.notifications.models import in_every_language, register_message
from harambee.notifications.services import notify
from harambee.registry.models import Country, CountryGroup, Member, Region
from harambee.registry.selectors import member_editors

from . import materials, registrations, seats
from .access import (
    delegation_check_nominate,
    event_check_manage_delegates,
    registration_check_complete,
    registration_check_decide,
)
from .choices import LANGUAGES, QUOTA_STATUSES, EventStatus, RegistrationStatus, Sex
from .models import Event, Invitation, Registration
from .registration_selectors import host_managers, invitation_for, quota_used

S = RegistrationStatus
INVITATION_AUDITED = ("event", "member", "group", "region", "quota", "deadline")
# what the audit trail keeps of a nomination: never passport details, needs or the letter's content
REGISTRATION_AUDITED = ("event", "member", "full_name", "email", "position", "language", "status")
PERSONAL_FIELDS = (
    "nationality", "passport_number", "passport_expiry", "date_of_birth", "dietary_needs", "accessibility_needs",
)  # fmt: skip

register_message(
    "delegate_nominated",
    gettext_lazy("%(member)s nominated %(delegate)s to “%(event)s”."),
    gettext_lazy("Open the nominations to approve, waitlist or decline the delegate."),
)
register_message(
    "delegate_decided",
    gettext_lazy("The nomination of %(delegate)s to “%(event)s” is now: %(status)s."),
    gettext_lazy("Open your delegation's page to read the reason and, once approved, complete the registration."),
)


def deadline_text(event: Event, moment: datetime) -> str:
    """A deadline at the venue: "30 Apr 2027, 11:59 PM (Zambia Time)" in the active language."""
    zone = event.zone
    return _("%(day)s, %(time)s (%(zone)s)") % {
        "day": formats.format_day(moment.astimezone(zone).date()),
        "time": formats.format_clock(moment, event.time_zone),
        "zone": formats.time_zone_label(event.time_zone),
    }


def _event_title(event: Event):
    return in_every_language(lambda: event.translation_for()[0])


# ---------------------------------------------------------------------------------------------------
# Invitations


@transaction.atomic
def invitation_create(
    *, event: Event, actor, quota: int, member: Member | None = None, group: CountryGroup | None = None,
    region: Region | None = None, deadline: datetime | None = None, message: str = "", now: datetime | None = None,
) -> Invitation:  # fmt: skip
    """Invite one member, or open the call to a country group or a region, with a quota of delegates
    per member and a deadline (a moment; shown at the venue)."""
    event_check_manage_delegates(actor, event)
    now = now or timezone.now()
    errors: dict[str, list] = {}
    if sum(x is not None for x in (member, group, region)) != 1:
        errors["__all__"] = [_("Invite one member, one country group or one region.")]
    if not isinstance(quota, int) or quota < 1:
        errors["quota"] = [_("The quota must be at least one delegate.")]
    elif quota > 50:
        errors["quota"] = [_("A quota is at most 50 delegates per member.")]
    if deadline is not None:
        if timezone.is_naive(deadline):
            errors["deadline"] = [_("Give the time with its time zone.")]
        elif deadline <= now:
            errors["deadline"] = [_("The deadline has already passed.")]
        elif deadline.astimezone(event.zone).date() > event.end_date:
            errors["deadline"] = [_("Nominations must close before the event ends.")]
    if event.status == EventStatus.CANCELLED:
        errors["__all__"] = [_("This event has been cancelled.")]
    elif event.end_date < now.astimezone(event.zone).date():
        errors["__all__"] = [_("This event is over.")]
    if not errors:
        duplicate = Invitation.objects.filter(event=event, member=member, group=group, region=region).exists()
        if duplicate:
            errors["__all__"] = [_("This invitation already exists; remove it first to change it.")]
    if errors:
        raise ValidationError(errors)
    invitation = Invitation(
        event=event, member=member, group=group, region=region, quota=quota, deadline=deadline,
        message=message.strip(), created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    invitation.full_clean()
    invitation.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=invitation,
        changes=diff({}, snapshot(invitation, INVITATION_AUDITED)),
        member_code=event.host.code,
        public=event.is_public,
    )
    return invitation


@transaction.atomic
def invitation_delete(*, invitation: Invitation, actor) -> None:
    """Remove an invitation; nominations made under it stay (the host decides on them)."""
    event = invitation.event
    event_check_manage_delegates(actor, event)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        instance=invitation,
        changes=diff(snapshot(invitation, INVITATION_AUDITED), {}),
        member_code=event.host.code,
        public=event.is_public,
    )
    Invitation.objects.filter(pk=invitation.pk).delete()


# ---------------------------------------------------------------------------------------------------
# Nominations


@dataclass
class NominationInput:
    full_name: str
    email: str
    position: str = ""
    sex: str = Sex.UNSTATED
    language: str = "en"


def check_nomination_letter(upload) -> None:
    """A PDF (by its first bytes, not only its name) of at most HARAMBEE_NOMINATION_LETTER_MAX_BYTES."""
    limit = settings.HARAMBEE_NOMINATION_LETTER_MAX_BYTES
    if upload is None:
        raise ValidationError({"nomination_letter": [_("Attach the nomination letter (a PDF file).")]})
    if PurePath(upload.name or "").suffix.lower() != ".pdf":
        raise ValidationError({"nomination_letter": [_("The nomination letter must be a PDF file.")]})
    if upload.size == 0:
        raise ValidationError({"nomination_letter": [_("The file is empty.")]})
    if upload.size > limit:
        raise ValidationError(
            {
                "nomination_letter": [
                    _("The nomination letter is larger than %(limit)s.") % {"limit": filesizeformat(limit)}
                ]
            }
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in materials.SIGNATURES["pdf"]):
        raise ValidationError(
            {"nomination_letter": [_("The nomination letter is not a PDF file: its content is of another kind.")]}
        )


def nominations_open_check(event: Event, member: Member, *, now: datetime) -> Invitation:
    """The invitation under which `member` may nominate to `event` now; else a ValidationError saying why."""
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("This event has been cancelled."))
    if event.status != EventStatus.PUBLISHED:
        raise ValidationError(_("Nominations open once the event is published."))
    if event.end_date < now.astimezone(event.zone).date():
        raise ValidationError(_("This event is over; it takes no more nominations."))
    invitation = invitation_for(event, member)
    if invitation is None:
        raise ValidationError(
            _("%(member)s is not invited to nominate delegates to this event.") % {"member": member.display_name}
        )
    if invitation.deadline is not None and now > invitation.deadline:
        raise ValidationError(
            _("Nominations closed on %(deadline)s.") % {"deadline": deadline_text(event, invitation.deadline)}
        )
    return invitation


def _validate_nomination(event: Event, member: Member, data: NominationInput) -> str:
    errors: dict[str, list] = {}
    if not data.full_name.strip():
        errors["full_name"] = [_("Give the delegate's full name.")]
    email = normalise_email(data.email)
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Give the delegate's e-mail address.")]
    if data.sex not in Sex.values:
        errors["sex"] = [_("Unknown answer: %(code)s") % {"code": data.sex[:20]}]
    if data.language not in LANGUAGES:
        errors["language"] = [_("Unknown language: %(code)s") % {"code": data.language[:10]}]
    if (
        "email" not in errors
        and Registration.objects.filter(event=event, email__iexact=email, status__in=QUOTA_STATUSES).exists()
    ):
        errors["email"] = [_("%(email)s is already nominated to this event.") % {"email": email}]
    if errors:
        raise ValidationError(errors)
    return email


@transaction.atomic
def nomination_create(
    *, event: Event, member: Member, actor, data: NominationInput, letter, now: datetime | None = None
) -> Registration:
    """Nominate a delegate of `member` to `event` with a nomination letter (PDF). Refused when the
    member is not invited, after the deadline, over the quota, or when the event is not open."""
    delegation_check_nominate(actor, member)
    now = now or timezone.now()
    event = Event.objects.select_for_update().select_related("host").get(pk=event.pk)  # one nomination at a time
    invitation = nominations_open_check(event, member, now=now)
    used = quota_used(event, member)
    if used >= invitation.quota:
        raise ValidationError(
            _(
                "The quota is reached: %(member)s may nominate %(quota)s delegates to this event and has "
                "%(count)s nominated, approved or on the waiting list. Withdraw one to nominate another."
            )
            % {"member": member.display_name, "quota": invitation.quota, "count": used}
        )
    email = _validate_nomination(event, member, data)
    check_nomination_letter(letter)
    registration = Registration(
        event=event, member=member, invitation=invitation, full_name=data.full_name.strip(), email=email,
        position=data.position.strip(), sex=data.sex, language=data.language,
        user=User.objects.filter(email__iexact=email, is_active=True).first(),
        nominated_by=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    registration.nomination_letter.save(f"{secrets.token_hex(8)}.pdf", letter, save=False)
    try:
        registration.full_clean(exclude=["nominated_by"])  # the platform (None) nominates in the demo
        registration.save()
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=registration,
            changes=diff({}, snapshot(registration, REGISTRATION_AUDITED)),
            member_code=member.code,
        )
    except BaseException:
        registration.nomination_letter.delete(save=False)  # nothing half-written: no letter without its record
        raise
    notify(
        recipients=host_managers(event),
        kind="delegate_nominated",
        params={
            "member": in_every_language(lambda: member.display_name),
            "delegate": registration.full_name,
            "event": _event_title(event),
        },
        url_name="events:nominations",
        url_kwargs={"slug": event.slug},
    )
    return registration


def _new_badge_code() -> str:
    while True:
        code = base64.b32encode(secrets.token_bytes(10)).decode()  # 16 letters and digits, easy to key in
        if not Registration.objects.filter(badge_code=code).exists():
            return code


def _move(registration: Registration, transition, actor, reason: str) -> Registration:
    if registration.status not in transition.sources:
        raise ValidationError(
            _("A delegate cannot be “%(action)s” while “%(status)s”.")
            % {"action": transition.label, "status": registration.get_status_display()}
        )
    if transition.reason_required and not reason.strip():
        raise ValidationError({"reason": [_("Give a reason.")]})
    before = registration.status
    registration.status = transition.target
    registration.decision_reason = reason.strip()
    registration.decided_at = timezone.now()
    fields = ["status", "decision_reason", "decided_at", "updated_at"]
    if transition.target == S.APPROVED and not registration.badge_code:
        registration.badge_code = _new_badge_code()
        fields.append("badge_code")
    if transition.target == S.WITHDRAWN and registration.badge_code:
        registration.badge_code = None
        fields.append("badge_code")
    registration.save(update_fields=fields)
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=registration,
        changes={"status": [before, registration.status]},
        reason=registration.decision_reason,
        member_code=registration.member.code,
    )
    return registration


def _notify_decision(registrations_: list[Registration]) -> None:
    for registration in registrations_:
        event, member = registration.event, registration.member
        notify(
            recipients=[*member_editors(member), registration.user],
            kind="delegate_decided",
            params={
                "delegate": registration.full_name,
                "event": _event_title(event),
                "status": in_every_language(lambda r=registration: S(r.status).label),
            },
            url_name="events:delegation",
            url_kwargs={"slug": event.slug, "code": member.code},
        )


def _locked(registration: Registration) -> Registration:
    locked = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event__host", "member__country")
        .get(pk=registration.pk)
    )
    return locked


@transaction.atomic
def registration_decide(*, registration: Registration, actor, action: str, reason: str = "") -> Registration:
    """Approve, waitlist or decline a nomination (the host's managers; a reason to waitlist or decline)."""
    registration_check_decide(actor, registration)
    registration = _locked(registration)
    transition = registrations.TRANSITIONS.get(action)
    if transition is None or transition.by != registrations.HOST:
        raise ValidationError(_("Unknown decision: %(action)s") % {"action": str(action)[:40]})
    registration = _move(registration, transition, actor, reason)
    _notify_decision([registration])
    return registration


@transaction.atomic
def registration_withdraw(*, registration: Registration, actor, reason: str = "") -> Registration:
    """The member withdraws its delegate (nominated, waitlisted or approved); the seat is freed."""
    delegation_check_nominate(actor, registration.member)
    registration = _locked(registration)
    registration = _move(registration, registrations.TRANSITIONS["withdraw"], actor, reason)
    host_people = host_managers(registration.event)
    notify(
        recipients=host_people,
        kind="delegate_decided",
        params={
            "delegate": registration.full_name,
            "event": _event_title(registration.event),
            "status": in_every_language(lambda: S.WITHDRAWN.label),
        },
        url_name="events:nominations",
        url_kwargs={"slug": registration.event.slug},
    )
    return registration


# ---------------------------------------------------------------------------------------------------
# Seats


@transaction.atomic
def seats_apply(*, event: Event, actor, policy: str, fingerprint: str) -> seats.SeatOutcome:
    """Approve the delegates the engine placed under `policy` and waitlist the nominated ones it left
    out (with their delegation's explanation as the reason), in one step; refused if the nominations
    changed since the outcome with `fingerprint` was shown."""
    event_check_manage_delegates(actor, event)
    event = Event.objects.select_for_update().select_related("host").get(pk=event.pk)
    outcome = seats.seat_outcome(event, policy)
    if outcome.fingerprint != fingerprint:
        raise ValidationError(
            _("The nominations changed since you looked at the outcome; look at the new outcome and apply it again.")
        )
    moved = []
    for row in outcome.delegations:
        reason = outcome.explanations[row.member.pk]
        for registration in row.placed:
            registration.event = event
            moved.append(_move(registration, registrations.TRANSITIONS["approve"], actor, reason))
        for registration in row.left_out:
            if registration.status == S.NOMINATED:
                registration.event = event
                moved.append(_move(registration, registrations.TRANSITIONS["waitlist"], actor, reason))
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=event,
        changes={
            "seats_allocated": [
                None,
                {"policy": policy, "approved": len(outcome.placed_ids), "engine": fingerprint[:12]},
            ]
        },
        reason=str(outcome.policy.rule),
        member_code=event.host.code,
    )
    _notify_decision(moved)
    return outcome


# ---------------------------------------------------------------------------------------------------
# Registration completion


@dataclass
class CompletionInput:
    consent_participant_list: bool = False
    visa_letter_requested: bool = False
    nationality: Country | None = None
    passport_number: str = ""
    passport_expiry: date | None = None
    date_of_birth: date | None = None
    dietary_needs: str = ""
    accessibility_needs: str = ""


def _validate_completion(event: Event, data: CompletionInput, today: date) -> str:
    errors: dict[str, list] = {}
    number = "".join(data.passport_number.split()).upper()
    if number and not (number.isalnum() and number.isascii() and 5 <= len(number) <= 20):
        errors["passport_number"] = [_("A passport number has 5 to 20 letters and digits.")]
    if data.passport_expiry is not None and data.passport_expiry <= event.end_date:
        errors["passport_expiry"] = [
            _("The passport must be valid after the event's last day (%(day)s).")
            % {"day": formats.format_day(event.end_date)}
        ]
    if data.date_of_birth is not None:
        if data.date_of_birth >= today:
            errors["date_of_birth"] = [_("The date of birth must be in the past.")]
        elif data.date_of_birth < today - timedelta(days=366 * 120):
            errors["date_of_birth"] = [_("Check the date of birth: it is more than 120 years ago.")]
    if data.visa_letter_requested:
        needed = {
            "nationality": data.nationality,
            "passport_number": number,
            "passport_expiry": data.passport_expiry,
            "date_of_birth": data.date_of_birth,
        }
        for name, value in needed.items():
            if not value and name not in errors:
                errors[name] = [_("A visa invitation letter needs this.")]
    if errors:
        raise ValidationError(errors)
    return number


@transaction.atomic
def registration_complete(
    *, registration: Registration, actor, data: CompletionInput, now: datetime | None = None
) -> Registration:
    """An approved delegate's registration: visa letter request with passport details, dietary and
    accessibility needs, consent to appear in the participant list. The audit trail keeps which
    personal fields changed, never their values."""
    registration_check_complete(actor, registration)
    registration = _locked(registration)
    event = registration.event
    if registration.personal_data_erased_at is not None:
        raise ValidationError(_("The personal data of this registration has been erased; it cannot be changed."))
    if registration.status != S.APPROVED:
        raise ValidationError(_("Only an approved delegate completes the registration."))
    today = (now or timezone.now()).astimezone(event.zone).date()
    if event.end_date < today:
        raise ValidationError(_("This event is over."))
    number = _validate_completion(event, data, today)
    before = {name: getattr(registration, name) for name in PERSONAL_FIELDS}
    flags = snapshot(registration, ("consent_participant_list", "visa_letter_requested"))
    registration.consent_participant_list = data.consent_participant_list
    registration.visa_letter_requested = data.visa_letter_requested
    registration.nationality = data.nationality
    registration.passport_number = number
    registration.passport_expiry = data.passport_expiry
    registration.date_of_birth = data.date_of_birth
    registration.dietary_needs = data.dietary_needs.strip()
    registration.accessibility_needs = data.accessibility_needs.strip()
    first = registration.registration_completed_at is None
    registration.registration_completed_at = timezone.now()
    registration.full_clean(exclude=["nominated_by"])
    registration.save()
    changed = sorted(name for name in PERSONAL_FIELDS if getattr(registration, name) != before[name])
    changes = diff(flags, snapshot(registration, ("consent_participant_list", "visa_letter_requested")))
    if changed:
        changes["personal_fields_changed"] = [None, changed]
    if first:
        changes["registration_completed"] = [False, True]
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=registration,
        changes=changes,
        member_code=registration.member.code,
    )
    return registration


# ---------------------------------------------------------------------------------------------------
# Retention of personal data


def _erased_values() -> dict:
    return {
        "nationality": None, "passport_number": "", "passport_expiry": None, "date_of_birth": None,
        "dietary_needs": "", "accessibility_needs": "",
    }  # fmt: skip


@transaction.atomic
def personal_data_erase_due(*, today: date | None = None) -> int:
    """Erase the delegates' personal data (passport details, date of birth, dietary and accessibility
    needs, nomination letters) of every event that ended more than HARAMBEE_DELEGATE_DATA_RETENTION_DAYS
    ago; one audit entry per event keeps the fact and the count, not the data. How many delegates."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=settings.HARAMBEE_DELEGATE_DATA_RETENTION_DAYS)
    due = Registration.objects.filter(event__end_date__lt=cutoff, personal_data_erased_at__isnull=True)
    events = Event.objects.filter(pk__in=due.values("event_id")).select_related("host").order_by("pk")
    storage = Registration._meta.get_field("nomination_letter").storage
    total = 0
    now = timezone.now()
    for event in events:
        rows = list(due.filter(event=event).select_for_update())
        files = [r.nomination_letter.name for r in rows if r.nomination_letter]
        count = Registration.objects.filter(pk__in=[r.pk for r in rows]).update(
            personal_data_erased_at=now, nomination_letter="", **_erased_values()
        )
        audit_record(
            actor=None,
            action=AuditAction.UPDATE,
            instance=event,
            changes={"delegates_personal_data_erased": [None, count]},
            reason=_("Kept until %(days)s days after the event's end, then erased.")
            % {"days": settings.HARAMBEE_DELEGATE_DATA_RETENTION_DAYS},
            member_code=event.host.code,
        )
        transaction.on_commit(lambda names=files: [storage.delete(name) for name in names])
        total += count
    return total
