"""Goals against time: the numbers behind the results page, the PDF and ``score``.

Every quantity is defined here, once; pages, charts, insight rules and the command line
only read a ``Scores``. All functions are pure (answers in, numbers out) so they can be
tested with exact, hand-worked values.

Definitions
-----------
*Stated goals* ``s``: the answer to the question with ``role: goals``, one weight per goal,
divided by its total so the weights sum to 1.

*Mix* ``h``: hours per month per channel (``role: mix``); *shares* ``h_c / H`` with ``H`` the
total hours. *Money* per channel comes from ``role: money`` when asked and given.

*Delivered goals* ``d``: what the mix gives, as judged by the questionnaire's fit matrix
(0-3): ``d_g = sum_c h_c * fit(c, g)``, divided by its total so it sums to 1. When the hours
all go to channels that serve no goal at all (total 0), nothing is delivered: ``d`` is all
zeros and alignment is 0.

*Alignment* (0-100)::

    alignment = 100 * (1 - 1/2 * sum_g |s_g - d_g|)  ( = 100 * sum_g min(s_g, d_g) )

i.e. 100 times one minus the total variation distance between the two profiles: the share
of the stated profile that the mix delivers. It is exactly 100 when ``d == s`` and only
then, and it stays within 0-100 because both profiles sum to 1. It does not change when
every hour is scaled by the same factor, because ``d`` is normalised. It never falls as the
mix moves toward the goals: moving the hours in a straight line ``(1 - t) * h + t * h'``
makes the delivered profile the convex combination ``(1 - l) * d + l * d'`` with
``l = t * b / ((1 - t) * a + t * b)`` rising from 0 to 1 (``a``, ``b``: total fit of ``h``
and ``h'``), and the distance to ``s`` is convex in ``l``. So alignment is concave along the
way; toward a mix that delivers the stated goals exactly (``d' = s``) every gap shrinks by
the factor ``1 - l`` and alignment rises steadily to 100. It is kept unrounded; round only
to display it.

*Gap* per goal: ``d_g - s_g``; a goal is ``over``-served when the gap exceeds
``TOLERANCE`` (5 percentage points), ``under``-served when it is below ``-TOLERANCE``,
otherwise ``on_target``.

*Top goals*: the goals given at least half as much weight as the heaviest goal
(``TOP_RATIO``), heaviest first (questionnaire order between equals). A dominant goal stands
alone (70/30: one top goal); a balanced split keeps several (40/30/20/10: three); ties are
never broken arbitrarily.

*Serving*: a channel serves a goal when its fit is at least ``SERVES`` (2, "well").
*Unserved channels* take hours but serve none of the top goals. ``served_share(g)`` is the
share of hours in channels that serve ``g`` (0 before hours are given).

*Obligations*: channels whose answer in the ``role: motive`` matrix is the column ``should``
(only rows the matrix shows count, see ``answers.row_options``).

*Cost per hour* of a channel: its money divided by its hours, when both are above zero.
*Cost per outcome*: the ``role: outcomes`` matrix records the main thing each channel
brought, so an outcome is a channel whose answer is not a "nothing" column (id ``nothing``
or starting with ``nothing_``). Cost per outcome = all money per month divided by the number
of outcomes: money spent where nothing came back is part of the price.

*Suggested rebalance* (same total hours): first a target: each goal's stated share of the
hours goes to the channel(s) that serve it best (highest fit), preferring among equally good
channels the ones already in use; goals no channel serves are left out and the other shares
rescaled. Then the suggestion is the point on the straight line from the current mix toward
that target where alignment is highest, the nearest such point when several are equal.
Along that line alignment is concave and piecewise linear in ``l`` (above), so its maximum
lies at an end or where some goal's delivered share crosses its stated share, and all of
those points are evaluated exactly. So the suggestion is deterministic, keeps the total,
never scores below the current mix (which is on the line), and moves only as far as the
score keeps rising. When the current mix delivers nothing, any step toward the target
delivers all of the target's profile, so the suggestion is the target itself.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from netclarity import answers as answers_module
from netclarity.questionnaire import ChoiceMatrix, Questionnaire
from netclarity.rules import NotAvailable

Role = Literal["goals", "mix", "money", "motive", "outcomes"]
ROLES: tuple[Role, ...] = ("goals", "mix", "money", "motive", "outcomes")
ESSENTIAL: tuple[Role, ...] = ("goals", "mix")
TOLERANCE = 0.05
TOP_RATIO = 0.5
SERVES = 2
OBLIGATION = "should"
NOTHING = "nothing"
IMPROVEMENT = 1e-9
"""Alignment (0-1 scale) a further step along the rebalance line must add to be taken."""
Status = Literal["over", "under", "on_target"]


@dataclass(frozen=True)
class GoalScore:
    """One goal: stated weight and delivered share (both 0-1; 0 while unknown)."""

    id: str
    stated: float
    delivered: float
    top: bool
    served_share: float

    @property
    def gap(self) -> float:
        return self.delivered - self.stated

    @property
    def status(self) -> Status:
        if self.gap > TOLERANCE:
            return "over"
        if self.gap < -TOLERANCE:
            return "under"
        return "on_target"


@dataclass(frozen=True)
class ChannelScore:
    """One channel: its hours now and suggested, money, motive and outcome."""

    id: str
    hours: float
    share: float
    money: float | None
    serves_top_goal: bool
    obligation: bool
    outcome: str | None
    suggested_hours: float | None

    @property
    def cost_per_hour(self) -> float | None:
        if self.money is None or self.money <= 0 or self.hours <= 0:
            return None
        return self.money / self.hours


@dataclass(frozen=True)
class Scores:
    """Everything the results show, for one person's answers (see the module docstring).

    ``goals`` and ``channels`` are in questionnaire order. ``known`` names the roles whose
    answers were given; ``missing`` the ones still needed (goals and mix always, the others
    when the questionnaire asks for them), so a page can say what to fill in.
    """

    goals: tuple[GoalScore, ...]
    channels: tuple[ChannelScore, ...]
    top_goals: tuple[str, ...]
    alignment: float | None
    suggested_alignment: float | None
    total_hours: float
    total_money: float | None
    cost_per_outcome: float | None
    outcomes_count: int | None
    known: frozenset[Role]
    missing: tuple[Role, ...]

    def goal(self, goal_id: str) -> GoalScore:
        for goal in self.goals:
            if goal.id == goal_id:
                return goal
        raise KeyError(goal_id)

    def channel(self, channel_id: str) -> ChannelScore:
        for channel in self.channels:
            if channel.id == channel_id:
                return channel
        raise KeyError(channel_id)

    @property
    def nothing_delivered(self) -> bool:
        """Hours were given, but only to channels that serve no goal at all."""
        return "mix" in self.known and not any(g.delivered for g in self.goals)

    @property
    def unserved_channels(self) -> tuple[str, ...]:
        """Channels with hours that serve none of the top goals, most hours first."""
        if "goals" not in self.known:
            return ()
        used = [c for c in self.channels if c.hours > 0 and not c.serves_top_goal]
        return tuple(c.id for c in sorted(used, key=lambda c: -c.hours))

    @property
    def obligations(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.channels if c.obligation)

    @property
    def unserved_share(self) -> float:
        return sum(self.channel(c).share for c in self.unserved_channels)

    @property
    def obligation_share(self) -> float:
        return sum(c.share for c in self.channels if c.obligation)

    def money_by_outcome(self) -> dict[str, float]:
        """Money per month spent in channels whose main outcome is each column id."""
        spent: dict[str, float] = {}
        for c in self.channels:
            if c.outcome is not None:
                spent[c.outcome] = spent.get(c.outcome, 0.0) + (c.money or 0.0)
        return spent


def is_nothing(column_id: str) -> bool:
    """An outcomes column meaning "nothing came of it" (``nothing`` or ``nothing_...``)."""
    return column_id == NOTHING or column_id.startswith(NOTHING + "_")


def score(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> Scores:
    """Score one person's answers (hidden answers do not count, see ``answers.clean``)."""
    given = answers_module.clean(questionnaire, answers)
    goal_ids = [g.id for g in questionnaire.goals]
    channel_ids = [c.id for c in questionnaire.channels]

    def answer(role: Role) -> Any:
        question = questionnaire.question_with_role(role)
        return None if question is None else given.get(question.id)

    raw_goals = _amounts(answer("goals"), goal_ids)
    hours = _amounts(answer("mix"), channel_ids)
    money = _amounts(answer("money"), channel_ids)
    motive = _matrix(questionnaire, "motive", given)
    outcomes = _matrix(questionnaire, "outcomes", given)
    known: set[Role] = set()
    if sum(raw_goals.values()) > 0:
        known.add("goals")
    if sum(hours.values()) > 0:
        known.add("mix")
    if sum(money.values()) > 0:
        known.add("money")
    if motive is not None:
        known.add("motive")
    if outcomes is not None:
        known.add("outcomes")

    stated = _normalised(raw_goals)
    delivered = _delivered(questionnaire, hours)
    total_hours = sum(hours.values())
    top = _top_goals(raw_goals)
    aligned = {"goals", "mix"} <= known
    suggested = _rebalance(questionnaire, stated, hours) if aligned else None
    money_known = "money" in known

    goals = tuple(
        GoalScore(
            id=g,
            stated=stated[g],
            delivered=delivered[g],
            top=g in top,
            served_share=_share(
                hours, [c for c in channel_ids if questionnaire.fit_of(c, g) >= SERVES]
            ),
        )
        for g in goal_ids
    )
    channels = tuple(
        ChannelScore(
            id=c,
            hours=hours[c],
            share=hours[c] / total_hours if total_hours else 0.0,
            money=money[c] if money_known else None,
            serves_top_goal=any(questionnaire.fit_of(c, g) >= SERVES for g in top),
            obligation=(motive or {}).get(c) == OBLIGATION,
            outcome=(outcomes or {}).get(c),
            suggested_hours=None if suggested is None else suggested[c],
        )
        for c in channel_ids
    )
    outcomes_count = (
        None if outcomes is None else sum(1 for o in outcomes.values() if not is_nothing(o))
    )
    total_money = sum(money.values()) if money_known else None
    asked = {r for r in ROLES if questionnaire.question_with_role(r) is not None}
    return Scores(
        goals=goals,
        channels=channels,
        top_goals=top,
        alignment=alignment(stated, delivered) if aligned else None,
        suggested_alignment=(
            None if suggested is None else alignment(stated, _delivered(questionnaire, suggested))
        ),
        total_hours=total_hours,
        total_money=total_money,
        cost_per_outcome=(
            total_money / outcomes_count if total_money is not None and outcomes_count else None
        ),
        outcomes_count=outcomes_count,
        known=frozenset(known),
        missing=tuple(r for r in ROLES if r not in known and (r in ESSENTIAL or r in asked)),
    )


