"""Goals against time: the numbers behind the results page, the PDF, the room and ``score``.

Every quantity is defined here, once; pages, charts, insight rules, the workshop room and the
command line only read what this module computes. The formulas work on arrays (one row per
person), so a person is scored as a room of one and a room with the same code
(``hour_values``, ``alignments``, ``served``, ``wants``, ``top_goals_mask``): a person and a
one-person room always agree.

Definitions
-----------
*Stated goals* ``s``: the answer to the question with ``role: goals``, one weight per goal,
divided by its total so the weights sum to 1.

*Mix* ``h``: hours per month per place (a *channel*; ``role: mix``), ``H`` their total. Zero
hours is a valid answer (someone who does no networking yet); it has no alignment and gets a
starter plan. *Money* per channel comes from ``role: money`` when asked and given.

*Value of an hour* in channel ``c`` for this person::

    v_c = sum_g s_g * fit(c, g)        (0-3, the fit table's scale)

how well an hour there serves the goals the person gave points to, weighted by those points.
Goals with no points do not count, so a channel is never marked down for also serving goals
the person did not choose.

*Alignment* (0-100)::

    alignment = 100 * (sum_c h_c * v_c / H) / max_c v_c

the average value of the person's hours, as a share of the value of an hour in the best place
for their goals. ``match`` (the average value, ``/ FIT_MAX``) and ``best`` (the best value,
``/ FIT_MAX``) are reported too: ``alignment = 100 * match / best``. Properties the tests
check: moving hours to a channel at least as good on every goal with points never lowers it
(and raises it when the channel is better on one of them); with one goal, all hours in any
channel of the highest fit for it score 100, fit 2 scores two thirds of that, fit 1 a third;
it does not change when every hour is scaled by the same factor. It says nothing about volume
or about spreading hours thin: the findings do (see the questionnaire's insight rules).

*Want* per goal: its points as a share of the first goal's points (0-1; the first goal is 1).
*Served* per goal: how well the person's hours serve it, as a share of what the best place for
that goal would give: ``sum_c h_c * fit(c, g) / (H * max_c fit(c, g))`` (0-1). The two are on
one scale, so a goal the person wants much and whose hours serve it little stands out; a goal
with no points has want 0 and is not shown as delivered. ``gap = served - want``; a goal is
``under``-served when the gap is below ``-GAP``, ``over`` above ``GAP``. (``delivered`` is the
old name of ``served``, kept for the rule language and the JSON.)

*Top goals*: the goals given at least half as much weight as the heaviest goal
(``TOP_RATIO``), heaviest first (questionnaire order between equals).

*Serving*: a channel serves a goal when its fit is at least ``SERVES`` (2, "well").
*Unserved channels* take hours but serve none of the top goals. ``served_share(g)`` is the
share of hours in channels that serve ``g`` (0 before hours are given).

*Obligations*: channels whose answer in the ``role: motive`` matrix is the column ``should``
(only rows the matrix shows count, see ``question_types.choice_matrix.row_options``).
*Brought nothing*: channels
whose answer in the ``role: outcomes`` matrix is a "nothing" column (id ``nothing`` or
starting with ``nothing_``); every other answer is an *outcome*.

*Cost per hour* of a channel: its money divided by its hours, when both are above zero.
*Cost per outcome* = all money per month divided by the number of outcomes: money spent where
nothing came back is part of the price.

*The first step* (``netclarity.first_step``): a few hours moved the way a coach would, from
places the person goes to out of duty, that brought nothing, or that serve their goals
poorly, to places they already like and that serve their goals well. Each channel's relative
value ``v_c / max v`` and its *protection* (a wanted, productive channel that serves a top
goal as well as any channel can; fading in as the goal's weight rises from a quarter to half
of the first goal's) come from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from netclarity import answers as answers_module
from netclarity import first_step as first_step_module
from netclarity.question_types import choice_matrix
from netclarity.questionnaire import Allocation, ChoiceMatrix, Questionnaire
from netclarity.rules import NotAvailable

Role = Literal["goals", "mix", "money", "motive", "outcomes"]
ROLES: tuple[Role, ...] = ("goals", "mix", "money", "motive", "outcomes")
ESSENTIAL: tuple[Role, ...] = ("goals", "mix")
FIT_MAX = 3
"""The top of the fit table's scale (0 not at all … 3 very well)."""
GAP = 0.25
"""How far served may fall below (or rise above) want before a goal is under- (over-)served."""
TOP_RATIO = 0.5
SERVES = 2
OBLIGATION = "should"
NOTHING = "nothing"
PROTECTION_FROM = 0.25
"""A goal's weight, relative to the first goal's, at which protection starts to fade in; it
is full at ``TOP_RATIO``, where the goal becomes a top goal."""
Status = Literal["over", "under", "on_target"]
Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]


