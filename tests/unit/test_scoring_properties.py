"""The promises of the alignment score and the first step, checked on generated people.

Each property is one a networking coach would insist on (``shared/COACHING.md``): the score
never punishes a move to a place at least as good for the person's goals, a focused person is
not marked below someone spread over everything, the same mix scores the same at any scale,
a nudge in one answer never turns a small step into a reshuffle, and the first step moves
hours the way a coach would. People are generated on the networking questionnaire itself
(points in fives, hours in halves, a motive and an outcome for every place with hours) and,
for the formula alone, on generated fit tables.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from netclarity import first_step, scoring
from netclarity.loading import loader
from netclarity.questionnaire import Questionnaire

NETWORKING = Path(__file__).parents[2] / "questions" / "networking_clarity.yaml"
UNTIMED = settings(deadline=None, max_examples=150)
"""These tests check numbers, not time."""


def nudge_limit(person: dict[str, Any]) -> float:
    """The most a nudge (half an hour in one place, five points between two goals) may change
    the hours the first step moves: a trial's two hours and a half-hour step of rounding, or a
    tenth of the person's hours, whichever is more."""
    return max(2.5, 0.1 * sum(person["hours"].values()))


MOTIVES = ["want", "should", "both"]
OUTCOMES = ["revenue", "relationships", "learning", "enjoyment", "nothing_yet"]


@cache
def networking() -> Questionnaire:
    return loader.load_file(NETWORKING).questionnaire


def goal_ids() -> list[str]:
    return [g.id for g in networking().goals]


def channel_ids() -> list[str]:
    return [c.id for c in networking().channels]


@st.composite
def points(draw: st.DrawFn, goals: list[str] | None = None) -> dict[str, int]:
    """100 points in fives over some goals (all goals when none are named)."""
    chosen = goals or draw(
        st.lists(st.sampled_from(goal_ids()), min_size=1, max_size=5, unique=True)
    )
    cuts = sorted(
        draw(st.lists(st.integers(0, 20), min_size=len(chosen) - 1, max_size=len(chosen) - 1))
    )
    shares = [b - a for a, b in zip([0, *cuts], [*cuts, 20], strict=True)]
    if not any(shares):
        shares[0] = 20
    return {g: 5 * s for g, s in zip(chosen, shares, strict=True) if s}


@st.composite
def people(draw: st.DrawFn) -> dict[str, Any]:
    """A whole person: points, hours in halves (some places), and why and what came of it."""
    used = draw(st.lists(st.sampled_from(channel_ids()), min_size=1, max_size=8, unique=True))
    hours = {c: draw(st.integers(1, 40)) / 2 for c in used}
    return {
        "goals_clear": draw(st.sampled_from(["yes", "partly", "no"])),
        "goal_weights": draw(points()),
        "hours": hours,
        "motive": {c: draw(st.sampled_from(MOTIVES)) for c in used},
        "outcomes": {c: draw(st.sampled_from(OUTCOMES)) for c in used},
    }


def score(person: dict[str, Any]) -> scoring.Scores:
    return scoring.score(networking(), person)


def fit(channel: str, goal: str) -> int:
    return networking().fit_of(channel, goal)


# --- the score ------------------------------------------------------------------------------


@UNTIMED
@given(people(), st.integers(1, 40))
def test_the_same_mix_at_any_scale_scores_the_same(person: dict[str, Any], factor: int) -> None:
    """From an eighth to five times the hours: as far as the question's bound of 100 h a
    place lets any scale go (amounts above it are not answers the app can hold)."""
    scaled = {**person, "hours": {c: h * factor / 8 for c, h in person["hours"].items()}}
    before, after = score(person).alignment, score(scaled).alignment
    assert before is not None
    assert after is not None
    assert abs(before - after) < 1e-9
    assert 0.0 <= before <= 100.0


@UNTIMED
@given(people(), st.data())
def test_moving_hours_to_a_place_at_least_as_good_on_every_chosen_goal_never_lowers_it(
    person: dict[str, Any], data: st.DataObject
) -> None:
    """And it raises it when the new place is better on one of the chosen goals."""
    source = data.draw(st.sampled_from(sorted(person["hours"])))
    chosen = [g for g, p in person["goal_weights"].items() if p > 0]
    better = [
        c for c in channel_ids() if c != source and all(fit(c, g) >= fit(source, g) for g in chosen)
    ]
    assume(better)
    target = data.draw(st.sampled_from(better))
    moved = data.draw(st.integers(1, int(person["hours"][source] * 2))) / 2
    hours = dict(person["hours"])
    hours[source] -= moved
    hours[target] = hours.get(target, 0.0) + moved
    before = score(person).alignment
    after = score({**person, "hours": hours}).alignment
    assert before is not None
    assert after is not None
    assert after >= before - 1e-9
    if any(fit(target, g) > fit(source, g) for g in chosen):
        assert after > before


