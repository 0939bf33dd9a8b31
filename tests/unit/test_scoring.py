"""Scoring on small questionnaires, with every expected number worked out by hand."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from netclarity import rules, scoring
from netclarity.loading import loader
from netclarity.questionnaire import Questionnaire

EVERY_TYPE = Path(__file__).parents[1] / "questionnaires" / "every_type.yaml"
NETWORKING = Path(__file__).parents[2] / "questions" / "networking_clarity.yaml"

SMALL = Path(__file__).parents[1] / "questionnaires" / "scoring.yaml"
"""Goals a, b, c; channels x (fit a 3, b 1), y (b 2, c 2) and z (serves nothing).

x delivers the profile (3/4, 1/4, 0) and y (0, 1/2, 1/2), so every mix delivers
``(1 - l) * (3/4, 1/4, 0) + l * (0, 1/2, 1/2)`` = ``(3/4 - 3l/4, 1/4 + l/4, l/2)``, with ``l``
y's share of the fit (x and y both have 4 fit points, so ``l`` is also y's share of the
hours in x and y)."""

SAME_PROFILE = b"""
id: same_profile
version: 1
title: Two channels with the same profile
goals:
  - {id: a, label: Goal A}
  - {id: b, label: Goal B}
  - {id: rest, label: A goal no channel serves}
channels:
  - {id: p, label: Channel P, mode: online}
  - {id: q, label: Channel Q, mode: online}
  - {id: r, label: Channel R, mode: online}
fit:
  p: {a: 1}
  q: {a: 2}
  r: {b: 1}
pages:
  - id: only
    title: Only
    questions:
      - {id: weights, type: allocation, label: Weights, of: goals, total: 100, role: goals}
      - {id: hours, type: allocation, label: Hours, of: channels, role: mix}
"""
"""p and q both serve only goal a, so they deliver the same profile; r serves only b."""


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return loader.load_file(SMALL).questionnaire


@pytest.fixture(scope="module")
def every_type() -> Questionnaire:
    return loader.load_file(EVERY_TYPE).questionnaire


@pytest.fixture(scope="module")
def networking() -> Questionnaire:
    return loader.load_file(NETWORKING).questionnaire


@pytest.fixture(scope="module")
def same_profile() -> Questionnaire:
    return loader.parse(SAME_PROFILE, "same_profile.yaml")


def answers(**extra: object) -> dict[str, object]:
    """The worked example: goals 50/30/20; 6 h in x, 2 h in y, 2 h in z (10 h)."""
    base: dict[str, object] = {
        "weights": {"a": 50, "b": 30, "c": 20},
        "active": "yes",
        "hours": {"x": 6, "y": 2, "z": 2},
    }
    return {**base, **extra}


def test_stated_weights_are_the_points_divided_by_their_total(small: Questionnaire) -> None:
    scores = scoring.score(small, answers())
    assert [(g.id, g.stated) for g in scores.goals] == [("a", 0.5), ("b", 0.3), ("c", 0.2)]


def test_an_hour_is_worth_the_points_weighted_fit_of_its_channel(small: Questionnaire) -> None:
    """Goals 0.5/0.3/0.2. x (a 3, b 1): 1.5 + 0.3 = 1.8; y (b 2, c 2): 0.6 + 0.4 = 1.0; z 0.
    The best channel is x, so the relative values are 1, 5/9 and 0."""
    scores = scoring.score(small, answers())
    assert [c.value for c in scores.channels] == pytest.approx([1.0, 1.0 / 1.8, 0.0])


def test_alignment_is_the_average_value_of_an_hour_against_the_best_channel(
    small: Questionnaire,
) -> None:
    """(6 * 1.8 + 2 * 1.0 + 2 * 0) / 10 = 1.28 per hour, against 1.8 in x: 100 * 1.28 / 1.8
    = 71.1. match and best are those values on the fit table's 0-1 scale (/ 3)."""
    scores = scoring.score(small, answers())
    assert scores.alignment == pytest.approx(100 * 1.28 / 1.8)
    assert (scores.match, scores.best) == pytest.approx((1.28 / 3, 1.8 / 3))


def test_served_is_hours_times_fit_against_the_best_place_for_the_goal(
    small: Questionnaire,
) -> None:
    """a: 6 * 3 / (10 * 3) = 0.6; b: (6 * 1 + 2 * 2) / (10 * 2) = 0.5; c: 2 * 2 / 20 = 0.2."""
    scores = scoring.score(small, answers())
    assert [g.served for g in scores.goals] == pytest.approx([0.6, 0.5, 0.2])


def test_want_is_the_points_against_the_first_goal(small: Questionnaire) -> None:
    scores = scoring.score(small, answers())
    assert [g.want for g in scores.goals] == pytest.approx([1.0, 0.6, 0.4])


