"""``short_text`` and ``long_text``: what the person typed, stored exactly as typed (up to
``max_length`` characters are accepted on Next; longer text is kept, and pointed out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from netclarity.question_types import base, sampling
from netclarity.questionnaire import Condition, Question, Questionnaire, TextQuestion


def check(questionnaire: Questionnaire, question: Question, value: Any) -> list[base.Issue]:
    if not isinstance(value, str):
        return [("", f"must be text, not {base.kind(value)}")]
    return []


def problems(
    questionnaire: Questionnaire, question: Question, value: Any, answers: base.Answers
) -> list[str]:
    assert isinstance(question, TextQuestion)
    if not base.is_answered(value):
        return base.required(questionnaire, question)
    if isinstance(value, str) and len(value) > question.max_length:
        numbers = questionnaire.texts.numbers
        return [
            questionnaire.texts.too_long.format(
                length=numbers.count(len(value)),
                max=numbers.count(question.max_length),
            )
        ]
    return []


def lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    if not base.is_answered(value):
        return base.not_answered(questionnaire)
    return [str(value)]


def cells(questionnaire: Questionnaire, question: Question, value: Any) -> list[Any]:
    return [str(value) if base.is_answered(value) else ""]


def samples(
    questionnaire: Questionnaire,
    question: Question,
    conditions: Sequence[Condition],
    situation: base.Answers,
) -> list[Any]:
    """Each text a condition names, and one unlike them all."""
    texts = [
        v for v in dict.fromkeys(sampling.named(conditions)) if isinstance(v, str) and v.strip()
    ]
    return [*texts, "x" * (max(map(len, texts), default=0) + 1)]


def repair(questionnaire: Questionnaire, question: Question) -> base.Repair:
    return base.kept_when(lambda value: isinstance(value, str))


def summary(
    questionnaire: Questionnaire, question: Question, values: Sequence[Any]
) -> base.RoomSummary:
    """Every answer, in the order given (the room's shuffled order), without names."""
    return base.RoomSummary(question, len(values), texts=tuple(v.strip() for v in values))


def hint(questionnaire: Questionnaire, question: Question) -> str:
    return ""


TYPE = base.QuestionType(
    names=("short_text", "long_text"),
    check=check,
    problems=problems,
    lines=lines,
    columns=base.no_columns,
    cells=cells,
    samples=samples,
    hint=hint,
    repair=repair,
    summary=summary,
)
