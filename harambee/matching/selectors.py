"""Reads of the matching app: suggested counterparts of a posting, from the shared matching index.

The index (``index.py``) is built once per change by a background task and memory-mapped by every
process; a request costs one ``stat`` to see whether a newer generation was published, the ranking,
and one query for the postings shown. Where tasks run in the process that enqueues them (tests,
management commands), a missing or out-of-date index is built at once instead.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import F, OuterRef, Q, QuerySet, Subquery, prefetch_related_objects
from django.utils import timezone

from harambee.audit.selectors import audit_generation
from harambee.background.queue import tasks_run_at_once
from harambee.core.pagecache import CACHE_ALIAS
from harambee.postings.choices import OPEN_STATUSES
from harambee.postings.models import Posting
from harambee.postings.reading import reading_prefetch
from harambee.postings.selectors import machine_translations_generation, postings_generation
from harambee.postings.text import markdown_to_plain
from harambee.registry.access import people_names
from harambee.registry.models import MemberStatus
from harambee.registry.selectors import member_focal_points

from .access import CONVERSATION_OPEN, match_counterparts_shown, offer_closed_reason
from .core.documents import Geography, doc_from_fields
from .core.duplicates import near_duplicate_groups
from .core.engine import Candidate, CandidateIndex, EngineConfig, MatchDoc
from .core.glossary import default_glossary
from .core.store import OpenedIndex
from .documents import geographies
from .embedding import embedder_setting
from .index import build_matching_index, current_index, index_is_current, posting_doc
from .models import Match, MatchStatus, Message, PostingFeatures

SUGGESTIONS = 10


def matching_index() -> OpenedIndex | None:
    """The current matching index; None while the first one is being built (in a server)."""
    opened = current_index()
    if tasks_run_at_once() and not index_is_current(opened):
        build_matching_index()
        opened = current_index()
    return opened


@dataclass
class Suggestions:
    """Suggested counterparts of a posting: ranked candidates with their postings."""

    candidates: list[tuple[Candidate, Posting]]
    semantic: bool  # whether semantic similarity took part
    semantic_configured: bool  # whether an embedder is configured at all
    query: MatchDoc | None = None
    pending: bool = False  # no index yet: the first one is being built
    # near-duplicates of a suggested posting (same member, nearly the same text), by its pk
    similar: dict[int, list[Posting]] = field(default_factory=dict)
    closed: str = ""  # the posting is an offer that takes no more proposals: why (then no candidates)


def features_of(posting: Posting) -> PostingFeatures | None:
    """The posting's stored concepts and vector: read once per posting object (kept with it)."""
    cache = posting._state.fields_cache
    if "features" not in cache:
        cache["features"] = PostingFeatures.objects.filter(posting_id=posting.pk).first()
    return cache["features"]


def suggestions_for(*, posting: Posting, limit: int = SUGGESTIONS, config: EngineConfig | None = None) -> Suggestions:
    """The best counterparts of ``posting`` among open public postings of the other kind, of other members.

    Only counterparts that pass the hard filters are suggested. The postings shown are read from the
    database: one that closed since the index was built is left out. The ranked counterparts do not
    depend on the reader or the language: each process keeps them (``_ranked_cache``) until the
    posting, any posting, any audited write, the index or the day changes.
    """
    opened = matching_index()
    if opened is None:
        configured = embedder_setting() != "none"
        return Suggestions(candidates=[], semantic=False, semantic_configured=configured, pending=True)
    # from the index, so that a web process never loads the model to say whether it is configured
    configured = opened.source.get("embedder") is not None
    closed = offer_closed_reason(posting)  # translated: never kept across readers
    if closed is not None:
        query = _query_of(posting)
        semantic = bool(opened.source.get("semantic")) and query.vector is not None
        return Suggestions(candidates=[], semantic=semantic, semantic_configured=configured, query=query, closed=closed)
    if config is not None:  # an experiment's weights: never kept
        return _ranked_suggestions(opened, posting, limit=limit, config=config, configured=configured)
    key = (
        posting.pk, posting.updated_at, opened.generation, postings_generation(), audit_generation(),
        machine_translations_generation(), timezone.localdate(), limit,
    )  # fmt: skip
    found = _ranked_cache.get(key)
    if found is None:
        shared = _shared_key(key)
        found = _shared_ranked(shared)
        if found is None:
            found = _ranked_suggestions(opened, posting, limit=limit, config=None, configured=configured)
            _share_ranked(shared, found)
        _ranked_cache.put(key, found)
    return found


# The ranked suggestions are also shared by the processes of one server through the page cache
# (``CACHES["pages"]``, a folder under the data folder): one process ranks a need, the others read it.
def _shared_key(key: tuple) -> str | None:
    if not settings.HARAMBEE_PAGE_CACHE_SECONDS:
        return None
    described = repr((connection.settings_dict.get("NAME"), *key))
    return "ranked:" + hashlib.sha256(described.encode()).hexdigest()


