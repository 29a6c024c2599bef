"""Writes to events: series, editions, their lifecycle, sessions, speakers and materials.

Each service checks who acts (`access`), validates (a `ValidationError` naming the field, in the
reader's language), saves and records its audit entry, all in one transaction: bad input leaves
nothing half-written.
"""

import functools
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.registry.models import Country, Member

from . import lifecycle, materials
from .access import event_check_create, event_check_edit
from .choices import FORMATS, LANGUAGES, PUBLIC_STATUSES, EventStatus, SessionKind
from .models import Event, EventSeries, EventTranslation, Material, Session, SessionTranslation, Speaker

EVENT_FIELDS = (
    "slug", "series", "edition", "host", "language", "title", "description", "venue_name", "venue_details", "city",
    "country", "time_zone", "start_date", "end_date", "format", "working_languages", "interpretation_languages",
    "capacity",
)  # fmt: skip
EVENT_AUDITED = (*EVENT_FIELDS, "co_hosts", "status")
SESSION_FIELDS = ("kind", "title", "description", "starts_at", "ends_at", "room", "languages")
SPEAKER_FIELDS = ("name", "affiliation", "role", "consent_public", "position")


@dataclass
class TranslationInput:
    language: str
    title: str
    description: str = ""
    venue_details: str = ""
    origin: str = "human"


@dataclass
class EventInput:
    """An event's content as a form or the API gives it (checked by `_event_validate`)."""

    slug: str
    title: str
    language: str
    time_zone: str
    start_date: date
    end_date: date
    format: str
    description: str = ""
    venue_name: str = ""
    venue_details: str = ""
    city: str = ""
    country: Country | None = None
    series: EventSeries | None = None
    edition: int | None = None
    working_languages: list[str] = field(default_factory=list)
    interpretation_languages: list[str] = field(default_factory=list)
    capacity: int | None = None
    co_hosts: list[Member] = field(default_factory=list)
    translations: list[TranslationInput] = field(default_factory=list)


@dataclass
class SessionInput:
    """A session's content; `starts_at` and `ends_at` are moments (aware), e.g. `Event.at(day, time)`."""

    title: str
    starts_at: datetime
    ends_at: datetime
    kind: str = SessionKind.PLENARY
    description: str = ""
    room: str = ""
    languages: list[str] = field(default_factory=list)
    translations: list[TranslationInput] = field(default_factory=list)


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _check_languages(errors: dict, name: str, codes: list[str]) -> None:
    unknown = [c for c in codes if c not in LANGUAGES]
    if unknown:
        errors.setdefault(name, []).append(_("Unknown language: %(code)s") % {"code": unknown[0]})


def _check_translations(errors: dict, original: str, translations: list[TranslationInput]) -> None:
    seen = set()
    for t in translations:
        if t.language not in LANGUAGES:
            errors.setdefault("translations", []).append(_("Unknown language: %(code)s") % {"code": t.language})
        elif t.language == original:
            errors.setdefault("translations", []).append(_("A translation cannot be in the original language."))
        elif t.language in seen:
            errors.setdefault("translations", []).append(_("Two translations into the same language."))
        elif not t.title.strip():
            errors.setdefault("translations", []).append(
                _("The translation into %(language)s needs a title.") % {"language": LANGUAGES[t.language]}
            )
        seen.add(t.language)


def _event_validate(data: EventInput, *, host: Member, event: Event | None = None) -> None:
    """Raise one ValidationError naming every field that is wrong."""
    errors: dict[str, list[str]] = {}
    if data.time_zone not in _zones():
        errors["time_zone"] = [
            _("Unknown time zone “%(zone)s”: give an IANA name such as Asia/Shanghai or Africa/Lusaka.")
            % {"zone": data.time_zone[:64]}
        ]
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors["end_date"] = [_("The last day is before the first day.")]
    if data.format not in FORMATS:
        errors["format"] = [_("Unknown format: %(code)s") % {"code": data.format[:20]}]
    if data.language not in LANGUAGES:
        errors["language"] = [_("Unknown language: %(code)s") % {"code": data.language[:10]}]
    _check_languages(errors, "working_languages", data.working_languages)
    _check_languages(errors, "interpretation_languages", data.interpretation_languages)
    if data.capacity is not None and data.capacity <= 0:
        errors["capacity"] = [_("The capacity must be positive.")]
    if data.format in ("in_person", "hybrid") and not (data.city or data.venue_name):
        errors["city"] = [_("An event held in person needs its venue or city.")]
    if host in data.co_hosts:
        errors["co_hosts"] = [_("The host cannot also be a co-host.")]
    _check_translations(errors, data.language, data.translations)
    if Event.objects.filter(slug=data.slug).exclude(pk=event.pk if event else None).exists():
        errors["slug"] = [_("Another event already has this short name.")]
    if event is not None and not errors.get("end_date") and "time_zone" not in errors:
        outside = _sessions_outside(event, data)
        if outside:
            errors["start_date"] = [
                _("%(count)s sessions of the agenda fall outside these dates; move them first.") % {"count": outside}
            ]
    if errors:
        raise ValidationError(errors)


