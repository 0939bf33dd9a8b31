"""``python -m netclarity score``: the README's example, and what happens with bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netclarity.commands import cli

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "answers.json"
EVERY_TYPE = ROOT / "tests" / "questionnaires" / "every_type.yaml"


def score(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    status = cli.main(["score", *args])
    out, err = capsys.readouterr()
    return status, json.loads(out) if out else None, err


def test_the_readme_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Sam: goals clients 40, community 20, learning 20, mutual help 10, camaraderie 10;
    hours breakfast clubs 8, paid events 6, LinkedIn 4, one-to-ones 2, meet-ups 2 (22 h).

    An hour is worth its fit weighted by the points: breakfast clubs 1.4, paid events 1.1,
    LinkedIn 1.9, one-to-ones 2.2, meet-ups 1.9; the best places are one-to-ones and online
    communities at 2.2. Average (8 * 1.4 + 6 * 1.1 + 4 * 1.9 + 2 * 2.2 + 2 * 1.9) / 22 =
    33.6 / 22 = 1.527: alignment 100 * 1.527 / 2.2 = 69.4 (match and best on the 0-1 scale:
    0.509 and 0.733).

    Clients, his first goal: served (8 + 6 + 4 * 2 + 2 * 3 + 2) * 1 / (22 * 3) = 30/66 =
    0.455 against a want of 1: under-served by 0.545.

    First step: breakfast clubs (should, nothing yet) give half, 4 h; paid events (should) a
    quarter, 1.5 h. They go to the places he wants and that brought something, each at most
    doubling: one-to-ones 2 h (revenue), meet-ups 2 h (learning), LinkedIn 1.5 h. Alignment
    would go to 77.3.

    Money 60 + 90 + 30 = 180 over four channels that brought something: 45 per outcome.
    """
    status, result, err = score(capsys, str(EXAMPLE))
    assert (status, err) == (0, "")
    assert (result["alignment"], result["match"], result["best"]) == (69.4, 0.509, 0.733)
    assert result["alignment_text"].startswith(
        "An average hour of your networking serves the goals you gave points 69% as well"
    )
    assert result["missing"] == []
    assert result["top_goals"] == ["clients", "community", "learning"]
    goals = {
        g["id"]: (g["stated"], g["want"], g["served"], g["gap"], g["status"])
        for g in result["goals"]
    }
    assert goals["clients"] == (0.4, 1.0, 0.455, -0.545, "under")
    assert goals["community"] == (0.2, 0.5, 0.576, 0.076, "on_target")
    assert goals["new_people"] == (0.0, 0.0, 0.727, 0.727, "over")
    assert result["flags"] == {
        "unserved_channels": ["paid_events"],
        "unserved_share": 0.273,
        "obligations": ["breakfast_clubs", "paid_events"],
        "obligation_share": 0.636,
        "nothing_delivered": False,
        "nothing_share": 0.364,
        "places_used": 5,
    }
    assert result["money"] == {"total": 180.0, "outcomes": 4, "cost_per_outcome": 45.0}
    costs = {c["id"]: c["cost_per_hour"] for c in result["channels"]}
    assert costs == {
        "breakfast_clubs": 7.5,
        "paid_events": 15.0,
        "meetups": None,
        "one_to_ones": None,
        "linkedin": 7.5,
    }
    suggested = result["suggested"]
    assert (suggested["kind"], suggested["target"], suggested["alignment"]) == (
        "rebalance",
        None,
        77.3,
    )
    assert (suggested["moved"], suggested["hours"]) == (
        5.5,
        {
            "breakfast_clubs": 4.0,
            "paid_events": 4.5,
            "meetups": 4.0,
            "one_to_ones": 4.0,
            "linkedin": 5.5,
        },
    )
    assert suggested["reasons"] == {
        "paid_events": ["should"],
        "breakfast_clubs": ["should", "nothing"],
    }
    assert suggested["text"]["items"][0] == (
        "Take 4 h a month from Breakfast clubs: you go because you feel you should, "
        "and it has brought nothing much yet."
    )
    assert [f["rule"] for f in result["findings"]] == [
        "goals_not_written_down",
        "top_goal_underserved",
        "obligation_heavy",
        "top_channel_obligation",
        "paid_events_for_clients",
        "builds_on_clients",
        "spend_without_return",
        "many_connections_few_relationships",
    ]
    assert result["findings"][2]["text"].startswith("64% of your networking hours")


def test_a_questionnaire_file_can_be_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    response = tmp_path / "lunch.json"
    response.write_text(
        json.dumps(
            {
                "questionnaire": "every_type",
                "version": 2,
                "answers": {"why": {"food": 3, "talk": 7}, "time": {"canteen": 20, "video": 40}},
            }
        )
    )
    status, result, _ = score(capsys, str(response), "--questionnaire", str(EVERY_TYPE))
    assert status == 0
    assert (result["alignment"], result["match"], result["best"]) == (50.6, 0.456, 0.9)
    assert result["missing"] == ["motive"]


def test_a_different_version_is_scored_with_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    response = tmp_path / "old.json"
    response.write_text(json.dumps({"questionnaire": "every_type", "version": 1}))
    status, result, err = score(capsys, str(response), "--questionnaire", str(EVERY_TYPE))
    assert status == 0
    assert result["alignment"] is None
    assert result["missing"] == ["goals", "mix", "motive"]
    assert err.endswith("old.json: note: answered version 1, used with version 2\n")


def test_an_unknown_questionnaire_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    response = tmp_path / "r.json"
    response.write_text(json.dumps({"questionnaire": "nope", "version": 1}))
    status, result, err = score(capsys, str(response))
    assert (status, result) == (1, None)
    assert "no questionnaire with id 'nope' (found: " in err


def test_a_response_for_another_questionnaire_is_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = score(capsys, str(EXAMPLE), "--questionnaire", str(EVERY_TYPE))
    assert status == 1
    assert "answers.json: the response answers 'networking_clarity', not 'every_type'" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "it is not JSON (Expecting property name enclosed in double quotes"),
        ('{"questionnaire": "x"}', "it is not an answers file from this app (no version number)"),
        ('{"questionnaire": "x", "version": 1, "extra": 1}', "…: Extra inputs are not permitted"),
    ],
)
def test_a_broken_response_file_is_reported_not_raised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    response = tmp_path / "broken.json"
    response.write_text(content)
    status, result, err = score(capsys, str(response))
    assert (status, result) == (1, None)
    assert "broken.json: " in err
    assert message in err


def test_a_missing_response_file_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = score(capsys, str(tmp_path / "none.json"))
    assert status == 1
    assert "none.json: cannot read the file: No such file or directory" in err