def test_the_arrays_score_a_room_the_way_they_score_one_person(small: Questionnaire) -> None:
    """The room calls the same function with one row per person."""
    fit = scoring.fit_matrix(small)
    stated = np.array([[0.5, 0.3, 0.2], [0.0, 0.0, 1.0]])
    hours = np.array([[6.0, 2.0, 2.0], [0.0, 4.0, 0.0]])
    assert scoring.alignments(stated, hours, fit).tolist() == pytest.approx(
        [scoring.score(small, answers()).alignment, 100.0]
    )


def test_hour_shares_and_totals(small: Questionnaire) -> None:
    scores = scoring.score(small, answers())
    assert [(c.id, c.hours, c.share) for c in scores.channels] == [
        ("x", 6.0, 0.6),
        ("y", 2.0, 0.2),
        ("z", 2.0, 0.2),
    ]
    assert scores.total_hours == 10.0


def test_gap_is_served_minus_want_with_a_quarter_tolerance(small: Questionnaire) -> None:
    """a: 0.6 - 1.0 = -0.4 (under); b: 0.5 - 0.6 = -0.1 and c: 0.2 - 0.4 = -0.2 (on target)."""
    scores = scoring.score(small, answers())
    assert [(g.id, g.status) for g in scores.goals] == [
        ("a", "under"),
        ("b", "on_target"),
        ("c", "on_target"),
    ]
    assert scores.goal("a").gap == pytest.approx(-0.4)


@pytest.mark.parametrize(
    ("points", "top"),
    [
        ({"a": 50, "b": 30, "c": 20}, ("a", "b")),  # 20 < 50 / 2
        ({"a": 70, "b": 30}, ("a",)),  # a dominant goal stands alone
        ({"a": 20, "b": 40, "c": 40}, ("b", "c", "a")),  # ties kept, heaviest first
        ({"c": 100}, ("c",)),
    ],
)
def test_top_goals_weigh_at_least_half_the_heaviest(
    small: Questionnaire, points: dict[str, int], top: tuple[str, ...]
) -> None:
    assert scoring.score(small, answers(weights=points)).top_goals == top


def test_channels_serving_no_top_goal_are_flagged(small: Questionnaire) -> None:
    """Top goals a, b: x serves a (fit 3), y serves b (fit 2), z serves nothing."""
    scores = scoring.score(small, answers())
    assert [c.serves_top_goal for c in scores.channels] == [True, True, False]
    assert scores.unserved_channels == ("z",)
    assert scores.unserved_share == pytest.approx(0.2)


def test_served_share_counts_hours_in_channels_with_fit_two_or_more(
    small: Questionnaire,
) -> None:
    """a is served by x (6 of 10 h); b only by y (fit 2; x's 1 is not enough); c by y."""
    scores = scoring.score(small, answers())
    assert [g.served_share for g in scores.goals] == [0.6, 0.2, 0.2]


def test_obligations_are_should_answers_for_channels_with_hours(small: Questionnaire) -> None:
    """A stale 'should' for y counts no more once y has no hours (its row is not shown)."""
    motive = {"x": "should", "y": "should", "z": "want"}
    scores = scoring.score(small, answers(motive=motive))
    assert scores.obligations == ("x", "y")
    assert scores.obligation_share == pytest.approx(0.8)

    without_y = scoring.score(small, answers(motive=motive, hours={"x": 6, "z": 2}))
    assert without_y.obligations == ("x",)
    assert without_y.obligation_share == pytest.approx(0.75)


def test_cost_per_hour_is_money_over_hours(small: Questionnaire) -> None:
    scores = scoring.score(small, answers(money={"x": 90, "z": 10}))
    assert [c.cost_per_hour for c in scores.channels] == [15.0, None, 5.0]
    assert scores.total_money == 100.0


def test_cost_per_outcome_divides_all_money_by_channels_that_brought_something(
    small: Questionnaire,
) -> None:
    """Money 90 + 30 + 30 = 150; x and y brought a win, z nothing yet: 150 / 2 = 75."""
    scores = scoring.score(
        small,
        answers(
            money={"x": 90, "y": 30, "z": 30},
            outcomes={"x": "win", "y": "win", "z": "nothing_yet"},
        ),
    )
    assert scores.outcomes_count == 2
    assert scores.cost_per_outcome == 75.0
    assert scores.money_by_outcome() == {"win": 120.0, "nothing_yet": 30.0}


def test_no_outcome_means_no_cost_per_outcome(small: Questionnaire) -> None:
    scores = scoring.score(
        small,
        answers(money={"x": 90}, outcomes={"x": "nothing_yet", "y": "nothing_yet"}),
    )
    assert (scores.outcomes_count, scores.cost_per_outcome) == (0, None)


