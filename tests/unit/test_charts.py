"""Chart specs: the data each chart shows, its order, colours, words and size; and that each
one renders offline, as the PDF needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vl_convert

from netclarity import charts, loader, scoring
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
"""Delivered a 18/32, b 10/32, c 4/32; alignment 2775/29 = 95.7; top goals a and b (see
test_scoring)."""


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


def test_goals_chart_puts_stated_and_delivered_side_by_side(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    spec = charts.goals_chart(small, scores).to_dict()
    assert [(r["goal"], r["series"], r["share"], r["label"]) for r in data(spec)] == [
        ("A", "What you want", 0.5, "50%"),
        ("A", "What your time delivers", 0.5625, "56%"),
        ("Goal B", "What you want", 0.3, "30%"),
        ("Goal B", "What your time delivers", 0.3125, "31%"),
        ("Goal C", "What you want", 0.2, "20%"),
        ("Goal C", "What your time delivers", 0.125, "12%"),
    ]
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ["A", "Goal B", "Goal C"]
    assert colours(spec) == {
        "What you want": charts.BLUE,
        "What your time delivers": charts.ORANGE,
    }


def test_goals_chart_title_says_what_to_look_at(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    title = charts.goals_chart(small, scores).to_dict()["title"]
    assert title["text"] == ["What you want from networking, and what your time delivers"]
    assert " ".join(title["subtitle"]) == (
        "Alignment 96 out of 100. Where the orange bar is shorter than the blue one, that "
        "goal gets less of your time than you want."
    )


def test_hours_chart_colours_channels_by_whether_they_serve_a_top_goal(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    spec = charts.hours_chart(small, scores).to_dict()
    assert [(r["channel"], r["hours"], r["kind"], r["label"]) for r in data(spec)] == [
        ("Channel X", 6.0, "Serves a top goal", "6 h"),
        ("Channel Y", 2.0, "Serves a top goal", "2 h, because you feel you should"),
        ("Channel Z", 2.0, "Serves none of your top goals", "2 h"),
    ]
    assert colours(spec) == {
        "Serves a top goal": charts.GREEN,
        "Serves none of your top goals": charts.VERMILLION,
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


def test_gap_chart_diverges_from_zero_most_under_served_first(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    spec = charts.gap_chart(small, scores).to_dict()
    assert [(r["goal"], r["gap"], r["status"], r["label"]) for r in data(spec)] == [
        ("Goal C", pytest.approx(-0.075), "Gets less than you want", "-8%"),
        ("Goal B", pytest.approx(0.0125), "About right", "+1%"),
        ("A", pytest.approx(0.0625), "Gets more than you want", "+6%"),
    ]
    assert colours(spec) == {
        "Gets less than you want": charts.VERMILLION,
        "About right": charts.GREY,
        "Gets more than you want": charts.BLUE,
    }
    domain = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
    assert domain[0] == -domain[1]
    assert spec["layer"][-1]["mark"]["type"] == "rule"


def test_mix_chart_shows_now_and_suggested_hours(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    """Suggested x 20/3 = 6.7 h, y 10/3 = 3.3 h, z 0 h, alignment 100 (see test_scoring)."""
    spec = charts.mix_chart(small, scores).to_dict()
    assert [(r["channel"], r["series"], r["hours"]) for r in data(spec)] == [
        ("Channel X", "Now", 6.0),
        ("Channel X", "Suggested", 6.7),
        ("Channel Y", "Now", 2.0),
        ("Channel Y", "Suggested", 3.3),
        ("Channel Z", "Now", 2.0),
        ("Channel Z", "Suggested", 0.0),
    ]
    assert spec["title"]["subtitle"] == [
        "Same 10 hours a month, 2 of them moved. Alignment would go from 96 to 100."
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
        charts.gap_chart(small, scores, width=400),
        charts.mix_chart(small, scores, width=400),
        charts.alignment_over_time(small, [("1", 50.0), ("2", 75.0)], width=400),
    ]


def test_every_chart_renders_offline_for_the_pdf(
    small: Questionnaire, scores: scoring.Scores
) -> None:
    for chart in built(small, scores):
        png = vl_convert.vegalite_to_png(chart.to_json(), scale=2)
        assert png.startswith(b"\x89PNG")
