"""The check-in's judgement: which commitments a plan made, how many went which way, and the
change between two rounds told in the person's terms (README's worked example, Sam)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netclarity import checkin, scoring
from netclarity.loading import loader
from netclarity.questionnaire import Questionnaire
from netclarity.response import ChannelPlan, ItemReview, Plan, PlanGoal, PlanReview

ROOT = Path(__file__).parents[2]
SAM: dict[str, Any] = json.loads((ROOT / "examples" / "answers.json").read_text())["answers"]
LATER = {
    **SAM,
    "hours": {
        "breakfast_clubs": 3,
        "paid_events": 6,
        "linkedin": 4,
        "one_to_ones": 4,
        "meetups": 2,
    },
}
"""Ninety days on: 5 h out of breakfast clubs, 2 h more in one-to-ones, paid events as before."""

PLAN = Plan(
    goals=[
        PlanGoal(what="Three new clients", measure="Signed", by="2027-03-01"),
        PlanGoal(),
        PlanGoal(what="Write the newsletter"),
    ],
    channels={
        "one_to_ones": ChannelPlan(decision="grow"),
        "breakfast_clubs": ChannelPlan(decision="reduce"),
        "paid_events": ChannelPlan(decision="stop"),
        "linkedin": ChannelPlan(decision="keep"),
    },
)
REVIEW = PlanReview(
    of_round=1,
    plan=PLAN,
    goals=[ItemReview(outcome="done"), ItemReview(), ItemReview(outcome="partly")],
    channels={
        "breakfast_clubs": ItemReview(outcome="done"),
        "paid_events": ItemReview(outcome="not_yet", note="Still booked"),
        "linkedin": ItemReview(outcome="changed"),
    },
)


@pytest.fixture(scope="module")
def networking() -> Questionnaire:
    return loader.load_file(ROOT / "questions" / "networking_clarity.yaml").questionnaire


def test_commitments_are_the_goals_with_words_then_the_places_in_questionnaire_order(
    networking: Questionnaire,
) -> None:
    listed = checkin.commitments(networking, REVIEW)

    assert [(c.kind, c.key, c.review.outcome) for c in listed] == [
        ("goal", "0", "done"),
        ("goal", "2", "partly"),
        ("channel", "breakfast_clubs", "done"),
        ("channel", "paid_events", "not_yet"),
        ("channel", "one_to_ones", None),
        ("channel", "linkedin", "changed"),
    ]


def test_completion_counts_every_commitment_marked_or_not(networking: Questionnaire) -> None:
    assert checkin.completion(networking, REVIEW) == checkin.Completion(
        total=6, done=2, partly=1, not_yet=1, changed=1
    )


def test_marking_a_commitment_replaces_only_its_own_outcome(networking: Questionnaire) -> None:
    fresh = PlanReview(of_round=1, plan=PLAN)
    goal, *_, one_to_ones, _ = checkin.commitments(networking, fresh)

    marked = checkin.with_outcome(fresh, goal, "done", "Two signed")
    marked = checkin.with_outcome(marked, one_to_ones, "partly", "")

    assert marked.goals == [ItemReview(outcome="done", note="Two signed")]
    assert marked.channels == {"one_to_ones": ItemReview(outcome="partly")}
    assert marked.plan == PLAN


def test_the_change_is_told_against_the_plan(networking: Questionnaire) -> None:
    before, now = scoring.score(networking, SAM), scoring.score(networking, LATER)

    assert checkin.change_sentences(networking, before, now, REVIEW) == [
        "Alignment went from 69 to 74.",
        "You moved 5 h a month out of Breakfast clubs and regular paid networking groups, "
        "as planned.",
        "You put 2 h a month more into Face-to-face appointments and one-to-ones, as planned.",
        "You planned to stop going to Paid dinners, galas and sports hospitality, and it still "
        "takes 6 h a month.",
    ]


def test_without_a_plan_the_change_is_told_plainly(networking: Questionnaire) -> None:
    before, now = scoring.score(networking, SAM), scoring.score(networking, LATER)

    assert checkin.change_sentences(networking, now, before, None) == [
        "Alignment went from 74 to 69.",
        "You put 5 h a month more into Breakfast clubs and regular paid networking groups.",
        "You moved 2 h a month out of Face-to-face appointments and one-to-ones.",
    ]