def _sessions_outside(event: Event, data: EventInput) -> int:
    zone = zoneinfo.ZoneInfo(data.time_zone)
    first = datetime.combine(data.start_date, datetime.min.time(), tzinfo=zone)
    after_last = datetime.combine(data.end_date, datetime.min.time(), tzinfo=zone) + timedelta(days=1)
    return event.sessions.exclude(starts_at__gte=first, ends_at__lte=after_last).count()


def _event_snapshot(event: Event) -> dict:
    values = snapshot(event, EVENT_AUDITED)
    values["translations"] = sorted(t.language for t in event.translations.all())
    return values


def _apply_event(event: Event, data: EventInput) -> None:
    for name in EVENT_FIELDS:
        if name != "host":
            setattr(event, name, getattr(data, name))


def _replace_event_translations(event: Event, translations: list[TranslationInput]) -> None:
    event.translations.all().delete()
    EventTranslation.objects.bulk_create(
        [
            EventTranslation(
                event=event, language=t.language, title=t.title, description=t.description,
                venue_details=t.venue_details, origin=t.origin,
            )
            for t in translations
        ]
    )  # fmt: skip


@transaction.atomic
def series_create(*, actor, slug: str, name: str, name_translations: dict | None = None, hosts=(), is_demo=False):
    """A series of events (its editions are events), hosted by `hosts` (members)."""
    for member in hosts:
        event_check_create(actor, member)
    if EventSeries.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": [_("Another series already has this short name.")]})
    series = EventSeries(slug=slug, name=name, name_translations=name_translations or {}, is_demo=is_demo)
    series.full_clean()
    series.save()
    series.hosts.set(hosts)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=series,
        changes=diff({}, snapshot(series, ("slug", "name", "hosts"))),
        public=True,
    )
    return series


@transaction.atomic
def event_create(*, actor, host: Member, data: EventInput, is_demo: bool = False) -> Event:
    """A new event (a draft) hosted by `host`; only the host's editors and managers, or the secretariat."""
    event_check_create(actor, host)
    _event_validate(data, host=host)
    event = Event(host=host, created_by=actor, is_demo=is_demo)
    _apply_event(event, data)
    event.full_clean()
    event.save()
    event.co_hosts.set(data.co_hosts)
    _replace_event_translations(event, data.translations)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=event,
        changes=diff({}, _event_snapshot(event)),
        member_code=host.code,
        public=False,
    )
    return event


@transaction.atomic
def event_update(*, event: Event, actor, data: EventInput, reason: str = "") -> Event:
    """Change an event's content (its status changes only through `event_transition`)."""
    event_check_edit(actor, event)
    event = Event.objects.select_for_update().get(pk=event.pk)
    before = _event_snapshot(event)
    _event_validate(data, host=event.host, event=event)
    _apply_event(event, data)
    event.full_clean()
    event.save()
    event.co_hosts.set(data.co_hosts)
    _replace_event_translations(event, data.translations)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=event,
        changes=diff(before, _event_snapshot(event)),
        reason=reason,
        member_code=event.host.code,
        public=event.is_public,
    )
    return event


