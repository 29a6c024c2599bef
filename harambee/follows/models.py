"""Follows: a person follows a saved search, a member or a posting, and hears of what is new or changed
there, in the app and by an e-mail digest (docs/follows.md)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from harambee.postings.models import Posting
from harambee.registry.models import Member


class FollowKind(models.TextChoices):
    SEARCH = "search", _("Saved search")
    MEMBER = "member", _("Member")
    POSTING = "posting", _("Need or offer")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily e-mail")
    WEEKLY = "weekly", _("Weekly e-mail")
    NEVER = "never", _("In the app only")


#: How long a follow waits between two digests, by frequency; one without e-mail hears daily in the app.
PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7), Frequency.NEVER: timedelta(days=1)}


class Follow(models.Model):
    """One thing a person follows: a saved search (the list's kind and canonical query string), a member
    or a need or offer. ``last_sent_at`` is the end of the window the last digest covered: the next
    one tells what is new or changed since then (since ``created_at`` before the first)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=FollowKind.choices)
    search_kind = models.CharField(_("needs or offers"), max_length=5, blank=True)
    search_query = models.CharField(_("search"), max_length=2000, blank=True)
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    posting = models.ForeignKey(
        Posting, verbose_name=_("need or offer"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="search", member__isnull=True, posting__isnull=True, search_kind__in=["need", "offer"])
                    | Q(kind="member", member__isnull=False, posting__isnull=True, search_kind="", search_query="")
                    | Q(kind="posting", member__isnull=True, posting__isnull=False, search_kind="", search_query="")
                ),
                name="follow_target_matches_kind",
            ),
            models.UniqueConstraint(
                fields=["person", "search_kind", "search_query"],
                condition=Q(kind="search"),
                name="follow_one_per_search",
            ),
            models.UniqueConstraint(
                fields=["person", "member"], condition=Q(kind="member"), name="follow_one_per_member"
            ),
            models.UniqueConstraint(
                fields=["person", "posting"], condition=Q(kind="posting"), name="follow_one_per_posting"
            ),
        ]
        indexes = [models.Index(fields=["person", "kind"], name="follow_person_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.target} ← {self.person_id}"

    @property
    def target(self) -> str:
        """What is followed, as stored: "need?q=…" for a search, the member's code, the posting's id."""
        if self.kind == FollowKind.SEARCH:
            return f"{self.search_kind}?{self.search_query}" if self.search_query else self.search_kind
        if self.kind == FollowKind.MEMBER:
            return self.member.code if self.member_id else ""
        return self.posting.external_id if self.posting_id else ""

    def since(self):
        """The start of the window the next digest covers."""
        return self.last_sent_at or self.created_at
