"""Writes of knowledge-exchange pairing: profiles, runs (executed by a background task), answers
to meetings and swap requests. Each checks who acts (`pairing_access`), validates with messages in
the reader's language, saves and records its audit entry in one transaction."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.background.queue import enqueue_on_commit
from harambee.matching.core.glossary import default_glossary
from harambee.postings.choices import THEMES

from .choices import LANGUAGES, RegistrationStatus
from .core.pairing import Exchange, Meeting, PairingInputError, PairingResult, feasible, pair_benefits, repair, solve
from .models import (
    Event,
    PairingMeeting,
    PairingProfile,
    PairingRun,
    PairingRunStatus,
    PairingSwapRequest,
    Registration,
    Session,
    SwapOutcome,
)
from .pairing import build_input, meeting_reasons, profiles_for_pairing, without_round
from .pairing_access import pairing_check_host, pairing_check_participant

logger = logging.getLogger(__name__)

PROFILE_AUDITED = (
    "share_themes", "share_concepts", "learn_themes", "learn_concepts", "text_language", "languages",
    "unavailable_rounds", "avoid_own_delegation",
)  # fmt: skip
MAX_ROUNDS = 12
MAX_TEXT = 2000


@dataclass
class ProfileInput:
    """What a delegate says for the pairing (checked by `pairing_profile_save`)."""

    languages: list[str]
    text_language: str = "en"
    share_themes: list[str] = field(default_factory=list)
    share_concepts: list[str] = field(default_factory=list)
    share_text: str = ""
    learn_themes: list[str] = field(default_factory=list)
    learn_concepts: list[str] = field(default_factory=list)
    learn_text: str = ""
    unavailable_rounds: list[int] = field(default_factory=list)
    avoid_own_delegation: bool = True


def _profile_validate(data: ProfileInput) -> None:
    errors: dict[str, list[str]] = {}
    concepts = default_glossary().concepts
    for side in ("share", "learn"):
        unknown = [t for t in getattr(data, f"{side}_themes") if t not in THEMES]
        if unknown:
            errors[f"{side}_themes"] = [_("Unknown theme: %(code)s") % {"code": str(unknown[0])[:40]}]
        unknown = [c for c in getattr(data, f"{side}_concepts") if c not in concepts]
        if unknown:
            errors[f"{side}_concepts"] = [_("Unknown topic: %(code)s") % {"code": str(unknown[0])[:40]}]
        if len(getattr(data, f"{side}_text")) > MAX_TEXT:
            errors[f"{side}_text"] = [_("At most %(count)s characters.") % {"count": MAX_TEXT}]
    if not data.languages:
        errors["languages"] = [_("Give at least one language you can meet in.")]
    elif unknown := [code for code in data.languages if code not in LANGUAGES]:
        errors["languages"] = [_("Unknown language: %(code)s") % {"code": str(unknown[0])[:10]}]
    if data.text_language not in LANGUAGES:
        errors["text_language"] = [_("Unknown language: %(code)s") % {"code": data.text_language[:10]}]
    if any(not isinstance(r, int) or not 1 <= r <= MAX_ROUNDS for r in data.unavailable_rounds):
        errors["unavailable_rounds"] = [_("Rounds are numbered from 1 to %(count)s.") % {"count": MAX_ROUNDS}]
    nothing = not any(getattr(data, n) for n in ("share_themes", "share_concepts", "learn_themes", "learn_concepts"))
    if nothing and not (data.share_text.strip() or data.learn_text.strip()):
        errors["__all__"] = [_("Say at least one thing you can share or want to learn.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def pairing_profile_save(*, registration: Registration, actor, data: ProfileInput) -> PairingProfile:
    """Create or change the pairing profile of an approved delegate; the free text is read through
    the matching glossary at once (`share_found`, `learn_found`: shown to the delegate)."""
    pairing_check_participant(actor, registration)
    if registration.status != RegistrationStatus.APPROVED:
        raise ValidationError(_("Only approved delegates take part in the pairing."))
    _profile_validate(data)
    profile = PairingProfile.objects.select_for_update().filter(registration=registration).first()
    creating = profile is None
    profile = profile or PairingProfile(registration=registration)
    before = {} if creating else snapshot(profile, PROFILE_AUDITED)
    for name in PROFILE_AUDITED + ("share_text", "learn_text"):
        value = getattr(data, name)
        setattr(profile, name, sorted(set(value)) if isinstance(value, list) else value)
    glossary = default_glossary()
    profile.share_found = dict(glossary.tag(data.share_text, data.text_language)) if data.share_text.strip() else {}
    profile.learn_found = dict(glossary.tag(data.learn_text, data.text_language)) if data.learn_text.strip() else {}
    profile.glossary_version = glossary.version
    profile.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    profile.full_clean()
    profile.save()
    changes = diff(before, snapshot(profile, PROFILE_AUDITED))
    for name in ("share_text", "learn_text"):  # the words stay out of the trail; the fact does not
        if creating or getattr(data, name) != before.get(name, getattr(data, name)):
            changes.setdefault(name, ["…", "…"])
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if creating else AuditAction.UPDATE,
        instance=profile,
        changes=changes,
        member_code=registration.member.code,
        public=False,
    )
    return profile


# ---------------------------------------------------------------------------------------------------
# Runs


RUN_AUDITED = ("event", "session", "rounds", "minutes", "tables", "starts_at", "status")


@transaction.atomic
def pairing_run_create(
    *, event: Event, actor, rounds: int, minutes: int, tables: int, session: Session | None = None,
    starts_at: datetime | None = None,
) -> PairingRun:  # fmt: skip
    """Set up a pairing of the event's approved delegates and queue its computation (a background
    task, once committed): `rounds` of `minutes`, `tables` meetings of two per round, starting with
    the knowledge-exchange `session` or at `starts_at`."""
    pairing_check_host(actor, event)
    errors: dict[str, list[str]] = {}
    if not 1 <= rounds <= MAX_ROUNDS:
        errors["rounds"] = [_("Give between 1 and %(count)s rounds.") % {"count": MAX_ROUNDS}]
    if not 5 <= minutes <= 180:
        errors["minutes"] = [_("A round lasts between 5 and 180 minutes.")]
    if not 1 <= tables <= 1000:
        errors["tables"] = [_("Give between 1 and 1000 tables.")]
    if session is not None and session.event_id != event.pk:
        errors["session"] = [_("This session is not on the event's agenda.")]
    if starts_at is not None and timezone.is_naive(starts_at):
        errors["starts_at"] = [_("Give the time with its time zone.")]
    if errors:
        raise ValidationError(errors)
    run = PairingRun(
        event=event, session=session, rounds=rounds, minutes=minutes, tables=tables, starts_at=starts_at,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    run.full_clean()
    run.save()
    audit_record(
        actor=actor, action=AuditAction.CREATE, instance=run, changes=diff({}, snapshot(run, RUN_AUDITED)),
        member_code=event.host.code, public=False,
    )  # fmt: skip
    from .pairing_tasks import pairing_run_task  # lazy: the task module imports these services

    enqueue_on_commit(pairing_run_task, run.pk)
    return run


def _store_meetings(run: PairingRun, result: PairingResult, people: dict, *, from_swap: bool = False) -> list:
    return [
        PairingMeeting(
            run=run, round=m.round + 1, table=m.table, a_id=int(m.a), b_id=int(m.b), benefit=m.benefit,
            reasons=meeting_reasons(m, people), from_swap=from_swap,
        )
        for m in result.meetings
    ]  # fmt: skip


def pairing_run_execute(*, run_id: int) -> PairingRun | None:
    """Compute a queued run: the engine's input from the profiles, the schedule (`core.pairing.solve`),
    then its meetings and figures stored in one transaction. Derived from the profiles, by the
    platform: audited as the platform's change of the run's status."""
    with transaction.atomic():
        run = PairingRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.status not in (PairingRunStatus.QUEUED, PairingRunStatus.RUNNING):
            return run
        run.status = PairingRunStatus.RUNNING
        run.save(update_fields=["status"])
    run = PairingRun.objects.select_related("event__host", "session").get(pk=run_id)
    started = time.perf_counter()
    profiles = list(profiles_for_pairing(run.event))
    failure, result, people = "", None, {}
    if len(profiles) < 2:
        failure = "too_few"
    else:
        try:
            participants, spec = build_input(run, profiles)
            people = {p.id: p for p in participants}
            result = solve(participants, spec)
        except PairingInputError:
            logger.exception("pairing run %s: bad input", run_id)
            failure = "input"
    seconds = time.perf_counter() - started
    with transaction.atomic():
        run = PairingRun.objects.select_for_update().select_related("event__host").get(pk=run_id)
        run.participants = [p.registration_id for p in profiles]
        run.seconds = round(seconds, 3)
        run.finished_at = timezone.now()
        if result is None:
            run.status, run.failure = PairingRunStatus.FAILED, failure
        else:
            PairingMeeting.objects.filter(run=run).delete()
            PairingMeeting.objects.bulk_create(_store_meetings(run, result, people))
            run.status = PairingRunStatus.DONE
            run.objective, run.total_benefit = result.objective, result.total_benefit
            run.greedy_objective, run.upper_bound, run.gap = result.greedy_objective, result.upper_bound, result.gap
            run.solver_status = result.status
            run.sit_outs = [[int(i) for i in ids] for ids in result.sit_outs]
        run.save()
        audit_record(
            actor=None, action=AuditAction.TRANSITION, instance=run,
            changes={"status": [PairingRunStatus.RUNNING, run.status]}, member_code=run.event.host.code, public=False,
        )  # fmt: skip
    return run


# ---------------------------------------------------------------------------------------------------
# Answers: accept, or ask for a swap


def _side(meeting: PairingMeeting, registration: Registration) -> str:
    if meeting.a_id == registration.pk:
        return "a"
    if meeting.b_id == registration.pk:
        return "b"
    raise ValidationError(_("This meeting is not yours."))


@transaction.atomic
def pairing_meeting_accept(*, meeting: PairingMeeting, registration: Registration, actor) -> PairingMeeting:
    """The delegate will be at the meeting."""
    pairing_check_participant(actor, registration)
    meeting = PairingMeeting.objects.select_for_update().select_related("run__event__host").get(pk=meeting.pk)
    side = _side(meeting, registration)
    before = getattr(meeting, f"{side}_answer")
    setattr(meeting, f"{side}_answer", PairingMeeting.Answer.ACCEPTED)
    meeting.save(update_fields=[f"{side}_answer"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, instance=meeting,
        changes={f"{side}_answer": [before, PairingMeeting.Answer.ACCEPTED]},
        member_code=registration.member.code, public=False,
    )  # fmt: skip
    return meeting


def _engine_meeting(m: PairingMeeting) -> Meeting:
    nothing = Exchange((), (), 0.0)
    return Meeting(
        round=m.round - 1, table=m.table, a=str(m.a_id), b=str(m.b_id), benefit=m.benefit, languages=(),
        interpreted=False, a_gives=nothing, b_gives=nothing,
    )  # fmt: skip


def _repair_round(run: PairingRun, meetings: list[PairingMeeting], swapped: PairingMeeting) -> tuple | None:
    """The engine's repair of the swapped meeting's round with every other meeting held: (the new
    meetings of that round, among the two people of `swapped` and those free in it; the engine's
    participants by id), or None
    when the two cannot be re-scored (a profile is gone)."""
    ids = {str(i) for i in run.participants}
    profiles = [p for p in profiles_for_pairing(run.event) if str(p.registration_id) in ids]
    participants, spec = build_input(run, profiles, embed=False)
    people = {p.id: p for p in participants}
    a, b = str(swapped.a_id), str(swapped.b_id)
    if a not in people or b not in people or not feasible(people[a], people[b], spec):
        return None
    r = swapped.round - 1
    locked, busy_elsewhere = [], set()
    others = [m for m in meetings if m.pk != swapped.pk]
    for m in others:
        x, y = str(m.a_id), str(m.b_id)
        if x in people and y in people and feasible(people[x], people[y], spec):
            locked.append(_engine_meeting(m))
        elif m.round - 1 == r:
            busy_elsewhere |= {x, y}
    participants = [without_round(p, r, spec.rounds) if p.id in busy_elsewhere else p for p in participants]
    previous = PairingResult(
        meetings=tuple(_engine_meeting(m) for m in meetings), objective=0.0, total_benefit=0.0, upper_bound=0.0,
        gap=0.0, method="stored", status="stored", solve_seconds=0.0, greedy_objective=run.greedy_objective or 0.0,
        sit_outs=(), rounds=spec.rounds,
    )  # fmt: skip
    locked = [m for m in locked if m.a in people and m.b in people]
    table = pair_benefits(participants, spec)
    result = repair(previous, spec, participants, locked_meetings=locked, removed_pairs=[(a, b)], table=table)
    kept = {frozenset((str(m.a_id), str(m.b_id))) for m in others if m.round - 1 == r}
    new = [m for m in result.in_round(r) if m.pair not in kept]
    return [m for m in new if not ({m.a, m.b} & busy_elsewhere)], {p.id: p for p in participants}


@transaction.atomic
def pairing_swap_request(*, meeting: PairingMeeting, registration: Registration, actor) -> PairingSwapRequest:
    """The delegate asks to meet someone else in this meeting's round. The engine re-pairs the round
    with every other meeting held (`core.pairing.repair`): the delegate meets the best partner free
    in that round (and their old partner too, if someone free fits them); when nobody free fits, the
    meeting stays and the request waits for the host (`outcome`)."""
    pairing_check_participant(actor, registration)
    run = PairingRun.objects.select_for_update().select_related("event__host").get(pk=meeting.run_id)
    meeting = PairingMeeting.objects.select_for_update().filter(pk=meeting.pk, run=run).first()
    if meeting is None:
        raise ValidationError(_("This meeting has changed meanwhile; reload the page."))
    side = _side(meeting, registration)
    partner_id = meeting.b_id if side == "a" else meeting.a_id
    meetings = list(PairingMeeting.objects.filter(run=run))
    repaired = _repair_round(run, meetings, meeting)
    new_partner, created = None, []
    if repaired is not None:
        new, people = repaired
        mine = [m for m in new if str(registration.pk) in (m.a, m.b)]
        if mine:
            used = {m.table for m in meetings if m.round == meeting.round and m.pk != meeting.pk}
            free = (t for t in range(1, run.tables + 1) if t not in used)
            PairingMeeting.objects.filter(pk=meeting.pk).delete()
            for m in sorted(new, key=lambda m: m.table):
                number = m.table if m.table not in used else next(free, None)
                if number is None:
                    continue
                used.add(number)
                created.append(
                    PairingMeeting(
                        run=run, round=meeting.round, table=number, a_id=int(m.a), b_id=int(m.b), benefit=m.benefit,
                        reasons=meeting_reasons(m, people), from_swap=True,
                    )
                )  # fmt: skip
            PairingMeeting.objects.bulk_create(created)
            new_partner = int(mine[0].other(str(registration.pk)))
    request = PairingSwapRequest.objects.create(
        run=run, registration=registration, round=meeting.round, old_partner_id=partner_id,
        new_partner_id=new_partner, outcome=SwapOutcome.REPAIRED if new_partner else SwapOutcome.WITH_HOST,
        requested_by=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    audit_record(
        actor=actor, action=AuditAction.CREATE, instance=request,
        changes=diff({}, snapshot(request, ("run", "round", "registration", "old_partner", "new_partner", "outcome"))),
        member_code=registration.member.code, public=False,
    )  # fmt: skip
    return request
