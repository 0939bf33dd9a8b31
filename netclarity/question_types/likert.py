"""``likert``: one point of a scale, stored as its position (``0`` = the first label), or
``"na"`` when the question offers "does not apply"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from netclarity.question_types import base
from netclarity.questionnaire import Condition, Likert, Question, Questionnaire

NOT_APPLICABLE = "na"


def check(questionnaire: Questionnaire, question: Question, value: Any) -> list[base.Issue]:
    assert isinstance(question, Likert)
    if value == NOT_APPLICABLE and question.not_applicable is not None:
        return []
    last = len(question.points) - 1
    if isinstance(value, bool) or not isinstance(value, int):
        extra = f' or "{NOT_APPLICABLE}"' if question.not_applicable is not None else ""
        return [("", f"must be a point's position, 0 to {last}{extra}, not {base.kind(value)}")]
    return base.number_issue(value, 0, last)


def lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    assert isinstance(question, Likert)
    if not base.is_answered(value):
        return base.not_answered(questionnaire)
    return [_label(question, value)]


def _label(question: Likert, value: Any) -> str:
    if value == NOT_APPLICABLE:
        return question.not_applicable or "n/a"
    return question.points[int(value)]


def cells(questionnaire: Questionnaire, question: Question, value: Any) -> list[Any]:
    """The chosen point's label."""
    assert isinstance(question, Likert)
    if not base.is_answered(value):
        return [""]
    return [_label(question, value)]


def samples(
    questionnaire: Questionnaire,
    question: Question,
    conditions: Sequence[Condition],
    situation: base.Answers,
) -> list[Any]:
    assert isinstance(question, Likert)
    return [*range(len(question.points)), *([NOT_APPLICABLE] if question.not_applicable else [])]


def repair(questionnaire: Questionnaire, question: Question) -> base.Repair:
    """A point the scale still has (a scale that had more points keeps the ones it has)."""
    assert isinstance(question, Likert)
    points: set[object] = set(range(len(question.points)))
    if question.not_applicable is not None:
        points.add(NOT_APPLICABLE)
    return base.kept_when(
        lambda value: (
            isinstance(value, int | str) and not isinstance(value, bool) and value in points
        )
    )


def summary(
    questionnaire: Questionnaire, question: Question, values: Sequence[Any]
) -> base.RoomSummary:
    """How many chose each point (and "does not apply")."""
    assert isinstance(question, Likert)
    points = {str(i): point for i, point in enumerate(question.points)}
    if question.not_applicable:
        points[NOT_APPLICABLE] = question.not_applicable
    return base.counted(question, points, values, len(values))


def hint(questionnaire: Questionnaire, question: Question) -> str:
    assert isinstance(question, Likert)
    return f"; its answers are the points' positions, 0 to {len(question.points) - 1}"


TYPE = base.QuestionType(
    names=("likert",),
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
