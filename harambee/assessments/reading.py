"""What the read view and the country page show of an assessment: scores per dimension, the radar
(`core.radar.radar_svg`) of the member against the medians of its region and groups, and the data table
beside it; the questionnaire's rows by dimension. Labels come from the framework in the reader's language."""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from .core.framework import Framework, text
from .core.radar import RadarSeries, radar_svg
from .core.scoring import MAX_LEVEL
from .core.scoring import score as core_score
from .models import Assessment
from .selectors import answers_of, framework_of, peer_comparison, score_of


def lang() -> str:
    return get_language() or "en"


def fmt(value: float | None) -> str:
    return "—" if value is None else number_format(round(value, 1), 1)


@dataclass
class TableRow:
    label: str
    values: list[str]


@dataclass
class Radar:
    svg: str
    columns: list[str]
    rows: list[TableRow]
    hidden: list[str] = field(default_factory=list)  # comparisons left out (fewer than 3 members)


def radar_for(assessment: Assessment, *, compare: bool = True) -> Radar:
    """The radar of `assessment` (and of its peers' medians where at least three members published)."""
    framework = framework_of(assessment)
    own = score_of(assessment)
    dimensions = list(framework.dimensions)
    axes = [text(d.title, lang()) for d in dimensions]
    name = _("%(member)s, %(year)s") % {"member": assessment.member.display_name, "year": assessment.year}
    series = [RadarSeries(name=name, values=[own.by_dimension.get(d.code) for d in dimensions], css_class="own")]
    hidden = []
    if compare:
        for index, peer in enumerate(peer_comparison(assessment.member)):
            label = (
                _("Median of %(region)s (%(count)s members)") if peer.kind == "region"
                else _("Median of %(group)s (%(count)s members)")
            ) % {"region": peer.name, "group": peer.name, "count": peer.members}  # fmt: skip
            if peer.median is None:
                hidden.append(
                    _("%(name)s: fewer than 3 members have published an assessment; no median is shown.")
                    % {"name": peer.name}
                )
                continue
            series.append(
                RadarSeries(
                    name=label,
                    values=[peer.median.by_dimension.get(d.code) for d in dimensions],
                    css_class=f"peer peer-{index}",
                )
            )
    svg = radar_svg(
        axes=axes,
        series=series,
        max_value=MAX_LEVEL,
        title=_("Readiness by dimension, %(member)s") % {"member": assessment.member.display_name},
        description=_("Scores from 0 to 4 per dimension; the same figures are in the table."),
        rtl=get_language_bidi(),
    )
    # one row per dimension, one column per series: readable on a narrow screen
    rows = [TableRow(label=axis, values=[fmt(s.values[i]) for s in series]) for i, axis in enumerate(axes)]
    return Radar(svg=mark_safe(svg), columns=[s.name for s in series], rows=rows, hidden=hidden)  # noqa: S308 (core escapes)


@dataclass
class IndicatorRow:
    indicator: object
    question: str
    evidence_hint: str
    levels: list[tuple[int, str, str]]  # level, its name on the scale, its definition for this indicator
    level: int | None
    level_label: str
    level_text: str
    note: str
    comments: list
    evidence: list
    required: bool
    gap_need: object = None


@dataclass
class DimensionBlock:
    code: str
    title: str
    description: str
    score: str
    answered: int
    total: int
    rows: list[IndicatorRow]


def dimension_blocks(assessment: Assessment, framework: Framework | None = None) -> list[DimensionBlock]:
    """The framework's dimensions with each indicator's question, level definitions and answer, in the
    reader's language; comments, evidence and needs from gaps from the prefetched assessment."""
    framework = framework or framework_of(assessment)
    answers = {a.indicator_code: a for a in assessment.answers.all()}
    comments: dict[str, list] = {}
    for comment in assessment.comments.all():
        comments.setdefault(comment.indicator_code, []).append(comment)
    evidence: dict[str, list] = {}
    for item in assessment.evidence.all():
        evidence.setdefault(item.indicator_code, []).append(item)
    needs = {g.indicator_code: g for g in assessment.gap_needs.all()}
    scale = {s.level: text(s.label, lang()) for s in framework.scale}
    own = core_score(framework, {code: a.level for code, a in answers.items()})
    blocks = []
    for dimension in framework.dimensions:
        rows = []
        for indicator in framework.indicators_in(dimension.code):
            answer = answers.get(indicator.code)
            level = answer.level if answer else None
            rows.append(
                IndicatorRow(
                    indicator=indicator,
                    question=text(indicator.question, lang()),
                    evidence_hint=text(indicator.evidence, lang()),
                    levels=[(i, scale.get(i, ""), text(d, lang())) for i, d in enumerate(indicator.levels)],
                    level=level,
                    level_label=scale.get(level, "") if level is not None else "",
                    level_text=text(indicator.levels[level], lang()) if level is not None else "",
                    note=answer.note if answer else "",
                    comments=comments.get(indicator.code, []),
                    evidence=evidence.get(indicator.code, []),
                    required=indicator.required,
                    gap_need=needs.get(indicator.code),
                )
            )
        blocks.append(
            DimensionBlock(
                code=dimension.code,
                title=text(dimension.title, lang()),
                description=text(dimension.description, lang()),
                score=fmt(own.by_dimension.get(dimension.code)),
                answered=sum(1 for r in rows if r.level is not None),
                total=len(rows),
                rows=rows,
            )
        )
    return blocks


def progress(assessment: Assessment) -> tuple[int, int]:
    framework = framework_of(assessment)
    answers = answers_of(assessment)
    return sum(1 for i in framework.indicators if answers.get(i.code) is not None), len(framework.indicators)
