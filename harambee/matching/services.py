"""Writes of the matching app: posting features (concepts, vectors) and the match workflow."""

from __future__ import annotations

import itertools
import logging
import time
from datetime import date

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record, diff, snapshot
from harambee.cooperation.services import cooperation_check_pair_free, cooperation_create_from_match
from harambee.core.db import create_unique
from harambee.core.exceptions import Conflict, PermissionDenied
from harambee.core.formats import format_day, format_number
from harambee.core.progress import Progress, no_progress
from harambee.core.text import shorten
from harambee.notifications.models import in_every_language, register_message
from harambee.notifications.services import notify
from harambee.postings.choices import OPEN_STATUSES, PostingStatus
from harambee.postings.models import Posting
from harambee.postings.reading import title_in_every_language
from harambee.postings.services import posting_transition
from harambee.postings.text import markdown_to_plain
from harambee.registry.access import member_can_act_for, person_public_label
from harambee.registry.models import MemberStatus
from harambee.registry.selectors import member_editors

from .access import MatchAction, match_answered, match_check, match_other_side, message_check, offer_closed_reason
from .core.glossary import default_glossary
from .embedding import EMBED_BATCH, embed_batched, get_embedder, posting_text, text_hash
from .models import LIVE_STATUSES, MESSAGE_MAX_LENGTH, Match, MatchStatus, Message, PostingFeatures

logger = logging.getLogger(__name__)

register_message(
    "match_proposed",
    gettext_lazy("%(actor)s proposes to match the need “%(need)s” with the offer “%(offer)s”."),
    gettext_lazy("Open the match to read the message, then accept or decline it."),
)
register_message(
    "match_accepted",
    gettext_lazy(
        "%(actor)s accepted the match of the need “%(need)s” with the offer “%(offer)s”: a cooperation starts."
    ),
    gettext_lazy("Open the match to go to the new cooperation and agree on its first steps."),
)
register_message(
    "match_declined",
    gettext_lazy("%(actor)s declined the match of the need “%(need)s” with the offer “%(offer)s”."),
    gettext_lazy("Open the match to read their answer; your posting's page suggests other counterparts."),
)
register_message(
    "match_withdrawn",
    gettext_lazy("%(actor)s withdrew the proposal to match the need “%(need)s” with the offer “%(offer)s”."),
    gettext_lazy("No answer is needed; open the match to read why."),
)

register_message(
    "match_message",
    gettext_lazy("%(actor)s wrote about the match of the need “%(need)s” with the offer “%(offer)s”: “%(excerpt)s”"),
    gettext_lazy("Open the match to read the whole conversation and reply."),
)

MATCH_AUDITED_FIELDS = ["need_id", "offer_id", "proposer_id", "message", "status", "response", "cooperation_id"]

# ---------------------------------------------------------------------------------------------------
# Features: concepts at once, vectors in batches

# Postings read, embedded and saved together by `embed_pending`: about a minute of work on two cores,
# so that a stopped backfill loses little, and enough texts for `embed_batched` to group by length.
EMBED_WINDOW = 512


def features_refresh(*, ids, embed: bool = True, batch: int = EMBED_BATCH) -> int:
    """Recompute the concepts of the postings ``ids`` whose text changed, then their vectors.

    Derived data, not a user's write: no audit entry. Returns how many postings changed.
    """
    glossary = default_glossary()
    embedder = get_embedder() if embed else None
    changed = 0
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        postings = Posting.objects.filter(pk__in=chunk).only("pk", "title", "description", "language")
        existing = {f.posting_id: f for f in PostingFeatures.objects.filter(posting_id__in=chunk).defer("vector")}
        to_create, to_update = [], []
        for posting in postings:
            plain = markdown_to_plain(posting.description)
            digest = text_hash(posting_text(posting.title, plain), "")
            features = existing.get(posting.pk)
            if features and features.text_hash == digest and features.glossary_version == glossary.version:
                continue
            concepts = dict(glossary.tag(f"{posting.title}\n{plain}", posting.language))
            if features is None:
                to_create.append(
                    PostingFeatures(
                        posting_id=posting.pk, glossary_version=glossary.version, concepts=concepts, text_hash=digest
                    )
                )
            else:
                features.glossary_version, features.concepts, features.text_hash = glossary.version, concepts, digest
                features.updated_at = timezone.now()
                to_update.append(features)
        with transaction.atomic():
            PostingFeatures.objects.bulk_create(to_create, batch_size=500)
            PostingFeatures.objects.bulk_update(
                to_update, ["glossary_version", "concepts", "text_hash", "updated_at"], batch_size=500
            )
        changed += len(to_create) + len(to_update)
    if embedder is not None:
        embed_pending(ids=ids, batch=batch)
    return changed