def _shared_ranked(shared: str | None) -> Suggestions | None:
    if shared is None:
        return None
    try:
        found = caches[CACHE_ALIAS].get(shared)
    except Exception:  # an unreadable entry (a file cut short, an older layout) is ranked again
        return None
    return found if isinstance(found, Suggestions) else None


def _share_ranked(shared: str | None, found: Suggestions) -> None:
    if shared is not None:
        caches[CACHE_ALIAS].set(shared, found, timeout=settings.HARAMBEE_PAGE_CACHE_SECONDS)


class _LastUsed:
    """A small thread-safe least-recently-used map, kept by each process."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


# Ranked suggestions of the postings last shown by this process. A need page is built in six
# languages and for each reader, but its suggestions are the same for all: the key holds everything
# they depend on (the posting as last written, the index's generation, the latest write to any
# posting and the latest audited write, for what closed or changed since, the latest stored machine
# translation, and today's date, for apply-by dates). Each kept posting holds its translations, so
# that every reader gets it in their language (`postings.reading`). The values are read-only to
# their users.
_ranked_cache = _LastUsed(512)


def forget_ranked_suggestions() -> None:
    """Empty this process's kept suggestions (tests start from nothing)."""
    _ranked_cache.clear()


def _query_of(posting: Posting) -> MatchDoc:
    return posting_doc(posting, geographies([posting.member.code]), features_of(posting), default_glossary())


def _ranked_suggestions(opened, posting: Posting, *, limit: int, config, configured: bool) -> Suggestions:
    query, semantic, ranked = _rank(opened, posting, _query_of(posting), limit=limit, config=config)
    # each in the reader's language (postings.reading), with its concepts for a reader without a translation
    shown = (
        _still_suggested([int(c.id) for c in ranked])
        .select_related("member__country", "features")
        .defer("features__vector")
        .prefetch_related(*reading_prefetch())
        .in_bulk()
    )
    kept, groups = _fold(ranked, shown, limit=limit)
    return Suggestions(
        candidates=[kept[group[0]] for group in groups],
        semantic=semantic,
        semantic_configured=configured,
        query=query,
        similar={kept[group[0]][1].pk: [kept[i][1] for i in group[1:]] for group in groups if len(group) > 1},
    )


def _rank(opened: OpenedIndex, posting: Posting, query: MatchDoc, *, limit: int, config: EngineConfig | None = None):
    """The ranked counterparts of ``posting``, with the query as ranked and whether semantic similarity
    took part: three times ``limit``, as some are closed since the index was built, past their apply-by
    date, fully committed, or near-duplicates folded into a better-ranked copy (``_fold``)."""
    index = opened.indexes["offer" if posting.kind == "need" else "need"]
    semantic = bool(opened.source.get("semantic")) and query.vector is not None
    if not semantic:
        query = replace(query, vector=None)
    ranked = index.rank(
        query, config=config, top_k=limit * 3, exclude=[str(posting.pk)], exclude_member=posting.member.code.lower()
    )
    return query, semantic, ranked


def _fold(ranked: list[Candidate], shown: dict[int, Posting], *, limit: int):
    """What a suggestion list shows of ``ranked``: the candidates still open (``shown``) whose offer
    still takes proposals (``access.offer_closed_reason``), near-duplicates of one member folded into
    the best-ranked copy; ([(candidate, posting)], the first ``limit`` groups of indexes into it)."""
    kept = [
        (c, shown[int(c.id)]) for c in ranked if int(c.id) in shown and offer_closed_reason(shown[int(c.id)]) is None
    ]
    groups = near_duplicate_groups(
        [(str(p.member_id), f"{p.title}\n{markdown_to_plain(p.description)}") for _, p in kept]
    )
    return kept, groups[:limit]


def _still_suggested(ids):
    """Those of the postings ``ids`` that a suggestion may show: open postings of active members."""
    return Posting.objects.filter(pk__in=ids, status__in=OPEN_STATUSES, member__status=MemberStatus.ACTIVE)


def suggestions_new_since(*, postings, since, limit: int = SUGGESTIONS) -> dict[int, int]:
    """{posting id: how many of the counterparts its page suggests (`suggestions_for`, the ``limit``
    best) were published after ``since``}, for each of ``postings`` (with their members) that has any.

    Six queries however many postings: their eligible members, their features, their members'
    geography (three), and the suggested postings; the ranking itself is in
    memory. Empty while the first index is being built.
    """
    postings = list(postings)
    opened = matching_index()
    if opened is None or not postings:
        return {}
    glossary = default_glossary()
    prefetch_related_objects(postings, "eligible_members")
    features = {f.posting_id: f for f in PostingFeatures.objects.filter(posting_id__in=[p.pk for p in postings])}
    places = geographies({p.member.code for p in postings})
    ranked = {}
    for posting in postings:
        if offer_closed_reason(posting) is not None:
            continue
        query = posting_doc(posting, places, features.get(posting.pk), glossary)
        ranked[posting.pk] = _rank(opened, posting, query, limit=limit)[2]
    still = _still_suggested({int(c.id) for candidates in ranked.values() for c in candidates}).in_bulk()
    counts = {}
    for pk, candidates in ranked.items():
        kept, groups = _fold(candidates, still, limit=limit)
        new = sum(1 for group in groups if (when := kept[group[0]][1].published_at) is not None and when > since)
        if new:
            counts[pk] = new
    return counts