def alignment(stated: Mapping[str, float], delivered: Mapping[str, float]) -> float:
    """``100 * (1 - 1/2 * sum |stated - delivered|)``; 0 when nothing is delivered."""
    if not any(delivered.values()):
        return 0.0
    distance = sum(abs(stated.get(g, 0.0) - delivered.get(g, 0.0)) for g in {*stated, *delivered})
    return max(0.0, min(100.0, 100.0 * (1.0 - distance / 2.0)))


# --- the pieces -------------------------------------------------------------------------


def _amounts(value: Any, ids: Sequence[str]) -> dict[str, float]:
    """An allocation answer as an amount per id; anything not a positive number counts 0.

    Answers may come from an imported file, so nothing about them is taken on trust.
    """
    result = dict.fromkeys(ids, 0.0)
    if isinstance(value, dict):
        for key in ids:
            amount = value.get(key)
            if (
                isinstance(amount, int | float)
                and not isinstance(amount, bool)
                and math.isfinite(amount)
                and amount > 0
            ):
                result[key] = float(amount)
    return result


def _normalised(amounts: Mapping[str, float]) -> dict[str, float]:
    total = sum(amounts.values())
    return {k: (v / total if total > 0 else 0.0) for k, v in amounts.items()}


def _share(hours: Mapping[str, float], channel_ids: Sequence[str]) -> float:
    total = sum(hours.values())
    return sum(hours[c] for c in channel_ids) / total if total > 0 else 0.0


