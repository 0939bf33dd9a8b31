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
zeros and alignment is 0. Hours in such channels never change ``d``.

*Match* (0-1)::

    match(s, d) = sum_g min(s_g, d_g)  ( = 1 - 1/2 * sum_g |s_g - d_g| )

the share of the stated profile that the mix delivers: one minus the total variation
distance. It is 1 exactly when ``d == s``.

*Best match* ``best(s)``: the highest match any mix of hours could reach with these
channels. A channel with some fit delivers its own profile ``p_c = fit(c, .) / F_c``, with
``F_c = sum_g fit(c, g)``, and a mix delivers the average of those profiles weighted by
``h_c * F_c``. So the profiles a mix can deliver are exactly the weighted averages
``sum_c l_c * p_c`` (``l_c >= 0``, ``sum_c l_c = 1``; channels with ``F_c = 0`` deliver
nothing and take no part), each one delivered by the hours ``h_c`` proportional to
``l_c / F_c``. ``best(s)`` is the largest match among them, a small linear program::

    maximise sum_g t_g  subject to  t_g <= s_g,  t_g <= sum_c l_c * p_cg,
                                    sum_c l_c = 1,  l_c >= 0

solved with HiGHS (``scipy.optimize.linprog``) and cached per fit matrix and stated goals.
It is 1 when some mix delivers the stated goals exactly, and below 1 when none can, which is
common: almost every channel serves several goals, so hours can rarely serve only the one or
two goals a focused person has. Winning clients alone, for example, is served best by the
channel with the largest share of its fit on clients, not the largest fit.

*Alignment* (0-100)::

    alignment = 100 * match(s, d) / best(s)

how close the mix comes to the best any mix could do for these goals. It is 0 when nothing
is delivered, and 0 when no channel serves any stated goal (``best(s) = 0``). It stays within
0-100 because ``d`` is one of the profiles ``best`` is the maximum over. It is 100 exactly
when the mix reaches the best match; when an exact match is possible (``best(s) = 1``) that
means ``d == s``, otherwise it means no mix could come closer. Because ``best`` is computed
numerically, a match within ``PRECISION`` (one millionth) of it counts as reaching it, so
such a mix scores exactly 100. Alignment does not change when every hour is scaled by the same
factor, because ``d`` is normalised. It never falls as the mix moves toward a best mix
``h'``: moving the hours in a straight line ``(1 - t) * h + t * h'`` makes the delivered
profile the weighted average ``(1 - l) * d + l * d'`` with ``l = t * b / ((1 - t) * a + t * b)``
rising from 0 to 1 (``a``, ``b``: total fit of ``h`` and ``h'``; when ``a = 0`` every step
delivers ``d'`` at once). The match is concave in ``l`` (a sum of minimums of linear
functions) and largest at ``l = 1``, so it never falls on the way, and neither does
alignment. It is kept unrounded; round only to display it.

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

*Suggested rebalance* (same total hours): a first step a coach would give, not the whole way
to a best mix, which usually means dropping channels a person chose for good reasons. It is
the smallest shift of hours that raises alignment to a target: ``TARGET_FIRST_STEP`` (90)
while alignment is below it, ``TARGET_FULL`` (100) from there on, and 100 too when nothing is
delivered, since then every hour moves whatever the target. The hours are taken where a coach
would take them. A channel that serves a top goal as well as any channel can (the highest
fit any channel has for that goal, when it is at least ``SERVES``) is *kept*: it gives no
hours unless the target cannot be reached otherwise, and then the kept channels give as few
as possible. Among the rest, an hour taken from an obligation or from a channel serving none
of the top goals costs ``PRICE_FIRST`` (1) and from any other channel ``PRICE_OTHER`` (2), so
those hours go first, though not at any cost. Hours added cost nothing, since each one is an
hour taken. Hours in channels that serve no goal at all always move, because keeping them
would change nothing.

It is a linear program over the suggested hours ``y`` of the channels with some fit and the
hours ``o`` taken out of each, linear once the match condition is multiplied by the fit mass
``D = sum_c y_c * F_c``::

    minimise sum_c price_c * o_c  subject to  sum_c y_c = H,  y_c >= 0,  o_c >= h_c - y_c,
        o_c >= 0,  t_g <= s_g * D,  t_g <= sum_c y_c * fit(c, g),
        sum_g t_g >= target / 100 * best(s) * D,  y_c >= h_c for kept channels

