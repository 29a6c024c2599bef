"""A member's activity across the platform, for its country or organisation page: its open needs and
offers, its matches, its cooperations with their freshness and its pledges against what was delivered.

It lives here, in the app that composes the other apps for people (as the "What needs me" page does),
so that the registry, which every app depends on, depends on none of them; the member page shows it
with ``{% member_activity member %}`` (``workspace_tags``).

Each part is read through its own app's access rule and selectors (postings, matching, cooperation),
never by a copy of the rule: a visitor sees exactly what the lists of those apps would show them.
The number of queries is fixed, whatever the number of rows (tests/test_member_activity.py).

Events: the published events the member's delegates attended or, coming, are approved for, read
through the events app's own access rule (`event_list_for_user`) and selector (`events_of_member`),
with the number of its delegates; shown after the pledges.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from harambee.cooperation.access import cooperation_list_for_user, pledge_list_for_user
from harambee.cooperation.selectors import cooperations_of_members, delivered, pledges_with_delivery
from harambee.events.access import event_list_for_user
from harambee.events.selectors import events_of_member
from harambee.matching.access import match_list_for_user
from harambee.postings.access import posting_list_for_user
from harambee.postings.choices import OPEN_STATUSES, PostingKind
from harambee.postings.reading import prefetch_readings, reading_prefetch
from harambee.registry.models import Member

#: Rows shown per section; the section says how many there are and links to the full list.
SHOWN = 10


@dataclass
class Section:
    rows: list = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return max(self.total - len(self.rows), 0)


@dataclass
class MemberActivity:
    needs: Section
    offers: Section
    matches: Section
    cooperations: Section  # rows: {"cooperation", "freshness", "last_report"}
    pledges: Section  # rows: {"pledge", "delivered"}
    events: Section  # rows: events with ``attended``, ``registered`` and ``coming``


def _section(qs, limit: int = SHOWN, relations: tuple[str, ...] = ()) -> Section:
    """The first ``limit`` rows and how many there are in all, in one query (a window count); and one
    for the translations of the postings they hold as ``relations`` (titles in the reader's language)."""
    rows = list(qs.annotate(in_all=Window(Count("pk")))[:limit])
    if relations:
        prefetch_readings(rows, *relations)
    return Section(rows=rows, total=rows[0].in_all if rows else 0)


def member_activity(*, user, member: Member, today: date | None = None) -> MemberActivity:
    """What `user` may see of `member`'s activity (see the module's docstring)."""
    today = today or timezone.localdate()
    needs, offers = _open_postings(user=user, member=member)
    matches = match_list_for_user(user=user).filter(Q(need__member=member) | Q(offer__member=member))
    cooperations = section_of_cooperations(user=user, member=member, today=today)
    pledges = pledges_with_delivery(pledge_list_for_user(user=user).filter(member=member)).order_by(
        "-period_end", "-pk"
    )
    pledge_section = _section(pledges)
    pledge_section.rows = [{"pledge": p, "delivered": delivered(p)} for p in pledge_section.rows]
    events = _section(
        events_of_member(event_list_for_user(user=user), member, today=today)
        .prefetch_related("translations")
        .order_by("-start_date", "-pk")
    )
    for event in events.rows:
        event.coming = event.end_date >= today
    return MemberActivity(
        needs=needs,
        offers=offers,
        matches=_section(matches.order_by("-created_at", "-pk"), relations=("need", "offer")),
        cooperations=cooperations,
        pledges=pledge_section,
        events=events,
    )


def _open_postings(*, user, member: Member, limit: int = SHOWN) -> tuple[Section, Section]:
    """The member's open needs and open offers `user` may see, newest first: the first ``limit`` of
    each kind and how many there are, in one query (window functions per kind) and one for their
    translations."""
    by_kind = {"partition_by": [F("kind")], "order_by": [F("published_at").desc(nulls_last=True), F("pk").desc()]}
    rows = (
        posting_list_for_user(user=user)
        .filter(member=member, status__in=OPEN_STATUSES)
        .annotate(rank=Window(RowNumber(), **by_kind), in_all=Window(Count("pk"), partition_by=[F("kind")]))
        .filter(rank__lte=limit)
        .select_related("member__country")
        .prefetch_related(*reading_prefetch())
        .order_by("kind", "rank")
    )
    sections = {PostingKind.NEED: Section(), PostingKind.OFFER: Section()}
    for posting in rows:
        sections[posting.kind].rows.append(posting)
        sections[posting.kind].total = posting.in_all
    return sections[PostingKind.NEED], sections[PostingKind.OFFER]


def section_of_cooperations(*, user, member: Member, today: date) -> Section:
    """The member's cooperations `user` may see, newest first, each with its freshness and the date
    of its last progress update (None: no update yet)."""
    qs = cooperations_of_members(cooperation_list_for_user(user=user), [member.pk]).order_by("-created_at", "-pk")
    section = _section(qs)
    section.rows = [
        {
            "cooperation": c,
            "freshness": c.freshness(today),
            "last_report": timezone.localdate(c.last_progress_at) if c.last_progress_at else None,
        }
        for c in section.rows
    ]
    return section