def embed_pending(
    *, ids=None, limit: int | None = None, batch: int = EMBED_BATCH, progress: Progress = no_progress
) -> int:
    """Compute the vectors that are missing or stale (text or model changed); returns how many.

    Without ``ids``, every posting with features is considered (the ``harambee match embed`` backfill).
    Postings are read and saved ``EMBED_WINDOW`` at a time and embedded ``batch`` at a time, shortest
    texts together (`embed_batched`).
    """
    embedder = get_embedder()
    if embedder is None:
        return 0
    started = time.perf_counter()
    features = PostingFeatures.objects.defer("vector", "concepts").select_related(None)
    if ids is not None:
        features = features.filter(posting_id__in=list(ids))
    wanted: dict[int, str] = {}  # posting id -> the vector_hash its vector must have
    for item in features.iterator(chunk_size=2000):
        digest = text_hash(item.text_hash, embedder.name)
        if item.vector_hash != digest:
            wanted[item.posting_id] = digest
            if limit is not None and len(wanted) >= limit:
                break
    done = computed = 0
    shown = iter(progress(list(wanted), total=len(wanted)))
    while window := list(itertools.islice(shown, EMBED_WINDOW)):
        # A posting whose text (and model) another posting already has takes that vector as it is.
        known = dict(
            PostingFeatures.objects.filter(
                vector_hash__in={wanted[pk] for pk in window}, vector__isnull=False
            ).values_list("vector_hash", "vector")
        )
        postings = list(Posting.objects.filter(pk__in=window).only("pk", "title", "description"))
        missing = [p for p in postings if wanted[p.pk] not in known]
        texts = [posting_text(p.title, markdown_to_plain(p.description)) for p in missing]
        for posting, vector in zip(missing, embed_batched(embedder, texts, batch=batch), strict=True):
            known.setdefault(wanted[posting.pk], np.asarray(vector, dtype=np.float32).tobytes())
        computed += len(set(texts))
        with transaction.atomic():
            for posting in postings:
                item = PostingFeatures.objects.select_for_update().filter(posting_id=posting.pk).first()
                if item is None:
                    continue
                item.vector_hash = text_hash(item.text_hash, embedder.name)
                if item.vector_hash != wanted[posting.pk]:  # the text changed meanwhile: its own refresh follows
                    continue
                item.vector = bytes(known[item.vector_hash])
                item.embedder = embedder.name
                item.save(update_fields=["vector", "embedder", "vector_hash", "updated_at"])
                done += 1
    if wanted:
        seconds = time.perf_counter() - started
        logger.info(
            "embedded %d postings (%d texts through the model) in %.1f s: %.2f postings/s",
            done,
            computed,
            seconds,
            done / seconds if seconds else 0.0,
        )
    return done


# ---------------------------------------------------------------------------------------------------
# The match workflow


def _people(member, *posting_contacts):
    users = member_editors(member)
    return users + [c for c in posting_contacts if c is not None]


def _params(match: Match, member, actor) -> dict:
    """Who acted (the person with their consent, else the member; in each reader's language) and on what."""
    return {
        "actor": in_every_language(lambda: person_public_label(actor, member)),
        # each reader sees the titles in their language (a human translation, else a labelled machine one)
        "need": title_in_every_language(match.need),
        "offer": title_in_every_language(match.offer),
    }


