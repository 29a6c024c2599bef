"""The JSON API of readiness assessments (read only), with the web's permissions (one access layer):
public validated assessments for everyone, the others for the member's people and the secretariat."""

from django.http import HttpRequest
from ninja import Query, Router, Schema

from harambee.accounts.auth import api_user
from harambee.core.paging import Page, PageParams, page_of

from .access import AssessmentAction, assessment_get_for_user, assessments_visible_to
from .exporting import assessment_json
from .selectors import assessment_full, assessments_listing, score_of

router = Router(tags=["assessments"])


class AssessmentSummaryOut(Schema):
    id: int
    member: str
    year: int
    framework_version: str
    status: str
    public: bool
    overall: float | None


class ScoreOut(Schema):
    overall: float | None
    by_dimension: dict[str, float | None]
    answered: int
    total: int


class EvidenceOut(Schema):
    title: str
    url: str
    file_type: str
    file_size: int | None


class AnswerOut(Schema):
    indicator: str
    revision: int
    dimension: str
    level: int | None
    note: str
    evidence: list[EvidenceOut]


class FrameworkRefOut(Schema):
    code: str
    version: str


class AssessmentOut(Schema):
    id: int
    member: str
    year: int
    framework: FrameworkRefOut
    status: str
    public: bool
    submitted_at: str | None
    validated_at: str | None
    score: ScoreOut
    answers: list[AnswerOut]


class AssessmentListParams(PageParams):
    member: str | None = None
    year: int | None = None


def _summary(assessment) -> AssessmentSummaryOut:
    return AssessmentSummaryOut(
        id=assessment.pk,
        member=assessment.member.code,
        year=assessment.year,
        framework_version=assessment.framework_version,
        status=assessment.status,
        public=assessment.public,
        overall=score_of(assessment).overall,
    )


@router.get(
    "/assessments", response=Page[AssessmentSummaryOut], summary="List readiness assessments",
    operation_id="assessments_list",
)  # fmt: skip
def assessments_list(request: HttpRequest, params: Query[AssessmentListParams]):
    """Assessments the caller may read (public validated ones, plus its members'), latest year first."""
    qs = assessments_listing(assessments_visible_to(api_user(request)))
    if params.member:
        qs = qs.filter(member__code=params.member)
    if params.year:
        qs = qs.filter(year=params.year)
    return page_of(qs, params, lambda items: [_summary(a) for a in items])


@router.get(
    "/assessments/{assessment_id}", response=AssessmentOut, summary="One readiness assessment",
    operation_id="assessments_get",
)  # fmt: skip
def assessments_get(request: HttpRequest, assessment_id: int):
    """Scores per dimension and overall (0–4) and every indicator's level, note and evidence."""
    assessment = assessment_get_for_user(user=api_user(request), pk=assessment_id, action=AssessmentAction.VIEW)
    data = assessment_json(assessment_full(assessment))
    return {"id": assessment.pk, **data}
