"""``number`` (typed in) and ``slider``: a number from ``min`` to ``max``, stored as it is."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

from netclarity.question_types import base, sampling
from netclarity.questionnaire import Condition, NumberQuestion, Question, Questionnaire


def check(questionnaire: Questionnaire, question: Question, value: Any) -> list[base.Issue]:
    assert isinstance(question, NumberQuestion)
    return base.number_issue(value, question.min, question.max)


def lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    assert isinstance(question, NumberQuestion)
    if not base.is_answered(value):
        return base.not_answered(questionnaire)
    unit = f" {question.unit}" if question.unit else ""
    return [f"{questionnaire.texts.numbers.amount(float(value))}{unit}"]


def cells(questionnaire: Questionnaire, question: Question, value: Any) -> list[Any]:
    return [value if base.is_answered(value) else ""]


def samples(
    questionnaire: Questionnaire,
    question: Question,
    conditions: Sequence[Condition],
    situation: base.Answers,
) -> list[Any]:
    assert isinstance(question, NumberQuestion)
    grid = question.type == "slider"
    return sampling.numbers(question.min, question.max, question.step, conditions, grid)


def repair(questionnaire: Questionnaire, question: Question) -> base.Repair:
    """A number within the question's bounds as they are now."""
    assert isinstance(question, NumberQuestion)
    low, high = question.min, question.max
    return base.kept_when(lambda value: base.is_number(value) and low <= value <= high)


def summary(
    questionnaire: Questionnaire, question: Question, values: Sequence[Any]
) -> base.RoomSummary:
    """The median answer and how many gave one."""
    median = statistics.median(values) if values else None
    return base.RoomSummary(question, len(values), median=median)


def hint(questionnaire: Questionnaire, question: Question) -> str:
    assert isinstance(question, NumberQuestion)
    return f"; its answers go from {question.min:g} to {question.max:g}"


TYPE = base.QuestionType(
    names=("number", "slider"),
    check=check,
    problems=base.unanswered_problems,
    lines=lines,
    columns=base.no_columns,
    cells=cells,
    samples=samples,
    hint=hint,
    repair=repair,
    summary=summary,
)
