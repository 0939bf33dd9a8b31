"""Completed responses made up from a questionnaire file, for benchmarks that need a full room.

Each response answers every question a person would see, in page order, so conditions
(``show_if``, matrix rows used in an allocation) are decided by the answers given before,
exactly as on screen. Values follow ``netclarity.answers`` for each type; allocations with a
total add up to it. Every response is checked with ``answers.page_problems`` (nothing
missing, nothing invalid), so the benchmarks measure valid rooms, not malformed data.
A seed makes a room reproducible.
"""

from __future__ import annotations

import random
from typing import Any

from netclarity import answers as answer_rules
from netclarity.question_types import choice_matrix
from netclarity.questionnaire import (
    Allocation,
    ChoiceMatrix,
    Likert,
    MultipleChoice,
    NumberQuestion,
    Poll,
    Question,
    Questionnaire,
    Ranking,
    SingleChoice,
    TextQuestion,
)

WORDS = (
    *("clients", "community", "coffee", "breakfast", "referrals", "learning", "events"),
    *("partners", "trust", "time", "introductions", "advice", "newsletter", "online"),
    *("meetups", "friends", "ideas", "follow-up", "local", "group"),
)


def response(questionnaire: Questionnaire, rng: random.Random) -> dict[str, Any]:
    """One completed set of answers: every visible question answered, page by page."""
    given: dict[str, Any] = {}
    for page in questionnaire.pages:
        for question in page.questions:
            if answer_rules.is_visible(question, given):
                value = answer(questionnaire, question, given, rng)
                if value is not None:
                    given[question.id] = value
        problems = answer_rules.page_problems(questionnaire, page, given)
        if problems:
            raise ValueError(f"made-up answers for page {page.id!r} are invalid: {problems}")
    return given


def responses(questionnaire: Questionnaire, count: int, seed: int = 0) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [response(questionnaire, rng) for _ in range(count)]


def answer(
    questionnaire: Questionnaire, question: Question, given: dict[str, Any], rng: random.Random
) -> Any:
    """A valid answer to one question (None for a matrix that has no rows to show)."""
    if isinstance(question, SingleChoice | Poll):
        return rng.choice(questionnaire.choices(question)).id
    if isinstance(question, MultipleChoice):
        ids = [o.id for o in questionnaire.choices(question)]
        most = min(question.max_selections or len(ids), len(ids))
        picked = rng.sample(ids, rng.randint(max(question.min_selections, 1), most))
        return [i for i in ids if i in picked]
    if isinstance(question, Likert):
        return rng.randrange(len(question.points))
    if isinstance(question, NumberQuestion):
        steps = int((question.max - question.min) / question.step)
        return float(question.min + question.step * rng.randint(0, steps))
    if isinstance(question, Allocation):
        return allocation(questionnaire, question, rng)
    if isinstance(question, Ranking):
        ids = [o.id for o in questionnaire.choices(question)]
        return rng.sample(ids, len(ids))
    if isinstance(question, ChoiceMatrix):
        rows = choice_matrix.row_options(questionnaire, question, given)
        columns = [c.id for c in question.columns]
        return {row: rng.choice(columns) for row in rows} or None
    if isinstance(question, TextQuestion):
        text = " ".join(rng.choices(WORDS, k=rng.randint(3, 40)))
        return text[: question.max_length].strip() or WORDS[0]
    raise TypeError(f"no made-up answer for {type(question).__name__}")


def allocation(
    questionnaire: Questionnaire, question: Allocation, rng: random.Random
) -> dict[str, float]:
    """Amounts on a few options; with a total, whole steps that add up to it exactly."""
    ids = [o.id for o in questionnaire.choices(question)]
    chosen = rng.sample(ids, rng.randint(1, min(4, len(ids))))
    if question.total is None:
        most = int(min(question.max_each, 40) / question.step)
        return {i: float(question.step * rng.randint(1, max(most, 1))) for i in chosen}
    steps = round(question.total / question.step)
    cuts = sorted(rng.sample(range(1, steps), min(len(chosen) - 1, steps - 1)))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, steps], strict=True)]
    return {i: float(part * question.step) for i, part in zip(chosen, parts, strict=False)}