@transaction.atomic
def event_transition(*, event: Event, actor, action: str, reason: str = "") -> Event:
    """Publish, return to draft, cancel or reopen an event (`lifecycle.TRANSITIONS`)."""
    event_check_edit(actor, event)
    event = Event.objects.select_for_update().select_related("host").get(pk=event.pk)
    transition = lifecycle.TRANSITIONS.get(action)
    if transition is None or event.status not in transition.sources:
        raise ValidationError(
            _("This event cannot be “%(action)s” while it is “%(status)s”.")
            % {"action": transition.label if transition else action[:40], "status": event.get_status_display()}
        )
    if transition.reason_required and not reason.strip():
        raise ValidationError({"reason": [_("Give a reason.")]})
    if transition.target == EventStatus.PUBLISHED and not event.host.is_public:
        raise ValidationError(_("Events are published once the secretariat has approved the host."))
    before = event.status
    event.status = transition.target
    if event.status == EventStatus.PUBLISHED and event.published_at is None:
        event.published_at = timezone.now()
    event.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=event,
        changes={"status": [before, event.status]},
        reason=reason,
        member_code=event.host.code,
        public=event.status in PUBLIC_STATUSES or before in PUBLIC_STATUSES,
    )
    return event


def _session_validate(event: Event, data: SessionInput) -> None:
    errors: dict[str, list[str]] = {}
    for name in ("starts_at", "ends_at"):
        if timezone.is_naive(getattr(data, name)):
            errors[name] = [_("Give the time with its time zone.")]
    if errors:
        raise ValidationError(errors)
    if data.ends_at <= data.starts_at:
        errors["ends_at"] = [_("A session must end after it starts.")]
    zone = event.zone
    if data.starts_at.astimezone(zone).date() < event.start_date or data.starts_at.astimezone(zone).date() > (
        event.end_date
    ):
        errors.setdefault("starts_at", []).append(
            _("The session starts outside the event's dates (%(first)s to %(last)s, %(zone)s).")
            % {"first": event.start_date.isoformat(), "last": event.end_date.isoformat(), "zone": event.time_zone}
        )
    elif data.ends_at > event.day_start(event.end_date) + timedelta(days=1):
        errors.setdefault("ends_at", []).append(_("The session ends after the event's last day."))
    if data.kind not in SessionKind.values:
        errors["kind"] = [_("Unknown kind of session: %(code)s") % {"code": data.kind[:20]}]
    _check_languages(errors, "languages", data.languages)
    _check_translations(errors, event.language, data.translations)
    if errors:
        raise ValidationError(errors)


def _session_snapshot(session: Session) -> dict:
    values = snapshot(session, ("event", *SESSION_FIELDS))
    values["translations"] = sorted(t.language for t in session.translations.all())
    return values


def _replace_session_translations(session: Session, translations: list[TranslationInput]) -> None:
    session.translations.all().delete()
    SessionTranslation.objects.bulk_create(
        [
            SessionTranslation(
                session=session, language=t.language, title=t.title, description=t.description, origin=t.origin
            )
            for t in translations
        ]
    )


def _audit_agenda(*, actor, action: str, instance, event: Event, changes: dict) -> None:
    audit_record(
        actor=actor,
        action=action,
        instance=instance,
        changes=changes,
        member_code=event.host.code,
        public=event.is_public,
    )


@transaction.atomic
def session_create(*, event: Event, actor, data: SessionInput) -> Session:
    """Add a session to the agenda, within the event's dates (at the venue)."""
    event_check_edit(actor, event)
    _session_validate(event, data)
    session = Session(event=event)
    for name in SESSION_FIELDS:
        setattr(session, name, getattr(data, name))
    session.full_clean()
    session.save()
    _replace_session_translations(session, data.translations)
    _audit_agenda(
        actor=actor,
        action=AuditAction.CREATE,
        instance=session,
        event=event,
        changes=diff({}, _session_snapshot(session)),
    )
    return session


@transaction.atomic
def session_update(*, session: Session, actor, data: SessionInput) -> Session:
    event = session.event
    event_check_edit(actor, event)
    before = _session_snapshot(session)
    _session_validate(event, data)
    for name in SESSION_FIELDS:
        setattr(session, name, getattr(data, name))
    session.full_clean()
    session.save()
    _replace_session_translations(session, data.translations)
    _audit_agenda(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=session,
        event=event,
        changes=diff(before, _session_snapshot(session)),
    )
    return session


