"""Readiness assessments: the services' rules, bad input refused with nothing half-written, the audit."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from harambee.assessments import services
from harambee.assessments.models import Answer, Assessment, AssessmentStatus, Comment, Evidence, GapNeed
from harambee.audit.models import AuditEntry
from harambee.postings.models import Posting
from tests.assessments_fixtures import all_answers, framework, required_answers, zambia_fixture  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def started(cast, member, year=2026):
    return services.start_assessment(actor=cast.editor, member=member, year=year)


def test_an_editor_starts_the_years_assessment_with_the_latest_framework(cast, zambia):
    # when the editor starts 2026
    assessment = started(cast, zambia)
    # then it is a private draft on the latest framework, audited
    assert (assessment.status, assessment.public, assessment.framework_version) == (
        AssessmentStatus.DRAFT, False, framework().version,
    )  # fmt: skip
    assert AuditEntry.objects.filter(object_id=str(assessment.pk), action="create", member_code="zmb").exists()


def test_one_assessment_per_member_and_year(cast, zambia):
    started(cast, zambia)
    with pytest.raises(ValidationError) as error:
        started(cast, zambia)
    assert "already has an assessment" in str(error.value)
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize("year", [2019, 2100])
def test_a_year_out_of_range_is_refused(cast, zambia, year):
    with pytest.raises(ValidationError):
        started(cast, zambia, year=year)
    assert Assessment.objects.count() == 0


def test_viewers_outsiders_and_organisations_do_not_start(cast, zambia):
    for person in (cast.viewer, cast.outsider, cast.other_manager):
        with pytest.raises(PermissionDenied):
            services.start_assessment(actor=person, member=zambia, year=2026)
    with pytest.raises(ValidationError, match="States"):
        services.start_assessment(actor=cast.manager, member=cast.member, year=2026)
    assert Assessment.objects.count() == 0


def test_answers_are_saved_and_audited_field_by_field(cast, zambia):
    assessment = started(cast, zambia)
    first = framework().indicators[0].code
    services.save_answers(assessment=assessment, actor=cast.editor, answers={first: 3}, notes={first: "Adopted 2024"})
    answer = Answer.objects.get(assessment=assessment, indicator_code=first)
    assert (answer.level, answer.note) == (3, "Adopted 2024")
    entry = AuditEntry.objects.filter(object_id=str(assessment.pk), action="update").latest("pk")
    assert entry.changes[f"{first}.level"] == [None, 3]


@pytest.mark.parametrize("level", [5, -1, 99, "x", 2.5])
def test_an_answer_out_of_scale_is_refused_and_nothing_is_saved(cast, zambia, level):
    assessment = started(cast, zambia)
    codes = [i.code for i in framework().indicators]
    with pytest.raises(ValidationError) as error:
        services.save_answers(assessment=assessment, actor=cast.editor, answers={codes[0]: 2, codes[1]: level})
    assert codes[1] in error.value.message_dict
    assert "0 to 4" in " ".join(error.value.message_dict[codes[1]])
    assert Answer.objects.filter(assessment=assessment).count() == 0


def test_an_unknown_indicator_is_refused(cast, zambia):
    assessment = started(cast, zambia)
    with pytest.raises(ValidationError) as error:
        services.save_answers(assessment=assessment, actor=cast.editor, answers={"no.such": 1})
    assert "no.such" in error.value.message_dict


def test_submitting_with_required_indicators_empty_lists_them(cast, zambia):
    assessment = started(cast, zambia)
    required = [i.code for i in framework().indicators if i.required]
    services.save_answers(assessment=assessment, actor=cast.editor, answers={required[0]: 1})
    with pytest.raises(ValidationError) as error:
        services.submit(assessment=assessment, actor=cast.manager)
    message = " ".join(error.value.messages)
    assert all(code in message for code in required[1:])
    assert required[0] not in message.split(":", 1)[1].split(";")[0] or len(required) == 1
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_only_the_manager_submits(cast, zambia):
    assessment = started(cast, zambia)
    services.save_answers(assessment=assessment, actor=cast.editor, answers=required_answers())
    with pytest.raises(PermissionDenied):
        services.submit(assessment=assessment, actor=cast.editor)
    services.submit(assessment=assessment, actor=cast.manager)
    assessment.refresh_from_db()
    assert (assessment.status, assessment.submitted_by) == (AssessmentStatus.SUBMITTED, cast.manager)


def test_the_secretariat_returns_with_a_reason_then_validates(cast, zambia):
    assessment = started(cast, zambia)
    services.save_answers(assessment=assessment, actor=cast.editor, answers=required_answers())
    services.submit(assessment=assessment, actor=cast.manager)
    with pytest.raises(PermissionDenied):
        services.validate(assessment=assessment, actor=cast.manager)
    with pytest.raises(ValidationError):
        services.return_assessment(assessment=assessment, actor=cast.secretariat, reason="  ")
    services.return_assessment(assessment=assessment, actor=cast.secretariat, reason="Add evidence for the strategy.")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.RETURNED
    assert assessment.return_reason == "Add evidence for the strategy."
    # the member edits again and resubmits; the secretariat validates
    services.save_answers(assessment=assessment, actor=cast.editor, answers=all_answers(1))
    services.submit(assessment=assessment, actor=cast.manager)
    services.validate(assessment=assessment, actor=cast.secretariat)
    assessment.refresh_from_db()
    assert (assessment.status, assessment.validated_by) == (AssessmentStatus.VALIDATED, cast.secretariat)


def _validated(cast, zambia, levels=None):
    assessment = started(cast, zambia)
    services.save_answers(assessment=assessment, actor=cast.editor, answers=levels or all_answers(1))
    services.submit(assessment=assessment, actor=cast.manager)
    return services.validate(assessment=assessment, actor=cast.secretariat)


def test_editing_a_validated_assessment_is_refused_with_a_clear_message(cast, zambia):
    assessment = _validated(cast, zambia)
    first = framework().indicators[0].code
    with pytest.raises(PermissionDenied, match="validated; it can no longer be changed"):
        services.save_answers(assessment=assessment, actor=cast.manager, answers={first: 4})
    with pytest.raises(PermissionDenied, match="validated"):
        services.add_comment(assessment=assessment, actor=cast.editor, indicator_code=first, text="late")
    assert Answer.objects.get(assessment=assessment, indicator_code=first).level == 1


def test_comments_per_indicator(cast, zambia):
    assessment = started(cast, zambia)
    first = framework().indicators[0].code
    services.add_comment(assessment=assessment, actor=cast.editor, indicator_code=first, text="Ask the ministry")
    assert Comment.objects.get().text == "Ask the ministry"
    with pytest.raises(ValidationError):
        services.add_comment(assessment=assessment, actor=cast.editor, indicator_code=first, text=" ")
    with pytest.raises(PermissionDenied):
        services.add_comment(assessment=assessment, actor=cast.viewer, indicator_code=first, text="hi")


def test_evidence_link_and_pdf(cast, zambia):
    assessment = started(cast, zambia)
    first = framework().indicators[0].code
    services.add_evidence(
        assessment=assessment, actor=cast.editor, indicator_code=first, title="Strategy", url="https://gov.zm/ai"
    )
    pdf = SimpleUploadedFile("strategy.pdf", b"%PDF-1.4 strategy", content_type="application/pdf")
    item = services.add_evidence(
        assessment=assessment, actor=cast.editor, indicator_code=first, title="Strategy PDF", upload=pdf
    )
    assert (item.file_type, item.file_size) == ("pdf", 17)
    assert Evidence.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ....", "cannot be uploaded"),
        ("fake.pdf", b"<html>not a pdf", "not a PDF"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_evidence_of_the_wrong_type_is_refused(cast, zambia, name, content, message):
    assessment = started(cast, zambia)
    first = framework().indicators[0].code
    with pytest.raises(ValidationError, match=message):
        services.add_evidence(
            assessment=assessment, actor=cast.editor, indicator_code=first, title="x",
            upload=SimpleUploadedFile(name, content),
        )  # fmt: skip
    assert Evidence.objects.count() == 0


def test_evidence_too_large_is_refused(cast, zambia, settings):
    from harambee.events import materials

    assessment = started(cast, zambia)
    first = framework().indicators[0].code
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (materials.MAX_BYTES + 1 - 5))
    with pytest.raises(ValidationError, match="larger than"):
        services.add_evidence(assessment=assessment, actor=cast.editor, indicator_code=first, title="x", upload=big)
    assert Evidence.objects.count() == 0


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.org/a", "not a link"])
def test_a_bad_link_is_refused(cast, zambia, url):
    assessment = started(cast, zambia)
    first = framework().indicators[0].code
    with pytest.raises(ValidationError):
        services.add_evidence(assessment=assessment, actor=cast.editor, indicator_code=first, title="x", url=url)
    assert Evidence.objects.count() == 0


def test_public_flag_is_the_members_choice(cast, zambia):
    assessment = started(cast, zambia)
    with pytest.raises(PermissionDenied):
        services.set_public(assessment=assessment, actor=cast.viewer, public=True)
    with pytest.raises(PermissionDenied):
        services.set_public(assessment=assessment, actor=cast.secretariat, public=True)
    services.set_public(assessment=assessment, actor=cast.manager, public=True)
    assessment.refresh_from_db()
    assert assessment.public is True


def test_a_gap_becomes_a_draft_need_linked_back(cast, zambia):
    # given a validated assessment with every indicator at level 1
    assessment = _validated(cast, zambia)
    indicator = framework().indicators[0]
    # when the editor creates a need for the first gap
    link = services.create_need_from_gap(assessment=assessment, actor=cast.editor, indicator_code=indicator.code)
    # then a draft need of Zambia exists, prefilled from the framework, linked to the gap
    need = Posting.objects.get(pk=link.posting_id)
    assert (need.kind, need.status, need.member_id) == ("need", "draft", zambia.pk)
    assert set(need.themes) == set(indicator.capacity_areas)
    assert need.modalities == ([indicator.modality] if indicator.modality else [])
    assert need.title == indicator.need_title["en"][:200]
    assert indicator.guidance["en"][:40] in need.description
    assert (link.assessment_id, link.indicator_code) == (assessment.pk, indicator.code)
    # and a second time is refused
    with pytest.raises(ValidationError, match="already"):
        services.create_need_from_gap(assessment=assessment, actor=cast.editor, indicator_code=indicator.code)
    assert GapNeed.objects.count() == 1


def test_the_need_is_written_in_the_actors_language(cast, zambia):
    assessment = _validated(cast, zambia)
    indicator = framework().indicators[0]
    cast.editor.preferred_language = "fr"
    cast.editor.save()
    link = services.create_need_from_gap(assessment=assessment, actor=cast.editor, indicator_code=indicator.code)
    need = Posting.objects.get(pk=link.posting_id)
    assert need.language == "fr"
    assert need.title == indicator.need_title["fr"][:200]


def test_no_need_from_an_indicator_that_is_not_a_gap_or_a_draft(cast, zambia):
    codes = [i.code for i in framework().indicators]
    assessment = _validated(cast, zambia, levels=all_answers(3))
    with pytest.raises(ValidationError, match="not a gap"):
        services.create_need_from_gap(assessment=assessment, actor=cast.editor, indicator_code=codes[0])
    other = services.start_assessment(actor=cast.editor, member=zambia, year=2025)
    services.save_answers(assessment=other, actor=cast.editor, answers={codes[0]: 0})
    with pytest.raises(PermissionDenied, match="validated"):
        services.create_need_from_gap(assessment=other, actor=cast.editor, indicator_code=codes[0])
    assert Posting.objects.count() == 0