Only when that has no solution is the last condition dropped: a first program then finds
the fewest hours the kept channels must give (minimising ``sum o_c`` over them) and the one
above, with that sum held, the cheapest move. They are solved with HiGHS's dual simplex, so
the same answers always get the same suggestion (when several moves cost the same, the
solver's choice is kept). The suggestion's alignment is at least today's. It never falls on
the way from today's mix to the suggestion when the target is 100 (no mix scores more) or
when every hour is in a channel with some fit: then a point on the way that reached the
target would take fewer hours, so it would have been the suggestion. (Hours in channels that
serve no goal move in every suggestion, so where they go costs nothing and is the solver's
choice.) When ``best(s)`` is 0 nothing can be improved: there is no target and the
suggestion is the current mix.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import linprog

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
PRECISION = 1e-6
"""How far (as a share of the best match) a match may fall short of it and still count as
reaching it: the best match is found numerically, and a millionth is far below what shows."""
SOLVER_TOLERANCE = 1e-9
"""HiGHS's primal and dual feasibility tolerance, well inside ``PRECISION``."""
TARGET_FIRST_STEP = 90.0
"""The alignment a suggestion aims for when today's is below it: a first step."""
TARGET_FULL = 100.0
"""The alignment a suggestion aims for once today's reaches ``TARGET_FIRST_STEP``."""
PRICE_FIRST = 1.0
"""The price of an hour the suggestion takes from an obligation or a channel serving none of
the top goals: these are the hours a coach questions first."""
PRICE_OTHER = 2.0
"""The price of an hour the suggestion takes from any other channel."""
Status = Literal["over", "under", "on_target"]


class _NoSolution(ArithmeticError):
    """HiGHS found no solution: the conditions cannot be met, or not within its tolerance."""


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

    ``goals`` and ``channels`` are in questionnaire order. ``match``, ``best`` (0-1) and
    ``alignment`` (0-100) are known once goals and hours are given, and so are the suggested
    rebalance's ``suggested_alignment`` and (unless ``best`` is 0, when nothing can be
    improved) the ``suggested_target`` it aims for (0-100). ``known`` names the roles
    whose answers were given; ``missing`` the ones still needed (goals and mix always, the
    others when the questionnaire asks for them), so a page can say what to fill in.
    """

    goals: tuple[GoalScore, ...]
    channels: tuple[ChannelScore, ...]
    top_goals: tuple[str, ...]
    match: float | None
    best: float | None
    alignment: float | None
    suggested_alignment: float | None
    suggested_target: float | None
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
    def hours_moved(self) -> float | None:
        """Hours the suggested rebalance takes out of channels (and puts into others)."""
        if self.suggested_alignment is None:
            return None
        return sum(max(0.0, c.hours - (c.suggested_hours or 0.0)) for c in self.channels)

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
    matched = match(stated, delivered) if aligned else None
    best = best_match(questionnaire, stated) if aligned else None
    aligned_now = None if matched is None or best is None else alignment(matched, best)
    target = (
        None
        if not best or aligned_now is None  # no best: nothing can be improved
        else suggestion_target(aligned_now, nothing_delivered=not any(delivered.values()))
    )
    obligations = {c for c in channel_ids if (motive or {}).get(c) == OBLIGATION}
    serving = {c for c in channel_ids if any(questionnaire.fit_of(c, g) >= SERVES for g in top)}
    suggested = (
        None
        if best is None
        else _rebalance(
            questionnaire,
            stated,
            hours,
            best,
            target,
            top,
            taken_first=obligations | (set(channel_ids) - serving),
        )
    )
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
            serves_top_goal=c in serving,
            obligation=c in obligations,
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
        match=matched,
        best=best,
        alignment=aligned_now,
        suggested_alignment=(
            None
            if suggested is None or best is None
            else alignment(match(stated, _delivered(questionnaire, suggested)), best)
        ),
        suggested_target=target,
        total_hours=total_hours,
        total_money=total_money,
        cost_per_outcome=(
            total_money / outcomes_count if total_money is not None and outcomes_count else None
        ),
        outcomes_count=outcomes_count,
        known=frozenset(known),
        missing=tuple(r for r in ROLES if r not in known and (r in ESSENTIAL or r in asked)),
    )


def match(stated: Mapping[str, float], delivered: Mapping[str, float]) -> float:
    """``sum_g min(stated_g, delivered_g)``: the share of the stated goals delivered (0-1).

    Summed in the goals' order (not a set's), so the same answers give the same last digit.
    """
    goal_ids = dict.fromkeys([*stated, *delivered])
    return sum(min(stated.get(g, 0.0), delivered.get(g, 0.0)) for g in goal_ids)


def best_match(questionnaire: Questionnaire, stated: Mapping[str, float]) -> float:
    """The highest match any mix of hours could reach for ``stated`` (module docstring)."""
    goal_ids = [g.id for g in questionnaire.goals]
    return _best(_fits(questionnaire), tuple(stated.get(g, 0.0) for g in goal_ids))


def suggestion_target(current: float, nothing_delivered: bool) -> float:
    """The alignment the suggested rebalance aims for, from today's (module docstring)."""
    if nothing_delivered or current >= TARGET_FIRST_STEP:
        return TARGET_FULL
    return TARGET_FIRST_STEP


