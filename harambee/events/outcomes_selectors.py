"""Reads of an event's outcomes: the report's figures (delegations by region and by country group,
participants by sex, sessions held, pairings, action items), the survey's aggregated results and the
session notes. Counts only: no delegate is named here."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from harambee.cooperation.access import CooperationAction, PledgeAction, cooperation_can, pledge_can
from harambee.postings.access import PostingAction, posting_can
from harambee.postings.choices import KIND_PATHS
from harambee.registry.models import CountryGroup, MemberKind, Region

from .choices import ActionStatus, RegistrationStatus, SessionKind, Sex
from .models import (
    ActionItem,
    Event,
    PairingMeeting,
    PairingRun,
    PairingRunStatus,
    Registration,
    Session,
    SessionNote,
    SurveyResponse,
)
from .survey import RATINGS, survey

#: The country groups the report counts delegations in (registry data: LDC, LLDC, SIDS).
REPORT_GROUPS = ("LDC", "LLDC", "SIDS")


@dataclass
class Row:
    label: str
    count: int
    code: str = ""


@dataclass
class ReportFigures:
    delegations: int
    participants: int
    by_region: list[Row]
    by_group: list[Row]
    by_sex: list[Row]
    sessions_held: list[Session]
    sessions_total: int
    pairings: object  # None until pairing exists (`report_pairings_hook`)
    actions: list[ActionItem]
    actions_by_status: list[Row]


def report_pairings_hook(event: Event):
    """The knowledge-exchange pairings held at `event` (finished runs), for its report: how many runs,
    rounds, meetings and delegates met, and how many meetings both sides accepted; None when no run
    finished (the report then shows nothing about pairings)."""
    runs = list(PairingRun.objects.filter(event=event, status=PairingRunStatus.DONE).values_list("pk", "rounds"))
    if not runs:
        return None
    meetings = list(
        PairingMeeting.objects.filter(run_id__in=[pk for pk, _ in runs]).values_list(
            "a_id", "b_id", "a_answer", "b_answer"
        )
    )
    accepted = PairingMeeting.Answer.ACCEPTED
    return {
        "runs": len(runs),
        "rounds": sum(rounds for _, rounds in runs),
        "meetings": len(meetings),
        "delegates": len({person for a, b, *_ in meetings for person in (a, b)}),
        "accepted": sum(1 for *_, x, y in meetings if x == accepted and y == accepted),
    }


def _delegation_rows(event: Event) -> tuple[int, int, list[Row], list[Row], list[Row]]:
    approved = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.APPROVED).values_list(
            "member_id", "member__kind", "member__country_id", "member__country__region_id", "sex"
        )
    )
    members: dict[int, tuple[str, str | None, str | None]] = {}
    for member_id, kind, country, region, _sex in approved:
        members[member_id] = (kind, country, region)
    regions = Counter(region or "" for _kind, _country, region in members.values())
    names = {r.code: r for r in Region.objects.filter(code__in=[code for code in regions if code])}
    by_region = sorted(
        (
            Row(label=names[code].name if code in names else code, count=n, code=code)
            for code, n in regions.items()
            if code
        ),
        key=lambda row: row.label.casefold(),
    )
    if regions.get(""):
        by_region.append(Row(label=_("International and regional organisations"), count=regions[""]))
    state_countries = [country for kind, country, _region in members.values() if kind == MemberKind.STATE and country]
    in_group = Counter(
        CountryGroup.countries.through.objects.filter(
            countrygroup_id__in=REPORT_GROUPS, country_id__in=state_countries
        ).values_list("countrygroup_id", flat=True)
    )
    groups = {g.code: g for g in (CountryGroup(code=code) for code in REPORT_GROUPS)}
    by_group = [Row(label=groups[code].name, count=in_group.get(code, 0), code=code) for code in REPORT_GROUPS]
    sexes = Counter(sex for *_rest, sex in approved)
    by_sex = [Row(label=str(label), count=sexes.get(value, 0), code=value) for value, label in Sex.choices]
    return len(members), len(approved), by_region, by_group, by_sex


def _result_link(item: ActionItem, user) -> None:
    """`item.result_url` and `item.result_title`, when the reader may see what it became."""
    item.result_url = item.result_title = ""
    if item.posting_id and posting_can(user, item.posting, PostingAction.VIEW):
        item.result_title = item.posting.title
        item.result_url = reverse(
            "postings:detail",
            kwargs={"kind_path": KIND_PATHS[item.posting.kind], "external_id": item.posting.external_id},
        )
    elif item.cooperation_id and cooperation_can(user, item.cooperation, CooperationAction.VIEW):
        item.result_title = item.cooperation.title
        item.result_url = reverse("cooperation:detail", kwargs={"pk": item.cooperation_id})
    elif item.pledge_id and pledge_can(user, item.pledge.member, PledgeAction.VIEW, item.pledge):
        item.result_title = item.pledge.title
        item.result_url = reverse("cooperation:pledges")


def action_items_of(event: Event, *, user) -> list[ActionItem]:
    """The event's action items, each with the link to what it became when `user` may see it."""
    items = list(
        ActionItem.objects.filter(event=event)
        .select_related(
            "owner__country", "session", "posting__member", "cooperation__provider", "cooperation__beneficiary",
            "pledge__member",
        )
        .order_by("due_date", "pk")
    )  # fmt: skip
    for item in items:
        item.event = event
        _result_link(item, user)
    return items


