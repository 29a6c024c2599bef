"""What waits for a person ("What needs me"): read from each app's selectors, never from their views.

Everything here concerns the members the person acts for (`members_user_may_act_for`: editors and
managers of active members); the secretariat also sees the registrations waiting for it. Each item
says what it is about and its next action in words, with the page where to take it. The number of
queries does not depend on the number of items (tests/test_workspace.py measures it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from harambee.allocation.models import RoundStatus
from harambee.allocation.selectors import rounds_open_to, rounds_to_run
from harambee.cooperation.selectors import cooperations_reporting, milestones_due
from harambee.matching.selectors import conversations_awaiting_reply, matches_to_answer, suggestions_new_since
from harambee.postings.choices import OPEN_STATUSES
from harambee.postings.reading import prefetch_readings, reading_prefetch, title_html
from harambee.postings.selectors import postings_of_members
from harambee.registry.access import is_secretariat, members_user_may_act_for
from harambee.registry.selectors import members_pending

from .models import Visit

#: Milestones and planned ends this close (or past) are shown as due.
DUE_WITHIN = timedelta(days=30)
#: At most this many of the person's open needs and offers are looked at for new suggestions, the
#: most recently updated first (each costs a ranking in memory).
SUGGESTION_POSTINGS = 50
#: The freshness of a cooperation (`Cooperation.freshness`) at which a progress report is due.
REPORT_DUE = ("amber", "red", "inactive")


@dataclass
class WorkItem:
    """One thing that waits for the person: what (user text isolated), for which member, by when,
    and the next action in words with the page where to take it."""

    text: SafeString
    action: str
    url: str
    member: str = ""
    due: date | None = None
    overdue: bool = False
    match_id: int | None = None  # the match it is about, if any


@dataclass
class Section:
    key: str
    title: str
    items: list[WorkItem] = field(default_factory=list)


@dataclass
class Work:
    """The person's workspace: its sections in a fixed order (empty ones included)."""

    sections: list[Section]
    members: list
    since: datetime
    first_visit: bool

    @property
    def count(self) -> int:
        return sum(len(section.items) for section in self.sections)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


class _Title(SafeString):
    """A posting's title already rendered for the reader (isolated, with its lang, dir and label)."""


def _title(posting) -> _Title:
    return _Title(title_html(posting))


def _sentence(template: str, **params) -> SafeString:
    """A translated sentence with its user-typed parameters escaped and isolated (<bdi>)."""
    isolated = {
        key: value if isinstance(value, _Title) else format_html("<bdi>{}</bdi>", value)
        for key, value in params.items()
    }
    return mark_safe(conditional_escape(template) % isolated)  # noqa: S308 (escaped above)


def _day(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "DATE_FORMAT")


def _posting_url(posting) -> str:
    kind_path = "needs" if posting.kind == "need" else "offers"
    return reverse("postings:detail", kwargs={"kind_path": kind_path, "external_id": posting.external_id})


def _match_url(match, anchor: str = "") -> str:
    return reverse("matching:detail", kwargs={"pk": match.pk}) + anchor


def _proposals(member_ids, today: date) -> list[WorkItem]:
    items = []
    for match in prefetch_readings(matches_to_answer(member_ids), "need", "offer"):
        responder = match.offer.member if match.proposer_id == match.need.member_id else match.need.member
        deadline = match.offer.apply_by
        if deadline is not None and deadline >= today:
            action = _("Answer the proposal by %(date)s") % {"date": _day(deadline)}
        else:
            action, deadline = _("Answer the proposal"), None
        items.append(
            WorkItem(
                text=_sentence(
                    _("%(member)s proposes to match the need “%(need)s” with the offer “%(offer)s”."),
                    member=match.proposer.display_name,
                    need=_title(match.need),
                    offer=_title(match.offer),
                ),
                action=action,
                url=_match_url(match),
                member=responder.display_name,
                due=deadline,
                match_id=match.pk,
            )
        )
    return items


