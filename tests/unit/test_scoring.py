"""Scoring on small questionnaires, with every expected number worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from netclarity import loader, rules, scoring
from netclarity.questionnaire import Questionnaire

EVERY_TYPE = Path(__file__).parents[1] / "questionnaires" / "every_type.yaml"

SMALL = Path(__file__).parents[1] / "questionnaires" / "scoring.yaml"
"""Goals a, b, c; channels x (fit a 3, b 1), y (b 2, c 2) and z (serves nothing)."""


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return loader.load_file(SMALL).questionnaire


@pytest.fixture(scope="module")
def every_type() -> Questionnaire:
    return loader.load_file(EVERY_TYPE).questionnaire


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


def test_delivered_profile_is_hours_times_fit_normalised(small: Questionnaire) -> None:
    """a = 6*3 = 18; b = 6*1 + 2*2 = 10; c = 2*2 = 4; z adds nothing; total 32."""
    scores = scoring.score(small, answers())
    assert [g.delivered for g in scores.goals] == [18 / 32, 10 / 32, 4 / 32]


def test_alignment_is_one_minus_half_the_summed_differences(small: Questionnaire) -> None:
    """|0.5 - 0.5625| + |0.3 - 0.3125| + |0.2 - 0.125| = 0.0625 + 0.0125 + 0.075 = 0.15;
    100 * (1 - 0.15 / 2) = 92.5."""
    assert scoring.score(small, answers()).alignment == pytest.approx(92.5)


def test_hour_shares_and_totals(small: Questionnaire) -> None:
    scores = scoring.score(small, answers())
    assert [(c.id, c.hours, c.share) for c in scores.channels] == [
        ("x", 6.0, 0.6),
        ("y", 2.0, 0.2),
        ("z", 2.0, 0.2),
    ]
    assert scores.total_hours == 10.0


def test_gap_is_delivered_minus_stated_with_a_five_point_tolerance(small: Questionnaire) -> None:
    """a: 0.5625 - 0.5 = +0.0625 (over); b: +0.0125 (on target); c: -0.075 (under)."""
    scores = scoring.score(small, answers())
    assert [(g.id, g.status) for g in scores.goals] == [
        ("a", "over"),
        ("b", "on_target"),
        ("c", "under"),
    ]
    assert scores.goal("c").gap == pytest.approx(-0.075)


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


def test_suggested_rebalance_moves_toward_the_best_channels(small: Questionnaire) -> None:
    """Target: a (0.5) to x, its best channel; b (0.3) and c (0.2) to y: x 5 h, y 5 h, z 0.
    Target delivers a 15, b 5 + 10 = 15, c 10 of 40: alignment 87.5, worse than today.
    Along the line, delivered = (1 - l) * (0.5625, 0.3125, 0.125) + l * (0.375, 0.375, 0.25);
    kinks where a goal meets its weight: a at l = 1/3, c at l = 0.6. Alignment there:
    l = 1/3 -> (0.5, 0.3333, 0.1667) -> 100 * (1 - 0.0667 / 2) = 96.667 (the best);
    l = 0.6 -> (0.45, 0.35, 0.2) -> 95. In hours, t = l*32 / (40*(1 - l) + l*32) = 2/7:
    x = 5/7*6 + 2/7*5 = 40/7, y = 5/7*2 + 2/7*5 = 20/7, z = 5/7*2 = 10/7."""
    scores = scoring.score(small, answers())
    assert [c.suggested_hours for c in scores.channels] == pytest.approx([40 / 7, 20 / 7, 10 / 7])
    assert scores.suggested_alignment == pytest.approx(290 / 3)


def test_suggested_mix_keeps_the_total_hours(small: Questionnaire) -> None:
    scores = scoring.score(small, answers())
    assert sum(c.suggested_hours or 0 for c in scores.channels) == pytest.approx(10.0)


def test_a_mix_already_on_target_is_left_as_it_is(small: Questionnaire) -> None:
    """6 h in x alone delivers a 18, b 6 of 24 = (0.75, 0.25, 0), as stated: alignment 100."""
    scores = scoring.score(small, answers(weights={"a": 75, "b": 25}, hours={"x": 6}))
    assert scores.alignment == 100.0
    assert [c.suggested_hours for c in scores.channels] == [6.0, 0.0, 0.0]


def test_hours_that_serve_no_goal_deliver_nothing(small: Questionnaire) -> None:
    """All hours in z: nothing delivered, alignment 0; the suggestion is the whole target
    (x 5 h, y 5 h, alignment 87.5 as worked out above)."""
    scores = scoring.score(small, answers(hours={"z": 10}))
    assert scores.nothing_delivered
    assert scores.alignment == 0.0
    assert [g.delivered for g in scores.goals] == [0.0, 0.0, 0.0]
    assert [c.suggested_hours for c in scores.channels] == [5.0, 5.0, 0.0]
    assert scores.suggested_alignment == pytest.approx(87.5)


def test_without_answers_scores_say_what_is_missing(small: Questionnaire) -> None:
    scores = scoring.score(small, {})
    assert scores.missing == ("goals", "mix", "money", "motive", "outcomes")
    assert scores.alignment is None
    assert scores.suggested_alignment is None
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
    """Goals food 3, talk 7 of 10. Canteen 20 min serves food 2, talk 3; video 40 min serves
    talk 1. Delivered food 40, talk 60 + 40 = 100 of 140 = (2/7, 5/7). Differences
    |0.3 - 2/7| = |0.7 - 5/7| = 1/70, so alignment = 100 * (1 - 1/70) = 690/7."""
    scores = scoring.score(
        every_type, {"why": {"food": 3, "talk": 7}, "time": {"canteen": 20, "video": 40}}
    )
    assert scores.alignment == pytest.approx(690 / 7)
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
        (0.5, 0.125, -0.075)
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
    assert f["alignment"]() == pytest.approx(92.5)
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
    assert f["delivered"]("a") == 0.75
    for name, args in [("goal_weight", ("a",)), ("top_goal", ()), ("unserved_share", ())]:
        with pytest.raises(rules.NotAvailable):
            f[name](*args)
