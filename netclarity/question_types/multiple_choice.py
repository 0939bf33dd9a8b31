"""``multiple_choice``: any number of options (within ``min``/``max_selections``), stored as
the list of their ids in the order offered (``["clients", "learning"]``)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from netclarity.question_types import base, sampling
from netclarity.questionnaire import Condition, MultipleChoice, Question, Questionnaire

MAX_NAMED_OPTIONS = 6
"""Options named in conditions whose every combination the walker tries (2**6 = 64
answers); beyond this, each named option alone and all of them are tried."""


def check(questionnaire: Questionnaire, question: Question, value: Any) -> list[base.Issue]:
    return base.list_of(value, base.option_ids(questionnaire, question))


def problems(
    questionnaire: Questionnaire, question: Question, value: Any, answers: base.Answers
) -> list[str]:
    assert isinstance(question, MultipleChoice)
    if not base.is_answered(value):
        return base.required(questionnaire, question)
    texts = questionnaire.texts
    if isinstance(value, list) and len(value) < question.min_selections:
        return [texts.select_at_least.format(n=question.min_selections)]
    if (
        isinstance(value, list)
        and question.max_selections is not None
        and len(value) > question.max_selections
    ):
        return [texts.select_at_most.format(n=question.max_selections)]
    return []


def lines(questionnaire: Questionnaire, question: Question, value: Any) -> list[str]:
    if not base.is_answered(value):
        return base.not_answered(questionnaire)
    labels = base.labels(questionnaire, question)
    return [labels[v] for v in value]


def samples(
    questionnaire: Questionnaire,
    question: Question,
    conditions: Sequence[Condition],
    situation: base.Answers,
) -> list[Any]:
    """Sets of options: every combination of the named ones (or each alone and all
    together, when many are named), and one of only unnamed ones, each padded with
    unnamed options up to ``min_selections`` and dropped when over ``max_selections``."""
    assert isinstance(question, MultipleChoice)
    ids = base.option_ids(questionnaire, question)
    named = sampling.named(conditions)
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


def summary(
    questionnaire: Questionnaire, question: Question, values: Sequence[Any]
) -> base.RoomSummary:
    """How many people chose each option."""
    chosen = [option for value in values for option in value]
    return base.counted(question, base.labels(questionnaire, question), chosen, len(values))


def hint(questionnaire: Questionnaire, question: Question) -> str:
    return sampling.options_hint(base.option_ids(questionnaire, question))


TYPE = base.QuestionType(
    names=("multiple_choice",),
    check=check,
    problems=problems,
    lines=lines,
    columns=base.no_columns,
    cells=base.joined_labels,
    samples=samples,
    hint=hint,
    repair=base.listed_options,
    summary=summary,
)
