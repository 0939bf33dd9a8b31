"""The check-in: how the previous plan went, and what changed between two rounds.

A goal-setting tool earns its place at the second visit. A check-in round carries a
``PlanReview`` of the previous round's plan: each goal and each keep/grow/reduce/stop
decision is a *commitment* the person marks done, partly, not yet or changed my mind. The
change between rounds is told in the person's terms: hours moved out of or into a place,
said "as planned" when the plan called for it, or noticed when a place the person meant to
leave still takes its hours. Everything here is pure (scores and plans in, words out), and
every word comes from the questionnaire (``texts.checkin``), numbers written its way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, get_args

from netclarity.questionnaire import Questionnaire
from netclarity.response import Decision, ItemReview, Outcome, PlanReview

if TYPE_CHECKING:  # scoring brings numpy: the welcome page imports this module, not numpy
    from netclarity.scoring import Scores

OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
MOVED = 0.5
"""Hours a month a place must gain or lose before the change is told: half an hour is the
smallest amount the first step moves, anything less is noise in what people estimate."""
LESS: frozenset[Decision] = frozenset({"reduce", "stop"})
MORE: frozenset[Decision] = frozenset({"grow"})


@dataclass(frozen=True)
class Commitment:
    """One thing the previous plan committed to: a goal (``key`` its index) or a decision
    for a place (``key`` the channel id), with how it went."""

    kind: Literal["goal", "channel"]
    key: str
    review: ItemReview


def commitments(questionnaire: Questionnaire, review: PlanReview) -> list[Commitment]:
    """The reviewed plan's goals (those with words) and its decisions for places the
    questionnaire still has, in the order the plan shows them."""
    goals = [
        Commitment("goal", str(n), review.goals[n] if n < len(review.goals) else ItemReview())
        for n, goal in enumerate(review.plan.goals)
        if goal.what.strip()
    ]
    places = [c.id for c in questionnaire.channels]
    channels = [
        Commitment("channel", channel_id, review.channels.get(channel_id, ItemReview()))
        for channel_id in places
        if channel_id in review.plan.channels
    ]
    return goals + channels


@dataclass(frozen=True)
class Completion:
    """How many commitments went which way; ``total`` counts the unmarked ones too."""

    total: int
    done: int
    partly: int
    not_yet: int
    changed: int


def completion(questionnaire: Questionnaire, review: PlanReview) -> Completion:
    counted = Counter(c.review.outcome for c in commitments(questionnaire, review))
    return Completion(
        total=sum(counted.values()),
        done=counted["done"],
        partly=counted["partly"],
        not_yet=counted["not_yet"],
        changed=counted["changed"],
    )


def with_outcome(
    review: PlanReview, commitment: Commitment, outcome: Outcome | None, note: str
) -> PlanReview:
    """``review`` with one commitment's outcome and note replaced."""
    item = ItemReview(outcome=outcome, note=note)
    if commitment.kind == "goal":
        n = int(commitment.key)
        goals = list(review.goals) + [ItemReview()] * (n + 1 - len(review.goals))
        goals[n] = item
        return review.model_copy(update={"goals": goals})
    return review.model_copy(update={"channels": {**review.channels, commitment.key: item}})


def change_sentences(
    questionnaire: Questionnaire,
    before: Scores,
    now: Scores,
    review: PlanReview | None,
) -> list[str]:
    """What changed since the previous round, in sentences: alignment first, then each place
    whose hours moved (biggest move first) or that the plan meant to shrink and did not."""
    texts, numbers = questionnaire.texts.checkin, questionnaire.texts.numbers
    said: list[str] = []
    if before.alignment is not None and now.alignment is not None:
        said.append(
            texts.alignment_change.format(
                before=numbers.amount(round(before.alignment)),
                now=numbers.amount(round(now.alignment)),
            )
        )
    planned = {} if review is None else {k: c.decision for k, c in review.plan.channels.items()}
    labels = {c.id: c.label for c in questionnaire.channels}
    moves: list[tuple[float, str]] = []
    for channel_id, place in labels.items():
        then, hours = before.channel(channel_id).hours, now.channel(channel_id).hours
        change = hours - then
        decision = planned.get(channel_id)
        amount = numbers.amount(round(abs(change), 1))
        if change <= -MOVED:
            template = texts.moved_out_planned if decision in LESS else texts.moved_out
        elif change >= MOVED:
            template = texts.moved_in_planned if decision in MORE else texts.moved_in
        elif decision in LESS and hours > 0:
            template = texts.not_stopped if decision == "stop" else texts.not_reduced
            amount = numbers.amount(round(hours, 1))
        else:
            continue
        moves.append((abs(change), template.format(hours=amount, place=place)))
    moves.sort(key=lambda move: -move[0])
    return said + [sentence for _, sentence in moves]
