"""Before and after in pictures: alignment by round, hours per place then and now, each
goal's want and served then and now; and all of it in German for a German questionnaire."""

from __future__ import annotations

from typing import Any

import pytest
import vl_convert

from netclarity import change_charts, checkin, scoring
from netclarity.loading import loader
from netclarity.questionnaire import Questionnaire
from tests.support.english import english_in, english_phrases, german
from tests.unit.test_charts import ANSWERS, SMALL, data
from tests.unit.test_texts_german import ANSWERS as GERMAN_ANSWERS
from tests.unit.test_texts_german import strings

LATER = {**ANSWERS, "weights": {"a": 50, "b": 50}, "hours": {"x": 7, "y": 3}}
"""Round 2: goal c dropped, the 2 h in z (which serves nothing) moved to x and y; alignment
from 71 to 85 (x is worth 2 an hour for a and b at 50 points each, y 1)."""


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return loader.load_file(SMALL).questionnaire


@pytest.fixture(scope="module")
def history(small: Questionnaire) -> list[tuple[int, scoring.Scores]]:
    return [(1, scoring.score(small, ANSWERS)), (2, scoring.score(small, LATER))]


def test_the_change_charts_are_alignment_hours_and_goals(
    small: Questionnaire, history: list[tuple[int, scoring.Scores]]
) -> None:
    shown = [c.to_dict() for c in change_charts.change_charts(small, history)]

    assert [spec["title"]["text"] for spec in shown] == [
        ["Your alignment, round by round"],
        ["Hours per place, then and now"],
        ["Each goal, then and now"],
    ]
    assert [(r["round"], r["label"]) for r in data(shown[0])] == [
        ("Round 1", "71"),
        ("Round 2", "85"),
    ]


def test_hours_then_and_now_sit_side_by_side_most_hours_first(
    small: Questionnaire, history: list[tuple[int, scoring.Scores]]
) -> None:
    (_, before), (_, now) = history
    spec = change_charts.hours_change_chart(small, before, now, (1, 2)).to_dict()

    assert [(r["channel"], r["series"], r["hours"], r["label"]) for r in data(spec)] == [
        ("Channel X", "Round 1", 6.0, "6 h"),
        ("Channel X", "Round 2", 7.0, "7 h"),
        ("Channel Y", "Round 1", 2.0, "2 h"),
        ("Channel Y", "Round 2", 3.0, "3 h"),
        ("Channel Z", "Round 1", 2.0, "2 h"),
        ("Channel Z", "Round 2", 0.0, "0 h"),
    ]
    assert spec["title"]["subtitle"] == ["Round 1 beside round 2, in hours a month."]


def test_each_goal_shows_served_as_bars_and_want_as_a_mark_for_both_rounds(
    small: Questionnaire, history: list[tuple[int, scoring.Scores]]
) -> None:
    (_, before), (_, now) = history
    spec = change_charts.goals_change_chart(small, before, now, (1, 2)).to_dict()
    rows = [(r["goal"], r["series"], r["want"], r["served"]) for r in data(spec)]

    assert [row[:3] for row in rows] == [
        ("A", "Round 1", 1.0),
        ("A", "Round 2", 1.0),
        ("Goal B", "Round 1", 0.6),
        ("Goal B", "Round 2", 1.0),
        ("Goal C", "Round 1", 0.4),
        ("Goal C", "Round 2", 0.0),
    ]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["bar", "tick", "text"]
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        "Round 1": change_charts.THEN,
        "Round 2": change_charts.NOW,
    }


def test_each_change_chart_renders_offline_for_the_pdf(
    small: Questionnaire, history: list[tuple[int, scoring.Scores]]
) -> None:
    for chart in change_charts.change_charts(small, history, width=400):
        assert vl_convert.vegalite_to_png(chart.to_dict(), scale=1).startswith(b"\x89PNG")


def test_the_change_of_a_german_questionnaire_contains_no_english() -> None:
    deutsch = german()
    later = {**GERMAN_ANSWERS, "stunden": {"fruehstueck": 2, "gruppen": 6.5, "anrufe": 1.5}}
    history = [(1, scoring.score(deutsch, GERMAN_ANSWERS)), (2, scoring.score(deutsch, later))]
    specs: list[dict[str, Any]] = [
        c.to_dict() for c in change_charts.change_charts(deutsch, history)
    ]
    sentences = checkin.change_sentences(deutsch, history[0][1], history[1][1], None)
    shown = [s for spec in specs for s in strings(spec)] + sentences
    phrases = {
        **english_phrases(deutsch.texts, within="checkin."),
        **english_phrases(deutsch.texts, within="charts."),
    }

    assert english_in(shown, phrases) == {}
    assert (
        "Sie haben 4 Std. im Monat aus Frühstücksclubs und bezahlte Netzwerkgruppen "
        "abgezogen." in sentences
    )
