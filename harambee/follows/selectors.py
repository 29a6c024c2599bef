"""Reads of follows: whether a person follows something, how a follow is named, and what is new or
changed in what it follows since its last digest."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from harambee.postings.access import posting_list_for_user
from harambee.postings.choices import (
    FORMATS,
    KIND_PATHS,
    LANGUAGES,
    MODALITIES,
    PUBLIC_STATUSES,
    SECTORS,
    TARGET_GROUPS,
    THEMES,
    PostingStatus,
)
from harambee.postings.models import Posting
from harambee.postings.reading import reading_prefetch, reading_prefetch_of, rendering_for
from harambee.postings.selectors import posting_filters_from_query, posting_search
from harambee.registry.names import territory_name

from .access import follow_list_for_user
from .models import PERIODS, Follow, FollowKind, Frequency

#: A follow is due when its period has passed, less this much, so that a daily job that runs a few
#: minutes earlier than the day before still sends the next day's digest.
DUE_SLACK = timedelta(hours=2)
#: Postings named per follow in a digest; the rest are counted.
ITEMS_PER_FOLLOW = 10

_FACET_LABELS = {"modality": MODALITIES, "theme": THEMES, "sector": SECTORS, "target_group": TARGET_GROUPS,
                 "language": LANGUAGES, "format": FORMATS}  # fmt: skip


def follow_of(*, user, kind: str, member=None, posting=None, search_kind: str = "", search_query: str = ""):
    """The follow of `user` on this target, or None (always None for a visitor who is not signed in)."""
    follows = follow_list_for_user(user=user).filter(kind=kind)
    if kind == FollowKind.MEMBER:
        return follows.filter(member=member).first()
    if kind == FollowKind.POSTING:
        return follows.filter(posting=posting).first()
    return follows.filter(search_kind=search_kind, search_query=search_query).first()


def follows_of_person(*, user) -> QuerySet[Follow]:
    """A person's follows for the My follows page: searches, then members, then needs and offers."""
    # the titles of followed postings in the reader's language (follow_label): one query for all
    return (
        follow_list_for_user(user=user)
        .prefetch_related(*reading_prefetch_of("posting"))
        .order_by("kind", "-created_at", "-id")
    )


def search_filters(follow: Follow):
    """The list filters of a saved search."""
    return posting_filters_from_query(QueryDict(follow.search_query), kind=follow.search_kind, signed_in=True)


def search_description(follow: Follow) -> str:
    """A saved search in words, in the active language: "Needs · “data” · Theme: Skills, Data"."""
    filters = search_filters(follow)
    parts = [_("Needs") if follow.search_kind == "need" else _("Offers")]
    if filters.q:
        parts.append(_("“%(words)s”") % {"words": filters.q})
    if filters.member:
        parts.append(_("Member: %(code)s") % {"code": filters.member})
    titles = {
        "modality": _("Modality"), "theme": _("Theme"), "sector": _("Sector"), "target_group": _("Target group"),
        "region": _("Region"), "group": _("Country group"), "language": _("Language"), "format": _("Format"),
    }  # fmt: skip
    labelled = _("%(filter)s: %(values)s")
    for facet, codes in filters.facets.items():
        if facet == "region":
            names = [territory_name(code, get_language()) or code for code in codes]
        else:
            names = [str(_FACET_LABELS.get(facet, {}).get(code, code)) for code in codes]
        parts.append(labelled % {"filter": titles.get(facet, facet), "values": ", ".join(names)})
    if filters.status:
        statuses = ", ".join(str(PostingStatus(s).label) for s in filters.status)
        parts.append(labelled % {"filter": _("Status"), "values": statuses})
    return " · ".join(parts)


def follow_label(follow: Follow) -> str:
    """What a follow follows, in the active language."""
    if follow.kind == FollowKind.SEARCH:
        return search_description(follow)
    if follow.kind == FollowKind.MEMBER:
        return follow.member.display_name
    return rendering_for(follow.posting).plain_title


def follow_url(follow: Follow) -> str:
    """The page of what the follow follows, in the active language (a saved search: the list with its query)."""
    if follow.kind == FollowKind.MEMBER:
        return reverse("registry:member_detail", kwargs={"code": follow.member.code})
    if follow.kind == FollowKind.POSTING:
        posting = follow.posting
        return reverse(
            "postings:detail", kwargs={"kind_path": KIND_PATHS[posting.kind], "external_id": posting.external_id}
        )
    path = reverse("postings:list", kwargs={"kind_path": KIND_PATHS[follow.search_kind]})
    return f"{path}?{follow.search_query}" if follow.search_query else path


@dataclass
class FollowNews:
    """What is new and what changed in one follow's window (the postings named, at most
    ``ITEMS_PER_FOLLOW`` of each, newest first, and how many there are in all)."""

    follow: Follow
    new: list[Posting] = field(default_factory=list)
    changed: list[Posting] = field(default_factory=list)
    new_count: int = 0
    changed_count: int = 0

    @property
    def total(self) -> int:
        return self.new_count + self.changed_count


def _changed_in(since: datetime, until: datetime) -> Q:
    return Q(content_updated_at__gt=since, content_updated_at__lte=until) | Q(
        status_changed_at__gt=since, status_changed_at__lte=until
    )


def _published_in(since: datetime, until: datetime) -> Q:
    return Q(published_at__gt=since, published_at__lte=until)


def follow_news(follow: Follow, *, until: datetime) -> FollowNews:
    """What the follow's person may see that is new or changed in ``(follow.since(), until]``:

    - a saved search: the postings it finds (with the person's visibility, as the list would show
      them) published in the window (new) or edited or moved on in it (changed);
    - a member: its public needs and offers published (new) or edited or moved on (changed);
    - a need or offer: itself when it was edited or moved on.
    """
    person, since = follow.person, follow.since()
    news = FollowNews(follow=follow)
    if follow.kind == FollowKind.SEARCH:
        found = posting_search(user=person, filters=search_filters(follow))
    elif follow.kind == FollowKind.MEMBER:
        found = posting_list_for_user(user=person).filter(member_id=follow.member_id, status__in=PUBLIC_STATUSES)
    else:
        found = posting_list_for_user(user=person).filter(pk=follow.posting_id)
    found = found.select_related("member__country").prefetch_related(None).prefetch_related(*reading_prefetch())
    found = found.order_by("-published_at", "-pk")
    if follow.kind != FollowKind.POSTING:
        new = found.filter(_published_in(since, until))
        news.new = list(new[:ITEMS_PER_FOLLOW])
        news.new_count = len(news.new) if len(news.new) < ITEMS_PER_FOLLOW else new.count()
        changed = found.filter(_changed_in(since, until)).exclude(_published_in(since, until))
    else:
        changed = found.filter(_changed_in(since, until))
    news.changed = list(changed[:ITEMS_PER_FOLLOW])
    news.changed_count = len(news.changed) if len(news.changed) < ITEMS_PER_FOLLOW else changed.count()
    return news


def follow_is_due(follow: Follow, now: datetime) -> bool:
    """Whether the follow's period (a day, or a week for a weekly digest) has passed since its last digest."""
    return now - follow.since() >= PERIODS[Frequency(follow.frequency)] - DUE_SLACK
