"""``ranking``: the options in order of importance, stored as their ids, first = most
important (``["clients", "learning", ...]``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from netclarity.question_types import base, sampling
from netclarity.questionnaire import Condition, Question, Questionnaire


def check(questionnaire: Questionnaire, question: Question, value: Any) -> list[base.Issue]:
    return base.list_of(value, base.option_ids(questionnaire, question))


def lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    if not base.is_answered(value):
        return base.not_answered(questionnaire)
    labels = base.labels(questionnaire, question)
    return [f"{i}. {labels[v]}" for i, v in enumerate(value, start=1)]


def samples(
    questionnaire: Questionnaire,
    question: Question,
    conditions: Sequence[Condition],
    situation: base.Answers,
) -> list[Any]:
    """The order offered: no condition can look inside a ranking."""
    return [base.option_ids(questionnaire, question)]


def summary(
    questionnaire: Questionnaire, question: Question, values: Sequence[Any]
) -> base.RoomSummary:
    """How many people put each option first."""
    firsts = [value[0] for value in values]
    return base.counted(question, base.labels(questionnaire, question), firsts, len(values))


def hint(questionnaire: Questionnaire, question: Question) -> str:
    return sampling.options_hint(base.option_ids(questionnaire, question))


TYPE = base.QuestionType(
    names=("ranking",),
    check=check,
    problems=base.unanswered_problems,
    lines=lines,
    columns=base.no_columns,
    cells=base.joined_labels,
    samples=samples,
    hint=hint,
    repair=base.listed_options,
    summary=summary,
)