@transaction.atomic
def session_delete(*, session: Session, actor) -> None:
    """Remove a session with its speakers and materials (their files too, once committed)."""
    event = session.event
    event_check_edit(actor, event)
    before = _session_snapshot(session)
    files = [m.file.name for m in session.materials.all() if m.file]
    _audit_agenda(actor=actor, action=AuditAction.DELETE, instance=session, event=event, changes=diff(before, {}))
    Session.objects.filter(pk=session.pk).delete()  # the object keeps its id for the caller
    transaction.on_commit(lambda: _remove_files(files))


def _remove_files(names: list[str]) -> None:
    storage = Material._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


def _speaker_values(name: str, affiliation: str, role: str, consent_public: bool, position: int) -> dict:
    if not name.strip():
        raise ValidationError({"name": [_("Give the speaker's name.")]})
    return {
        "name": name,
        "affiliation": affiliation,
        "role": role,
        "consent_public": consent_public,
        "position": position,
    }


@transaction.atomic
def speaker_create(
    *, session: Session, actor, name: str, affiliation: str = "", role: str = "", consent_public: bool = False,
    position: int = 0,
) -> Speaker:  # fmt: skip
    """A speaker of `session`; named publicly only if `consent_public`."""
    event_check_edit(actor, session.event)
    speaker = Speaker(session=session, **_speaker_values(name, affiliation, role, consent_public, position))
    speaker.full_clean()
    speaker.save()
    _audit_agenda(
        actor=actor,
        action=AuditAction.CREATE,
        instance=speaker,
        event=session.event,
        # the name is kept out of the public trail unless the speaker consented
        changes=diff({}, snapshot(speaker, ("session", "affiliation", "role", "consent_public"))),
    )
    return speaker


@transaction.atomic
def speaker_update(
    *, speaker: Speaker, actor, name: str, affiliation: str = "", role: str = "", consent_public: bool = False,
    position: int = 0,
) -> Speaker:  # fmt: skip
    event_check_edit(actor, speaker.session.event)
    audited = ("affiliation", "role", "consent_public", "position")
    before = snapshot(speaker, audited)
    for key, value in _speaker_values(name, affiliation, role, consent_public, position).items():
        setattr(speaker, key, value)
    speaker.full_clean()
    speaker.save()
    _audit_agenda(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=speaker,
        event=speaker.session.event,
        changes=diff(before, snapshot(speaker, audited)),
    )
    return speaker


@transaction.atomic
def speaker_delete(*, speaker: Speaker, actor) -> None:
    event_check_edit(actor, speaker.session.event)
    before = snapshot(speaker, ("session", "affiliation", "role", "consent_public"))
    _audit_agenda(
        actor=actor, action=AuditAction.DELETE, instance=speaker, event=speaker.session.event, changes=diff(before, {})
    )
    Speaker.objects.filter(pk=speaker.pk).delete()


@transaction.atomic
def material_create(*, session: Session, actor, title: str, upload=None, url: str = "") -> Material:
    """A document of `session`: an uploaded file (`materials.check_upload`) or an http(s) link."""
    event_check_edit(actor, session.event)
    if not title.strip():
        raise ValidationError({"title": [_("Give the material a title.")]})
    if (upload is None) == (not url):
        raise ValidationError(_("Give either a file or a link."))
    material = Material(session=session, title=title)
    if upload is not None:
        material.file_type = materials.check_upload(upload)
        material.file_size = upload.size
        material.file.save(upload.name, upload, save=False)
    else:
        material.url = materials.check_link(url)
    try:
        material.full_clean()
        material.save()
    except BaseException:
        if material.file:
            material.file.delete(save=False)
        raise
    _audit_agenda(
        actor=actor,
        action=AuditAction.CREATE,
        instance=material,
        event=session.event,
        changes=diff({}, snapshot(material, ("session", "title", "file_type", "file_size", "url"))),
    )
    return material


@transaction.atomic
def material_delete(*, material: Material, actor) -> None:
    event = material.session.event
    event_check_edit(actor, event)
    before = snapshot(material, ("session", "title", "file_type", "file_size", "url"))
    name = material.file.name if material.file else ""
    _audit_agenda(actor=actor, action=AuditAction.DELETE, instance=material, event=event, changes=diff(before, {}))
    Material.objects.filter(pk=material.pk).delete()
    if name:
        transaction.on_commit(lambda: _remove_files([name]))