# --- one formula, over arrays: a person is a room of one --------------------------------


def fit_matrix(questionnaire: Questionnaire) -> Floats:
    """The fit table as an array, one row per channel, one column per goal (file order)."""
    return np.array(
        [
            [questionnaire.fit_of(c.id, g.id) for g in questionnaire.goals]
            for c in questionnaire.channels
        ],
        dtype=np.float64,
    ).reshape(len(questionnaire.channels), len(questionnaire.goals))


def normalised(amounts: Floats) -> Floats:
    """Each row divided by its total (rows of zeros stay zero)."""
    totals = amounts.sum(axis=1, keepdims=True)
    safe = np.where(totals > 0, totals, 1.0)
    return np.asarray(np.where(totals > 0, amounts / safe, 0.0), dtype=np.float64)


def hour_values(stated: Floats, fit: Floats) -> Floats:
    """``v[n, c] = sum_g s[n, g] * fit(c, g)``: the value of an hour in each channel."""
    return np.asarray(stated @ fit.T, dtype=np.float64)


def alignments(stated: Floats, hours: Floats, fit: Floats) -> Floats:
    """Alignment (0-100) per row; NaN where there are no hours, 0 where nothing has value."""
    values = hour_values(stated, fit)
    best = values.max(axis=1, initial=0.0)
    total = hours.sum(axis=1)
    average = (hours * values).sum(axis=1) / np.where(total > 0, total, 1.0)
    ratio = 100.0 * average / np.where(best > 0, best, 1.0)
    result = np.where(best > 0, np.minimum(100.0, ratio), 0.0)
    return np.asarray(np.where(total > 0, result, np.nan), dtype=np.float64)


def served(hours: Floats, fit: Floats) -> Floats:
    """How well each row's hours serve each goal, as a share of the best place for it (0-1)."""
    best = fit.max(axis=0, initial=0.0)
    total = hours.sum(axis=1, keepdims=True)
    given = hours @ fit
    scale = total * np.where(best > 0, best, 1.0)
    return np.asarray(
        np.where((scale > 0) & (best > 0), given / np.where(scale > 0, scale, 1.0), 0.0),
        dtype=np.float64,
    )


def wants(raw: Floats) -> Floats:
    """Each goal's points as a share of the row's heaviest goal (0-1)."""
    heaviest = raw.max(axis=1, keepdims=True, initial=0.0)
    return np.asarray(
        np.where(heaviest > 0, raw / np.where(heaviest > 0, heaviest, 1.0), 0.0), dtype=np.float64
    )


def top_goals_mask(raw: Floats) -> Flags:
    """The top goals of each row: points above 0 and at least ``TOP_RATIO`` of the heaviest.

    Compared on the raw points (``2 * 15 >= 30``), so equal points are equal exactly.
    """
    heaviest = raw.max(axis=1, keepdims=True, initial=0.0)
    return np.asarray((raw > 0) & (raw >= TOP_RATIO * heaviest), dtype=bool)


def amounts(value: Any, ids: Sequence[str]) -> list[float]:
    """An allocation answer (as ``answers.clean`` gives it: amounts from 0 up, or None when
    not answered) as an amount per id; an option given nothing counts 0."""
    if not value:
        return [0.0] * len(ids)
    return [float(value.get(key, 0)) for key in ids]


# --- one person ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalScore:
    """One goal: stated weight (share of points), want and served (0-1), see the docstring."""

    id: str
    stated: float
    want: float
    served: float
    top: bool
    served_share: float

    @property
    def delivered(self) -> float:
        """The old name of ``served``, kept for the rule language and the JSON."""
        return self.served

    @property
    def gap(self) -> float:
        return self.served - self.want

    @property
    def status(self) -> Status:
        if self.gap > GAP:
            return "over"
        if self.gap < -GAP:
            return "under"
        return "on_target"


