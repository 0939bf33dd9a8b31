"""Walk every path a respondent can take through a questionnaire, to find dead ends.

A question whose ``show_if`` can never hold, or a matrix that can never have a row, is a
mistake no one notices by clicking through once: the file loads, and the question just
never appears. This check finds such questions before respondents (or a coach) do.

How it stays small: questions are visited in order, carrying the set of distinct
*situations* a respondent can be in, a situation being the answers to those earlier
questions that a later condition still looks at (hidden questions count as unanswered,
exactly as ``answers.clean`` treats them). At such a question we branch only over answers
that some condition can tell apart: each option a condition names and one it does not,
unanswered (unless the question is required while shown), and values below, at and above
each ``greater_than``/``less_than`` threshold. Once no later question looks at an answer it
is forgotten, which merges situations. Their number is capped at ``MAX_SITUATIONS``; the
result says when the cap was reached, because findings are then no longer certain.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from netclarity import answers
from netclarity.question_types import choice_matrix, type_of
from netclarity.questionnaire import ChoiceMatrix, Condition, Question, Questionnaire

DataPath = tuple[str | int, ...]
Situation = dict[str, Any]

MAX_SITUATIONS = 10_000
"""Distinct situations carried at once; real questionnaires need a few dozen."""

UNCERTAIN = "(not certain: there were too many combinations of answers to try them all)"


@dataclass(frozen=True)
class DeadEnd:
    """A dead end: ``path`` points into the YAML data (for its line), ``message`` says why."""

    path: DataPath
    message: str


@dataclass(frozen=True)
class WalkResult:
    findings: list[DeadEnd]
    most_situations: int
    capped: bool


def walk(questionnaire: Questionnaire, max_situations: int = MAX_SITUATIONS) -> WalkResult:
    """Find questions that can never be shown and matrices that can never have a row."""
    questions = questionnaire.questions
    last_use = _last_use(questions)
    looked_at = _conditions_on(questions)
    situations: list[Situation] = [{}]
    shown: set[str] = set()
    with_rows: set[str] = set()
    held: set[tuple[str, int]] = set()
    most, capped = 1, False
    for index, question in enumerate(questions):
        following: list[Situation] = []
        for situation in situations:
            for number, condition in enumerate(question.conditions):
                if answers.condition_holds(condition, situation):
                    held.add((question.id, number))
            visible = answers.is_visible(question, situation)
            if visible:
                shown.add(question.id)
                if isinstance(question, ChoiceMatrix) and choice_matrix.row_options(
                    questionnaire, question, situation
                ):
                    with_rows.add(question.id)
            if last_use.get(question.id, -1) <= index:
                following.append(situation)
                continue
            values = _answers_to(questionnaire, question, looked_at, situation) if visible else []
            if not (visible and question.required) or not values:
                values.append(None)
            following += [_with(situation, question.id, value) for value in values]
        situations = _distinct(_forget(following, last_use, index))
        most = max(most, len(situations))
        if len(situations) > max_situations:
            situations, capped = _spread_out(situations, max_situations), True
    findings = _never_shown(questionnaire, shown, held) + _never_with_rows(
        questionnaire, shown, with_rows
    )
    if capped:
        findings = [DeadEnd(f.path, f"{f.message} {UNCERTAIN}") for f in findings]
    return WalkResult(findings, most, capped)


# --- bookkeeping ---------------------------------------------------------------------------


def _looks_at(question: Question) -> list[str]:
    """Ids of the earlier questions whose answers decide how ``question`` is shown."""
    ids = [c.subject for c in question.conditions]
    if isinstance(question, ChoiceMatrix) and question.only_rows_used_in:
        ids.append(question.only_rows_used_in)
    return ids


def _last_use(questions: list[Question]) -> dict[str, int]:
    last: dict[str, int] = {}
    for index, question in enumerate(questions):
        for subject in _looks_at(question):
            last[subject] = index
    return last


def _conditions_on(questions: list[Question]) -> dict[str, list[Condition]]:
    found: dict[str, list[Condition]] = {}
    for question in questions:
        for condition in question.conditions:
            found.setdefault(condition.subject, []).append(condition)
    return found


def _with(situation: Situation, question_id: str, value: Any) -> Situation:
    if value is None:
        return situation
    return {**situation, question_id: value}


def _forget(situations: list[Situation], last_use: dict[str, int], index: int) -> list[Situation]:
    """Drop answers no question after ``index`` looks at."""
    return [{k: v for k, v in s.items() if last_use.get(k, -1) > index} for s in situations]


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def _distinct(situations: list[Situation]) -> list[Situation]:
    unique: dict[Any, Situation] = {}
    for situation in situations:
        unique.setdefault(_frozen(situation), situation)
    return list(unique.values())


def _spread_out(situations: list[Situation], count: int) -> list[Situation]:
    """``count`` of the situations, drawn the same way on every run from the whole list
    (the first ``count`` would all share the first answers; every n-th one can keep in
    step with the branching and miss whole answers)."""
    draw = random.Random(len(situations))  # noqa: S311 (a fair sample, not a secret)
    chosen = draw.sample(range(len(situations)), count)
    return [situations[i] for i in sorted(chosen)]


# --- the answers that matter ---------------------------------------------------------------


def _answers_to(
    questionnaire: Questionnaire,
    question: Question,
    looked_at: dict[str, list[Condition]],
    situation: Situation,
) -> list[Any]:
    """Answers to ``question`` that its later conditions can tell apart, all of them valid."""
    conditions = looked_at.get(question.id, [])
    return type_of(question).samples(questionnaire, question, conditions, situation)


# --- findings --------------------------------------------------------------------------------


def _positions(questionnaire: Questionnaire) -> dict[str, DataPath]:
    return {
        q.id: ("pages", p, "questions", i)
        for p, page in enumerate(questionnaire.pages)
        for i, q in enumerate(page.questions)
    }


def _condition_path(question: Question, position: DataPath, number: int) -> DataPath:
    if isinstance(question.show_if, list):
        return (*position, "show_if", number)
    return (*position, "show_if")


def _as_written(condition: Condition) -> str:
    """A condition the way it is written in the file, e.g. ``{question: day, equals: friday}``."""
    if condition.answered is not None:
        return f"{{answered: {condition.answered}}}"
    for key, value in condition.model_dump(by_alias=True, exclude_none=True).items():
        if key != "question":
            shown = (
                f"[{', '.join(map(_plain, value))}]" if isinstance(value, list) else _plain(value)
            )
            return f"{{question: {condition.question}, {key}: {shown}}}"
    return f"{{question: {condition.question}}}"


def _plain(value: Any) -> str:
    """A scalar as YAML shows it: ``10`` not ``10.0``, ``true`` not ``True``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _never_shown(
    questionnaire: Questionnaire, shown: set[str], held: set[tuple[str, int]]
) -> list[DeadEnd]:
    positions = _positions(questionnaire)
    findings: list[DeadEnd] = []
    for question in questionnaire.questions:
        if question.id in shown:
            continue
        head = f"question '{question.id}' can never be shown"
        position = positions[question.id]
        never = [n for n in range(len(question.conditions)) if (question.id, n) not in held]
        if not never:
            findings.append(
                DeadEnd((*position, "show_if"), f"{head}: its conditions never hold together")
            )
            continue
        condition = question.conditions[never[0]]
        subject = questionnaire.question(condition.subject)
        path = _condition_path(question, position, never[0])
        if subject.id not in shown:
            reason = f"it looks at '{subject.id}', which is never shown"
        else:
            reason = (
                f"no answer to '{subject.id}' makes {_as_written(condition)} hold"
                f"{type_of(subject).hint(questionnaire, subject)}"
            )
        findings.append(DeadEnd(path, f"{head}: {reason}"))
    return findings


def _never_with_rows(
    questionnaire: Questionnaire, shown: set[str], with_rows: set[str]
) -> list[DeadEnd]:
    positions = _positions(questionnaire)
    return [
        DeadEnd(
            (*positions[q.id], "only_rows_used_in"),
            f"question '{q.id}' can never show a row: whenever it is shown, "
            f"no amount above zero can have been given in '{q.only_rows_used_in}'",
        )
        for q in questionnaire.questions
        if isinstance(q, ChoiceMatrix)
        and q.only_rows_used_in
        and q.id in shown
        and q.id not in with_rows
    ]
