"""Demo readiness assessments (issue 15), written through the assessment services (so audited):
Zambia's 2025 and 2026 assessments validated and public, two gaps of 2026 turned into needs that are
published (and so matched); Egypt's 2026 assessment in draft; and validated public assessments of
other African, least developed and landlocked States, so that Zambia's radar shows the medians of its
region and groups (each over at least three members)."""

from django.utils import timezone

from harambee.assessments import services
from harambee.assessments.core.framework import get_framework
from harambee.postings.services import posting_transition
from harambee.registry.models import Member

#: Level per dimension of each demo State's latest assessment (every indicator of the dimension).
PEERS = {
    "eth": {"legal": 2, "social": 2, "economic": 1, "scientific": 2, "technological": 1},
    "uga": {"legal": 3, "social": 2, "economic": 2, "scientific": 1, "technological": 2},
    "rwa": {"legal": 4, "social": 3, "economic": 3, "scientific": 2, "technological": 3},
    "ken": {"legal": 3, "social": 2, "economic": 3, "scientific": 3, "technological": 3},
}
ZAMBIA_2025 = {"legal": 2, "social": 1, "economic": 1, "scientific": 1, "technological": 1}
ZAMBIA_2026 = {"legal": 3, "social": 1, "economic": 1, "scientific": 2, "technological": 2}
EGYPT_DRAFT = {"legal": 3, "technological": 2}


def _levels(framework, by_dimension: dict[str, int]) -> dict[str, int]:
    return {i.code: by_dimension[i.dimension] for i in framework.indicators if i.dimension in by_dimension}


def _validated(*, member, year, levels, actor, secretariat, public=True):
    framework = get_framework()
    assessment = services.start_assessment(actor=actor, member=member, year=year, is_demo=True)
    services.save_answers(assessment=assessment, actor=actor, answers=_levels(framework, levels))
    services.submit(assessment=assessment, actor=actor)
    services.validate(assessment=assessment, actor=secretariat)
    if public:
        services.set_public(assessment=assessment, actor=actor, public=True)
    return assessment


def load_demo_assessments(people: dict) -> int:
    """Create the demo assessments; how many."""
    members = Member.objects.in_bulk(field_name="code")
    secretariat = people["secretariat@demo.harambee.test"]
    zambia_manager = people["zambia.manager@demo.harambee.test"]
    zambia_editor = people["zambia.editor@demo.harambee.test"]
    framework = get_framework()
    year = timezone.localdate().year
    count = 0
    # Other States (no demo account acts for them: the platform itself enters their answers, their
    # validation is the secretariat's)
    for code, levels in PEERS.items():
        _validated(member=members[code], year=year, levels=levels, actor=None, secretariat=secretariat)
        count += 1
    # Zambia: last year's and this year's, with a comment, an evidence link and a return on the way
    _validated(member=members["zmb"], year=year - 1, levels=ZAMBIA_2025, actor=zambia_manager, secretariat=secretariat)
    assessment = services.start_assessment(actor=zambia_manager, member=members["zmb"], year=year, is_demo=True)
    services.save_answers(assessment=assessment, actor=zambia_editor, answers=_levels(framework, ZAMBIA_2026))
    first = framework.indicators[0].code
    services.add_comment(
        assessment=assessment, actor=zambia_editor, indicator_code=first,
        text="The national AI strategy was adopted in 2024; its implementation plan is being costed.",
    )  # fmt: skip
    services.add_evidence(
        assessment=assessment, actor=zambia_editor, indicator_code=first, title="Ministry of Technology and Science",
        url="https://www.mots.gov.zm/",
    )  # fmt: skip
    services.submit(assessment=assessment, actor=zambia_manager)
    services.return_assessment(
        assessment=assessment, actor=secretariat, reason="Please link the evidence for the strategy before validation."
    )
    services.submit(assessment=assessment, actor=zambia_manager)
    services.validate(assessment=assessment, actor=secretariat)
    services.set_public(assessment=assessment, actor=zambia_manager, public=True)
    count += 2
    # Two gaps become needs, published like any need (and so matched)
    answers = {a.indicator_code: a.level for a in assessment.answers.all()}
    gaps = [i for i in framework.indicators if answers.get(i.code) is not None and answers[i.code] < 2][:2]
    for indicator in gaps:
        link = services.create_need_from_gap(
            assessment=assessment, actor=zambia_manager, indicator_code=indicator.code, language="en", is_demo=True
        )
        posting_transition(posting=link.posting, actor=zambia_manager, action="submit")
    # Egypt: this year's in draft, partly answered (in Arabic by its manager)
    egypt = services.start_assessment(
        actor=people["egypt.manager@demo.harambee.test"], member=members["egy"], year=year, is_demo=True
    )
    services.save_answers(
        assessment=egypt, actor=people["egypt.manager@demo.harambee.test"], answers=_levels(framework, EGYPT_DRAFT)
    )
    return count + 1
