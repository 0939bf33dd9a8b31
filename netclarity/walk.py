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

import itertools
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from netclarity import answers
from netclarity.questionnaire import (
    Allocation,
    ChoiceMatrix,
    Condition,
    Likert,
    MultipleChoice,
    NumberQuestion,
    Question,
    Questionnaire,
    Ranking,
    TextQuestion,
    WithOptions,
)

DataPath = tuple[str | int, ...]
Situation = dict[str, Any]

MAX_SITUATIONS = 10_000
"""Distinct situations carried at once; real questionnaires need a few dozen."""

UNCERTAIN = "(not certain: there were too many combinations of answers to try them all)"

MAX_NAMED_OPTIONS = 6
"""Options named in conditions on one multiple choice question whose every combination is
tried (2**6 = 64 answers); beyond this, each named option alone and all of them are tried."""


@dataclass(frozen=True)
class Finding:
    """A dead end: ``path`` points into the YAML data (for its line), ``message`` says why."""

    path: DataPath
    message: str


@dataclass(frozen=True)
class WalkResult:
    findings: list[Finding]
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
                if isinstance(question, ChoiceMatrix) and answers.row_options(
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
        findings = [Finding(f.path, f"{f.message} {UNCERTAIN}") for f in findings]
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


def _named(conditions: list[Condition]) -> list[Any]:
    """Every value a condition compares an answer with (not the thresholds)."""
    named: list[Any] = []
    for c in conditions:
        named += [v for v in (c.equals, c.not_equals, c.includes) if v is not None]
        named += c.in_ or []
    return named


def _thresholds(conditions: list[Condition]) -> list[float]:
    return [t for c in conditions for t in (c.greater_than, c.less_than) if t is not None]


def _answers_to(
    questionnaire: Questionnaire,
    question: Question,
    looked_at: dict[str, list[Condition]],
    situation: Situation,
) -> list[Any]:
    """Answers to ``question`` that its later conditions can tell apart, all of them valid."""
    conditions = looked_at.get(question.id, [])
    ids = [o.id for o in questionnaire.choices(question)]
    if isinstance(question, MultipleChoice):
        return _selections(question, ids, _named(conditions))
    if isinstance(question, Ranking):
        return [ids]
    if isinstance(question, WithOptions) and not isinstance(question, Allocation):
        named = [i for i in ids if i in _named(conditions)]
        return named + [i for i in ids if i not in named][:1]
    if isinstance(question, Likert):
        return [*range(len(question.points)), *(["na"] if question.not_applicable else [])]
    if isinstance(question, NumberQuestion):
        grid = question.type == "slider"
        return _numbers(question.min, question.max, question.step, conditions, grid)
    if isinstance(question, Allocation):
        return _allocations(question, ids, conditions)
    if isinstance(question, ChoiceMatrix):
        rows = answers.row_options(questionnaire, question, situation)
        return [{rows[0]: question.columns[0].id}] if rows else []
    assert isinstance(question, TextQuestion)
    texts = [v for v in dict.fromkeys(_named(conditions)) if isinstance(v, str) and v.strip()]
    return [*texts, "x" * (max(map(len, texts), default=0) + 1)]  # and one unlike them all


def _selections(question: MultipleChoice, ids: list[str], named: list[Any]) -> list[Any]:
    """Sets of options: every combination of the named ones (or each alone and all
    together, when many are named), and one of only unnamed ones, each padded with
    unnamed options up to ``min_selections`` and dropped when over ``max_selections``."""
    tested = [i for i in ids if i in named]
    others = [i for i in ids if i not in tested]
    if len(tested) <= MAX_NAMED_OPTIONS:
        groups: Iterable[tuple[str, ...]] = itertools.chain.from_iterable(
            itertools.combinations(tested, size) for size in range(len(tested) + 1)
        )
    else:
        groups = [(), *((i,) for i in tested), tuple(tested)]
    found: list[list[str]] = []
    for group in groups:
        chosen = set(group) | set(others[: max(0, question.min_selections - len(group))])
        if not group and not chosen:
            chosen = set(others[:1])
        selection = [i for i in ids if i in chosen]
        most = question.max_selections or len(ids)
        if (
            selection
            and selection not in found
            and question.min_selections <= len(selection) <= most
        ):
            found.append(selection)
    return found


def _numbers(
    low: float, high: float, step: float, conditions: list[Condition], grid: bool
) -> list[float]:
    """The ends of the range, each threshold with the steps either side of it, and each
    value named by an ``equals``/``in`` that a respondent can enter."""
    values = {low, high}
    for threshold in _thresholds(conditions):
        below = low + math.floor((threshold - low) / step) * step
        values.update(below + k * step for k in (-1, 0, 1))
    for named in _named(conditions):
        if isinstance(named, int | float) and not isinstance(named, bool):
            on_grid = math.isclose((named - low) / step, round((named - low) / step))
            if on_grid or not grid:
                values.add(float(named))
    return sorted(round(v, 9) for v in values if low <= v <= high)


def _allocations(question: Allocation, ids: list[str], conditions: list[Condition]) -> list[Any]:
    """Allocations whose totals are the ones that matter: the fixed ``total`` of a constant
    sum, or for free amounts the totals around each threshold (zero means unanswered)."""
    most = question.max_each * len(ids)
    if question.total is not None:
        totals = [question.total] if question.total <= most else []
    else:
        totals = [t for t in _numbers(0, most, question.step, conditions, grid=True) if t > 0]
    return [_spread(total, ids, question.max_each) for total in totals]


def _spread(total: float, ids: list[str], max_each: float) -> dict[str, float]:
    """``total`` given to the options in order, each up to ``max_each``."""
    amounts: dict[str, float] = {}
    left = total
    for option in ids:
        if left <= 0:
            break
        amounts[option] = min(left, max_each)
        left -= amounts[option]
    return amounts


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


def _answers_hint(questionnaire: Questionnaire, question: Question) -> str:
    """What answers the question can give, to show why a test on it never passes."""
    if isinstance(question, NumberQuestion):
        return f"; its answers go from {question.min:g} to {question.max:g}"
    if isinstance(question, Likert):
        return f"; its answers are the points' positions, 0 to {len(question.points) - 1}"
    if isinstance(question, Allocation) and question.total is not None:
        return f"; its answers always add up to {question.total:g}"
    if isinstance(question, WithOptions) and not isinstance(question, Allocation):
        return f"; its options are {', '.join(o.id for o in questionnaire.choices(question))}"
    return ""


def _never_shown(
    questionnaire: Questionnaire, shown: set[str], held: set[tuple[str, int]]
) -> list[Finding]:
    positions = _positions(questionnaire)
    findings: list[Finding] = []
    for question in questionnaire.questions:
        if question.id in shown:
            continue
        head = f"question '{question.id}' can never be shown"
        position = positions[question.id]
        never = [n for n in range(len(question.conditions)) if (question.id, n) not in held]
        if not never:
            findings.append(
                Finding((*position, "show_if"), f"{head}: its conditions never hold together")
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
                f"{_answers_hint(questionnaire, subject)}"
            )
        findings.append(Finding(path, f"{head}: {reason}"))
    return findings


def _never_with_rows(
    questionnaire: Questionnaire, shown: set[str], with_rows: set[str]
) -> list[Finding]:
    positions = _positions(questionnaire)
    return [
        Finding(
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