def alignment(matched: float, best: float) -> float:
    """``100 * matched / best``, exactly 100 within ``PRECISION`` of ``best``; 0 if best is 0."""
    if best <= 0:
        return 0.0
    if matched >= best * (1.0 - PRECISION):
        return 100.0
    return max(0.0, 100.0 * matched / best)


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


Fits = tuple[tuple[int, ...], ...]
"""The fit matrix as one row per channel of its fit per goal, both in questionnaire order."""


def _fits(questionnaire: Questionnaire) -> Fits:
    return tuple(
        tuple(questionnaire.fit_of(c.id, g.id) for g in questionnaire.goals)
        for c in questionnaire.channels
    )


@lru_cache(maxsize=4096)
def _best(fits: Fits, stated: tuple[float, ...]) -> float:
    """``best(s)``: the first linear program of the module docstring.

    Variables: the weights ``l_c`` of the channels with some fit, then ``t_g``. The value
    returned is the match of the profile the solver's weights deliver, so it is always
    reached by a real mix.
    """
    fit = np.array(fits, dtype=np.float64).reshape(len(fits), len(stated))
    fit = fit[fit.sum(axis=1) > 0]
    channels, goals = fit.shape
    if channels == 0:
        return 0.0
    profiles = fit / fit.sum(axis=1, keepdims=True)
    weights = _solve(
        cost=np.concatenate([np.zeros(channels), -np.ones(goals)]),
        a_ub=np.hstack([-profiles.T, np.eye(goals)]),
        b_ub=np.zeros(goals),
        a_eq=np.concatenate([np.ones(channels), np.zeros(goals)])[np.newaxis],
        bounds=[*([(0.0, None)] * channels), *((0.0, s) for s in stated)],
    )[:channels].clip(min=0.0)
    delivered = weights @ profiles / weights.sum()
    return float(np.minimum(np.array(stated), delivered).sum())


@lru_cache(maxsize=4096)
def _first_step(
    fits: Fits,
    stated: tuple[float, ...],
    hours: tuple[float, ...],
    best: float,
    target: float,
    prices: tuple[float, ...],
    kept: tuple[bool, ...],
) -> tuple[float, ...]:
    """The suggested hours per channel: the linear programs of the module docstring.

    Variables: the suggested hours ``y_c`` of the channels with some fit, the hours taken
    out ``o_c >= h_c - y_c``, then ``t_g``. Hours are divided by their total first (and
    multiplied back at the end) and the match condition by ``best``, so the numbers the
    solver sees stay near 1 whatever the answers; that condition is loosened by
    ``SOLVER_TOLERANCE`` so rounding in ``_best`` cannot make the full target impossible.
    The hold on the fewest hours from kept channels is loosened by a hundred times that (a
    ten-millionth of the hours): the program that finds them meets its conditions only to
    within the tolerance, and a tighter hold can leave the next one with no solution.
    """
    fit = np.array(fits, dtype=np.float64).reshape(len(fits), len(stated))
    used = fit.sum(axis=1) > 0
    total = sum(hours)
    now = np.array(hours)[used] / total
    fit = fit[used]
    mass = fit.sum(axis=1)
    channels, goals = fit.shape
    identity, zeros = np.eye(channels), np.zeros((channels, goals))
    a_ub = np.vstack(
        [
            np.hstack([-identity, -identity, zeros]),  # h - y <= o
            np.hstack([-fit.T, zeros.T, np.eye(goals)]),  # t_g <= sum_c y_c fit(c, g)
            np.hstack([-np.outer(stated, mass), zeros.T, np.eye(goals)]),  # t_g <= s_g D
            np.concatenate(
                [
                    target / 100 * (1.0 - SOLVER_TOLERANCE) * mass,
                    np.zeros(channels),
                    -np.ones(goals) / best,
                ]
            )[np.newaxis],  # sum_g t_g >= target / 100 * best * D
        ]
    )
    b_ub = np.concatenate([-now, np.zeros(2 * goals + 1)])
    a_eq = np.concatenate([np.ones(channels), np.zeros(channels + goals)])[np.newaxis]
    is_kept = np.array(kept)[used]
    priced = np.concatenate([np.zeros(channels), np.array(prices)[used], np.zeros(goals)])
    free: list[tuple[float, float | None]] = [(0.0, None)] * (2 * channels + goals)
    keeping = [(h if k else 0.0, None) for h, k in zip(now, is_kept, strict=True)]
    try:
        suggested = _solve(priced, a_ub, b_ub, a_eq, [*keeping, *free[channels:]])
    except _NoSolution:  # the target needs hours from kept channels: as few as possible
        from_kept = np.concatenate([np.zeros(channels), is_kept, np.zeros(goals)])
        least = from_kept @ _solve(from_kept, a_ub, b_ub, a_eq, free)
        suggested = _solve(
            priced,
            np.vstack([a_ub, from_kept]),
            np.append(b_ub, least + 100 * SOLVER_TOLERANCE),
            a_eq,
            free,
        )
    shares = suggested[:channels].clip(min=0.0)
    result = np.zeros(len(fits))
    result[used] = shares * total / shares.sum()
    return tuple(float(h) for h in result)


