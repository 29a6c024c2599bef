"""Who may do what with readiness assessments: the one place web views, the API and services ask.

- Read: everyone reads a *public validated* assessment of an active member; every other assessment
  (drafts, submitted, returned, private) only the member's people (any role) and the secretariat.
- Contribute (answers, notes, comments, evidence) while draft or returned: the people who act for the
  member (`registry.access.ACTING_ROLES`: managers and editors, the focal point among them).
- Start an assessment: the same people. Submit: the member's managers (`MANAGING_ROLES`).
- Publish or unpublish (the public flag) and create needs from gaps: the people who act for the member.
- Validate or return: the secretariat, while submitted.

`assessment_get_for_user` answers 404 before 403: who may not even read it does not learn it exists.
"""

from enum import StrEnum

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from harambee.core.exceptions import PermissionDenied
from harambee.registry.access import (
    MANAGING_ROLES,
    MemberAction,
    is_secretariat,
    member_can,
    member_can_act_for,
    rows_visible_to,
)
from harambee.registry.models import Member, MemberStatus

from .models import Assessment, AssessmentStatus


class AssessmentAction(StrEnum):
    VIEW = "view"
    CONTRIBUTE = "contribute"  # answers, notes, comments, evidence (draft or returned)
    SUBMIT = "submit"
    REVIEW = "review"  # validate or return
    PUBLISH = "publish"  # the public flag
    CREATE_NEED = "create_need"  # a draft need from a gap
    EXPORT = "export"


#: What each kind of person may do (the status rules are applied on top, in `assessment_can`): the
#: public; a reader (any role in the member, `MemberAction.VIEW_PRIVATE`); an actor (`ACTING_ROLES`); a
#: submitter (`MANAGING_ROLES`); the secretariat.
ROLE_TABLE = {
    "public": {AssessmentAction.VIEW, AssessmentAction.EXPORT},  # public validated ones only
    "reader": {AssessmentAction.VIEW, AssessmentAction.EXPORT},
    "actor": {
        AssessmentAction.VIEW,
        AssessmentAction.EXPORT,
        AssessmentAction.CONTRIBUTE,
        AssessmentAction.PUBLISH,
        AssessmentAction.CREATE_NEED,
    },  # fmt: skip
    "submitter": {
        AssessmentAction.VIEW,
        AssessmentAction.EXPORT,
        AssessmentAction.CONTRIBUTE,
        AssessmentAction.PUBLISH,
        AssessmentAction.CREATE_NEED,
        AssessmentAction.SUBMIT,
    },  # fmt: skip
    "secretariat": {AssessmentAction.VIEW, AssessmentAction.EXPORT, AssessmentAction.REVIEW},
}


def is_public(assessment: Assessment) -> bool:
    return (
        assessment.public
        and assessment.status == AssessmentStatus.VALIDATED
        and assessment.member.status == MemberStatus.ACTIVE
    )


def _kind(user, member: Member) -> str:
    if member_can_act_for(user, member, roles=MANAGING_ROLES):
        return "submitter"
    if member_can_act_for(user, member):
        return "actor"
    if member_can(user, member, MemberAction.VIEW_PRIVATE) and not is_secretariat(user):
        return "reader"
    if is_secretariat(user):
        return "secretariat"
    return "public"


def member_may_read_private(user, member: Member) -> bool:
    """The member's people (any role) and the secretariat read its unpublished assessments."""
    return member_can(user, member, MemberAction.VIEW_PRIVATE)


def role_allows(user, assessment: Assessment, action: AssessmentAction) -> bool:
    """Whether `user`'s place towards the member allows `action` at all, whatever the status."""
    kind = _kind(user, assessment.member)
    # a secretariat person who also holds a role in the member keeps both
    return action in ROLE_TABLE[kind] or (is_secretariat(user) and action in ROLE_TABLE["secretariat"])


def status_allows(assessment: Assessment, action: AssessmentAction) -> bool:
    """Whether the assessment's status allows `action` (who may is `role_allows`)."""
    if action in (AssessmentAction.CONTRIBUTE, AssessmentAction.SUBMIT):
        return assessment.is_editable
    if action == AssessmentAction.REVIEW:
        return assessment.status == AssessmentStatus.SUBMITTED
    if action == AssessmentAction.CREATE_NEED:
        return assessment.status == AssessmentStatus.VALIDATED
    return True


def assessment_can(user, assessment: Assessment, action: AssessmentAction) -> bool:
    if not role_allows(user, assessment, action):
        return False
    if action in (AssessmentAction.VIEW, AssessmentAction.EXPORT):
        return is_public(assessment) or member_may_read_private(user, assessment.member)
    return status_allows(assessment, action)


def why_not(assessment: Assessment, action: AssessmentAction) -> str:
    """A clear sentence for a refusal that comes from the assessment's status."""
    if action == AssessmentAction.CONTRIBUTE and assessment.status == AssessmentStatus.VALIDATED:
        return _("This assessment has been validated; it can no longer be changed. Start next year's assessment.")
    if action in (AssessmentAction.CONTRIBUTE, AssessmentAction.SUBMIT) and not assessment.is_editable:
        return _("This assessment has been submitted; it can be changed again only if the secretariat returns it.")
    if action == AssessmentAction.REVIEW and assessment.status != AssessmentStatus.SUBMITTED:
        return _("Only a submitted assessment can be validated or returned.")
    if action == AssessmentAction.CREATE_NEED and assessment.status != AssessmentStatus.VALIDATED:
        return _("Needs are created from the gaps of a validated assessment.")
    return _("You may not do this with this assessment.")


def assessment_check(user, assessment: Assessment, action: AssessmentAction) -> None:
    """For services: PermissionDenied (with the status's reason where that is why) unless allowed."""
    if not assessment_can(user, assessment, action):
        raise PermissionDenied(why_not(assessment, action))


def assessment_get_for_user(*, user, pk: int, action: AssessmentAction = AssessmentAction.VIEW) -> Assessment:
    """Assessment `pk` if `user` may perform `action` on it: 404 when it may not even read it, 403 else."""
    assessment = Assessment.objects.select_related("member__country").filter(pk=pk).first()
    if assessment is None or not assessment_can(user, assessment, AssessmentAction.VIEW):
        raise Http404(_("No such assessment."))
    if not assessment_can(user, assessment, action):
        raise PermissionDenied(why_not(assessment, action))
    return assessment


def assessments_visible_to(user) -> QuerySet[Assessment]:
    """Every assessment `user` may read: public validated ones of active members, plus its members'
    and, for the secretariat, all."""
    public = Q(public=True, status=AssessmentStatus.VALIDATED, member__status=MemberStatus.ACTIVE)
    return rows_visible_to(Assessment.objects.all(), user=user, public=public, member_fields=["member"])


def member_may_start(user, member: Member) -> bool:
    return member_can_act_for(user, member)


def may_review(user) -> bool:
    return is_secretariat(user)