# ---------------------------------------------------------------------------------------------------
# Delegates' documents (events/documents.py): badge codes and batches

import secrets  # noqa: E402

from django.core.files.base import ContentFile  # noqa: E402

from harambee.background.queue import enqueue_on_commit  # noqa: E402
from harambee.core.exceptions import PermissionDenied  # noqa: E402

from .access import DocumentAction, document_can  # noqa: E402
from .choices import DocumentBatchStatus, DocumentKind  # noqa: E402
from .models import DocumentBatch, Registration  # noqa: E402

#: Badge codes: ten letters and digits that cannot be mistaken for one another when read aloud or typed.
BADGE_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
BADGE_CODE_LENGTH = 10


def _new_badge_code() -> str:
    return "".join(secrets.choice(BADGE_CODE_ALPHABET) for _ in range(BADGE_CODE_LENGTH))


@transaction.atomic
def registration_assign_badge_codes(*, registrations, actor) -> int:
    """Give each of `registrations` that has none a badge code (what its badge's QR code holds, read at
    check-in); the others keep theirs. Returns how many were given one; each is audited."""
    given = 0
    for registration in registrations:
        if registration.badge_code:
            continue
        for _attempt in range(5):
            code = _new_badge_code()
            if not Registration.objects.filter(badge_code=code).exists():
                break
        updated = Registration.objects.filter(pk=registration.pk, badge_code__isnull=True).update(badge_code=code)
        if not updated:  # someone else gave it one meanwhile
            registration.badge_code = Registration.objects.values_list("badge_code", flat=True).get(pk=registration.pk)
            continue
        registration.badge_code = code
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=registration,
            changes={"badge_code": [None, code]},
            member_code=registration.member.code,
        )
        given += 1
    return given


@transaction.atomic
def document_batch_request(*, event: Event, actor, kind: str) -> DocumentBatch:
    """Ask for every delegate's document `kind` of `event` in one PDF, made by a background task
    (`document_tasks.document_batch_make`) once this commits."""
    if actor is not None and not document_can(actor, event, DocumentAction.BATCH):
        raise PermissionDenied(_("Only the event's organisers make documents for all delegates."))
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": [_("There is no such document.")]})
    running = DocumentBatch.objects.filter(
        event=event, kind=kind, status__in=(DocumentBatchStatus.QUEUED, DocumentBatchStatus.RUNNING)
    ).exists()
    if running:
        raise ValidationError(_("These documents are already being made; wait for them to be ready."))
    batch = DocumentBatch.objects.create(event=event, kind=kind, requested_by=actor if actor else None)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=batch,
        changes={"kind": [None, kind]},
        member_code=event.host.code,
    )
    # lazy: the task module imports this one (it records the batch's outcome through the services)
    from .document_tasks import document_batch_make

    enqueue_on_commit(document_batch_make, batch.pk)
    return batch


def document_batch_started(*, batch: DocumentBatch) -> None:
    """The task took `batch` up (not audited: the task's own bookkeeping)."""
    DocumentBatch.objects.filter(pk=batch.pk).update(status=DocumentBatchStatus.RUNNING, error="")
    batch.status = DocumentBatchStatus.RUNNING


def document_batch_finished(
    *, batch: DocumentBatch, pdf: bytes | None, documents: int, skipped: int, seconds: float
) -> None:
    """Store the batch's PDF (None: no delegate may have this document) and mark it ready."""
    if pdf is not None:
        batch.file.save(f"{batch.event.slug}-{batch.kind}-{batch.pk}.pdf", ContentFile(pdf), save=False)
    batch.status = DocumentBatchStatus.DONE
    batch.documents, batch.skipped, batch.seconds = documents, skipped, round(seconds, 2)
    batch.finished_at = timezone.now()
    batch.save(update_fields=["file", "status", "documents", "skipped", "seconds", "finished_at"])


def document_batch_failed(*, batch: DocumentBatch, error: str) -> None:
    batch.status, batch.error, batch.finished_at = DocumentBatchStatus.FAILED, error[:2000], timezone.now()
    batch.save(update_fields=["status", "error", "finished_at"])
