"""Findings: which rules hold for a person's scores, their filled-in text, and what is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from netclarity import insights, scoring
from netclarity.loading import loader
from netclarity.questionnaire import Questionnaire

EVERY_TYPE = Path(__file__).parents[1] / "questionnaires" / "every_type.yaml"

# Goals talk/food, channels canteen/video as in every_type; rules chosen to show each case.
RULES = b"""
id: rules
version: 1
title: Rules
goals:
  - {id: food, label: Eat well}
  - {id: talk, label: Talk to colleagues}
channels:
  - {id: canteen, label: The canteen, mode: face_to_face}
  - {id: video, label: A video call lunch, mode: online}
fit:
  canteen: {food: 2, talk: 3}
  video: {talk: 1}
pages:
  - id: p
    title: P
    questions:
      - {id: why, type: allocation, label: Why, of: goals, total: 10, role: goals}
      - {id: time, type: allocation, label: Minutes, of: channels, role: mix}
      - {id: name, type: short_text, label: Name}
insights:
  - id: video_heavy
    when: mix_share(video) > 0.5
    say: "{mix_share(video):.0%} of your time is on video, {hours(video):g} minutes."
  - id: first_goal
    when: goal_weight(top_goal()) >= 0.5
    say: "{label(top_goal())} comes first."
  - id: named
    when: answer(name) != none
    say: "Hello {answer(name)}."
  - id: named_with_hours
    when: answer(name) != none
    say: "{answer(name)}, you spend {hours(video)} minutes on video."
  - id: name_compared_with_number
    when: answer(name) > 3
    say: never shown
  - id: room_only
    audience: room
    when: room_size() > 0
    say: a room finding
"""


@pytest.fixture(scope="module")
def questionnaire() -> Questionnaire:
    return loader.parse(RULES, "rules.yaml")


def findings_for(questionnaire: Questionnaire, answers: dict[str, object]) -> list[str]:
    scores = scoring.score(questionnaire, answers)
    return [f"{f.rule_id}: {f.text}" for f in insights.findings(questionnaire, scores, answers)]


def test_findings_name_their_rule_and_fill_in_their_text(questionnaire: Questionnaire) -> None:
    """Video 40 of 60 minutes = 67%; talk has 7 of 10 points."""
    answers = {"why": {"food": 3, "talk": 7}, "time": {"canteen": 20, "video": 40}}
    assert findings_for(questionnaire, answers) == [
        "video_heavy: 67% of your time is on video, 40 minutes.",
        "first_goal: Talk to colleagues comes first.",
    ]


def test_rules_whose_inputs_are_missing_are_skipped(questionnaire: Questionnaire) -> None:
    """No hours: video_heavy cannot be judged, and named_with_hours cannot be said, so both
    are left out rather than guessed."""
    answers = {"why": {"food": 3, "talk": 7}, "name": "Ada"}
    assert findings_for(questionnaire, answers) == [
        "first_goal: Talk to colleagues comes first.",
        "named: Hello Ada.",
    ]


def test_nothing_answered_gives_no_findings(questionnaire: Questionnaire) -> None:
    assert findings_for(questionnaire, {}) == []


def test_room_rules_are_not_person_findings(questionnaire: Questionnaire) -> None:
    assert [r.id for r in insights.compile_rules(questionnaire, "room")] == ["room_only"]
    assert "room_only" not in [r.id for r in insights.compile_rules(questionnaire, "person")]


def test_room_rules_use_the_same_evaluation_with_room_functions(
    questionnaire: Questionnaire,
) -> None:
    found = insights.evaluate_rules(questionnaire, "room", {"room_size": lambda: 12})
    assert found == [insights.Finding("room_only", "a room finding")]


def test_rules_are_compiled_once_per_questionnaire(questionnaire: Questionnaire) -> None:
    first = insights.compile_rules(questionnaire, "person")
    assert insights.compile_rules(questionnaire, "person") is first


def test_every_type_questionnaire_finding() -> None:
    questionnaire = loader.load_file(EVERY_TYPE).questionnaire
    answers = {"why": {"food": 3, "talk": 7}, "time": {"canteen": 20, "video": 40}}
    assert findings_for(questionnaire, answers) == [
        "talkers: You want to talk but 67% of your time is on video."
    ]
