"""Chart specs: the data each chart shows, its order, colours, words and size; and that each
one renders offline, as the PDF needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vl_convert

from netclarity import charts, scoring
from netclarity.loading import loader
from netclarity.questionnaire import Questionnaire
from netclarity.texts import ChartTexts

SMALL = Path(__file__).parents[1] / "questionnaires" / "scoring.yaml"
"""Goals a, b, c; channels x (fit a 3, b 1), y (b 2, c 2) and z (serves nothing)."""

ANSWERS = {
    "weights": {"a": 50, "b": 30, "c": 20},
    "active": "yes",
    "hours": {"x": 6, "y": 2, "z": 2},
    "motive": {"x": "want", "y": "should", "z": "want"},
}
"""Served a 0.6, b 0.5, c 0.2; alignment 71.1; top goals a and b (see test_scoring)."""


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return loader.load_file(SMALL).questionnaire


@pytest.fixture(scope="module")
def scores(small: Questionnaire) -> scoring.Scores:
    return scoring.score(small, ANSWERS)


def data(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a chart's main data set (inline, so the PDF needs no network)."""
    source = spec.get("data") or spec["layer"][0]["data"]
    rows: list[dict[str, Any]] = spec["datasets"][source["name"]]
    return rows


def colours(spec: dict[str, Any]) -> dict[str, str]:
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"], strict=True))


