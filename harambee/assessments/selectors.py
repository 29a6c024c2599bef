"""Reads of readiness assessments: lists, one assessment with what its pages show, scores and the peer
comparison (the medians of a member's region and groups over the members that chose to publish)."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from harambee.registry.models import CountryGroup, Member, MemberStatus

from .core.framework import Framework, get_framework
from .core.scoring import Score, peer_median, score
from .models import Assessment, AssessmentStatus, GapNeed

#: The country groups a member is compared with (registry data), beside its M49 region.
COMPARED_GROUPS = ("LDC", "LLDC", "SIDS")
MIN_PEERS = 3


def framework_of(assessment: Assessment) -> Framework:
    return get_framework(assessment.framework_version)


def answers_of(assessment: Assessment) -> dict[str, int | None]:
    return {a.indicator_code: a.level for a in assessment.answers.all()}


def score_of(assessment: Assessment) -> Score:
    return score(framework_of(assessment), answers_of(assessment))


def assessments_of_member(qs: QuerySet[Assessment], member: Member) -> QuerySet[Assessment]:
    """`member`'s assessments in `qs` (what the reader may see), latest year first, with their answers."""
    return qs.filter(member=member).prefetch_related("answers").order_by("-year")


def assessments_listing(qs: QuerySet[Assessment]) -> QuerySet[Assessment]:
    return qs.select_related("member__country").prefetch_related("answers").order_by("-year", "member__code")


def review_queue() -> QuerySet[Assessment]:
    """Submitted assessments waiting for the secretariat, oldest submission first."""
    return (
        Assessment.objects.filter(status=AssessmentStatus.SUBMITTED)
        .select_related("member__country")
        .prefetch_related("answers")
        .order_by("submitted_at", "pk")
    )


def assessment_full(assessment: Assessment) -> Assessment:
    """The assessment with its answers, comments (with authors), evidence and needs from gaps."""
    return (
        Assessment.objects.filter(pk=assessment.pk)
        .select_related("member__country", "submitted_by", "validated_by")
        .prefetch_related(
            "answers",
            "comments__author",
            "evidence",
            Prefetch("gap_needs", queryset=GapNeed.objects.select_related("posting")),
        )
        .get()
    )


def latest_public(member: Member) -> Assessment | None:
    """`member`'s latest validated public assessment (what its country page shows), or None."""
    return (
        Assessment.objects.filter(
            member=member, public=True, status=AssessmentStatus.VALIDATED, member__status=MemberStatus.ACTIVE
        )
        .prefetch_related("answers")
        .order_by("-year")
        .first()
    )


def _published_latest() -> list[Assessment]:
    """Each active member's latest validated assessment when that one is public (one query + answers)."""
    latest: dict[int, Assessment] = {}
    rows = (
        Assessment.objects.filter(status=AssessmentStatus.VALIDATED, member__status=MemberStatus.ACTIVE)
        .select_related("member__country")
        .prefetch_related("answers")
        .order_by("member_id", "-year")
    )
    for assessment in rows:
        latest.setdefault(assessment.member_id, assessment)
    return [a for a in latest.values() if a.public]


@dataclass
class PeerSeries:
    kind: str  # "region" or "group"
    code: str
    name: str
    members: int
    median: Score | None  # None when fewer than MIN_PEERS published


def peer_comparison(member: Member) -> list[PeerSeries]:
    """The medians of `member`'s M49 region and of each compared group it belongs to, over the members
    whose latest validated assessment is public; a median over fewer than MIN_PEERS members is None."""
    country = member.country
    if country is None:
        return []
    published = _published_latest()
    group_codes = set(
        CountryGroup.countries.through.objects.filter(
            country_id=country.pk, countrygroup_id__in=COMPARED_GROUPS
        ).values_list("countrygroup_id", flat=True)
    )
    in_groups: dict[str, set[str]] = {code: set() for code in group_codes}
    if group_codes:
        for group_id, country_id in CountryGroup.countries.through.objects.filter(
            countrygroup_id__in=group_codes
        ).values_list("countrygroup_id", "country_id"):
            in_groups[group_id].add(country_id)
    series = []
    if country.region_id:
        peers = [a for a in published if a.member.country and a.member.country.region_id == country.region_id]
        median = peer_median([score_of(a) for a in peers], min_members=MIN_PEERS)
        series.append(PeerSeries("region", country.region_id, country.region.name, len(peers), median))
    for code in COMPARED_GROUPS:
        if code not in group_codes:
            continue
        peers = [a for a in published if a.member.country_id in in_groups[code]]
        median = peer_median([score_of(a) for a in peers], min_members=MIN_PEERS)
        series.append(PeerSeries("group", code, CountryGroup(code=code).name, len(peers), median))
    return series
