"""``single_choice`` and ``poll``: one option, stored as its id (``"clients"``).

A poll is a single choice whose results a workshop room sees live; as an answer the two are
the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from netclarity.question_types import base, sampling
from netclarity.questionnaire import Condition, Question, Questionnaire


def check(questionnaire: Questionnaire, question: Question, value: Any) -> list[base.Issue]:
    return base.one_of(value, base.option_ids(questionnaire, question))


def lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    if not base.is_answered(value):
        return base.not_answered(questionnaire)
    return [base.labels(questionnaire, question)[value]]


def cells(questionnaire: Questionnaire, question: Question, value: Any) -> list[Any]:
    if not base.is_answered(value):
        return [""]
    return [base.labels(questionnaire, question)[value]]


def samples(
    questionnaire: Questionnaire,
    question: Question,
    conditions: Sequence[Condition],
    situation: base.Answers,
) -> list[Any]:
    return sampling.named_first(base.option_ids(questionnaire, question), conditions)


def hint(questionnaire: Questionnaire, question: Question) -> str:
    return sampling.options_hint(base.option_ids(questionnaire, question))


TYPE = base.QuestionType(
    names=("single_choice", "poll"),
    check=check,
    problems=base.unanswered_problems,
    lines=lines,
    columns=base.no_columns,
    cells=cells,
    samples=samples,
    hint=hint,
    repair=base.one_of_options,
    summary=base.counted_choices,
)
