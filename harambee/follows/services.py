"""Writes of follows: follow, change how often, unfollow, unsubscribe from the e-mails, and the digest
(what is new and changed for each follow that is due, as in-app notifications and one e-mail per
person and period)."""

from collections import defaultdict
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from harambee.audit.models import AuditAction
from harambee.audit.services import audit_record
from harambee.background.queue import enqueue_on_commit
from harambee.core.exceptions import PermissionDenied, ValidationError
from harambee.notifications.models import in_every_language, register_message
from harambee.notifications.services import notify
from harambee.postings.choices import KIND_PATHS
from harambee.postings.selectors import posting_filters_query

from .models import Follow, FollowKind, Frequency
from .selectors import follow_is_due, follow_label, follow_news, search_filters
from .tasks import follows_digest_mail

#: Follows one person may keep (each costs a little work in every digest).
MAX_FOLLOWS = 200

register_message(
    "follow_news",
    gettext_lazy("%(count)s new or changed in what you follow: %(target)s"),
    gettext_lazy("Open it to see what is new; manage what you follow under My follows."),
)


def _check_person(person) -> None:
    if person is None or not getattr(person, "is_authenticated", False) or not person.is_active:
        raise PermissionDenied(_("Sign in to follow."))


@transaction.atomic
def follow_create(
    *,
    person,
    kind: str,
    member=None,
    posting=None,
    search_kind: str = "",
    search_query: str = "",
    frequency: str = Frequency.DAILY,
) -> tuple[Follow, bool]:
    """Follow a member, a posting or a saved search (the list's kind and query string, kept in its
    canonical form); (the follow, whether it is new). Following what one already follows changes
    nothing. The caller has checked that the person may see the member or posting."""
    _check_person(person)
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose daily, weekly or in the app only.")})
    target: dict = {}
    if kind == FollowKind.MEMBER:
        if member is None:
            raise ValidationError({"target": _("Choose a member to follow.")})
        target = {"member": member}
    elif kind == FollowKind.POSTING:
        if posting is None:
            raise ValidationError({"target": _("Choose a need or offer to follow.")})
        target = {"posting": posting}
    elif kind == FollowKind.SEARCH:
        if search_kind not in ("need", "offer"):
            raise ValidationError({"target": _("A saved search is a search of the needs or of the offers.")})
        follow = Follow(kind=kind, search_kind=search_kind, search_query=search_query)
        canonical = posting_filters_query(search_filters(follow))
        if len(canonical) > Follow._meta.get_field("search_query").max_length:
            raise ValidationError({"target": _("This search is too long to save.")})
        target = {"search_kind": search_kind, "search_query": canonical}
    else:
        raise ValidationError({"kind": _("One can follow a search, a member, or a need or offer.")})
    existing = Follow.objects.filter(person=person, kind=kind, **target).first()
    if existing is not None:
        return existing, False
    if Follow.objects.filter(person=person).count() >= MAX_FOLLOWS:
        raise ValidationError(_("You follow %(limit)s things already: unfollow some first.") % {"limit": MAX_FOLLOWS})
    try:
        with transaction.atomic():
            follow = Follow.objects.create(person=person, kind=kind, frequency=frequency, **target)
    except IntegrityError:  # the same follow saved a moment earlier (a double click)
        return Follow.objects.get(person=person, kind=kind, **target), False
    audit_record(
        actor=person,
        action=AuditAction.CREATE,
        instance=follow,
        changes={"kind": [None, kind], "target": [None, follow.target], "frequency": [None, frequency]},
    )
    return follow, True


@transaction.atomic
def follow_set_frequency(*, follow: Follow, actor, frequency: str) -> Follow:
    """Change how often one of the actor's own follows is e-mailed."""
    _check_person(actor)
    if follow.person_id != actor.pk:
        raise PermissionDenied(_("This is not one of your follows."))
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose daily, weekly or in the app only.")})
    if follow.frequency != frequency:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=follow,
            changes={"frequency": [follow.frequency, frequency]},
        )
        follow.frequency = frequency
        follow.save(update_fields=["frequency"])
    return follow