def _replies(member_ids, answering: set[int]) -> list[WorkItem]:
    """Conversations waiting for a reply, but for the proposals the person answers anyway."""
    return [
        WorkItem(
            text=_sentence(
                _("A new message about the need “%(need)s” and the offer “%(offer)s”, on %(date)s."),
                need=_title(match.need),
                offer=_title(match.offer),
                date=_day(match.last_message_at),
            ),
            action=_("Read and reply"),
            url=_match_url(match, "#conversation"),
            member=(match.need.member if match.need.member_id in member_ids else match.offer.member).display_name,
        )
        for match in prefetch_readings(conversations_awaiting_reply(member_ids), "need", "offer")
        if match.pk not in answering
    ]


def _rounds(member_ids, now: datetime) -> list[WorkItem]:
    items = []
    for round in rounds_to_run(member_ids):
        url = reverse("allocation:detail", kwargs={"pk": round.pk})
        provider = round.provider.display_name
        if round.status == RoundStatus.OPEN and round.deadline > now:
            text = _("Your round “%(title)s” takes requests until %(date)s.")
            action, due, overdue = _("Follow the requests"), round.deadline, False
        elif round.status == RoundStatus.OPEN:
            text = _("The requests of your round “%(title)s” ended on %(date)s.")
            action, due, overdue = _("Close the round and compute the allocation"), round.deadline, True
        elif round.status == RoundStatus.CLOSED:
            text = _("Your round “%(title)s” is closed: its requests ended on %(date)s.")
            action, due, overdue = _("Compute the allocation"), None, True
        else:
            text = _("The allocation of your round “%(title)s” is computed (requests ended on %(date)s).")
            action, due, overdue = _("Review and publish the results"), None, True
        items.append(
            WorkItem(
                text=_sentence(text, title=round.title, date=_day(round.deadline)),
                action=action,
                url=url,
                member=provider,
                due=timezone.localtime(due).date() if due else None,
                overdue=overdue,
            )
        )
    for round in rounds_open_to(member_ids):
        deadline = timezone.localtime(round.deadline).date()
        if round.requested:
            text, action = (
                _("You have filed requests in “%(title)s” of %(provider)s."),
                _("Review your requests by %(date)s"),
            )
        else:
            text, action = _("“%(title)s” of %(provider)s takes requests."), _("Request by %(date)s")
        items.append(
            WorkItem(
                text=_sentence(text, title=round.title, provider=round.provider.display_name),
                action=action % {"date": _day(deadline)},
                url=reverse("allocation:detail", kwargs={"pk": round.pk}),
                due=deadline,
            )
        )
    return items


def _reports(member_ids, today: date) -> list[WorkItem]:
    items = []

    def side(cooperation) -> str:
        member = cooperation.provider if cooperation.provider_id in member_ids else cooperation.beneficiary
        return member.display_name

    for milestone in milestones_due(member_ids, until=today + DUE_WITHIN):
        cooperation = milestone.cooperation
        overdue = milestone.due < today
        template = (
            _("Report the milestone as done (it was due on %(date)s)")
            if overdue
            else _("Report the milestone by %(date)s")
        )
        items.append(
            WorkItem(
                text=_sentence(
                    _("Milestone “%(milestone)s” of the cooperation “%(cooperation)s”."),
                    milestone=milestone.title,
                    cooperation=cooperation.offer_title(),
                ),
                action=template % {"date": _day(milestone.due)},
                url=reverse("cooperation:detail", kwargs={"pk": cooperation.pk}),
                due=milestone.due,
                overdue=overdue,
            )
        )
    # the cooperations come with their members (select_related): `side` costs no query
    for cooperation in cooperations_reporting(member_ids):
        url = reverse("cooperation:detail", kwargs={"pk": cooperation.pk})
        end = cooperation.planned_end
        if end is not None and end <= today + DUE_WITHIN:
            overdue = end < today
            template = (
                _("Report the results (the planned end was %(date)s)") if overdue else _("Report results by %(date)s")
            )
            items.append(
                WorkItem(
                    text=_sentence(
                        _("The cooperation “%(cooperation)s” is planned to end on %(date)s."),
                        cooperation=cooperation.offer_title(),
                        date=_day(end),
                    ),
                    action=template % {"date": _day(end)},
                    url=url,
                    member=side(cooperation),
                    due=end,
                    overdue=overdue,
                )
            )
        if cooperation.freshness(today) in REPORT_DUE:
            since = cooperation.last_progress_at or cooperation.created_at
            text = (
                _("No progress report on the cooperation “%(cooperation)s” since %(date)s.")
                if cooperation.last_progress_at
                else _("No progress report yet on the cooperation “%(cooperation)s”, agreed on %(date)s.")
            )
            items.append(
                WorkItem(
                    text=_sentence(text, cooperation=cooperation.offer_title(), date=_day(since)),
                    action=_("Report progress"),
                    url=url,
                    member=side(cooperation),
                    overdue=True,
                )
            )
    return items