def event_report(event: Event, *, user, now=None) -> ReportFigures:
    """The report's figures for `event` (what everyone who may see the event may read)."""
    now = now or timezone.now()
    delegations, participants, by_region, by_group, by_sex = _delegation_rows(event)
    sessions = list(
        Session.objects.filter(event=event)
        .annotate(
            attended=Count("attendances"),
            has_note=Exists(SessionNote.objects.filter(session=OuterRef("pk"))),
        )
        .prefetch_related("translations")
        .order_by("starts_at", "pk")
    )
    for session in sessions:
        session.event = event
        session.shown_title = session.translation_for()[0]
    held = [s for s in sessions if s.ends_at <= now and s.kind != SessionKind.BREAK]
    actions = action_items_of(event, user=user)
    statuses = Counter(item.status for item in actions)
    return ReportFigures(
        delegations=delegations,
        participants=participants,
        by_region=by_region,
        by_group=by_group,
        by_sex=by_sex,
        sessions_held=held,
        sessions_total=sum(1 for s in sessions if s.kind != SessionKind.BREAK),
        pairings=report_pairings_hook(event),
        actions=actions,
        actions_by_status=[
            Row(label=str(label), count=statuses.get(v, 0), code=v) for v, label in ActionStatus.choices
        ],
    )


def session_notes_of(event: Event) -> list[SessionNote]:
    """The notes on the event's sessions, in the agenda's order, with their translations."""
    notes = list(
        SessionNote.objects.filter(session__event=event)
        .select_related("session")
        .prefetch_related("translations", Prefetch("session__translations"))
        .order_by("session__starts_at", "session__pk")
    )
    for note in notes:
        note.session.event = event
        note.shown_text, note.shown_language = note.text_for()
        note.session.shown_title = note.session.translation_for()[0]
    return notes


@dataclass
class RatingResult:
    question: object
    counts: list[tuple[int, int]]  # (rating, how many)
    answered: int
    mean: Decimal | None


@dataclass
class Comment:
    text: str
    language: str
    signed_name: str


@dataclass
class TextResult:
    question: object
    comments: list[Comment] = field(default_factory=list)


@dataclass
class SurveySummary:
    responses: int
    ratings: list[RatingResult]
    texts: list[TextResult]


def survey_summary(event: Event) -> SurveySummary:
    """The survey's results: per rating question the count of each answer 1–5 and the mean (one
    decimal, half up), per text question the comments (signed only when the delegate signed)."""
    responses = list(SurveyResponse.objects.filter(event=event).order_by("submitted_on", "signed_name", "pk"))
    ratings, texts = [], []
    for question in survey().questions:
        if question.kind == "rating":
            values = [r.answers[question.id] for r in responses if isinstance(r.answers.get(question.id), int)]
            counted = Counter(values)
            mean = None
            if values:
                mean = (Decimal(sum(values)) / Decimal(len(values))).quantize(Decimal("0.1"), ROUND_HALF_UP)
            ratings.append(
                RatingResult(
                    question=question, counts=[(n, counted.get(n, 0)) for n in RATINGS], answered=len(values), mean=mean
                )
            )
        else:
            comments = [
                Comment(text=r.answers[question.id], language=r.language, signed_name=r.signed_name)
                for r in responses
                if r.answers.get(question.id)
            ]
            texts.append(TextResult(question=question, comments=comments))
    return SurveySummary(responses=len(responses), ratings=ratings, texts=texts)


def survey_answered_count(event: Event) -> int:
    return SurveyResponse.objects.filter(event=event).count()


def action_item_get(event: Event, action_id: int) -> ActionItem | None:
    """One action item of `event` (with its owner and what it became), or None."""
    item = (
        ActionItem.objects.filter(event=event, pk=action_id)
        .select_related("owner__country", "session", "posting__member", "cooperation", "pledge__member")
        .first()
    )
    if item is not None:
        item.event = event
    return item


def session_note_get(session: Session) -> SessionNote | None:
    return SessionNote.objects.filter(session=session).prefetch_related("translations").first()


def event_sessions_brief(event: Event) -> list[Session]:
    """The event's sessions in order (for choosing one), titles as typed."""
    return list(Session.objects.filter(event=event).order_by("starts_at", "pk"))


def action_item_for_result(obj) -> ActionItem | None:
    """The action item that became `obj` (a posting, a cooperation or a pledge), with its event."""
    field = {"posting": "posting", "cooperation": "cooperation", "pledge": "pledge"}.get(obj._meta.model_name)
    if field is None:
        return None
    return (
        ActionItem.objects.filter(**{field: obj})
        .select_related("event__host")
        .prefetch_related("event__translations")
        .first()
    )
