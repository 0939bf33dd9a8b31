"""The room rule functions and the discussion prompts, on the worked example room."""

from __future__ import annotations

import pytest

from netclarity.rules import NotAvailable
from netclarity.workshop.functions import prompts, room_functions
from netclarity.workshop.room import Room, summarise
from tests.support.workshop import participants, workshop_questionnaire

QUESTIONNAIRE = workshop_questionnaire()


def room(threshold: int = 3) -> Room:
    return summarise(QUESTIONNAIRE, participants(), threshold=threshold, seed="s")


def test_every_room_function_has_the_rooms_value() -> None:
    f = room_functions(QUESTIONNAIRE, room())

    assert f["room_size"]() == 3
    assert f["room_goal_weight"]("a") == pytest.approx(0.5)
    assert f["room_delivered"]("a") == pytest.approx(0.5)
    assert f["room_gap"]("b") == pytest.approx(1.75 / 3 - 1 / 3)
    assert f["room_mix_share"]("z") == pytest.approx(4 / 17)
    assert f["room_obligation_share"]() == pytest.approx(2 / 3)
    assert f["room_alignment"]() == pytest.approx(75.0)
    assert f["poll_share"]("vote", "maybe") == pytest.approx(0.25)
    assert f["room_label"]("z") == "Channel Z"


def test_below_the_threshold_no_function_gives_away_the_room() -> None:
    f = room_functions(QUESTIONNAIRE, room(threshold=4))

    for name, args in [
        ("room_size", ()),
        ("room_goal_weight", ("a",)),
        ("room_mix_share", ("x",)),
        ("room_obligation_share", ()),
        ("room_alignment", ()),
    ]:
        with pytest.raises(NotAvailable):
            f[name](*args)
    assert f["poll_share"]("vote", "yes") == pytest.approx(0.5)


def test_a_poll_with_too_few_answers_is_not_available() -> None:
    with pytest.raises(NotAvailable):
        room_functions(QUESTIONNAIRE, room(threshold=5))["poll_share"]("vote", "yes")


def test_the_prompts_are_the_room_rules_that_hold_with_their_numbers_filled_in() -> None:
    found = prompts(QUESTIONNAIRE, room())

    assert [(f.rule_id, f.text) for f in found] == [
        ("room_wants_more_a", "The room wants 50% A and its time gives 50.0%."),
        ("room_votes_yes", "50% say yes."),
        ("room_obligations", "67% go somewhere out of duty; 24% of hours go to Channel Z."),
        ("room_well_aligned", "Typical alignment 75."),
    ]


def test_below_the_threshold_only_the_poll_prompt_remains() -> None:
    assert [f.rule_id for f in prompts(QUESTIONNAIRE, room(threshold=4))] == ["room_votes_yes"]