def _match_link(match: Match) -> dict:
    return {"url_name": "matching:detail", "url_kwargs": {"pk": match.pk}}


def _check_pair_free(need: Posting, offer: Posting) -> None:
    """A need and an offer have at most one live match (an open proposal, or the accepted one that
    started their cooperation; a database constraint): raise Conflict naming it."""
    cooperation_check_pair_free(need=need, offer=offer)
    live = Match.objects.filter(need=need, offer=offer, status__in=LIVE_STATUSES).select_related("proposer").first()
    if live is None:
        return
    if live.status != MatchStatus.PROPOSED:
        raise match_answered(live)
    when = format_day(live.created_at)
    message = _("This need and offer were already proposed by %(member)s on %(date)s.")
    raise Conflict(message % {"member": live.proposer.display_name, "date": when}, existing=live)


@transaction.atomic
def match_propose(
    *, need: Posting, offer: Posting, actor, message: str = "", score=None, reasons=None, on: date | None = None
) -> Match:
    """Propose to pair a need with an offer, on behalf of the member of one of them.

    ``on`` is the day the proposal counts as made for the offer's apply-by date (today unless the
    caller replays history, as the demo data does)."""
    if need.kind != "need" or offer.kind != "offer":
        raise ValidationError(_("A match pairs a need with an offer."))
    need = Posting.objects.select_related("member", "contact").get(pk=need.pk)
    offer = Posting.objects.select_related("member", "contact").get(pk=offer.pk)
    if member_can_act_for(actor, need.member):
        proposer = need.member
    elif member_can_act_for(actor, offer.member):
        proposer = offer.member
    else:
        raise PermissionDenied(_("Only the people of the need's or the offer's member may propose this match."))
    if need.member_id == offer.member_id:
        raise ValidationError(_("A member cannot be matched with itself."))
    for posting in (need, offer):
        if posting.status not in OPEN_STATUSES or posting.member.status != MemberStatus.ACTIVE:
            raise ValidationError(_("“%(title)s” is not open for matching.") % {"title": posting.title[:80]})
    closed = offer_closed_reason(offer, today=on)
    if closed is not None:
        raise ValidationError(closed)
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ValidationError({"message": _("Keep the message under 5,000 characters.")})
    match = create_unique(
        check=lambda: _check_pair_free(need, offer),
        create=lambda: Match.objects.create(
            need=need,
            offer=offer,
            proposer=proposer,
            proposed_by=actor,
            message=message.strip(),
            score=score,
            reasons=reasons or {},
        ),
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=match,
        changes=diff({}, snapshot(match, MATCH_AUDITED_FIELDS)),
        member_code=proposer.code,
    )
    if match.message:  # the proposal's message opens the conversation
        _message_save(match=match, actor=actor, member=proposer, body=match.message, when=match.created_at)
    other = offer if proposer == need.member else need
    notify(
        recipients=_people(other.member, other.contact),
        kind="match_proposed",
        params=_params(match, proposer, actor),
        **_match_link(match),
    )
    return match


def _decide(match: Match, actor, status: str, response: str, action: MatchAction) -> tuple[Match, dict]:
    match = (
        Match.objects.select_for_update(of=("self",)).select_related("need__member", "offer__member").get(pk=match.pk)
    )
    match_check(actor, match, action)  # after the lock: the loser of two answers learns who was first
    if len(response) > 5000:
        raise ValidationError({"response": _("Keep the message under 5,000 characters.")})
    before = snapshot(match, MATCH_AUDITED_FIELDS)
    match.status = status
    match.response = response.strip()
    match.decided_by = actor
    match.decided_at = timezone.now()
    return match, before


def _record(match: Match, actor, before: dict, member) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        instance=match,
        changes=diff(before, snapshot(match, MATCH_AUDITED_FIELDS)),
        member_code=member.code,
    )