@dataclass(frozen=True)
class ChannelScore:
    """One channel: its hours now and in the first step, money, motive, outcome, value."""

    id: str
    hours: float
    share: float
    money: float | None
    serves_top_goal: bool
    obligation: bool
    outcome: str | None
    suggested_hours: float
    value: float

    @property
    def brought_nothing(self) -> bool:
        return self.outcome is not None and is_nothing(self.outcome)

    @property
    def cost_per_hour(self) -> float | None:
        if self.money is None or self.money <= 0 or self.hours <= 0:
            return None
        return self.money / self.hours


@dataclass(frozen=True)
class Scores:
    """Everything the results show, for one person's answers (see the module docstring).

    ``goals`` and ``channels`` are in questionnaire order. ``match``, ``best`` (0-1) and
    ``alignment`` (0-100) are known once goals and some hours are given (``None`` with zero
    hours). ``first_step`` is known once goals and the mix are given (a starter plan for zero
    hours). ``known`` names the roles whose answers were given; ``missing`` the ones still
    needed (goals and mix always, the others when the questionnaire asks for them).
    """

    goals: tuple[GoalScore, ...]
    channels: tuple[ChannelScore, ...]
    top_goals: tuple[str, ...]
    match: float | None
    best: float | None
    alignment: float | None
    suggested_alignment: float | None
    first_step: first_step_module.FirstStep | None
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
    def used(self) -> tuple[ChannelScore, ...]:
        """Channels with hours, in questionnaire order."""
        return tuple(c for c in self.channels if c.hours > 0)

    @property
    def nothing_delivered(self) -> bool:
        """Hours were given, but only to channels that serve no goal with points."""
        return self.total_hours > 0 and not (self.match or 0.0) > 0

    @property
    def unserved_channels(self) -> tuple[str, ...]:
        """Channels with hours that serve none of the top goals, most hours first."""
        if "goals" not in self.known:
            return ()
        unserved = [c for c in self.used if not c.serves_top_goal]
        return tuple(c.id for c in sorted(unserved, key=lambda c: -c.hours))

    @property
    def hours_moved(self) -> float | None:
        """Hours the first step takes out of places (and puts into others)."""
        return None if self.first_step is None else self.first_step.moved

    @property
    def obligations(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.channels if c.obligation)

    @property
    def unserved_share(self) -> float:
        return sum(self.channel(c).share for c in self.unserved_channels)

    @property
    def obligation_share(self) -> float:
        return sum(c.share for c in self.channels if c.obligation)

    @property
    def nothing_share(self) -> float:
        """Share of hours in places that brought nothing much yet."""
        return sum(c.share for c in self.channels if c.brought_nothing)

    def outcome_share(self, column_id: str) -> float:
        """Share of hours in places whose main outcome is ``column_id``."""
        return sum(c.share for c in self.channels if c.outcome == column_id)

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

    raw = np.array([amounts(answer("goals"), goal_ids)], dtype=np.float64)
    hours = np.array([amounts(answer("mix"), channel_ids)], dtype=np.float64)
    money = amounts(answer("money"), channel_ids)
    motive = _matrix(questionnaire, "motive", given)
    outcomes = _matrix(questionnaire, "outcomes", given)
    known: set[Role] = set()
    if raw.sum() > 0:
        known.add("goals")
    if isinstance(answer("mix"), dict):  # zero hours is an answer too
        known.add("mix")
    if sum(money) > 0:
        known.add("money")
    if motive is not None:
        known.add("motive")
    if outcomes is not None:
        known.add("outcomes")

    fit = fit_matrix(questionnaire)
    stated = normalised(raw)
    values = hour_values(stated, fit)[0]
    best_value = float(values.max(initial=0.0))
    relative = values / best_value if best_value > 0 else np.zeros(len(channel_ids))
    total_hours = float(hours.sum())
    top_mask = top_goals_mask(raw)[0]
    top = tuple(
        sorted(
            (g for g, t in zip(goal_ids, top_mask, strict=True) if t),
            key=lambda g: -raw[0, goal_ids.index(g)],
        )
    )
    goals_known = "goals" in known
    scored = goals_known and total_hours > 0
    aligned = float(alignments(stated, hours, fit)[0]) if scored else None
    average = float((hours[0] * values).sum() / total_hours) if scored else None
    obligations = {c for c in channel_ids if (motive or {}).get(c) == OBLIGATION}
    shows = _shown_goals(questionnaire, outcomes)
    serving = {
        c
        for i, c in enumerate(channel_ids)
        if any(fit[i, goal_ids.index(g)] >= SERVES or g in shows[c] for g in top)
    }
    step = (
        first_step_module.suggest(
            _places(questionnaire, raw[0], hours[0], relative, motive, outcomes, shows, fit),
            _step(questionnaire),
        )
        if goals_known and "mix" in known
        else None
    )
    suggested = (
        step.hours if step is not None else dict(zip(channel_ids, hours[0].tolist(), strict=True))
    )
    served_now = served(hours, fit)[0]
    want = wants(raw)[0]
    goals = tuple(
        GoalScore(
            id=g,
            stated=float(stated[0, i]),
            want=float(want[i]),
            served=float(served_now[i]),
            top=g in top,
            served_share=_share(hours[0], fit[:, i] >= SERVES),
        )
        for i, g in enumerate(goal_ids)
    )
    money_known = "money" in known
    channels = tuple(
        ChannelScore(
            id=c,
            hours=float(hours[0, i]),
            share=float(hours[0, i] / total_hours) if total_hours else 0.0,
            money=money[i] if money_known else None,
            serves_top_goal=c in serving,
            obligation=c in obligations,
            outcome=(outcomes or {}).get(c),
            suggested_hours=suggested[c],
            value=float(relative[i]),
        )
        for i, c in enumerate(channel_ids)
    )
    outcomes_count = (
        None if outcomes is None else sum(1 for o in outcomes.values() if not is_nothing(o))
    )
    total_money = sum(money) if money_known else None
    after = np.array([[suggested[c] for c in channel_ids]], dtype=np.float64)
    asked = {r for r in ROLES if questionnaire.question_with_role(r) is not None}
    return Scores(
        goals=goals,
        channels=channels,
        top_goals=top,
        match=None if average is None else average / FIT_MAX,
        best=best_value / FIT_MAX if scored else None,
        alignment=aligned,
        suggested_alignment=(
            float(alignments(stated, after, fit)[0])
            if goals_known and step is not None and after.sum() > 0
            else None
        ),
        first_step=step,
        total_hours=total_hours,
        total_money=total_money,
        cost_per_outcome=(
            total_money / outcomes_count if total_money is not None and outcomes_count else None
        ),
        outcomes_count=outcomes_count,
        known=frozenset(known),
        missing=tuple(r for r in ROLES if r not in known and (r in ESSENTIAL or r in asked)),
    )


