"""What matching stores: each posting's concepts and vector, and the matches people propose."""

import numpy as np
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from harambee.cooperation.models import Cooperation
from harambee.core.usertext import UserTextField
from harambee.postings.models import Posting
from harambee.registry.models import Member


class PostingFeatures(models.Model):
    """The concepts found in a posting's text and its embedding, computed when it is saved.

    ``text_hash`` identifies the text (and model) the vector was computed from, so a vector is
    recomputed only when the title or description changed. ``vector`` is float32 bytes.
    """

    posting = models.OneToOneField(Posting, on_delete=models.CASCADE, primary_key=True, related_name="features")
    glossary_version = models.CharField(max_length=20)
    concepts = models.JSONField(default=dict)
    text_hash = models.CharField(max_length=32)
    embedder = models.CharField(max_length=200, blank=True)
    vector_hash = models.CharField(max_length=32, blank=True)
    vector = models.BinaryField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("posting features")
        verbose_name_plural = _("posting features")

    def __str__(self) -> str:
        return f"features of {self.posting_id}"

    def vector_array(self) -> np.ndarray | None:
        return np.frombuffer(bytes(self.vector), dtype=np.float32) if self.vector else None


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A need and an offer have at most one match in these statuses (a database constraint).
LIVE_STATUSES = (MatchStatus.PROPOSED, MatchStatus.ACCEPTED)


class Match(models.Model):
    """A need and an offer that one side proposes to pair; the other side accepts or declines.

    Acceptance starts a cooperation and moves both postings to "partially matched".
    """

    need = models.ForeignKey(Posting, verbose_name=_("need"), on_delete=models.PROTECT, related_name="matches_as_need")
    offer = models.ForeignKey(
        Posting, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="matches_as_offer"
    )
    proposer = models.ForeignKey(
        Member, verbose_name=_("proposed by (member)"), on_delete=models.PROTECT, related_name="matches_proposed"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    message = UserTextField(_("message"), max_length=5000, blank=True)
    score = models.FloatField(_("match score"), null=True, blank=True)
    reasons = models.JSONField(_("reasons"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MatchStatus.choices, default=MatchStatus.PROPOSED)
    response = UserTextField(_("answer"), max_length=5000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    cooperation = models.OneToOneField(
        Cooperation,
        verbose_name=_("cooperation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="match",
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            # one live match per pair: an open proposal, or the accepted one that started their cooperation
            models.UniqueConstraint(
                fields=["need", "offer"],
                condition=Q(status__in=LIVE_STATUSES),
                name="match_one_live_per_pair",
                violation_error_message=_("This need and this offer are already proposed or working together."),
            ),
            models.CheckConstraint(condition=~Q(need=models.F("offer")), name="match_two_postings"),
        ]

    def __str__(self) -> str:
        return f"{self.need} ↔ {self.offer}"

    @property
    def responder(self) -> Member:
        """The member that answers: the side that did not propose."""
        return self.offer.member if self.proposer_id == self.need.member_id else self.need.member


#: The longest message of a match's conversation, in characters.
MESSAGE_MAX_LENGTH = 5000


class Message(models.Model):
    """One message of a match's conversation between its two sides (docs/conversations.md).

    The proposal's message is the first one. ``member`` is the side the author wrote for; empty when
    the secretariat wrote as the secretariat.
    """

    match = models.ForeignKey(Match, verbose_name=_("match"), on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    member = models.ForeignKey(
        Member,
        verbose_name=_("written for"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    body = UserTextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["match", "created_at"], name="match_message_thread_idx")]

    def __str__(self) -> str:
        return f"message {self.pk} on match {self.match_id}"
