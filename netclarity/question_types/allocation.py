"""``allocation``: an amount per option, stored as ``{option id: amount}`` (amounts from 0 to
``max_each``); with ``total`` the amounts are points to share out and must add up to it.

Free amounts (no ``total``) left at zero everywhere are a real answer: someone who does no
networking yet answers "how many hours" with zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from netclarity.question_types import base, sampling
from netclarity.questionnaire import Allocation, Condition, Question, Questionnaire


def accepts_zero(question: Question) -> bool:
    """An allocation of free amounts (no fixed total): all zeros is a real answer.

    Someone who does no networking yet answers "how many hours" with zero everywhere; a
    constant sum (points to share out) is not answered until the points are shared.
    """
    return isinstance(question, Allocation) and question.total is None


def total(value: Any) -> float:
    """The sum of the amounts given (none: 0)."""
    if not isinstance(value, dict):
        return 0.0
    return float(sum(v for v in value.values() if base.is_number(v) and v > 0))


def most(question: Allocation) -> float:
    """The largest amount one option can be given: all the points of a constant sum, or
    ``max_each`` of free amounts."""
    return question.total if question.total is not None else question.max_each


def check(questionnaire: Questionnaire, question: Question, value: Any) -> list[base.Issue]:
    assert isinstance(question, Allocation)

    def amount(item: Any, key: str) -> list[base.Issue]:
        return base.number_issue(item, 0, most(question), key)

    return base.mapping_of(value, base.option_ids(questionnaire, question), amount)


def problems(
    questionnaire: Questionnaire, question: Question, value: Any, answers: base.Answers
) -> list[str]:
    assert isinstance(question, Allocation)
    if not base.is_answered(value):
        if accepts_zero(question) and isinstance(value, dict):
            return []
        if question.total is not None and question.required:
            # the precise problem, in the words of the live counter: nothing is shared out yet
            return [_left(questionnaire, question, question.total)]
        return base.required(questionnaire, question)
    if question.total is None:
        return []
    given = total(value)
    if given < question.total:
        return [_left(questionnaire, question, question.total - given)]
    if given > question.total:
        texts = questionnaire.texts
        unit = question.unit or texts.allocation_unit
        over = texts.numbers.amount(given - question.total)
        return [texts.allocation_over.format(over=over, unit=unit)]
    return []


def _left(questionnaire: Questionnaire, question: Allocation, left: float) -> str:
    texts = questionnaire.texts
    unit = question.unit or texts.allocation_unit
    return texts.allocation_left.format(left=texts.numbers.amount(left), unit=unit)


def amount_text(questionnaire: Questionnaire, question: Question, value: float) -> str:
    """An amount of an answer as a person reads it: money (``role: money``) with the
    questionnaire's currency, anything else as a plain amount, both in its number
    conventions."""
    numbers = questionnaire.texts.numbers
    if isinstance(question, Allocation) and question.role == "money" and numbers.currency:
        return numbers.money(value, ",.0f" if float(value).is_integer() else ",.2f")
    return numbers.amount(value)


def lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    """One line per option given an amount: "LinkedIn groups: 4 hours"."""
    assert isinstance(question, Allocation)
    unit = f" {question.unit}" if question.unit else ""
    if accepts_zero(question) and value is not None and not base.is_answered(value):
        return [f"{amount_text(questionnaire, question, 0)}{unit}"]
    if not base.is_answered(value):
        return base.not_answered(questionnaire)
    labels = base.labels(questionnaire, question)
    return [
        f"{labels[k]}: {amount_text(questionnaire, question, v)}{unit}"
        for k, v in value.items()
        if v
    ]


def columns(questionnaire: Questionnaire, question: Question) -> list[str]:
    """A column per option (``hours.meetups``)."""
    return base.option_ids(questionnaire, question)


def cells(questionnaire: Questionnaire, question: Question, value: Any) -> list[Any]:
    amounts = value or {}
    return [amounts.get(option) for option in base.option_ids(questionnaire, question)]


def samples(
    questionnaire: Questionnaire,
    question: Question,
    conditions: Sequence[Condition],
    situation: base.Answers,
) -> list[Any]:
    """Allocations whose totals are the ones that matter: the fixed ``total`` of a constant
    sum, or for free amounts the totals around each threshold (zero means unanswered)."""
    assert isinstance(question, Allocation)
    ids = base.option_ids(questionnaire, question)
    most = question.max_each * len(ids)
    if question.total is not None:
        totals = [question.total] if question.total <= most else []
    else:
        totals = [
            t for t in sampling.numbers(0, most, question.step, conditions, grid=True) if t > 0
        ]
    return [_spread(t, ids, question.max_each) for t in totals]


def _spread(amount: float, ids: list[str], max_each: float) -> dict[str, float]:
    """``amount`` given to the options in order, each up to ``max_each``."""
    amounts: dict[str, float] = {}
    left = amount
    for option in ids:
        if left <= 0:
            break
        amounts[option] = min(left, max_each)
        left -= amounts[option]
    return amounts


def repair(questionnaire: Questionnaire, question: Question) -> base.Repair:
    """The amounts for options still offered that are still within bounds."""
    assert isinstance(question, Allocation)
    upper = most(question)
    return base.known_entries(
        base.option_ids(questionnaire, question),
        lambda amount: base.is_number(amount) and 0 <= amount <= upper,
    )


def summary(
    questionnaire: Questionnaire, question: Question, values: Sequence[Any]
) -> base.RoomSummary:
    """The average amount per option over those who answered, largest first (ties keep
    the questionnaire's order)."""
    labels = base.labels(questionnaire, question)
    averages = [
        (label, sum(value.get(option, 0) for value in values) / len(values))
        for option, label in labels.items()
    ]
    averages.sort(key=lambda row: -row[1])
    return base.RoomSummary(question, len(values), counts=tuple(averages), averages=True)


def hint(questionnaire: Questionnaire, question: Question) -> str:
    assert isinstance(question, Allocation)
    if question.total is not None:
        return f"; its answers always add up to {question.total:g}"
    return ""


TYPE = base.QuestionType(
    names=("allocation",),
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