def _suggestions(member_ids, since: datetime) -> list[WorkItem]:
    postings = list(
        postings_of_members(member_ids)
        .filter(status__in=OPEN_STATUSES)
        .prefetch_related(*reading_prefetch())
        .order_by("-updated_at", "-pk")[:SUGGESTION_POSTINGS]
    )
    counts = suggestions_new_since(postings=postings, since=since)
    items = []
    for posting in postings:
        count = counts.get(posting.pk)
        if not count:
            continue
        if posting.kind == "need":
            text = ngettext(
                "%(count)s new suggested offer for the need “%(title)s”.",
                "%(count)s new suggested offers for the need “%(title)s”.",
                count,
            )
        else:
            text = ngettext(
                "%(count)s new suggested need for the offer “%(title)s”.",
                "%(count)s new suggested needs for the offer “%(title)s”.",
                count,
            )
        items.append(
            WorkItem(
                text=_sentence(text, count=formats.number_format(count), title=_title(posting)),
                action=_("See the suggestions and propose a match"),
                url=_posting_url(posting) + "#suggestions",
                member=posting.member.display_name,
            )
        )
    return items


def _secretariat() -> list[WorkItem]:
    pending = members_pending().count()
    if not pending:
        return []
    text = ngettext(
        "%(count)s organisation waits for the secretariat's approval.",
        "%(count)s organisations wait for the secretariat's approval.",
        pending,
    ) % {"count": formats.number_format(pending)}
    return [
        WorkItem(
            text=conditional_escape(text), action=_("Review the registrations"), url=reverse("secretariat:dashboard")
        )
    ]


def _by_due(items: list[WorkItem]) -> list[WorkItem]:
    """Overdue first, then by due date, then the rest in their order."""
    return sorted(items, key=lambda item: (not item.overdue, item.due is None, item.due or date.max))


def work_for(*, user, visit: Visit) -> Work:
    """What waits for ``user``: proposals to answer, conversations waiting for a reply, allocation
    rounds with their deadlines, reports due, and suggestions new since ``visit.since``."""
    now = timezone.now()
    today = timezone.localdate()
    members = list(members_user_may_act_for(user).select_related("country").order_by("code"))
    ids = {member.pk for member in members}
    sections = [
        Section("proposals", _("Proposals to answer")),
        Section("replies", _("Conversations waiting for your reply")),
        Section("rounds", _("Allocation rounds")),
        Section("reports", _("Reports due")),
        Section("suggestions", _("New suggestions since your last visit")),
    ]
    if ids:
        sections[0].items = _by_due(_proposals(ids, today))
        sections[1].items = _replies(ids, {item.match_id for item in sections[0].items})
        sections[2].items = _by_due(_rounds(ids, now))
        sections[3].items = _by_due(_reports(ids, today))
        sections[4].items = _suggestions(ids, visit.since)
    if is_secretariat(user):
        sections.append(Section("secretariat", _("Secretariat"), _secretariat()))
    return Work(sections=sections, members=members, since=visit.since, first_visit=visit.previous_at is None)
