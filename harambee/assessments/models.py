"""A member's yearly readiness self-assessment against a versioned framework (`core.framework`).

An assessment keeps the framework version it was started with, so that a newer framework leaves it
readable; answers are stored by indicator code (stable across versions). Writes go through
`services.py`; who may do what is decided in `access.py`.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from harambee.core.usertext import UserCharField, UserTextField
from harambee.registry.models import Member


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    VALIDATED = "validated", _("Validated")
    RETURNED = "returned", _("Returned for changes")


#: Statuses in which the member's people may still change answers, comments and evidence.
EDITABLE_STATUSES = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


class Assessment(models.Model):
    member = models.ForeignKey(Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="assessments")
    year = models.PositiveSmallIntegerField(_("year"))
    framework_version = models.CharField(_("framework version"), max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    public = models.BooleanField(_("public"), default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )  # fmt: skip
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("validated by"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    return_reason = UserTextField(_("reason for returning"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-year", "member__code"]
        verbose_name = _("readiness assessment")
        verbose_name_plural = _("readiness assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "year"],
                name="assessment_one_per_member_year",
                violation_error_message=_("This member already has an assessment for that year."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.member_id}:{self.year}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class Answer(models.Model):
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="answers"
    )
    indicator_code = models.CharField(_("indicator"), max_length=80)
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    note = UserTextField(_("note"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator_code"], name="answer_one_per_indicator"),
            models.CheckConstraint(condition=models.Q(level__lte=4), name="answer_level_in_scale"),
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}:{self.indicator_code}={self.level}"


class Comment(models.Model):
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="comments"
    )
    indicator_code = models.CharField(_("indicator"), max_length=80)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = UserTextField(_("comment"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.assessment_id}:{self.indicator_code}:{self.pk}"


def evidence_upload_to(instance: "Evidence", filename: str) -> str:
    return f"assessments/{instance.assessment_id}/{filename}"


class Evidence(models.Model):
    """A link (http or https) or an uploaded document (type and size checked: `events.materials`)."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="evidence"
    )
    indicator_code = models.CharField(_("indicator"), max_length=80)
    title = UserCharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_upload_to, max_length=255, blank=True)
    file_type = models.CharField(_("file type"), max_length=10, blank=True)
    file_size = models.PositiveIntegerField(_("file size"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.title


class GapNeed(models.Model):
    """The draft need created from a gap (an indicator answered below the chosen level): the link back."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="gap_needs"
    )
    indicator_code = models.CharField(_("indicator"), max_length=80)
    posting = models.OneToOneField(
        "postings.Posting", verbose_name=_("need"), on_delete=models.CASCADE, related_name="assessment_gap"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("need from a gap")
        verbose_name_plural = _("needs from gaps")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "indicator_code"], name="gap_need_one_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}:{self.indicator_code}→{self.posting_id}"