def test_goals_chart_puts_want_and_served_side_by_side_on_one_scale(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    """Want: 50/30/20 points against the first goal's 50; served: 0.6, 0.5, 0.2 (see
    test_scoring)."""
    spec = charts.goals_chart(small, scores).to_dict()
    assert [(r["goal"], r["series"], r["share"], r["label"]) for r in data(spec)] == [
        ("A", "How much you want it", 1.0, "100%"),
        ("A", "How well your hours serve it", pytest.approx(0.6), "60%"),
        ("Goal B", "How much you want it", 0.6, "60%"),
        ("Goal B", "How well your hours serve it", 0.5, "50%"),
        ("Goal C", "How much you want it", 0.4, "40%"),
        ("Goal C", "How well your hours serve it", pytest.approx(0.2), "20%"),
    ]
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["A", "Goal B", "Goal C"]
    assert colours(spec) == {
        "How much you want it": charts.WANT,
        "How well your hours serve it": charts.SERVED,
    }


def test_goals_given_no_points_are_not_shown_as_delivered(small: Questionnaire) -> None:
    scores = scoring.score(small, {**ANSWERS, "weights": {"a": 100}})
    spec = charts.goals_chart(small, scores).to_dict()
    assert {r["goal"] for r in data(spec)} == {"A"}


def test_goals_chart_title_says_what_to_look_at(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    title = charts.goals_chart(small, scores).to_dict()["title"]
    assert title["text"] == ["What you want from networking, and how well your hours serve it"]
    assert " ".join(title["subtitle"]) == (
        "For each goal you gave points: how much you want it (your first goal = 100%) and how "
        "well your hours serve it (100% = every hour in the best place for that goal)."
    )


def test_hours_chart_colours_channels_by_whether_they_serve_a_top_goal(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    spec = charts.hours_chart(small, scores).to_dict()
    assert [(r["channel"], r["hours"], r["kind"], r["label"]) for r in data(spec)] == [
        ("Channel X", 6.0, "Serves a top goal", "6 h"),
        ("Channel Y", 2.0, "Serves a top goal", "2 h, out of duty"),
        ("Channel Z", 2.0, "Serves none of your top goals", "2 h"),
    ]
    assert colours(spec) == {
        "Serves a top goal": charts.SERVED,
        "Serves none of your top goals": charts.SERVES_NONE,
    }
    assert spec["title"]["subtitle"] == [
        "20% of your hours go to places that serve none of your top goals."
    ]


def test_hours_chart_without_goals_shows_plain_hours(small: Questionnaire) -> None:
    no_goals = {k: v for k, v in ANSWERS.items() if k != "weights"}
    spec = charts.hours_chart(small, scoring.score(small, no_goals)).to_dict()
    assert {r["kind"] for r in data(spec)} == {"Hours"}
    assert "subtitle" not in spec["title"]


def test_hours_chart_tooltip_tells_motive_only_when_it_was_asked(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    def tooltip_titles(answers: dict[str, Any]) -> list[str]:
        spec = charts.hours_chart(small, scoring.score(small, answers)).to_dict()
        return [t["title"] for t in spec["layer"][0]["encoding"]["tooltip"]]

    assert tooltip_titles(ANSWERS) == [
        "Where",
        "Hours per month",
        "Share",
        " ",
        "You feel you should go",
    ]
    assert "Money per month" in tooltip_titles({**ANSWERS, "money": {"x": 10}})
    assert "You feel you should go" not in tooltip_titles(
        {k: v for k, v in ANSWERS.items() if k != "motive"}
    )


def test_mix_chart_shows_now_and_the_first_step(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    """y is attended out of duty: a quarter of its 2 h (0.5 h) and half of z's 2 h (which
    serves nothing) move into x, the best place: (7.5 * 1.8 + 1.5) / 10 = 1.5 an hour, 83."""
    spec = charts.mix_chart(small, scores).to_dict()
    assert [(r["channel"], r["series"], r["hours"]) for r in data(spec)] == [
        ("Channel X", "Now", 6.0),
        ("Channel X", "Suggested", 7.5),
        ("Channel Y", "Now", 2.0),
        ("Channel Y", "Suggested", 1.5),
        ("Channel Z", "Now", 2.0),
        ("Channel Z", "Suggested", 1.0),
    ]
    assert spec["title"]["subtitle"] == [
        "Same 10 hours a month, 1.5 of them moved. Alignment would go from 71 to 83."
    ]
    assert colours(spec) == {"Now": charts.NOW, "Suggested": charts.SUGGESTED}


def test_the_results_show_the_mix_chart_only_when_the_step_moves_hours(
    small: Questionnaire,
) -> None:
    settled = scoring.score(small, {"weights": {"a": 100}, "active": "yes", "hours": {"x": 4}})
    assert len(charts.result_charts(small, settled)) == 2
    assert len(charts.result_charts(small, scoring.score(small, ANSWERS))) == 3


def test_zero_hours_show_only_the_starter_plan(small: Questionnaire) -> None:
    starter = scoring.score(small, {"weights": {"a": 100}, "active": "yes", "hours": {}})
    (chart,) = charts.result_charts(small, starter)
    assert chart.to_dict()["title"]["subtitle"] == [
        "A starter plan: a few hours a month in the places that fit your goals best."
    ]


def test_alignment_over_time_keeps_the_rounds_in_order_on_a_fixed_scale(
    small: Questionnaire,
) -> None:
    rounds = [("March", 41.2), ("June", 58.0), ("September", 66.6)]
    spec = charts.alignment_over_time(small, rounds)
    spec = spec.to_dict()
    assert [(r["round"], r["label"]) for r in data(spec)] == [
        ("March", "41"),
        ("June", "58"),
        ("September", "67"),
    ]
    encoding = spec["layer"][0]["encoding"]
    assert encoding["x"]["sort"] == ["March", "June", "September"]
    assert encoding["y"]["scale"]["domain"] == [0, 100]


def test_words_come_from_the_questionnaire(small: Questionnaire, scores: scoring.Scores) -> None:
    words = small.texts.model_copy(
        update={"charts": ChartTexts(stated="Souhaité", delivered="Obtenu")}
    )
    french = small.model_copy(update={"texts": words})
    spec = charts.goals_chart(french, scores).to_dict()
    assert set(colours(spec)) == {"Souhaité", "Obtenu"}


def test_width_fills_the_container_by_default_or_is_given_in_pixels(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    assert charts.goals_chart(small, scores).to_dict()["width"] == "container"
    assert charts.goals_chart(small, scores, width=480).to_dict()["width"] == 480


def test_long_titles_are_broken_into_lines_that_fit_narrow_charts(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    title = charts.goals_chart(small, scores, width=200).to_dict()["title"]
    assert len(title["text"]) == 2
    assert all(len(line) <= 41 for line in title["text"])


def test_every_chart_has_tooltips(small: Questionnaire, scores: scoring.Scores) -> None:
    for chart in built(small, scores):
        assert "tooltip" in chart.to_dict()["layer"][0]["encoding"]


def built(small: Questionnaire, scores: scoring.Scores) -> list[Any]:
    return [
        charts.goals_chart(small, scores, width=400),
        charts.hours_chart(small, scores, width=400),
        charts.mix_chart(small, scores, width=400),
        charts.alignment_over_time(small, [("1", 50.0), ("2", 75.0)], width=400),
    ]


def test_every_chart_renders_offline_for_the_pdf(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    for chart in built(small, scores):
        png = vl_convert.vegalite_to_png(chart.to_json(), scale=2)
        assert png.startswith(b"\x89PNG")


def contrast(colour: str, background: str = "#ffffff") -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(colour), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_each_colour_has_one_meaning_and_stands_out_from_the_page() -> None:
    """Bars need 3:1 against white (WCAG 1.4.11), words 4.5:1 (1.4.3)."""
    assert len(set(charts.PALETTE.values())) == len(charts.PALETTE)
    assert {
        name: round(contrast(c), 2) for name, c in charts.PALETTE.items() if contrast(c) < 3
    } == {}
    assert contrast(charts.TEXT) >= 4.5


def test_a_chart_colours_its_words_for_reading(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    config = charts.goals_chart(small, scores).to_dict()["config"]
    assert config["axis"]["labelColor"] == config["legend"]["labelColor"] == charts.TEXT
