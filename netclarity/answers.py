"""What an answer is for each question type, when it counts as given, and when it is valid.

Answers are plain JSON values keyed by question id, so the same dictionary is stored,
exported, imported and scored without conversion:

================  ==========================================================
type              value
================  ==========================================================
single_choice     option id (``str``); ``poll`` the same
multiple_choice   list of option ids
likert            index of the chosen point (``int``, 0 = first) or ``"na"``
number, slider    ``float``
allocation        ``{option id: amount}`` (amounts ≥ 0)
ranking           list of option ids, first = most important
choice_matrix     ``{row id: column id}``
short/long_text   ``str``
================  ==========================================================

Visibility (``show_if``) and validation live here, not in the UI, so the pages, the review,
the ``--walk`` check and the tests all agree on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netclarity.questionnaire import (
    Allocation,
    ChoiceMatrix,
    Condition,
    Likert,
    MultipleChoice,
    NumberQuestion,
    Page,
    Question,
    Questionnaire,
    Ranking,
    TextQuestion,
)

Answers = Mapping[str, Any]


def accepts_zero(question: Question) -> bool:
    """An allocation of free amounts (no fixed total): all zeros is a real answer.

    Someone who does no networking yet answers "how many hours" with zero everywhere; a
    constant sum (points to share out) is not answered until the points are shared.
    """
    return isinstance(question, Allocation) and question.total is None


def is_answered(value: Any) -> bool:
    """An answer counts as given when it holds something: not None, empty text or all zeros."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list):
        return len(value) > 0
    if isinstance(value, dict):
        return any(v not in (None, 0, "") for v in value.values())
    return True


def condition_holds(condition: Condition, answers: Answers) -> bool:
    value = answers.get(condition.subject)
    if condition.answered is not None:
        return is_answered(value)
    if not is_answered(value):
        return False
    if condition.equals is not None:
        return bool(value == condition.equals)
    if condition.not_equals is not None:
        return bool(value != condition.not_equals)
    if condition.in_ is not None:
        return value in condition.in_
    if condition.includes is not None:
        return isinstance(value, list) and condition.includes in value
    number = _number(value)
    if number is None:
        return False
    if condition.greater_than is not None:
        return number > condition.greater_than
    if condition.less_than is not None:
        return number < condition.less_than
    return False