@transaction.atomic
def follow_delete(*, follow: Follow, actor) -> None:
    """Stop following (one of the actor's own follows)."""
    _check_person(actor)
    if follow.person_id != actor.pk:
        raise PermissionDenied(_("This is not one of your follows."))
    audit_record(actor=actor, action=AuditAction.DELETE, instance=follow, changes={"target": [follow.target, None]})
    Follow.objects.filter(pk=follow.pk).delete()


@transaction.atomic
def follows_unsubscribe(*, person_id: int, follow_id: int | None = None) -> int:
    """The digest's one-click unsubscribe: no more e-mails for one follow of the person, or for all of
    them (they stay in the app, "In the app only"); how many follows changed. Recorded as the
    person's own change."""
    person = get_user_model().objects.filter(pk=person_id).first()
    if person is None:
        return 0
    follows = Follow.objects.select_for_update().filter(person=person).exclude(frequency=Frequency.NEVER)
    if follow_id is not None:
        follows = follows.filter(pk=follow_id)
    changed = 0
    for follow in follows:
        audit_record(
            actor=person,
            action=AuditAction.UPDATE,
            instance=follow,
            changes={"frequency": [follow.frequency, Frequency.NEVER]},
            reason="unsubscribe link",
        )
        changed += 1
    follows.update(frequency=Frequency.NEVER)
    return changed


def _follow_link(follow: Follow) -> tuple[str, dict]:
    if follow.kind == FollowKind.MEMBER:
        return "registry:member_detail", {"code": follow.member.code}
    if follow.kind == FollowKind.POSTING:
        return "postings:detail", {
            "kind_path": KIND_PATHS[follow.posting.kind],
            "external_id": follow.posting.external_id,
        }
    return "follows:open", {"pk": follow.pk}


def _digest_section(news) -> dict:
    """What the digest mail task needs of one follow's news: ids and counts (plain JSON)."""
    return {
        "follow": news.follow.pk,
        "new": [p.pk for p in news.new],
        "changed": [p.pk for p in news.changed],
        "new_count": news.new_count,
        "changed_count": news.changed_count,
    }


def follows_digest_run(*, now: datetime | None = None) -> dict[str, int]:
    """For every follow that is due, what is new or changed since its last digest: an in-app
    notification per follow with news, and one e-mail per person for the news of their follows that
    are e-mailed (sent by a background task in the person's language). Each person is handled in
    its own transaction; the window of each due follow then ends at ``now``."""
    now = now or timezone.now()
    by_person: dict[int, list[Follow]] = defaultdict(list)
    follows = Follow.objects.filter(person__is_active=True).select_related("person", "member__country", "posting")
    for follow in follows.order_by("person_id", "kind", "pk").iterator(chunk_size=500):
        if follow_is_due(follow, now):
            by_person[follow.person_id].append(follow)
    mails = notified = 0
    for person_follows in by_person.values():
        with transaction.atomic():
            sections = []
            for follow in person_follows:
                news = follow_news(follow, until=now)
                if news.total:
                    url_name, url_kwargs = _follow_link(follow)
                    notify(
                        recipients=[follow.person],
                        kind="follow_news",
                        params={"count": news.total, "target": in_every_language(lambda f=follow: follow_label(f))},
                        url_name=url_name,
                        url_kwargs=url_kwargs,
                        email=False,  # the digest is the e-mail
                    )
                    notified += 1
                    if follow.frequency != Frequency.NEVER:
                        sections.append(_digest_section(news))
            Follow.objects.filter(pk__in=[f.pk for f in person_follows]).update(last_sent_at=now)
            if sections:
                enqueue_on_commit(follows_digest_mail, person_follows[0].person_id, sections)
                mails += 1
    return {"due": sum(len(f) for f in by_person.values()), "notified": notified, "mails": mails}