def _delivered(questionnaire: Questionnaire, hours: Mapping[str, float]) -> dict[str, float]:
    return _normalised(
        {
            g.id: sum(amount * questionnaire.fit_of(c, g.id) for c, amount in hours.items())
            for g in questionnaire.goals
        }
    )


def _top_goals(raw_goals: Mapping[str, float]) -> tuple[str, ...]:
    """Goals weighing at least ``TOP_RATIO`` of the heaviest, heaviest first.

    Compared on the raw points (``2 * 15 >= 30``), so equal points are equal exactly.
    """
    heaviest = max(raw_goals.values(), default=0.0)
    if heaviest <= 0:
        return ()
    top = [g for g, weight in raw_goals.items() if weight > 0 and weight >= TOP_RATIO * heaviest]
    return tuple(sorted(top, key=lambda g: -raw_goals[g]))


def _matrix(
    questionnaire: Questionnaire, role: Role, given: Mapping[str, Any]
) -> dict[str, str] | None:
    """The answer of the matrix with ``role``, limited to the rows it shows; None if none."""
    question = questionnaire.question_with_role(role)
    if not isinstance(question, ChoiceMatrix):
        return None
    value = given.get(question.id)
    if not answers_module.is_answered(value) or not isinstance(value, dict):
        return None
    rows = answers_module.row_options(questionnaire, question, given)
    columns = {c.id for c in question.columns}
    chosen = {r: value[r] for r in rows if value.get(r) in columns}
    return chosen or None