# --- the pieces -------------------------------------------------------------------------


def _places(
    questionnaire: Questionnaire,
    raw: Floats,
    hours: Floats,
    relative: Floats,
    motive: Mapping[str, str] | None,
    outcomes: Mapping[str, str] | None,
    shows: Mapping[str, frozenset[str]],
    fit: Floats,
) -> list[first_step_module.Place]:
    """Each channel as the first step sees it: value, duty, outcome and protection
    (``shows``: the goals each channel's outcome shows it serving, ``_shown_goals``)."""
    importance = wants(raw[np.newaxis])[0]
    best_fit = fit.max(axis=0, initial=0.0)
    goal_ids = [g.id for g in questionnaire.goals]
    # a goal protects the channels with the highest fit any channel has for it (if "well"),
    # and those whose outcome shows them serving it
    shown = np.array(
        [[g in shows[c.id] for g in goal_ids] for c in questionnaire.channels], dtype=bool
    ).reshape(fit.shape)
    protects = ((fit >= SERVES) & (fit == best_fit[np.newaxis, :])) | shown
    fading = np.clip((importance - PROTECTION_FROM) / (TOP_RATIO - PROTECTION_FROM), 0.0, 1.0)
    protection = np.where(protects, fading[np.newaxis, :], 0.0).max(axis=1, initial=0.0)
    places = []
    for i, channel in enumerate(questionnaire.channels):
        outcome = (outcomes or {}).get(channel.id)
        places.append(
            first_step_module.Place(
                id=channel.id,
                hours=float(hours[i]),
                value=float(relative[i]),
                should=(motive or {}).get(channel.id) == OBLIGATION,
                nothing=outcome is not None and is_nothing(outcome),
                productive=outcome is not None and not is_nothing(outcome),
                protection=float(protection[i]),
            )
        )
    return places