def test_the_first_step_takes_from_what_serves_nothing_and_grows_the_best_place(
    small: Questionnaire,
) -> None:
    """z serves no goal: half its 2 h (1 h) moves, into x, the best place, used and wanted."""
    scores = scoring.score(small, answers())
    assert [c.suggested_hours for c in scores.channels] == pytest.approx([7.0, 2.0, 1.0])
    assert scores.first_step is not None
    assert scores.first_step.kind == "rebalance"
    assert scores.hours_moved == 1.0
    assert scores.suggested_alignment == pytest.approx(100 * (7 * 1.8 + 2) / 18)


def test_suggested_mix_keeps_the_total_hours(small: Questionnaire) -> None:
    scores = scoring.score(small, answers())
    assert sum(c.suggested_hours or 0 for c in scores.channels) == pytest.approx(10.0)


def test_a_mix_in_the_best_place_is_left_as_it_is(small: Questionnaire) -> None:
    """6 h in x alone: every hour in the best channel for 75/25, alignment 100, keep going."""
    scores = scoring.score(small, answers(weights={"a": 75, "b": 25}, hours={"x": 6}))
    assert scores.alignment == 100.0
    assert [c.suggested_hours for c in scores.channels] == [6.0, 0.0, 0.0]
    assert scores.first_step is not None
    assert scores.first_step.kind == "keep_going"


def test_a_single_goal_in_a_channel_of_the_highest_fit_scores_100(small: Questionnaire) -> None:
    """Goal c alone, all hours in y, the only channel serving c: 100, although y also serves
    b (a channel is not marked down for what else it does)."""
    scores = scoring.score(small, answers(weights={"c": 100}, hours={"y": 4}))
    assert scores.alignment == 100.0


def test_goals_no_channel_serves_score_0_and_move_nothing(same_profile: Questionnaire) -> None:
    """Nothing serves "rest": every hour is worth 0, alignment 0, and no place is better."""
    scores = scoring.score(same_profile, {"weights": {"rest": 100}, "hours": {"p": 4, "r": 2}})
    assert (scores.match, scores.best, scores.alignment) == (0.0, 0.0, 0.0)
    assert [c.suggested_hours for c in scores.channels] == [4.0, 0.0, 2.0]
    assert scores.first_step is not None
    assert scores.first_step.kind == "no_move"


def test_hours_that_serve_no_goal_score_0_and_half_of_them_move(small: Questionnaire) -> None:
    """All 10 h in z: alignment 0. Nothing to build on, so half of them (5 h) go to the two
    best new places, x (1.8) and y (1.0), as far as each can take them: both are new, so
    the first takes them all."""
    scores = scoring.score(small, answers(hours={"z": 10}))
    assert scores.nothing_delivered
    assert (scores.match, scores.alignment) == (0.0, 0.0)
    assert [g.served for g in scores.goals] == [0.0, 0.0, 0.0]
    assert [c.suggested_hours for c in scores.channels] == [5.0, 0.0, 5.0]


def test_zero_hours_get_a_starter_plan_in_the_two_best_places(small: Questionnaire) -> None:
    """No hours is an answer: no alignment, and two hours a month in x and in y."""
    scores = scoring.score(small, answers(hours={}))
    assert "mix" in scores.known
    assert scores.alignment is None
    assert scores.first_step is not None
    assert scores.first_step.kind == "starter"
    assert [c.suggested_hours for c in scores.channels] == [2.0, 2.0, 0.0]


def test_without_answers_scores_say_what_is_missing(small: Questionnaire) -> None:
    scores = scoring.score(small, {})
    assert scores.missing == ("goals", "mix", "money", "motive", "outcomes")
    assert (scores.match, scores.best, scores.alignment) == (None, None, None)
    assert (scores.first_step, scores.suggested_alignment, scores.hours_moved) == (
        None,
        None,
        None,
    )
    assert scores.top_goals == ()
    assert scores.unserved_channels == ()


def test_goals_alone_give_weights_but_no_alignment(small: Questionnaire) -> None:
    scores = scoring.score(small, {"weights": {"a": 1}})
    assert scores.missing == ("mix", "money", "motive", "outcomes")
    assert scores.goal("a").stated == 1.0
    assert scores.alignment is None


def test_hidden_hours_do_not_count(small: Questionnaire) -> None:
    scores = scoring.score(small, answers(active="no"))
    assert "mix" in scores.missing
    assert scores.total_hours == 0.0


def test_amounts_that_are_not_positive_numbers_count_as_zero(small: Questionnaire) -> None:
    """Imported files are untrusted: text, booleans, negatives and NaN are ignored."""
    scores = scoring.score(
        small, answers(hours={"x": 6, "y": "2", "z": -3, "w": 5, "q": True, "nan": float("nan")})
    )
    assert [c.hours for c in scores.channels] == [6.0, 0.0, 0.0]