def _target(
    questionnaire: Questionnaire, stated: Mapping[str, float], hours: Mapping[str, float]
) -> dict[str, float] | None:
    """Each goal's share of the hours, given to the channels that serve it best.

    Among equally good channels, the ones already in use get it (all of them when none is
    used); goals no channel serves at all are left out and the other shares rescaled.
    None when no stated goal is served by any channel.
    """
    best: dict[str, list[str]] = {}
    for goal_id, weight in stated.items():
        top_fit = max((questionnaire.fit_of(c, goal_id) for c in hours), default=0)
        if weight <= 0 or top_fit <= 0:
            continue
        candidates = [c for c in hours if questionnaire.fit_of(c, goal_id) == top_fit]
        best[goal_id] = [c for c in candidates if hours[c] > 0] or candidates
    covered = sum(stated[g] for g in best)
    if covered <= 0:
        return None
    total = sum(hours.values())
    target = dict.fromkeys(hours, 0.0)
    for goal_id, channels in best.items():
        for c in channels:
            target[c] += total * stated[goal_id] / covered / len(channels)
    return target


def _rebalance(
    questionnaire: Questionnaire, stated: Mapping[str, float], hours: Mapping[str, float]
) -> dict[str, float]:
    """The best mix on the straight line from ``hours`` to the target (module docstring)."""
    target = _target(questionnaire, stated, hours)
    if target is None:
        return dict(hours)
    now, then = _delivered(questionnaire, hours), _delivered(questionnaire, target)
    a, b = _fit_mass(questionnaire, hours), _fit_mass(questionnaire, target)
    if a == 0:  # nothing delivered now: any step toward the target delivers all of it
        step = 1.0 if alignment(stated, then) > 0 else 0.0
    else:
        weight = _best_mixing_weight(stated, now, then)
        step = weight * a / (b * (1.0 - weight) + weight * a)
    return {c: (1.0 - step) * hours[c] + step * target[c] for c in hours}


