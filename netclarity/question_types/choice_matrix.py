"""``choice_matrix``: one column per row, stored as ``{row id: column id}`` — e.g. for each
place, whether the person goes because they want to, feel they should, or both.

With ``only_rows_used_in`` a matrix asks only about the places given an amount above zero in
that allocation; with no such place it has nothing to ask and needs no answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from netclarity.question_types import base
from netclarity.questionnaire import ChoiceMatrix, Condition, Question, Questionnaire


def row_options(
    questionnaire: Questionnaire, question: ChoiceMatrix, answers: base.Answers
) -> list[str]:
    """Row ids a matrix shows: all rows, or only those used in the named allocation."""
    rows = [o.id for o in questionnaire.options_for(question.rows)]
    if question.only_rows_used_in is None:
        return rows
    used = answers.get(question.only_rows_used_in) or {}
    return [
        r for r in rows if isinstance(used, dict) and base.is_number(used.get(r)) and used[r] > 0
    ]


def check(questionnaire: Questionnaire, question: Question, value: Any) -> list[base.Issue]:
    assert isinstance(question, ChoiceMatrix)
    columns = [c.id for c in question.columns]

    def column(item: Any, key: str) -> list[base.Issue]:
        return base.one_of(item, columns, key, what="columns")

    return base.mapping_of(value, base.option_ids(questionnaire, question), column, "rows")


def problems(
    questionnaire: Questionnaire, question: Question, value: Any, answers: base.Answers
) -> list[str]:
    assert isinstance(question, ChoiceMatrix)
    rows = row_options(questionnaire, question, answers)
    if not rows:
        return []  # no rows to answer (nothing used in the allocation): nothing is required
    if not base.is_answered(value):
        return base.required(questionnaire, question)
    if question.required and isinstance(value, dict) and any(r not in value for r in rows):
        return base.required(questionnaire, question)
    return []


def lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    """One line per row answered: "Breakfast club: Because I should"."""
    assert isinstance(question, ChoiceMatrix)
    if not base.is_answered(value):
        return base.not_answered(questionnaire)
    labels = base.labels(questionnaire, question)
    columns = {c.id: c.label for c in question.columns}
    return [f"{labels[r]}: {columns[c]}" for r, c in value.items()]


def columns(questionnaire: Questionnaire, question: Question) -> list[str]:
    """A column per row (``motive.meetups``)."""
    return base.option_ids(questionnaire, question)


def cells(questionnaire: Questionnaire, question: Question, value: Any) -> list[Any]:
    """The chosen column's label for each row."""
    assert isinstance(question, ChoiceMatrix)
    chosen = value or {}
    labels = {c.id: c.label for c in question.columns}
    return [
        labels[chosen[row]] if row in chosen else None
        for row in base.option_ids(questionnaire, question)
    ]


def samples(
    questionnaire: Questionnaire,
    question: Question,
    conditions: Sequence[Condition],
    situation: base.Answers,
) -> list[Any]:
    """The first column for the first row shown: no condition can look inside a matrix."""
    assert isinstance(question, ChoiceMatrix)
    rows = row_options(questionnaire, question, situation)
    return [{rows[0]: question.columns[0].id}] if rows else []


def repair(questionnaire: Questionnaire, question: Question) -> base.Repair:
    """The rows still offered whose choice is still one of the columns."""
    assert isinstance(question, ChoiceMatrix)
    columns = frozenset(c.id for c in question.columns)
    return base.known_entries(
        base.option_ids(questionnaire, question),
        lambda column: isinstance(column, str) and column in columns,
    )


def summary(
    questionnaire: Questionnaire, question: Question, values: Sequence[Any]
) -> base.RoomSummary:
    """How many people chose each column, per row; pairs nobody chose are left out."""
    assert isinstance(question, ChoiceMatrix)
    pairs = [
        (f"{row}: {column.label}", sum(1 for value in values if value.get(row_id) == column.id))
        for row_id, row in base.labels(questionnaire, question).items()
        for column in question.columns
    ]
    counts = tuple((name, count) for name, count in pairs if count)
    return base.RoomSummary(question, len(values), counts=counts)


def hint(questionnaire: Questionnaire, question: Question) -> str:
    return ""


TYPE = base.QuestionType(
    names=("choice_matrix",),
    check=check,
    problems=problems,
    lines=lines,
    columns=columns,
    cells=cells,
    samples=samples,
    hint=hint,
    repair=repair,
    summary=summary,
)