def scores_for(*, member, offers, need: Posting | None = None, text: str = "", language: str = "en") -> dict:
    """The engine's view of each of ``offers`` for a member: {offer pk: Candidate} (eligible or not).

    The requester is the member's ``need`` when given (its stored concepts and vector), else the
    ``text`` it wrote; scores are those the suggestions would show, centred the same way.
    """
    glossary = default_glossary()
    opened = matching_index()
    places = geographies([member.code, *(o.member.code for o in offers)])
    if need is not None:
        query = posting_doc(need, places, PostingFeatures.objects.filter(posting_id=need.pk).first(), glossary)
    else:
        query = doc_from_fields(
            id="request", kind="need", language=language, member=member.code, title="", description=text,
            geography=places.get(member.code) or Geography(), glossary=glossary,
        )  # fmt: skip
    features = {f.posting_id: f for f in PostingFeatures.objects.filter(posting_id__in=[o.pk for o in offers])}
    docs = [posting_doc(o, places, features.get(o.pk), glossary) for o in offers]
    semantic = opened is not None and bool(opened.source.get("semantic"))
    if not semantic or query.vector is None:
        query = replace(query, vector=None)
        docs = [replace(d, vector=None) for d in docs]
    index = CandidateIndex(docs, centroids=opened.indexes["offer"].centroids if semantic else None)
    return {int(c.id): c for c in index.rank(query, top_k=None, include_ineligible=True)}


# ---------------------------------------------------------------------------------------------------
# The conversation of a match


@dataclass
class ThreadMessage:
    """A message as a reader sees it: its author named by consent (`people_names`) and its side."""

    message: Message
    author: str
    member: str  # the side's name in the reader's language; "" when the secretariat wrote


def match_messages(match: Match):
    """The messages of a match's conversation, oldest first, with their authors and sides."""
    return Message.objects.filter(match=match).select_related("author", "member__country").order_by("created_at", "pk")


def match_thread(*, match: Match, viewer, messages=None) -> list[ThreadMessage]:
    """The conversation (or the given ``messages`` of it) as ``viewer`` sees it; two queries."""
    messages = list(match_messages(match) if messages is None else messages)
    names = people_names([(m.author, m.member.code if m.member else "") for m in messages], viewer=viewer)
    return [
        ThreadMessage(message=m, author=name, member=m.member.display_name if m.member else "")
        for m, name in zip(messages, names, strict=True)
    ]


@dataclass
class Contact:
    """A focal point of the counterpart: named by consent, with the e-mail address to write to."""

    member: str
    name: str
    email: str
    position: str


def match_contacts(*, match: Match, viewer) -> list[Contact]:
    """The contact details of the counterpart's focal points that ``viewer`` sees on the match's
    page: none until the match is accepted (`match_counterparts_shown`); two queries."""
    sides = match_counterparts_shown(viewer, match)
    if not sides:
        return []
    focal = member_focal_points(sides)
    names = people_names([(f.user, f.member.code) for f in focal], viewer=viewer)
    return [
        Contact(member=f.member.display_name, name=name, email=f.user.email, position=f.position)
        for f, name in zip(focal, names, strict=True)
    ]


# ---------------------------------------------------------------------------------------------------
# What waits for a member's people


def matches_to_answer(member_ids, *, limit: int = 20) -> QuerySet[Match]:
    """Open proposals that these members are to answer (they did not propose them), oldest first."""
    member_ids = list(member_ids)
    answering = (Q(need__member_id__in=member_ids) & ~Q(proposer_id=F("need__member_id"))) | (
        Q(offer__member_id__in=member_ids) & ~Q(proposer_id=F("offer__member_id"))
    )
    return (
        Match.objects.filter(answering, status=MatchStatus.PROPOSED)
        .select_related("need__member__country", "offer__member__country", "proposer__country")
        .order_by("created_at", "pk")[:limit]
    )


def conversations_awaiting_reply(member_ids, *, limit: int = 20) -> QuerySet[Match]:
    """The open or accepted matches of these members whose latest message was written by someone
    else than them (the other side, or the secretariat), latest first; ``last_message_at`` annotated."""
    member_ids = list(member_ids)
    latest = Message.objects.filter(match=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        Match.objects.filter(Q(need__member_id__in=member_ids) | Q(offer__member_id__in=member_ids))
        .filter(status__in=CONVERSATION_OPEN)
        .annotate(
            last_message_at=Subquery(latest.values("created_at")[:1]),
            last_message_member=Subquery(latest.values("member_id")[:1]),
        )
        .filter(last_message_at__isnull=False)
        # by the secretariat (no member), or by a member other than these
        .filter(Q(last_message_member__isnull=True) | ~Q(last_message_member__in=member_ids))
        .select_related("need__member__country", "offer__member__country")
        .order_by("-last_message_at", "-pk")[:limit]
    )