def _fit_mass(questionnaire: Questionnaire, hours: Mapping[str, float]) -> float:
    """``sum_c h_c * sum_g fit(c, g)``: the undivided total of the delivered profile."""
    return sum(
        amount * questionnaire.fit_of(c, g.id)
        for c, amount in hours.items()
        for g in questionnaire.goals
    )


def _best_mixing_weight(
    stated: Mapping[str, float], now: Mapping[str, float], then: Mapping[str, float]
) -> float:
    """The smallest ``l`` in [0, 1] maximising the alignment of ``(1 - l) * now + l * then``.

    Alignment is concave and piecewise linear in ``l``, with kinks where a goal's
    delivered share equals its stated share, so the maximum is at 0, 1 or a kink.
    """
    candidates = {0.0, 1.0}
    for g, s in stated.items():
        if then[g] != now[g] and 0.0 < (s - now[g]) / (then[g] - now[g]) < 1.0:
            candidates.add((s - now[g]) / (then[g] - now[g]))
    values = {
        weight: alignment(stated, {g: (1.0 - weight) * now[g] + weight * then[g] for g in now})
        for weight in candidates
    }
    top = max(values.values())
    return min(weight for weight, value in values.items() if value >= top - IMPROVEMENT)


# --- the rule functions -----------------------------------------------------------------


def person_functions(
    questionnaire: Questionnaire, scores: Scores, answers: Mapping[str, Any]
) -> dict[str, Callable[..., Any]]:
    """The value of every ``audience: person`` function of ``rules.FUNCTIONS``.

    A function whose inputs were not given raises ``rules.NotAvailable`` so the rule using
    it is skipped instead of reporting on numbers the person never entered.
    """
    given = answers_module.clean(questionnaire, answers)
    labels = {o.id: o.label for o in [*questionnaire.goals, *questionnaire.channels]}

    def need(*roles: Role) -> None:
        for role in roles:
            if role not in scores.known:
                raise NotAvailable(f"no answer with role '{role}'")

    def goal(goal_id: str, *roles: Role) -> GoalScore:
        need(*roles)
        try:
            return scores.goal(goal_id)
        except KeyError:
            raise NotAvailable(f"unknown goal '{goal_id}'") from None

    def channel(channel_id: str, *roles: Role) -> ChannelScore:
        need(*roles)
        try:
            return scores.channel(channel_id)
        except KeyError:
            raise NotAvailable(f"unknown channel '{channel_id}'") from None

    def top_goal() -> str:
        need("goals")
        return scores.top_goals[0]

    def top_channel() -> str:
        need("mix")
        return max(scores.channels, key=lambda c: c.hours).id

    def money(channel_id: str) -> float:
        return channel(channel_id, "money").money or 0.0

    def total_money() -> float:
        need("money")
        return scores.total_money or 0.0

    def score_alignment() -> float:
        need("goals", "mix")
        return scores.alignment or 0.0

    def obligation_share() -> float:
        need("mix", "motive")
        return scores.obligation_share

    def unserved_share() -> float:
        need("goals", "mix")
        return scores.unserved_share

    def total_hours() -> float:
        need("mix")
        return scores.total_hours

    return {
        "goal_weight": lambda g: goal(g, "goals").stated,
        "delivered": lambda g: goal(g, "mix").delivered,
        "gap": lambda g: goal(g, "goals", "mix").gap,
        "is_top_goal": lambda g: goal(g, "goals").top,
        "top_goal": top_goal,
        "served_share": lambda g: goal(g, "mix").served_share,
        "mix_share": lambda c: channel(c, "mix").share,
        "hours": lambda c: channel(c, "mix").hours,
        "money": money,
        "is_obligation": lambda c: channel(c, "motive").obligation,
        "top_channel": top_channel,
        "total_hours": total_hours,
        "total_money": total_money,
        "alignment": score_alignment,
        "obligation_share": obligation_share,
        "unserved_share": unserved_share,
        "answer": lambda q: given.get(q),
        "label": lambda value: labels.get(value, str(value)),
    }