def _shown_goals(
    questionnaire: Questionnaire, outcomes: Mapping[str, str] | None
) -> dict[str, frozenset[str]]:
    """Per channel, the goals its outcome shows it serving (the outcome column's ``shows``)."""
    question = questionnaire.question_with_role("outcomes")
    columns = (
        {c.id: frozenset(c.shows) for c in question.columns}
        if isinstance(question, ChoiceMatrix)
        else {}
    )
    return {
        c.id: columns.get((outcomes or {}).get(c.id, ""), frozenset())
        for c in questionnaire.channels
    }


def _step(questionnaire: Questionnaire) -> float:
    """The mix question's step (half an hour unless the questionnaire says otherwise)."""
    question = questionnaire.question_with_role("mix")
    step = question.step if isinstance(question, Allocation) else None
    return float(step) if step else 0.5


def _share(hours: Floats, channels: Flags) -> float:
    total = float(hours.sum())
    return float(hours[channels].sum()) / total if total > 0 else 0.0


def _matrix(
    questionnaire: Questionnaire, role: Role, given: Mapping[str, Any]
) -> dict[str, str] | None:
    """The answer of the matrix with ``role``, limited to the rows it shows; None if none."""
    question = questionnaire.question_with_role(role)
    if not isinstance(question, ChoiceMatrix):
        return None
    value = given.get(question.id)
    if value is None or not answers_module.is_answered(value):
        return None
    rows = choice_matrix.row_options(questionnaire, question, given)
    chosen = {r: value[r] for r in rows if r in value}
    return chosen or None


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
    modes = {c.id: c.mode for c in questionnaire.channels}

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
        """The channel with the most hours; not available when several share the most."""
        need("mix")
        most = max(c.hours for c in scores.channels)
        leaders = [c.id for c in scores.channels if c.hours == most]
        if most <= 0 or len(leaders) > 1:
            raise NotAvailable("no single channel has the most hours")
        return leaders[0]

    def money(channel_id: str) -> float:
        return channel(channel_id, "money").money or 0.0

    def total_money() -> float:
        need("money")
        return scores.total_money or 0.0

    def score_alignment() -> float:
        need("goals", "mix")
        if scores.alignment is None:
            raise NotAvailable("no alignment without hours")
        return scores.alignment

    def obligation_share() -> float:
        need("mix", "motive")
        return scores.obligation_share

    def unserved_share() -> float:
        need("goals", "mix")
        return scores.unserved_share

    def total_hours() -> float:
        need("mix")
        return scores.total_hours

    def places_used() -> int:
        need("mix")
        return len(scores.used)

    def nothing_share() -> float:
        need("mix", "outcomes")
        return scores.nothing_share

    def outcome_share(column_id: str) -> float:
        need("mix", "outcomes")
        return scores.outcome_share(column_id)

    def mode_share(mode: str) -> float:
        need("mix")
        return sum(c.share for c in scores.channels if modes.get(c.id) == mode)

    def least_served_top_goal() -> str:
        """The top goal the hours serve least (the first such in the file on a tie)."""
        need("goals", "mix")
        top = [scores.goal(g) for g in scores.top_goals]
        return min(top, key=lambda g: g.served).id

    def brought(channel_id: str) -> str | None:
        return channel(channel_id, "outcomes").outcome

    def hours_moved() -> float:
        if scores.first_step is None:
            raise NotAvailable("no first step without goals and hours")
        return scores.first_step.moved

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
        "places_used": places_used,
        "nothing_share": nothing_share,
        "outcome_share": outcome_share,
        "mode_share": mode_share,
        "hours_moved": hours_moved,
        "least_served_top_goal": least_served_top_goal,
        "brought": brought,
        "alignment": score_alignment,
        "obligation_share": obligation_share,
        "unserved_share": unserved_share,
        "answer": lambda q: given.get(q),
        "label": lambda value: labels.get(value, str(value)),
    }