def _tell_proposer(match: Match, kind: str) -> None:
    posting = match.need if match.proposer_id == match.need.member_id else match.offer
    notify(
        recipients=_people(match.proposer, posting.contact),
        kind=kind,
        params=_params(match, match.responder, match.decided_by),
        **_match_link(match),
    )


@transaction.atomic
def match_accept(*, match: Match, actor, response: str = "") -> Match:
    """The other side accepts: a cooperation starts and both postings become partially matched."""
    match, before = _decide(match, actor, MatchStatus.ACCEPTED, response, MatchAction.ANSWER)
    match.cooperation = cooperation_create_from_match(need=match.need, offer=match.offer, actor=actor)
    match.save()
    for posting in (match.need, match.offer):
        if posting.status == PostingStatus.PUBLISHED:
            posting_transition(posting=posting, actor=None, action="mark_partially_matched", reason=_("Match accepted"))
    _record(match, actor, before, match.responder)
    _tell_proposer(match, "match_accepted")
    return match


@transaction.atomic
def match_decline(*, match: Match, actor, response: str = "") -> Match:
    """The other side declines, optionally saying why."""
    match, before = _decide(match, actor, MatchStatus.DECLINED, response, MatchAction.ANSWER)
    match.save()
    _record(match, actor, before, match.responder)
    _tell_proposer(match, "match_declined")
    return match


@transaction.atomic
def match_withdraw(*, match: Match, actor, response: str = "") -> Match:
    """The proposing side takes its proposal back before it is answered."""
    match, before = _decide(match, actor, MatchStatus.WITHDRAWN, response, MatchAction.WITHDRAW)
    match.save()
    _record(match, actor, before, match.proposer)
    other = match.offer if match.proposer_id == match.need.member_id else match.need
    notify(
        recipients=_people(other.member, other.contact),
        kind="match_withdrawn",
        params=_params(match, match.proposer, actor),
        **_match_link(match),
    )
    return match


# ---------------------------------------------------------------------------------------------------
# The conversation of a match

MESSAGE_AUDITED_FIELDS = ["match_id", "member_id", "body"]
EXCERPT_LENGTH = 140


def _message_save(*, match: Match, actor, member, body: str, when=None) -> Message:
    when = when or timezone.now()
    message = Message.objects.create(match=match, author=actor, member=member, body=body, created_at=when)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=message,
        changes=diff({}, snapshot(message, MESSAGE_AUDITED_FIELDS)),
        member_code=member.code if member is not None else "",
    )
    return message


def _clean_body(body) -> str:
    body = (body if isinstance(body, str) else "").strip()
    if not body:
        raise ValidationError({"body": _("Write a message first.")})
    if len(body) > MESSAGE_MAX_LENGTH:
        raise ValidationError(
            {"body": _("Keep the message under %(limit)s characters (it has %(length)s).")
             % {"limit": format_number(MESSAGE_MAX_LENGTH),
                "length": format_number(len(body))}}
        )  # fmt: skip
    return body


@transaction.atomic
def post_message(*, actor, match: Match, body: str) -> Message:
    """Write in a match's conversation for the side the actor acts for (the secretariat as the
    secretariat), record it in the audit trail, and tell the other side's people (in the app at
    once, by e-mail after commit, each in their own language)."""
    match = Match.objects.select_related("need__member", "offer__member", "need__contact", "offer__contact").get(
        pk=match.pk
    )
    member = message_check(actor, match)  # PermissionDenied for readers; closed once declined or withdrawn
    body = _clean_body(body)
    message = _message_save(match=match, actor=actor, member=member, body=body)
    contacts = {match.need.member_id: match.need.contact, match.offer.member_id: match.offer.contact}
    recipients = []
    for side in match_other_side(match, member):
        recipients += _people(side, contacts.get(side.pk))
    notify(
        recipients=[person for person in recipients if person.pk != actor.pk],
        kind="match_message",
        params={**_params(match, member, actor), "excerpt": shorten(" ".join(body.split()), EXCERPT_LENGTH)},
        **_match_link(match),
    )
    return message