def _solve(
    cost: NDArray[np.float64],
    a_ub: NDArray[np.float64],
    b_ub: NDArray[np.float64],
    a_eq: NDArray[np.float64],
    bounds: Sequence[tuple[float, float | None]],
) -> NDArray[np.float64]:
    """Minimise ``cost @ x`` with ``a_ub @ x <= b_ub``, ``a_eq @ x = 1`` and ``x`` within
    ``bounds``.

    Only the suggestion with the kept channels' hours as lower bounds may have no solution.
    Every other program always has one (the best match: any single channel with some fit;
    the fewest hours from kept channels: the best match's weights turned into hours; the
    cheapest move holding those: the previous program's own solution), so ``_NoSolution``
    from them is a bug.
    """
    result = linprog(
        cost,
        A_ub=a_ub,
        b_ub=b_ub,
        A_eq=a_eq,
        b_eq=np.ones(1),
        bounds=bounds,
        method="highs-ds",
        options={
            "primal_feasibility_tolerance": SOLVER_TOLERANCE,
            "dual_feasibility_tolerance": SOLVER_TOLERANCE,
        },
    )
    if result.status != 0:
        raise _NoSolution(f"scoring: the linear program failed: {result.message}")
    return np.asarray(result.x, dtype=np.float64)


def _rebalance(
    questionnaire: Questionnaire,
    stated: Mapping[str, float],
    hours: Mapping[str, float],
    best: float,
    target: float | None,
    top: Sequence[str],
    taken_first: Set[str],
) -> dict[str, float]:
    """The suggested mix (module docstring); the current one when nothing can improve it.

    ``taken_first``: the obligations and the channels serving no top goal, priced
    ``PRICE_FIRST`` unless they are kept.
    """
    if target is None:
        return dict(hours)
    channel_ids = [c.id for c in questionnaire.channels]
    kept = _serving_top_goals_best(questionnaire, top)
    suggested = _first_step(
        _fits(questionnaire),
        tuple(stated[g.id] for g in questionnaire.goals),
        tuple(hours[c] for c in channel_ids),
        best,
        target,
        tuple(
            PRICE_FIRST if c in taken_first and c not in kept else PRICE_OTHER for c in channel_ids
        ),
        tuple(c in kept for c in channel_ids),
    )
    return dict(zip(channel_ids, suggested, strict=True))


def _serving_top_goals_best(questionnaire: Questionnaire, top: Sequence[str]) -> set[str]:
    """Channels with the highest fit any channel has for a top goal, when that is ``SERVES``
    or more: the ones the suggestion keeps."""
    kept: set[str] = set()
    for goal in top:
        fits = {c.id: questionnaire.fit_of(c.id, goal) for c in questionnaire.channels}
        highest = max(fits.values(), default=0)
        if highest >= SERVES:
            kept |= {c for c, fit in fits.items() if fit == highest}
    return kept


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
