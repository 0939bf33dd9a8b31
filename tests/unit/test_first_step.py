"""The first step on hand-made places: what moves, from where, to where, and how much.

Values are relative to the best place for the person's goals (1 is the best); the numbers
follow the rules in ``netclarity.first_step``'s docstring and are worked out beside each test.
"""

from __future__ import annotations

from netclarity.first_step import Move, Place, suggest


def test_a_duty_place_that_brought_nothing_gives_half_its_hours_to_a_wanted_one() -> None:
    """8 h of duty with nothing back: a quarter for each reason, 4 h, into the meet-up the
    person enjoys, which serves their goals best and can double (4 h)."""
    step = suggest(
        [
            Place("breakfast", 8, 0.7, should=True, nothing=True),
            Place("meetup", 4, 1.0, productive=True),
        ]
    )
    assert step.kind == "rebalance"
    assert step.hours == {"breakfast": 4.0, "meetup": 8.0}
    assert step.moves == (Move("breakfast", "meetup", 4.0, trial=False),)
    assert step.reasons == {"breakfast": ("should", "nothing")}


def test_a_wanted_place_can_at_most_double() -> None:
    """The duty place would give 5 h, but a 2 h habit grows to 4 h at most: 2 h move."""
    step = suggest([Place("gala", 10, 0.5, should=True, nothing=True), Place("calls", 2, 1.0)])
    assert step.hours == {"gala": 8.0, "calls": 4.0}


def test_a_new_place_gets_a_two_hour_trial_when_there_is_something_to_build_on() -> None:
    """5 h leave the duty place; the place in use takes 3 h (doubling), the new place a 2 h
    trial."""
    step = suggest(
        [
            Place("duty", 10, 0.6, should=True, nothing=True),
            Place("used", 3, 1.0, productive=True),
            Place("new", 0, 1.0),
        ]
    )
    assert step.hours == {"duty": 5.0, "used": 6.0, "new": 2.0}
    assert Move("duty", "new", 2.0, trial=True) in step.moves


def test_with_nothing_to_build_on_the_best_new_place_takes_what_moves() -> None:
    """Every hour is duty with nothing back: half of 12 h go to the best place for the goals,
    new as it is."""
    step = suggest(
        [
            Place("duty", 12, 0.3, should=True, nothing=True),
            Place("best", 0, 1.0),
            Place("good", 0, 0.9),
        ]
    )
    assert step.hours == {"duty": 6.0, "best": 6.0, "good": 0.0}


def test_a_protected_place_keeps_its_hours_whatever_its_value() -> None:
    """Calls serve the person's first goal as well as anything (protection 1) but little else:
    value 0.4, yet nothing leaves."""
    step = suggest([Place("calls", 6, 0.4, protection=1.0), Place("linkedin", 2, 1.0)])
    assert step.kind == "keep_going"
    assert step.moves == ()


def test_a_wanted_place_that_brought_something_is_the_last_to_touch() -> None:
    """Value 0.3 takes (0.6 - 0.3) / 0.6 * 0.5 = a quarter of a place that brought nothing,
    half that (an eighth) of one that brought something: 8 h -> 1 h."""
    step = suggest([Place("fun", 8, 0.3, productive=True), Place("best", 8, 1.0)])
    assert step.hours == {"fun": 7.0, "best": 9.0}
    assert step.reasons == {"fun": ("low",)}


def test_someone_in_good_shape_moves_nothing() -> None:
    step = suggest([Place("a", 5, 1.0, productive=True), Place("b", 3, 0.8, productive=True)])
    assert (step.kind, step.moved) == ("keep_going", 0.0)


def test_without_a_better_place_a_duty_place_keeps_its_hours_for_now() -> None:
    """The only other place is worse by more than the slack: nothing can move."""
    step = suggest([Place("duty", 6, 1.0, should=True), Place("other", 2, 0.7)])
    assert (step.kind, step.moved) == ("no_move", 0.0)


def test_moves_are_whole_steps_rounded_down() -> None:
    """A quarter of 3 h is 0.75 h: half an hour moves."""
    step = suggest([Place("duty", 3, 0.7, should=True), Place("best", 4, 1.0)])
    assert step.moved == 0.5


def test_no_hours_get_a_starter_plan_in_the_two_best_places() -> None:
    step = suggest([Place("a", 0, 0.5), Place("b", 0, 1.0), Place("c", 0, 0.8), Place("d", 0, 0)])
    assert step.kind == "starter"
    assert step.hours == {"a": 0.0, "b": 2.0, "c": 2.0, "d": 0.0}


def test_duty_places_too_small_to_give_half_an_hour_leave_room_for_the_real_giver() -> None:
    """Three half-hour duty places would each give a quarter (0.125 h, nothing once rounded);
    the 12 h place that does nothing for the goals gives half its hours (6 h), and it is one of
    the three givers even though the duty places come first among equals. The best place is
    new, and with nothing to build on it takes all 6 h."""
    step = suggest(
        [
            Place("breakfast", 0.5, 0.7, should=True),
            Place("gala", 0.5, 0.7, should=True),
            Place("linkedin", 0.5, 0.7, should=True),
            Place("calls", 12, 0.0),
            Place("meetup", 0, 1.0),
        ]
    )
    assert step.moves == (Move("calls", "meetup", 6.0, trial=True),)


def test_a_good_place_used_for_half_an_hour_may_take_as_much_as_an_unused_one() -> None:
    """With nothing to build on, the best place takes what moves (6 h of the 12 h that do
    nothing for the goals) whether the person has never been there or went for half an
    hour: starting to go must not shut it out of the step."""
    for hours in (0.0, 0.5):
        step = suggest([Place("calls", 12, 0.0), Place("meetup", hours, 1.0)])
        assert step.moves == (Move("calls", "meetup", 6.0, trial=hours == 0),)


def test_a_big_place_that_gives_hours_is_not_something_to_build_on() -> None:
    """20 h in a place that does little for the goals (0.1) but brought something: it gives a
    sixth of its hours ((0.6 - 0.1) / 0.6 x a half x a half, 4.2 h, 4 h once rounded). Those
    hours do not make it a habit to build on, so the best place, new, takes all 4 h rather
    than a 2 h trial."""
    step = suggest([Place("breakfast", 20, 0.1, productive=True), Place("best", 0, 1.0)])
    assert step.moves == (Move("breakfast", "best", 4.0, trial=True),)
    assert step.foundation == 0.0
