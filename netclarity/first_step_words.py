"""The first step in words, for the results page and the PDF alike.

``netclarity.first_step`` decides what moves; this says it the way a coach would, in the
questionnaire's own language (every sentence is a ``texts:`` entry), with the reason for each
move drawn from the person's answers: why hours leave a place, and why they go where they go.
"""

from __future__ import annotations

from dataclasses import dataclass

from netclarity.questionnaire import Questionnaire
from netclarity.scoring import Scores
from netclarity.texts import NumberTexts


@dataclass(frozen=True)
class StepWords:
    """A heading sentence and the points under it (one per place that changes)."""

    intro: str
    items: tuple[str, ...]


def describe(questionnaire: Questionnaire, scores: Scores) -> StepWords | None:
    """The first step as sentences; None until goals and hours are given."""
    step = scores.first_step
    if step is None:
        return None
    texts = questionnaire.texts
    amount = texts.numbers.amount
    labels = {c.id: c.chart_label for c in questionnaire.channels}
    if step.kind == "starter":
        places = [labels[c] for c, hours in step.hours.items() if hours > 0]
        hours = max(step.hours.values(), default=0.0)
        return StepWords(texts.first_step_starter.format(hours=amount(hours)), tuple(places))
    if step.kind == "keep_going":
        return StepWords(texts.first_step_keep_going, ())
    if step.kind == "no_move":
        return StepWords(texts.first_step_no_move, ())
    reasons = {
        "should": texts.reason_should,
        "nothing": texts.reason_nothing,
        "low": texts.reason_low,
    }
    taken: dict[str, float] = {}
    given: dict[str, float] = {}
    for move in step.moves:
        taken[move.source] = taken.get(move.source, 0.0) + move.hours
        given[move.target] = given.get(move.target, 0.0) + move.hours
    items = [
        texts.first_step_take.format(
            hours=amount(hours),
            place=labels[source],
            reasons=texts.reason_separator.join(reasons[r] for r in step.reasons[source]),
        )
        for source, hours in sorted(taken.items(), key=lambda item: -item[1])
    ]
    now = {c.id: c.hours for c in scores.channels}
    items += [
        (texts.first_step_trial if now[target] <= 0 else texts.first_step_give).format(
            hours=amount(hours), place=labels[target]
        )
        for target, hours in sorted(given.items(), key=lambda item: -item[1])
    ]
    intro = texts.first_step_intro.format(
        moved=amount(step.moved),
        total=amount(scores.total_hours),
        before=_score(scores.alignment, texts.numbers),
        after=_score(scores.suggested_alignment, texts.numbers),
    )
    return StepWords(intro, tuple(items))


def _score(value: float | None, numbers: NumberTexts) -> str:
    return "–" if value is None else numbers.format_number(value, ".0f")