@UNTIMED
@given(st.sampled_from(goal_ids()), st.sampled_from(channel_ids()), st.integers(1, 80))
def test_with_one_goal_a_place_scores_its_fit_against_the_best_fit_for_that_goal(
    goal: str, channel: str, halves: int
) -> None:
    """Fit 3 scores 100 wherever it is, fit 2 two thirds of that, fit 1 a third."""
    person = {"goal_weights": {goal: 100}, "hours": {channel: halves / 2}}
    best = max(fit(c, goal) for c in channel_ids())
    assert score(person).alignment == 100 * fit(channel, goal) / best


@UNTIMED
@given(st.data())
def test_a_focused_person_in_the_right_places_scores_above_one_spread_over_everything(
    data: st.DataObject,
) -> None:
    """Focused: one goal, or two equally, every hour in a place very good (3) for one of them
    and good (2) for the other. Spread: points on every goal, hours in middling places (worth no
    more than the median place for such a person)."""
    goals = data.draw(st.lists(st.sampled_from(goal_ids()), min_size=1, max_size=2, unique=True))
    right = [
        c
        for c in channel_ids()
        if any(fit(c, g) == 3 for g in goals) and all(fit(c, g) >= 2 for g in goals)
    ]
    assume(right)
    focused = {
        "goal_weights": {g: 100 // len(goals) for g in goals},
        "hours": {c: data.draw(st.integers(1, 20)) / 2 for c in data.draw(subsets(right))},
    }
    everything = {g: 100 // len(goal_ids()) for g in goal_ids()}
    values = {c: sum(fit(c, g) for g in goal_ids()) for c in channel_ids()}
    median = sorted(values.values())[len(values) // 2]
    middling = [c for c in channel_ids() if values[c] <= median]
    spread = {
        "goal_weights": everything,
        "hours": {c: data.draw(st.integers(1, 20)) / 2 for c in data.draw(subsets(middling))},
    }
    focused_score, spread_score = score(focused).alignment, score(spread).alignment
    assert focused_score is not None
    assert spread_score is not None
    assert focused_score > spread_score


def subsets(items: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(items), min_size=1, max_size=len(items), unique=True)


# --- the first step -------------------------------------------------------------------------


@UNTIMED
@given(people(), st.data())
def test_half_an_hour_more_or_less_in_one_place_changes_the_step_a_little(
    person: dict[str, Any], data: st.DataObject
) -> None:
    channel = data.draw(st.sampled_from(channel_ids()))
    change = data.draw(st.sampled_from([-0.5, 0.5]))
    hours = dict(person["hours"])
    hours[channel] = hours.get(channel, 0.0) + change
    assume(hours[channel] >= 0 and sum(hours.values()) > 0)
    nudged = {**person, "hours": hours}
    if channel not in person["motive"]:  # a new place needs its motive and outcome
        nudged["motive"] = {**person["motive"], channel: data.draw(st.sampled_from(MOTIVES))}
        nudged["outcomes"] = {**person["outcomes"], channel: data.draw(st.sampled_from(OUTCOMES))}
    assert abs(moved(person) - moved(nudged)) <= nudge_limit(person)


@UNTIMED
@given(people(), st.data())
def test_five_points_from_one_goal_to_another_changes_the_step_a_little(
    person: dict[str, Any], data: st.DataObject
) -> None:
    weights = dict(person["goal_weights"])
    giver = data.draw(st.sampled_from(sorted(weights)))
    taker = data.draw(st.sampled_from(goal_ids()))
    assume(giver != taker)
    weights[giver] -= 5
    weights[taker] = weights.get(taker, 0) + 5
    assert abs(moved(person) - moved({**person, "goal_weights": weights})) <= nudge_limit(person)


def moved(person: dict[str, Any]) -> float:
    return score(person).hours_moved or 0.0


@UNTIMED
@given(people())
def test_the_step_keeps_the_total(person: dict[str, Any]) -> None:
    scores = score(person)
    assert sum(c.suggested_hours for c in scores.channels) == scores.total_hours


@UNTIMED
@given(people())
def test_hours_move_only_to_places_at_least_nearly_as_good(person: dict[str, Any]) -> None:
    """A place worse than the one the hours leave only takes hours from a duty place or one
    that brought nothing, and by at most ``SLACK``; so alignment falls by at most that."""
    scores = score(person)
    step = scores.first_step
    assert step is not None
    for move in step.moves:
        source, target = scores.channel(move.source), scores.channel(move.target)
        if target.value < source.value:
            assert source.obligation or source.brought_nothing
            assert target.value >= source.value - first_step.SLACK
    assert scores.suggested_alignment is not None
    assert scores.alignment is not None
    share = step.moved / scores.total_hours
    assert scores.suggested_alignment >= scores.alignment - 100 * first_step.SLACK * share - 1e-9


@UNTIMED
@given(people())
def test_a_duty_place_or_one_that_brought_nothing_never_gains_hours(
    person: dict[str, Any],
) -> None:
    scores = score(person)
    for channel in scores.used:
        if channel.obligation or channel.brought_nothing:
            assert channel.suggested_hours <= channel.hours


@UNTIMED
@given(people())
def test_hours_go_only_to_wanted_productive_places_and_new_ones(person: dict[str, Any]) -> None:
    scores = score(person)
    for channel in scores.channels:
        if channel.suggested_hours > channel.hours:
            assert channel.hours == 0 or (not channel.obligation and not channel.brought_nothing)


@UNTIMED
@given(people())
def test_a_new_place_gets_a_trial_when_there_is_something_to_build_on(
    person: dict[str, Any],
) -> None:
    scores = score(person)
    assert scores.first_step is not None
    if scores.first_step.foundation >= first_step.BUILD_ON:
        for channel in scores.channels:
            if channel.hours == 0:
                assert channel.suggested_hours <= first_step.TRIAL_HOURS


@UNTIMED
@given(people())
def test_a_wanted_productive_place_serving_a_top_goal_best_keeps_its_hours(
    person: dict[str, Any],
) -> None:
    scores = score(person)
    for channel in scores.used:
        best_for_top = any(
            fit(channel.id, g) >= scoring.SERVES
            and fit(channel.id, g) == max(fit(c, g) for c in channel_ids())
            for g in scores.top_goals
        )
        if best_for_top and not channel.obligation and not channel.brought_nothing:
            assert channel.suggested_hours >= channel.hours


@UNTIMED
@given(people())
def test_a_step_is_small_no_place_loses_more_than_half(person: dict[str, Any]) -> None:
    for channel in score(person).channels:
        assert channel.suggested_hours >= channel.hours / 2


@UNTIMED
@given(people(), st.data())
def test_someone_in_good_shape_is_told_to_keep_going(
    person: dict[str, Any], data: st.DataObject
) -> None:
    """Every hour in places the person wants, that brought something and serve their goals
    well: nothing moves."""
    values = {c.id: c.value for c in score(person).channels}  # they depend on the goals only
    good = sorted(c for c, value in values.items() if value >= first_step.KEEP)
    used = data.draw(st.lists(st.sampled_from(good), min_size=1, unique=True))
    settled = {
        **person,
        "hours": {c: data.draw(st.integers(1, 40)) / 2 for c in used},
        "motive": dict.fromkeys(used, "want"),
        "outcomes": dict.fromkeys(used, "relationships"),
    }
    scores = score(settled)
    assert scores.first_step is not None
    assert scores.first_step.kind == "keep_going"
    assert scores.hours_moved == 0


@UNTIMED
@given(people())
def test_the_same_answers_get_the_same_step(person: dict[str, Any]) -> None:
    assert score(person).first_step == score(dict(person)).first_step


@UNTIMED
@given(points())
def test_no_hours_get_a_starter_plan_in_the_two_best_places(weights: dict[str, int]) -> None:
    scores = score({"goal_weights": weights, "hours": {}})
    step = scores.first_step
    assert step is not None
    assert step.kind == "starter"
    assert scores.alignment is None
    chosen = [c for c in scores.channels if c.suggested_hours > 0]
    assert [c.suggested_hours for c in chosen] == [first_step.STARTER_HOURS] * 2
    best = max(c.value for c in scores.channels)
    assert max(c.value for c in chosen) == best
