"""On site: checking delegates in (writes), and reading what a badge's QR code or a typed code says.

One request per check-in: `attendance_check_in` records the delegate's attendance at the event as a
whole (`session=None`) or at one session, and is idempotent: a second check-in of the same delegate
for the same session returns the first record (`created=False`), so that the page can say "already
checked in at 09:12" instead of failing. Only approved delegates are checked in; the others are
refused with a message naming why (`refusal`). Each check-in and each undo is one audit entry.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record
from harambee.core.exceptions import ValidationError

from .access import event_check_check_in, event_check_edit
from .choices import EventStatus, RegistrationStatus
from .models import Attendance, CheckInStaff, Event, Registration, Session

#: The longest code or URL the check-in form reads (a badge code is at most 32 characters).
MAX_CODE_INPUT = 500


def parse_badge_code(text: str) -> str:
    """The badge code in what was typed or scanned: the code itself, or a URL that carries it as its
    `code` parameter (`…/check-in/?code=AB12CD34`) or as its last path segment (`…/badge/AB12CD34/`)."""
    text = (text or "").strip()[:MAX_CODE_INPUT]
    if "://" in text or text.startswith("/"):
        parts = urlsplit(text)
        values = parse_qs(parts.query).get("code")
        if values:
            return values[0].strip()[:64]
        segments = [s for s in parts.path.split("/") if s]
        return segments[-1][:64] if segments else ""
    return text[:64]


def refusal(registration: Registration) -> str:
    """Why `registration` may not be checked in (empty when it may: approved)."""
    name = registration.full_name
    messages = {
        RegistrationStatus.NOMINATED: _("Not approved: %(name)s's nomination still waits for the host's decision."),
        RegistrationStatus.WAITLISTED: _("Not approved: %(name)s is on the waiting list."),
        RegistrationStatus.DECLINED: _("Not approved: %(name)s's nomination was declined."),
        RegistrationStatus.WITHDRAWN: _("Not approved: %(name)s withdrew from the event."),
    }
    if registration.status == RegistrationStatus.APPROVED:
        return ""
    return messages.get(registration.status, _("Not approved: %(name)s cannot be checked in.")) % {"name": name}


def unknown_code_message(code: str) -> str:
    return _("No delegate of this event has the badge code “%(code)s”.") % {"code": code[:64]}


@dataclass
class CheckIn:
    attendance: Attendance
    created: bool  # False: the delegate was already checked in (the first record is returned)


def _audit(*, actor, action: str, attendance: Attendance, registration: Registration) -> None:
    event = registration.event
    audit_record(
        actor=actor,
        action=action,
        instance=attendance,
        changes={
            "registration": [None, registration.pk] if action == AuditAction.CREATE else [registration.pk, None],
            "session": [None, attendance.session_id] if action == AuditAction.CREATE else [attendance.session_id, None],
        },
        member_code=event.host.code,
        public=False,
    )


@transaction.atomic
def attendance_check_in(
    *, registration: Registration, session: Session | None, actor, at: datetime | None = None
) -> CheckIn:
    """Check `registration` in at the event (`session=None`) or at `session`, now (or `at`, for a list
    kept on paper); the first check-in stands (a second one returns it with `created=False`, and writes
    nothing)."""
    event = registration.event
    event_check_check_in(actor, event)
    if session is not None and session.event_id != event.pk:
        raise ValidationError({"session": [_("This session is not part of the event.")]})
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("This event was cancelled: nobody is checked in."))
    refused = refusal(registration)
    if refused:
        raise ValidationError(refused)
    existing = Attendance.objects.filter(registration=registration, session=session).first()
    if existing is not None:
        return CheckIn(existing, created=False)
    try:
        with transaction.atomic():
            attendance = Attendance.objects.create(
                registration=registration, session=session, checked_in_by=actor, checked_in_at=at or timezone.now()
            )
    except IntegrityError:  # checked in a moment earlier on another phone: that one stands
        return CheckIn(Attendance.objects.get(registration=registration, session=session), created=False)
    _audit(actor=actor, action=AuditAction.CREATE, attendance=attendance, registration=registration)
    return CheckIn(attendance, created=True)


@transaction.atomic
def attendance_undo(*, attendance: Attendance, actor) -> None:
    """Remove a mistaken check-in (the audit entry keeps who undid it, and when)."""
    registration = attendance.registration
    event_check_check_in(actor, registration.event)
    _audit(actor=actor, action=AuditAction.DELETE, attendance=attendance, registration=registration)
    Attendance.objects.filter(pk=attendance.pk).delete()


@transaction.atomic
def staff_add(*, event: Event, actor, email: str) -> CheckInStaff:
    """Let the person with the account `email` check delegates in at `event` (the host's editors and
    managers, the secretariat decide)."""
    event_check_edit(actor, event)
    email = (email or "").strip()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first() if email else None
    if user is None:
        raise ValidationError(
            {
                "email": [
                    _("No account has the e-mail address “%(email)s”: invite the person first.")
                    % {"email": email[:254]}
                ]
            }
        )
    if CheckInStaff.objects.filter(event=event, user=user).exists():
        raise ValidationError({"email": [_("This person already checks delegates in at this event.")]})
    staff = CheckInStaff.objects.create(event=event, user=user, added_by=actor)
    audit_record(
        actor=actor, action=AuditAction.CREATE, instance=staff, changes={"user": [None, user.pk]},
        member_code=event.host.code, public=False,
    )  # fmt: skip
    return staff


@transaction.atomic
def staff_remove(*, staff: CheckInStaff, actor) -> None:
    """The person no longer checks delegates in at the event (their check-ins stay)."""
    event_check_edit(actor, staff.event)
    audit_record(
        actor=actor, action=AuditAction.DELETE, instance=staff, changes={"user": [staff.user_id, None]},
        member_code=staff.event.host.code, public=False,
    )  # fmt: skip
    CheckInStaff.objects.filter(pk=staff.pk).delete()
