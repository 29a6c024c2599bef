"""Scores of a readiness assessment on the framework's 0–4 maturity scale, and peer medians.

The method (docs/assessments.md): a dimension's score is the weighted mean of the levels of its
answered indicators; the overall score is the weighted mean over all answered indicators; unanswered
indicators count for nothing (not as 0). A peer median is computed per value over at least
`min_members` members' scores, else it is not shown.
"""

import statistics
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from harambee.assessments.core.framework import Framework, Indicator

MAX_LEVEL = 4
MIN_MEMBERS = 3


@dataclass(frozen=True)
class Score:
    """Values on the 0–4 scale; None where nothing was answered. `answered` of `total` indicators."""

    overall: float | None
    by_dimension: Mapping[str, float | None]
    answered: int
    total: int

    def __hash__(self) -> int:
        return hash((self.overall, tuple(self.by_dimension.items()), self.answered, self.total))

    def to_dict(self) -> dict:
        """Plain, JSON-ready values (exports, API)."""
        return {
            "overall": self.overall,
            "by_dimension": dict(self.by_dimension),
            "answered": self.answered,
            "total": self.total,
        }


class AnswerError(str):
    """A problem of one answer: the English message, with `indicator`, `problem` ("unknown" or
    "out_of_scale") and `value` for a caller that words it in the reader's language."""

    indicator: str
    problem: str
    value: object

    def __new__(cls, message: str, *, indicator: str, problem: str, value: object):
        error = super().__new__(cls, message)
        error.indicator, error.problem, error.value = indicator, problem, value
        return error


def _is_level(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_LEVEL


def validate_answers(framework: Framework, answers: Mapping[str, int | None]) -> list[AnswerError]:
    """The problems of `answers` (indicator code → level 0–4 or None): unknown codes, levels off the scale."""
    known = {indicator.code for indicator in framework.indicators}
    errors = []
    for code, value in answers.items():
        if code not in known:
            errors.append(
                AnswerError(
                    f'"{code}" is not an indicator of framework {framework.version}',
                    indicator=code,
                    problem="unknown",
                    value=value,
                )
            )
        elif value is not None and not _is_level(value):
            errors.append(
                AnswerError(
                    f'"{code}": {value!r} is not a level of the scale 0–{MAX_LEVEL}',
                    indicator=code,
                    problem="out_of_scale",
                    value=value,
                )
            )
    return errors


def missing_required(framework: Framework, answers: Mapping[str, int | None]) -> list[str]:
    """The codes of required indicators without an answer, in framework order."""
    return [i.code for i in framework.indicators if i.required and answers.get(i.code) is None]


def _weighted_mean(pairs: list[tuple[float, int]]) -> float | None:
    total_weight = sum(weight for weight, _ in pairs)
    if not total_weight:
        return None
    return sum(weight * level for weight, level in pairs) / total_weight


def score(framework: Framework, answers: Mapping[str, int | None], *, only: Collection[str] | None = None) -> Score:
    """The score of `answers`; codes the framework lacks are ignored, levels off the scale raise ValueError.

    `only` restricts the score to these indicator codes (e.g. `comparable(old, new)` to compare two
    years answered under different framework versions).
    """
    out_of_scale = [e for e in validate_answers(framework, answers) if e.problem == "out_of_scale"]
    if out_of_scale:
        raise ValueError("; ".join(out_of_scale))
    indicators = [i for i in framework.indicators if only is None or i.code in only]
    answered = [(i, answers[i.code]) for i in indicators if answers.get(i.code) is not None]
    by_dimension = {
        dimension.code: _weighted_mean([(i.weight, level) for i, level in answered if i.dimension == dimension.code])
        for dimension in framework.dimensions
    }
    return Score(
        overall=_weighted_mean([(i.weight, level) for i, level in answered]),
        by_dimension=MappingProxyType(by_dimension),
        answered=len(answered),
        total=len(indicators),
    )


def _median(values: list[float | None], min_members: int) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if len(present) >= min_members else None


def peer_median(scores: Sequence[Score], *, min_members: int = MIN_MEMBERS) -> Score | None:
    """The median of peers' scores, value by value; None when fewer than `min_members` scores are given.

    A value (overall or a dimension) that fewer than `min_members` members have is None too, so no
    value ever stands for fewer members. `answered` and `total` are the medians (lower) of theirs.
    """
    if len(scores) < min_members or not scores:
        return None
    dimensions = list(dict.fromkeys(code for s in scores for code in s.by_dimension))
    return Score(
        overall=_median([s.overall for s in scores], min_members),
        by_dimension=MappingProxyType(
            {code: _median([s.by_dimension.get(code) for s in scores], min_members) for code in dimensions}
        ),
        answered=statistics.median_low([s.answered for s in scores]),
        total=statistics.median_low([s.total for s in scores]),
    )


def comparable(old: Framework, new: Framework) -> frozenset[str]:
    """The indicator codes both versions share with the same revision: their answers compare across years."""
    old_revisions = {i.code: i.revision for i in old.indicators}
    return frozenset(i.code for i in new.indicators if old_revisions.get(i.code) == i.revision)


def gaps(framework: Framework, answers: Mapping[str, int | None], *, below: int) -> list[Indicator]:
    """The answered indicators whose level is below `below` (1–5), in framework order."""
    if not isinstance(below, int) or isinstance(below, bool) or not 1 <= below <= MAX_LEVEL + 1:
        raise ValueError(f"below must be a level from 1 to {MAX_LEVEL + 1}, not {below!r}")
    return [i for i in framework.indicators if _is_level(level := answers.get(i.code)) and level < below]