def test_roles_the_questionnaire_does_not_ask_are_not_missing(
    every_type: Questionnaire,
) -> None:
    assert scoring.score(every_type, {}).missing == ("goals", "mix", "motive")


def test_every_type_questionnaire(every_type: Questionnaire) -> None:
    """Goals food 0.3, talk 0.7. Canteen (food 2, talk 3) is worth 0.6 + 2.1 = 2.7 an hour,
    video (talk 1) 0.7. 20 min canteen, 40 min video: (20 * 2.7 + 40 * 0.7) / 60 = 82/60,
    against 2.7: alignment 100 * 82 / 162 = 50.6."""
    scores = scoring.score(
        every_type, {"why": {"food": 3, "talk": 7}, "time": {"canteen": 20, "video": 40}}
    )
    assert scores.alignment == pytest.approx(100 * 82 / 162)
    assert scores.top_goals == ("talk",)


def test_person_functions_cover_every_person_function_of_the_rule_language(
    small: Questionnaire,
) -> None:
    functions = scoring.person_functions(small, scoring.score(small, answers()), answers())
    person = {name for name, f in rules.FUNCTIONS.items() if f.audience == "person"}
    assert set(functions) == person


def test_person_functions_read_the_scores(small: Questionnaire) -> None:
    given = answers(money={"x": 90}, motive={"x": "should", "y": "want", "z": "want"})
    f = scoring.person_functions(small, scoring.score(small, given), given)
    assert (f["goal_weight"]("a"), f["delivered"]("c"), f["gap"]("c")) == pytest.approx(
        (0.5, 0.2, -0.2)
    )
    assert (f["top_goal"](), f["is_top_goal"]("b"), f["is_top_goal"]("c")) == ("a", True, False)
    assert (f["top_channel"](), f["hours"]("x"), f["mix_share"]("y")) == ("x", 6.0, 0.2)
    assert (f["money"]("x"), f["money"]("y"), f["total_money"]()) == (90.0, 0.0, 90.0)
    assert (f["is_obligation"]("x"), f["obligation_share"]()) == (True, 0.6)
    assert (f["served_share"]("a"), f["unserved_share"](), f["total_hours"]()) == (
        0.6,
        0.2,
        10.0,
    )
    assert f["alignment"]() == pytest.approx(100 * 1.28 / 1.8)
    assert (f["places_used"](), f["least_served_top_goal"](), f["mode_share"]("online")) == (
        3,
        "b",
        0.2,
    )
    assert f["hours_moved"]() == 1.0
    assert (f["answer"]("active"), f["answer"]("money")) == ("yes", {"x": 90})
    assert (f["label"]("a"), f["label"]("y"), f["label"]("other")) == (
        "Goal A",
        "Channel Y",
        "other",
    )


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("mix_share", ("x",)),
        ("total_hours", ()),
        ("alignment", ()),
        ("top_channel", ()),
        ("money", ("x",)),
        ("obligation_share", ()),
        ("gap", ("a",)),
    ],
)
def test_person_functions_without_hours_are_not_available(
    small: Questionnaire, name: str, args: tuple[str, ...]
) -> None:
    given = {"weights": {"a": 1}}
    f = scoring.person_functions(small, scoring.score(small, given), given)
    with pytest.raises(rules.NotAvailable):
        f[name](*args)


def test_goal_functions_without_goals_are_not_available(small: Questionnaire) -> None:
    given = {"active": "yes", "hours": {"x": 1}}
    f = scoring.person_functions(small, scoring.score(small, given), given)
    assert f["delivered"]("a") == 1.0
    for name, args in [("goal_weight", ("a",)), ("top_goal", ()), ("unserved_share", ())]:
        with pytest.raises(rules.NotAvailable):
            f[name](*args)


# --- focused people on the networking questionnaire ---------------------------------------


@pytest.mark.parametrize("channel", ["one_to_ones", "calls_visits"])
def test_clients_alone_with_every_hour_in_a_fit_3_channel_scores_100(
    networking: Questionnaire, channel: str
) -> None:
    """One-to-ones also serve partners and a specific person; calls serve less else. For a
    person who wants only clients both are as good: fit 3."""
    scores = scoring.score(networking, {"goal_weights": {"clients": 100}, "hours": {channel: 10}})
    assert scores.alignment == 100.0


def test_nine_equal_goals_in_paid_events_is_below_100(networking: Questionnaire) -> None:
    """Paid events' fit adds to 12 over nine goals, one-to-ones' to 19: 100 * 12 / 19."""
    equal = {g.id: 1 for g in networking.goals}
    scores = scoring.score(networking, {"goal_weights": equal, "hours": {"paid_events": 10}})
    assert scores.alignment == pytest.approx(100 * 12 / 19)
