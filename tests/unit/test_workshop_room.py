"""The room's aggregate, on the worked example of ``tests/support/workshop.py``."""

from __future__ import annotations

import dataclasses

import pytest

from netclarity import scoring
from netclarity.workshop.data import Participant
from netclarity.workshop.room import Room, needed_keys, summarise
from tests.support.workshop import ANSWERS, participants, workshop_questionnaire

QUESTIONNAIRE = workshop_questionnaire()


def room(people: list[Participant] | None = None, threshold: int = 3) -> Room:
    return summarise(
        QUESTIONNAIRE,
        participants() if people is None else people,
        threshold=threshold,
        seed="workshop-seed",
    )


def test_progress_counts_everyone_who_joined() -> None:
    counted = room()

    assert (counted.joined, counted.in_progress, counted.completed) == (5, 2, 3)
    assert counted.reached == (("goals", 5), ("time", 4), ("poll", 4))


def test_stated_and_delivered_goals_are_averaged_over_those_who_finished() -> None:
    counted = room()

    assert counted.scored == 3
    # served: a 2 * 3 / (4 * 3) = 0.5, 0, 1; b 0.75, 0.5, 0.5; c 0.5, 0.5, 0
    assert counted.stated == pytest.approx({"a": 1 / 2, "b": 1 / 6, "c": 1 / 3})
    assert counted.want == pytest.approx({"a": 2 / 3, "b": 1 / 3, "c": 1 / 3})
    assert counted.delivered == pytest.approx({"a": 0.5, "b": 1.75 / 3, "c": 1 / 3})
    assert counted.gap("a") == pytest.approx(0.5 - 2 / 3)


def test_the_rooms_hours_are_pooled() -> None:
    counted = room()

    assert counted.total_hours == 17
    assert counted.hours_share == pytest.approx({"x": 7 / 17, "y": 6 / 17, "z": 4 / 17})


def test_each_alignment_is_the_one_the_person_sees_on_their_own_results() -> None:
    counted = room()
    own = sorted(scoring.score(QUESTIONNAIRE, answers).alignment or 0 for answers in ANSWERS[:3])

    # a/b 50/50 in x (worth 2) and y (1): 75; c in y (2) and z (0): 50; a in x: 100
    assert counted.alignments == pytest.approx((50.0, 75.0, 100.0))
    assert counted.alignments == pytest.approx(tuple(own))
    assert counted.median_alignment == pytest.approx(75.0)


def test_obligations_count_people_per_place_and_people_with_any() -> None:
    counted = room()

    assert counted.obligations == {"x": 1, "y": 1, "z": 1}
    assert (counted.with_obligation, counted.motive_count) == (2, 3)
    assert counted.obligation_share == pytest.approx(2 / 3)


def test_a_top_goal_served_well_below_how_much_it_is_wanted_counts_as_unserved() -> None:
    """The first person's a (served 0.5 against 1) and the second's c (0.5 against 1); the
    first's b (0.75) is within a quarter of its want, the third's a is served fully."""
    assert room().unserved == {"a": 1, "b": 0, "c": 1}


def test_the_poll_counts_everyone_who_answered_finished_or_not() -> None:
    poll = room().polls["vote"]

    assert poll.counts == {"yes": 2, "no": 1, "maybe": 1}
    assert (poll.total, poll.share("yes")) == (4, 0.5)


def test_free_text_of_those_who_finished_comes_in_a_stable_order_unrelated_to_joining() -> None:
    first = room().texts["idea"]
    reversed_join = room(list(reversed(participants()))).texts["idea"]

    assert sorted(first) == ['=HYPERLINK("http://example.com")', "More coffee, fewer pitches"]
    assert reversed_join == first


def test_nothing_is_visible_below_the_threshold() -> None:
    below = room(threshold=4)

    assert not below.visible
    assert below.poll_visible("vote")
    assert not room(threshold=5).poll_visible("vote")
    assert room(threshold=3).visible


def test_hidden_answers_do_not_count() -> None:
    quiet = dataclasses.replace(
        participants()[2], answers={**ANSWERS[2], "active": "no"}, round_id=99
    )
    people = [*participants()[:2], quiet]

    counted = room(people, threshold=1)

    assert counted.scored == 2
    assert counted.total_hours == 12
    assert counted.motive_count == 2


def test_an_empty_room_has_nothing_to_show() -> None:
    empty = room([], threshold=1)

    assert (empty.joined, empty.completed, empty.scored) == (0, 0, 0)
    assert empty.alignments == ()
    assert empty.median_alignment is None
    assert empty.obligation_share is None
    assert empty.stated == {"a": 0.0, "b": 0.0, "c": 0.0}
    assert empty.reached == (("goals", 0), ("time", 0), ("poll", 0))


def test_odd_imported_values_count_as_scoring_counts_them() -> None:
    odd = Participant(
        round_id=1,
        page=None,
        completed=True,
        answers={
            "weights": {"a": "50", "b": True, "c": 100},
            "active": "yes",
            "hours": {"x": -3, "y": 2, "z": "lots"},
        },
    )

    counted = room([odd], threshold=1)

    assert counted.stated == {"a": 0.0, "b": 0.0, "c": 1.0}
    assert counted.hours_share == {"x": 0.0, "y": 1.0, "z": 0.0}
    assert counted.alignments == pytest.approx(
        (scoring.score(QUESTIONNAIRE, odd.answers).alignment,)
    )


def test_the_room_reads_the_answers_it_uses_and_what_their_conditions_look_at() -> None:
    assert needed_keys(QUESTIONNAIRE) == {"weights", "active", "hours", "motive", "idea", "vote"}
