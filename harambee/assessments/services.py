"""Writes of readiness assessments: start, answer, comment, attach evidence, submit, validate or return,
publish, and turn a gap into a draft need.

Each service checks who acts (`access`), validates (a translated `ValidationError` naming the field),
writes and records its audit entry in one transaction: bad input leaves nothing half-written. Answers
are checked against the assessment's own framework version (`core.scoring.validate_answers`); evidence
files by the platform's upload rule (`events.materials.check_upload`, `check_link`); a need from a gap
is created by THE postings service (`postings.validation.parse_posting` + `postings.services.posting_create`).
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record
from harambee.core.exceptions import PermissionDenied
from harambee.events.materials import check_link, check_upload
from harambee.postings.choices import PostingKind
from harambee.postings.services import new_external_id, posting_create
from harambee.postings.validation import MAX_TITLE, parse_posting
from harambee.registry.models import Member, MemberKind

from .access import AssessmentAction, assessment_check, is_public, member_may_start, status_allows, why_not
from .core.framework import Framework, get_framework, text
from .core.scoring import MAX_LEVEL, gaps, missing_required, validate_answers
from .models import Answer, Assessment, AssessmentStatus, Comment, Evidence, GapNeed

MAX_NOTE = 5000
MAX_COMMENT = 5000
FIRST_YEAR = 2020
POSTING_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def _audit(actor, action, assessment: Assessment, changes, *, instance=None, reason: str = "") -> None:
    audit_record(
        actor=actor,
        action=action,
        instance=instance or assessment,
        changes=changes,
        reason=reason,
        member_code=assessment.member.code,
        public=is_public(assessment),
    )


def _check(actor, assessment: Assessment, action: AssessmentAction) -> None:
    """`access.assessment_check`; `actor=None` is the platform itself (the demo, imports), which writes
    for the member like a command-line import of postings does (never for the secretariat's review)."""
    if actor is None and action != AssessmentAction.REVIEW:
        if not status_allows(assessment, action):
            raise PermissionDenied(why_not(assessment, action))
        return
    assessment_check(actor, assessment, action)


def _locked(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update(of=("self",)).select_related("member__country").get(pk=assessment.pk)


def _framework_of(assessment: Assessment) -> Framework:
    return get_framework(assessment.framework_version)


def _indicator(framework: Framework, code: str, field: str = "indicator"):
    try:
        indicator = framework.indicator(code)
    except (KeyError, LookupError):
        indicator = None
    if indicator is None:
        raise ValidationError({field: [_("No such indicator in this framework.")]})
    return indicator


@transaction.atomic
def start_assessment(
    *, actor, member: Member, year: int, framework_version: str | None = None, is_demo: bool = False
) -> Assessment:
    """Start `member`'s assessment of `year` against the latest framework (or `framework_version`)."""
    if actor is not None and not member_may_start(actor, member):
        raise PermissionDenied(_("Only the member's managers and editors can start its assessment."))
    if member.kind != MemberKind.STATE:
        raise ValidationError(_("Readiness assessments are made by States."))
    this_year = timezone.localdate().year
    if not isinstance(year, int) or not FIRST_YEAR <= year <= this_year + 1:
        raise ValidationError(
            {"year": [_("Choose a year from %(first)s to %(last)s.") % {"first": FIRST_YEAR, "last": this_year + 1}]}
        )
    try:
        framework = get_framework(framework_version)
    except Exception as error:  # FrameworkError, unknown version
        raise ValidationError({"framework_version": [_("No such framework version.")]}) from error
    if Assessment.objects.filter(member=member, year=year).exists():
        raise ValidationError({"year": [_("This member already has an assessment for that year.")]})
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                member=member, year=year, framework_version=framework.version, started_by=actor, is_demo=is_demo
            )
    except IntegrityError as error:  # someone started it a moment earlier
        raise ValidationError({"year": [_("This member already has an assessment for that year.")]}) from error
    _audit(
        actor, AuditAction.CREATE, assessment,
        {"year": [None, year], "framework_version": [None, framework.version], "status": [None, assessment.status]},
    )  # fmt: skip
    return assessment


@transaction.atomic
def save_answers(
    *, assessment: Assessment, actor, answers: Mapping[str, int | None], notes: Mapping[str, str] | None = None
) -> Assessment:
    """Set the levels (0–4, or None for "not answered") and notes of some indicators; all or nothing."""
    assessment = _locked(assessment)
    _check(actor, assessment, AssessmentAction.CONTRIBUTE)
    framework = _framework_of(assessment)
    notes = dict(notes or {})
    levels: dict[str, int | None] = {}
    errors: dict[str, list[str]] = {}
    for code, value in answers.items():
        if value in (None, ""):
            levels[code] = None
            continue
        try:
            level = int(value)
            if isinstance(value, float) and value != level:
                raise ValueError
        except (TypeError, ValueError):
            errors.setdefault(code, []).append(_("Choose a level from 0 to %(max)s.") % {"max": MAX_LEVEL})
            continue
        levels[code] = level
    problems = validate_answers(framework, {k: v for k, v in levels.items() if v is not None})
    for code in list(levels) + list(notes):
        if code not in {i.code for i in framework.indicators}:
            errors.setdefault(code, []).append(_("No such indicator in this framework."))
    for code, level in levels.items():
        if level is not None and not 0 <= level <= MAX_LEVEL:
            errors.setdefault(code, []).append(
                _("Level %(level)s is out of the scale: choose a level from 0 to %(max)s.")
                % {"level": level, "max": MAX_LEVEL}
            )
    for code, note in notes.items():
        if len(note or "") > MAX_NOTE:
            errors.setdefault(code, []).append(_("The note is longer than %(max)s characters.") % {"max": MAX_NOTE})
    if problems and not errors:  # anything the core refuses that the checks above did not name
        errors["__all__"] = list(problems)
    if errors:
        raise ValidationError(errors)
    existing = {a.indicator_code: a for a in assessment.answers.all()}
    changes: dict[str, list] = {}
    for code in sorted(set(levels) | set(notes)):
        answer = existing.get(code) or Answer(assessment=assessment, indicator_code=code)
        before_level, before_note = answer.level, answer.note
        if code in levels:
            answer.level = levels[code]
        if code in notes:
            answer.note = (notes[code] or "").strip()
        if answer.pk and (answer.level, answer.note) == (before_level, before_note):
            continue
        if not answer.pk and answer.level is None and not answer.note:
            continue
        answer.updated_by = actor
        answer.save()
        if answer.level != before_level:
            changes[f"{code}.level"] = [before_level, answer.level]
        if answer.note != before_note:
            changes[f"{code}.note"] = [before_note or None, answer.note]
    if changes:
        assessment.save(update_fields=["updated_at"])
        _audit(actor, AuditAction.UPDATE, assessment, changes)
    return assessment


@transaction.atomic
def add_comment(*, assessment: Assessment, actor, indicator_code: str, text: str) -> Comment:
    assessment = _locked(assessment)
    _check(actor, assessment, AssessmentAction.CONTRIBUTE)
    _indicator(_framework_of(assessment), indicator_code)
    body = (text or "").strip()
    if not body:
        raise ValidationError({"text": [_("Write a comment.")]})
    if len(body) > MAX_COMMENT:
        raise ValidationError({"text": [_("The comment is longer than %(max)s characters.") % {"max": MAX_COMMENT}]})
    comment = Comment.objects.create(assessment=assessment, indicator_code=indicator_code, author=actor, text=body)
    _audit(actor, AuditAction.CREATE, assessment, {"indicator": [None, indicator_code], "text": [None, body]},
           instance=comment)  # fmt: skip
    return comment


@transaction.atomic
def add_evidence(
    *, assessment: Assessment, actor, indicator_code: str, title: str, url: str = "", upload=None
) -> Evidence:
    """A link or an uploaded document (a known document type, by its first bytes, of at most 20 MB)."""
    assessment = _locked(assessment)
    _check(actor, assessment, AssessmentAction.CONTRIBUTE)
    _indicator(_framework_of(assessment), indicator_code)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": [_("Give the evidence a title.")]})
    if len(title) > 200:
        raise ValidationError({"title": [_("The title is longer than %(max)s characters.") % {"max": 200}]})
    if bool(upload) == bool((url or "").strip()):
        raise ValidationError({"url": [_("Give either a link or a file, not both.")]})
    evidence = Evidence(assessment=assessment, indicator_code=indicator_code, title=title, added_by=actor)
    if upload:
        evidence.file_type = check_upload(upload)
        evidence.file_size = upload.size
        evidence.file.save(upload.name.rsplit("/", 1)[-1][:120], upload, save=False)
    else:
        evidence.url = check_link(url)
    evidence.save()
    _audit(
        actor, AuditAction.CREATE, assessment,
        {"indicator": [None, indicator_code], "title": [None, title], "url": [None, evidence.url or None],
         "file_type": [None, evidence.file_type or None]},
        instance=evidence,
    )  # fmt: skip
    return evidence


def _answers(assessment: Assessment) -> dict[str, int | None]:
    return {a.indicator_code: a.level for a in assessment.answers.all()}


@transaction.atomic
def submit(*, assessment: Assessment, actor) -> Assessment:
    """The manager sends the assessment to the secretariat; every required indicator must be answered."""
    assessment = _locked(assessment)
    _check(actor, assessment, AssessmentAction.SUBMIT)
    framework = _framework_of(assessment)
    missing = missing_required(framework, _answers(assessment))
    if missing:
        lang = translation.get_language() or "en"
        names = "; ".join(f"{code} ({text(framework.indicator(code).question, lang)})" for code in missing)
        raise ValidationError(
            _("These required indicators have no answer yet: %(list)s.") % {"list": names}, code="missing"
        )
    before = assessment.status
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_by = actor
    assessment.submitted_at = timezone.now()
    assessment.return_reason = ""
    assessment.save()
    _audit(actor, AuditAction.TRANSITION, assessment, {"status": [before, assessment.status]})
    return assessment


@transaction.atomic
def validate(*, assessment: Assessment, actor) -> Assessment:
    assessment = _locked(assessment)
    _check(actor, assessment, AssessmentAction.REVIEW)
    before = assessment.status
    assessment.status = AssessmentStatus.VALIDATED
    assessment.validated_by = actor
    assessment.validated_at = timezone.now()
    assessment.save()
    _audit(actor, AuditAction.TRANSITION, assessment, {"status": [before, assessment.status]})
    return assessment


@transaction.atomic
def return_assessment(*, assessment: Assessment, actor, reason: str) -> Assessment:
    """The secretariat sends a submitted assessment back to the member, saying why; it is editable again."""
    assessment = _locked(assessment)
    _check(actor, assessment, AssessmentAction.REVIEW)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say what the member should change.")]})
    if len(reason) > MAX_COMMENT:
        raise ValidationError({"reason": [_("The reason is longer than %(max)s characters.") % {"max": MAX_COMMENT}]})
    before = assessment.status
    assessment.status = AssessmentStatus.RETURNED
    assessment.return_reason = reason
    assessment.save()
    _audit(actor, AuditAction.TRANSITION, assessment, {"status": [before, assessment.status]}, reason=reason)
    return assessment


@transaction.atomic
def set_public(*, assessment: Assessment, actor, public: bool) -> Assessment:
    """The member chooses whether its assessment is public once validated (private by default)."""
    assessment = _locked(assessment)
    _check(actor, assessment, AssessmentAction.PUBLISH)
    before = assessment.public
    if before == bool(public):
        return assessment
    assessment.public = bool(public)
    assessment.save(update_fields=["public", "updated_at"])
    _audit(actor, AuditAction.UPDATE, assessment, {"public": [before, assessment.public]})
    return assessment


def _need_language(actor) -> str:
    """The language of a need from a gap: the acting person's preferred language, else the page's."""
    for candidate in (getattr(actor, "preferred_language", ""), translation.get_language() or ""):
        code = (candidate or "").lower().split("-")[0]
        if code in POSTING_LANGUAGES:
            return code
    return "en"


@transaction.atomic
def create_need_from_gap(
    *,
    assessment: Assessment,
    actor,
    indicator_code: str,
    below: int = 2,
    language: str | None = None,
    is_demo: bool = False,
) -> GapNeed:
    """A DRAFT need of the member for one gap (an indicator answered below `below`), prefilled from the
    framework (themes = capacity areas, modality, concepts, title and guidance in `language`), created by
    the postings service and linked back to the gap."""
    assessment = _locked(assessment)
    _check(actor, assessment, AssessmentAction.CREATE_NEED)
    framework = _framework_of(assessment)
    indicator = _indicator(framework, indicator_code)
    if not 1 <= int(below) <= MAX_LEVEL:
        raise ValidationError({"below": [_("Choose a level from 1 to %(max)s.") % {"max": MAX_LEVEL}]})
    if indicator.code not in {i.code for i in gaps(framework, _answers(assessment), below=int(below))}:
        raise ValidationError({"indicator": [_("This indicator is not a gap at the chosen level.")]})
    existing = GapNeed.objects.filter(assessment=assessment, indicator_code=indicator.code).first()
    if existing is not None:
        raise ValidationError({"indicator": [_("A need was already created for this gap.")]})
    lang = language if language in POSTING_LANGUAGES else _need_language(actor)
    level = _answers(assessment).get(indicator.code)
    with translation.override("zh-hans" if lang == "zh" else lang):
        origin_line = _(
            "From the readiness assessment %(year)s of %(member)s: “%(question)s” "
            "was answered at level %(level)s of %(max)s."
        ) % {
            "year": assessment.year,
            "member": assessment.member.display_name,
            "question": text(indicator.question, lang),
            "level": level,
            "max": MAX_LEVEL,
        }
        concepts_line = _("Concepts: %(list)s.") % {"list": ", ".join(indicator.concepts)} if indicator.concepts else ""
    description = "\n\n".join(p for p in (text(indicator.guidance, lang), origin_line, concepts_line) if p)
    raw = {
        "id": new_external_id(PostingKind.NEED),
        "kind": PostingKind.NEED,
        "member": assessment.member.code,
        "title": text(indicator.need_title, lang)[:MAX_TITLE],
        "description": description,
        "language": lang,
        "modalities": [indicator.modality] if indicator.modality else [],
        "themes": list(indicator.capacity_areas),
    }
    posting = posting_create(actor=actor, member=assessment.member, data=parse_posting(raw), is_demo=is_demo)
    link = GapNeed.objects.create(
        assessment=assessment, indicator_code=indicator.code, posting=posting, created_by=actor
    )
    _audit(
        actor, AuditAction.CREATE, assessment,
        {"indicator": [None, indicator.code], "posting": [None, posting.external_id]},
        instance=link,
    )  # fmt: skip
    return link