def _number(value: Any) -> float | None:
    """A number to compare: the value itself, or the total of an allocation."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict):
        return float(sum(v for v in value.values() if isinstance(v, int | float)))
    return None


def is_visible(question: Question, answers: Answers) -> bool:
    return all(condition_holds(c, answers) for c in question.conditions)


def visible_questions(page: Page, answers: Answers) -> list[Question]:
    return [q for q in page.questions if is_visible(q, answers)]


def row_options(
    questionnaire: Questionnaire, question: ChoiceMatrix, answers: Answers
) -> list[str]:
    """Row ids a matrix shows: all rows, or only those used in the named allocation."""
    rows = [o.id for o in questionnaire.options_for(question.rows)]
    if question.only_rows_used_in is None:
        return rows
    used = answers.get(question.only_rows_used_in) or {}
    return [r for r in rows if isinstance(used, dict) and (used.get(r) or 0) > 0]


def allocation_total(value: Any) -> float:
    if not isinstance(value, dict):
        return 0.0
    return float(sum(v for v in value.values() if isinstance(v, int | float) and v > 0))


def problems(questionnaire: Questionnaire, question: Question, answers: Answers) -> list[str]:
    """Why the current answer to ``question`` cannot be accepted (empty list: it can)."""
    texts = questionnaire.texts
    value = answers.get(question.id)
    if isinstance(question, ChoiceMatrix) and not row_options(questionnaire, question, answers):
        return []  # no rows to answer (nothing used in the allocation): nothing is required
    if not is_answered(value):
        if accepts_zero(question) and isinstance(value, dict):
            return []
        if isinstance(question, Allocation) and question.total is not None and question.required:
            # the precise problem, in the words of the live counter: nothing is shared out yet
            unit = question.unit or texts.allocation_unit
            left = texts.numbers.amount(question.total)
            return [texts.allocation_left.format(left=left, unit=unit)]
        return [texts.required] if question.required else []
    if isinstance(question, MultipleChoice) and isinstance(value, list):
        if len(value) < question.min_selections:
            return [texts.select_at_least.format(n=question.min_selections)]
        if question.max_selections is not None and len(value) > question.max_selections:
            return [texts.select_at_most.format(n=question.max_selections)]
    if isinstance(question, Allocation) and question.total is not None:
        total = allocation_total(value)
        unit = question.unit or texts.allocation_unit
        if total < question.total:
            return [
                texts.allocation_left.format(
                    left=texts.numbers.amount(question.total - total), unit=unit
                )
            ]
        if total > question.total:
            return [
                texts.allocation_over.format(
                    over=texts.numbers.amount(total - question.total), unit=unit
                )
            ]
    if (
        isinstance(question, TextQuestion)
        and isinstance(value, str)
        and len(value) > question.max_length
    ):
        length, limit = len(value), question.max_length
        numbers = texts.numbers
        return [
            texts.too_long.format(
                length=numbers.format_number(length, ","), max=numbers.format_number(limit, ",")
            )
        ]
    if isinstance(question, ChoiceMatrix) and question.required and isinstance(value, dict):
        missing = [r for r in row_options(questionnaire, question, answers) if r not in value]
        if missing:
            return [texts.required]
    return []


def page_problems(
    questionnaire: Questionnaire, page: Page, answers: Answers
) -> dict[str, list[str]]:
    """Problems per visible question on a page; a page may be left when this is empty."""
    found = {q.id: problems(questionnaire, q, answers) for q in visible_questions(page, answers)}
    return {qid: msgs for qid, msgs in found.items() if msgs}


def clean(questionnaire: Questionnaire, answers: Answers) -> dict[str, Any]:
    """Only the answers to questions that exist and are visible, in questionnaire order.

    Hidden answers are kept in storage (a person may flip a condition back), but they
    are not scored, reviewed or exported.
    """
    result: dict[str, Any] = {}
    for question in questionnaire.questions:
        if question.id in answers and is_visible(question, result):
            result[question.id] = answers[question.id]
    return result


def amount_text(questionnaire: Questionnaire, question: Question, value: float) -> str:
    """An amount of an answer as a person reads it: money (``role: money``) with the
    questionnaire's currency, anything else as a plain amount, both in its number
    conventions."""
    numbers = questionnaire.texts.numbers
    if isinstance(question, Allocation) and question.role == "money" and numbers.currency:
        return numbers.money(value, ",.0f" if float(value).is_integer() else ",.2f")
    return numbers.amount(value)


def display(questionnaire: Questionnaire, question: Question, value: Any) -> str:
    """An answer as one line of plain text (exports, compact lists)."""
    return "; ".join(display_lines(questionnaire, question, value))


def display_lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    """An answer as plain-text lines: one per part of a list, allocation or matrix answer.

    Used by the review page and the PDF, where "8 hours" under each channel reads better
    than one long sentence. A stored value of an unexpected shape (saved under an older
    version of the questionnaire) is shown as it is rather than breaking the page.
    """
    if accepts_zero(question) and isinstance(value, dict) and not is_answered(value):
        unit = f" {question.unit}" if isinstance(question, Allocation) and question.unit else ""
        return [f"{amount_text(questionnaire, question, 0)}{unit}"]
    if not is_answered(value):
        return [questionnaire.texts.not_answered]
    labels = {o.id: o.label for o in questionnaire.choices(question)}
    numbers = questionnaire.texts.numbers
    if isinstance(question, Likert):
        if value == "na":
            return [question.not_applicable or "n/a"]
        if isinstance(value, int) and 0 <= value < len(question.points):
            return [question.points[value]]
    elif isinstance(question, Allocation) and isinstance(value, dict):
        unit = f" {question.unit}" if question.unit else ""
        return [
            f"{labels.get(k, k)}: {amount_text(questionnaire, question, v)}{unit}"
            for k, v in value.items()
            if isinstance(v, int | float) and v
        ]
    elif isinstance(question, Ranking) and isinstance(value, list):
        return [f"{i}. {labels.get(v, v)}" for i, v in enumerate(value, start=1)]
    elif isinstance(question, ChoiceMatrix) and isinstance(value, dict):
        columns = {c.id: c.label for c in question.columns}
        return [f"{labels.get(r, r)}: {columns.get(c, c)}" for r, c in value.items()]
    elif isinstance(question, NumberQuestion) and isinstance(value, int | float):
        return [f"{numbers.amount(float(value))}{' ' + question.unit if question.unit else ''}"]
    if isinstance(value, list):
        return [labels.get(v, v) if isinstance(v, str) else str(v) for v in value]
    return [labels.get(value, str(value)) if isinstance(value, str) else str(value)]
