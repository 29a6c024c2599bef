"""The evaluation survey's questions, read from `data/survey.toml` (source and version there): ratings
from 1 to 5 and free-text answers, each labelled in the six UN languages."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

QUESTIONS_PATH = Path(__file__).resolve().parent / "data" / "survey.toml"
RATINGS = (1, 2, 3, 4, 5)
MAX_TEXT = 2000


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "rating" or "text"
    required: bool
    labels: dict
    low: dict
    high: dict

    def _in(self, texts: dict, language: str | None) -> str:
        language = (language or get_language() or "en").split("-")[0]
        return texts.get(language) or texts.get("en", "")

    def label(self, language: str | None = None) -> str:
        return self._in(self.labels, language)

    def low_label(self, language: str | None = None) -> str:
        return self._in(self.low, language)

    def high_label(self, language: str | None = None) -> str:
        return self._in(self.high, language)


@dataclass(frozen=True)
class Survey:
    source: str
    version: str
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


@cache
def survey() -> Survey:
    data = tomllib.loads(QUESTIONS_PATH.read_text(encoding="utf-8"))
    questions = tuple(
        Question(
            id=q["id"],
            kind=q["kind"],
            required=q.get("required", False),
            labels=q["label"],
            low=q.get("low", {}),
            high=q.get("high", {}),
        )
        for q in data["questions"]
    )
    return Survey(source=data["source"], version=data["version"], questions=questions)
