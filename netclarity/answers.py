"""When a question is shown, when its answer counts as given, and when it is valid.

What an answer looks like for each question type, and how it is checked and shown, lives in
that type's module (``netclarity.question_types``); this module applies them to a whole
questionnaire. Visibility (``show_if``) and validation live here, not in the UI, so the
pages, the review, the ``--walk`` check and the tests all agree on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netclarity.question_types import type_of
from netclarity.question_types.base import Repair, is_answered
from netclarity.questionnaire import Condition, Page, Question, Questionnaire, Ranking

__all__ = [
    "Answers",
    "accepted_as_shown",
    "clean",
    "condition_holds",
    "display",
    "display_lines",
    "is_answered",
    "is_visible",
    "page_problems",
    "problems",
    "value_problems",
    "visible_questions",
]

Answers = Mapping[str, Any]


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


def problems(questionnaire: Questionnaire, question: Question, answers: Answers) -> list[str]:
    """Why the current answer to ``question`` cannot be accepted (empty list: it can)."""
    return type_of(question).problems(questionnaire, question, answers.get(question.id), answers)


def page_problems(
    questionnaire: Questionnaire, page: Page, answers: Answers
) -> dict[str, list[str]]:
    """Problems per visible question on a page; a page may be left when this is empty."""
    found = {q.id: problems(questionnaire, q, answers) for q in visible_questions(page, answers)}
    return {qid: msgs for qid, msgs in found.items() if msgs}


def accepted_as_shown(questionnaire: Questionnaire, page: Page, given: Answers) -> dict[str, Any]:
    """Answers a person gives by leaving a question as it is shown when they go on: a ranking
    left untouched accepts the order offered."""
    return {
        question.id: [o.id for o in questionnaire.choices(question)]
        for question in visible_questions(page, given)
        if isinstance(question, Ranking) and not given.get(question.id)
    }


def clean(questionnaire: Questionnaire, answers: Answers) -> dict[str, Any]:
    """Only the answers to questions that exist and are visible, in questionnaire order,
    each fitted to its question as it is now (``fitted``).

    Hidden answers are kept in storage (a person may flip a condition back), but they
    are not scored, reviewed or exported.
    """
    given = fitted(questionnaire, answers)
    result: dict[str, Any] = {}
    for question in questionnaire.questions:
        if question.id in given and is_visible(question, result):
            result[question.id] = given[question.id]
    return result


def fitted(questionnaire: Questionnaire, answers: Answers) -> dict[str, Any]:
    """Stored answers as this version of the questionnaire can hold them: what a question
    no longer offers (an option, a row, an amount out of bounds, another shape) is left
    out by its type's ``repair``, and answers to questions it does not have are kept as
    they are (they stay in storage, unread). Readers of the result do not re-check it."""
    result = dict(answers)
    for question_id, repair in _repairs(questionnaire):
        if question_id in result:
            value = repair(result[question_id])
            if value is None:
                del result[question_id]
            else:
                result[question_id] = value
    return result


_REPAIRS: dict[int, tuple[Questionnaire, list[tuple[str, Repair]]]] = {}


def _repairs(questionnaire: Questionnaire) -> list[tuple[str, Repair]]:
    """Each question's repair, made once per questionnaire object (a few are in use)."""
    kept = _REPAIRS.get(id(questionnaire))
    if kept is not None and kept[0] is questionnaire:
        return kept[1]
    made = [(q.id, type_of(q).repair(questionnaire, q)) for q in questionnaire.questions]
    if len(_REPAIRS) >= 32:
        _REPAIRS.clear()
    _REPAIRS[id(questionnaire)] = (questionnaire, made)
    return made


def display(questionnaire: Questionnaire, question: Question, value: Any) -> str:
    """An answer as one line of plain text (exports, compact lists)."""
    return "; ".join(display_lines(questionnaire, question, value))


def display_lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    """An answer as plain-text lines: one per part of a list, allocation or matrix answer.

    Used by the review page and the PDF, where "8 hours" under each place reads better than
    one long sentence. A stored value of an unexpected shape (saved under an older version
    of the questionnaire) is shown as it is rather than breaking the page.
    """
    return type_of(question).lines(questionnaire, question, value)


def value_problems(questionnaire: Questionnaire, given: Answers) -> list[str]:
    """Where answers from outside the app's own widgets (a file) do not fit their questions,
    as ``answers.QUESTION[.PART]: what`` lines, e.g. ``answers.hours.meetups: must be a
    number, not text``. Answers to questions the questionnaire does not have, and ``null``
    (not answered), are not looked at."""
    found = []
    for question in questionnaire.questions:
        value = given.get(question.id)
        if value is None:
            continue
        for where, what in type_of(question).check(questionnaire, question, value):
            path = ".".join(part for part in ("answers", question.id, where) if part)
            found.append(f"{path}: {what}")
    return found
