"""An assessment as CSV rows (written by the platform's formula-safe writer, `core.csvfile`) and as JSON:
one row per indicator with its dimension, question (English, the framework's reference language),
level, note and evidence; the scores per dimension and overall."""

from .core.framework import text
from .selectors import framework_of, score_of


def _answers(assessment):
    return {a.indicator_code: a for a in assessment.answers.all()}


def assessment_json(assessment) -> dict:
    framework = framework_of(assessment)
    answers = _answers(assessment)
    evidence: dict[str, list] = {}
    for item in assessment.evidence.all():
        evidence.setdefault(item.indicator_code, []).append(
            {"title": item.title, "url": item.url, "file_type": item.file_type, "file_size": item.file_size}
        )
    score = score_of(assessment)
    return {
        "member": assessment.member.code,
        "year": assessment.year,
        "framework": {"code": framework.code, "version": framework.version},
        "status": assessment.status,
        "public": assessment.public,
        "submitted_at": assessment.submitted_at.isoformat() if assessment.submitted_at else None,
        "validated_at": assessment.validated_at.isoformat() if assessment.validated_at else None,
        "score": {
            "overall": score.overall,
            "by_dimension": dict(score.by_dimension),
            "answered": score.answered,
            "total": score.total,
        },
        "answers": [
            {
                "indicator": indicator.code,
                "revision": indicator.revision,
                "dimension": indicator.dimension,
                "level": answers[indicator.code].level if indicator.code in answers else None,
                "note": answers[indicator.code].note if indicator.code in answers else "",
                "evidence": evidence.get(indicator.code, []),
            }
            for indicator in framework.indicators
        ],
    }


CSV_HEADER = [
    "member",
    "year",
    "framework_version",
    "dimension",
    "indicator",
    "revision",
    "question",
    "level",
    "note",
    "evidence",
]


def assessment_csv_rows(assessment):
    framework = framework_of(assessment)
    answers = _answers(assessment)
    evidence: dict[str, list[str]] = {}
    for item in assessment.evidence.all():
        evidence.setdefault(item.indicator_code, []).append(item.url or item.title)
    yield CSV_HEADER
    for indicator in framework.indicators:
        answer = answers.get(indicator.code)
        yield [
            assessment.member.code,
            assessment.year,
            framework.version,
            indicator.dimension,
            indicator.code,
            indicator.revision,
            text(indicator.question, "en"),
            answer.level if answer else None,
            answer.note if answer else "",
            " | ".join(evidence.get(indicator.code, [])),
        ]
