"""A paced workshop in SQLite and PostgreSQL: the pace and open section are shared state,
how far each person got never goes back, and each section has its own published snapshot.

``tests/questionnaires/workshop.yaml`` has three pages (goals, time, poll), each a section.
"""

from __future__ import annotations

from typing import Any

import pytest

from netclarity.store import InvalidValue, Store
from netclarity.workshop import pace
from netclarity.workshop.data import load_participants
from netclarity.workshop.section import read_section
from netclarity.workshop.store import Pace, Workshop, Workshops
from tests.support.workshop import workshop_questionnaire

DIGEST = "d4" * 32
QUESTIONNAIRE = workshop_questionnaire()
GOALS = ({"a": 60, "b": 40}, {"a": 100}, {"b": 50, "c": 50}, {"c": 100})


@pytest.fixture
def workshops(store: Store) -> Workshops:
    return Workshops(store.database)


def finish_goals(store: Store, workshop: Workshop, weights: dict[str, Any]) -> str:
    """A participant who answers the goals page and presses Next onto the time page."""
    token, _ = store.start("workshop", 1, DIGEST, workshop_id=workshop.id)
    store.save_answers(token, {"weights": weights, "active": "yes"})
    store.move_on(token, "time", 1)
    return token


def test_a_workshop_is_self_paced_unless_created_paced(workshops: Workshops) -> None:
    alone, _ = workshops.create("Open house", "workshop")
    paced, _ = workshops.create("Thursday lab", "workshop", pace=Pace.FACILITATOR)

    assert (alone.pace, alone.open_section) == (Pace.SELF, 0)
    assert (paced.pace, paced.open_section) == (Pace.FACILITATOR, 0)
    assert pace.open_pages(QUESTIONNAIRE, alone) == 3
    assert pace.open_pages(QUESTIONNAIRE, paced) == 1


def test_the_pace_and_open_section_are_seen_by_another_server_at_once(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop")
    other_server = Store.open(str(store.database.engine.url.render_as_string(False)))
    try:
        workshops.set_pace(workshop.id, Pace.FACILITATOR)
        workshops.open_section(workshop.id, 1)
        seen = Workshops(other_server.database).get(workshop.id)
    finally:
        other_server.close()

    assert seen is not None
    assert (seen.pace, seen.open_section) == (Pace.FACILITATOR, 1)
    assert pace.open_pages(QUESTIONNAIRE, seen) == 2


def test_opening_a_section_twice_opens_it_once(workshops: Workshops) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", pace=Pace.FACILITATOR)

    workshops.open_section(workshop.id, 1)
    twice = workshops.open_section(workshop.id, 1)

    assert twice.open_section == 1


def test_ending_opens_every_page_and_switching_pace_keeps_the_open_section(
    workshops: Workshops,
) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", pace=Pace.FACILITATOR)
    on_time = workshops.open_section(workshop.id, 1)
    self_paced = workshops.set_pace(workshop.id, Pace.SELF)
    paced_again = workshops.set_pace(workshop.id, Pace.FACILITATOR)
    ended = workshops.open_section(workshop.id, 3)

    assert pace.open_section(QUESTIONNAIRE, on_time) == 1
    assert pace.open_section(QUESTIONNAIRE, self_paced) is None
    assert paced_again.open_section == 1
    assert pace.results_held(QUESTIONNAIRE, paced_again)
    assert pace.ended(QUESTIONNAIRE, ended)
    assert not pace.results_held(QUESTIONNAIRE, ended)
    assert pace.open_pages(QUESTIONNAIRE, ended) == 3


def test_a_section_index_outside_the_range_is_refused(workshops: Workshops) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", pace=Pace.FACILITATOR)

    with pytest.raises(InvalidValue):
        workshops.open_section(workshop.id, -1)


def test_moving_the_room_on_does_not_reopen_a_closed_workshop(workshops: Workshops) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", pace=Pace.FACILITATOR)
    workshops.close(workshop.id)

    moved = workshops.open_section(workshop.id, 1)
    switched = workshops.set_pace(workshop.id, Pace.SELF)

    assert not moved.is_open()
    assert not switched.is_open()


def test_going_back_to_change_a_page_keeps_what_was_finished(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", pace=Pace.FACILITATOR)
    token = finish_goals(store, workshop, GOALS[0])

    store.move_on(token, "goals", 0)  # Back, to change an answer

    (person,) = load_participants(store.database, workshop.id, keys=())
    assert (person.page, person.pages_done) == ("goals", 1)


def test_the_section_view_counts_finishers_live_and_shows_answers_from_k_of_them(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", threshold=3, pace=Pace.FACILITATOR)
    for weights in GOALS[:2]:
        finish_goals(store, workshop, weights)
    store.start("workshop", 1, DIGEST, workshop_id=workshop.id)  # still reading page 1

    early = read_section(store.database, QUESTIONNAIRE, workshop, 0)
    finish_goals(store, workshop, GOALS[2])
    ready = read_section(store.database, QUESTIONNAIRE, workshop, 0)

    assert (early.joined, early.finished, early.visible, early.summaries) == (3, 2, False, ())
    assert (ready.joined, ready.finished, ready.published) == (4, 3, 3)
    weights, active = ready.summaries
    assert weights.counts == (("Goal A", 160 / 3), ("Goal B", 30.0), ("Goal C", 50 / 3))
    assert active.counts == (("Yes", 3.0), ("No", 0.0))


def test_a_section_changes_only_in_steps_of_k_finishers(store: Store, workshops: Workshops) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", threshold=2, pace=Pace.FACILITATOR)
    for weights in GOALS[:2]:
        finish_goals(store, workshop, weights)
    before = read_section(store.database, QUESTIONNAIRE, workshop, 0)

    finish_goals(store, workshop, GOALS[2])
    one_more = read_section(store.database, QUESTIONNAIRE, workshop, 0)
    finish_goals(store, workshop, GOALS[3])
    two_more = read_section(store.database, QUESTIONNAIRE, workshop, 0)

    assert (before.published, one_more.published, two_more.published) == (2, 2, 4)
    assert one_more.summaries == before.summaries
    assert one_more.finished == 3


def test_a_finisher_changing_a_section_answer_withholds_the_section_until_k_more_differ(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", threshold=2, pace=Pace.FACILITATOR)
    first = finish_goals(store, workshop, GOALS[0])
    finish_goals(store, workshop, GOALS[1])
    read_section(store.database, QUESTIONNAIRE, workshop, 0)  # published: the first two

    store.save_answer(first, "weights", {"b": 100})
    held = read_section(store.database, QUESTIONNAIRE, workshop, 0)
    finish_goals(store, workshop, GOALS[2])
    shown = read_section(store.database, QUESTIONNAIRE, workshop, 0)

    assert (held.finished, held.published, held.summaries) == (2, 0, ())
    assert shown.published == 3


def test_a_later_sections_answers_do_not_move_an_earlier_sections_snapshot(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Thursday lab", "workshop", threshold=2, pace=Pace.FACILITATOR)
    tokens = [finish_goals(store, workshop, weights) for weights in GOALS[:2]]
    before = read_section(store.database, QUESTIONNAIRE, workshop, 0)

    store.save_answer(tokens[0], "hours", {"x": 3})
    after = read_section(store.database, QUESTIONNAIRE, workshop, 0)

    assert after.published == 2
    assert after.summaries == before.summaries
