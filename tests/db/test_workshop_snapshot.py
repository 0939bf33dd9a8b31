"""The published snapshot, tried as someone in the room would: watch every view after each finish.

An attacker in the room knows who just put their phone down. If any room view changed when
one person finished (or changed or deleted their answers), the difference would be that
person's answers. So every view is read after every event, and any two views that differ
must come from snapshots that differ by at least the threshold's number of people.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any

import pytest

from netclarity.store import Store
from netclarity.workshop.export import export_csv, header
from netclarity.workshop.room import Room, read_room
from netclarity.workshop.snapshot import published_rounds
from netclarity.workshop.store import Workshop, Workshops
from tests.support.workshop import workshop_questionnaire

DIGEST = "d4" * 32
QUESTIONNAIRE = workshop_questionnaire()
VOTES = ("yes", "no", "maybe")
HEADER = ",".join(header(QUESTIONNAIRE))


def answers(n: int) -> dict[str, Any]:
    """Person ``n``'s answers: different from everyone else's, so any change would show."""
    return {
        "weights": {"a": 10 + n, "b": 90 - n},
        "active": "yes",
        "hours": {"x": n + 1, "y": 2},
        "motive": {"x": "should" if n % 2 else "want", "y": "want"},
        "idea": f"Idea number {n}",
        "vote": VOTES[n % 3],
    }


def join(store: Store, workshop: Workshop, n: int, *, done: bool = True) -> str:
    token, _ = store.start("workshop", 1, DIGEST, workshop_id=workshop.id)
    store.save_answers(token, answers(n))
    if done:
        store.complete(token)
    return token


@dataclasses.dataclass(frozen=True)
class View:
    """Everything the room shows at one moment (progress aside), and who it was made of."""

    people: frozenset[int]
    figures: Room
    csv: bytes


def look(store: Store, workshop: Workshop) -> View:
    room = read_room(store.database, QUESTIONNAIRE, workshop)
    figures = dataclasses.replace(room, joined=0, completed=0, reached=())
    return View(
        published_rounds(store.database, workshop),
        figures,
        export_csv(store.database, QUESTIONNAIRE, workshop),
    )


@pytest.fixture
def workshops(store: Store) -> Workshops:
    return Workshops(store.database)


def test_snapshots_taken_after_every_finish_never_differ_by_fewer_than_k_people(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=3)
    views = []
    for n in range(10):
        join(store, workshop, n)
        views.append(look(store, workshop))

    assert [len(view.people) for view in views] == [0, 0, 3, 3, 3, 6, 6, 6, 9, 9]
    for before, after in itertools.pairwise(views):
        if before.figures != after.figures or before.csv != after.csv:
            assert len(before.people ^ after.people) >= 3


def test_nothing_of_the_room_is_shown_and_no_csv_row_given_below_the_threshold(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=5)
    for n in range(4):
        join(store, workshop, n)

    view = look(store, workshop)

    assert not view.figures.visible
    assert view.figures.polls["vote"].total == 0
    assert view.figures.texts["idea"] == ()
    assert view.csv.decode("utf-8-sig").splitlines() == [HEADER]


def test_the_csv_after_closing_holds_finished_people_only(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=2)
    for n in range(2):
        join(store, workshop, n)
    join(store, workshop, 7, done=False)
    closed = workshops.close(workshop.id)

    text = export_csv(store.database, QUESTIONNAIRE, closed).decode("utf-8-sig")

    assert len(text.splitlines()) == 3
    assert "Idea number 7" not in text


def test_the_live_poll_counts_only_published_votes(store: Store, workshops: Workshops) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=2)
    for n in range(2):
        join(store, workshop, n)
    look(store, workshop)  # the first two are published
    join(store, workshop, 2)  # a third finishes: one vote, not yet published
    join(store, workshop, 5, done=False)  # answered the poll, still going

    room = read_room(store.database, QUESTIONNAIRE, workshop)

    assert room.polls["vote"].counts == {"yes": 1, "no": 1, "maybe": 0}
    assert (room.completed, room.published) == (3, 2)


def test_a_published_person_changing_an_answer_withholds_the_room_until_k_more_differ(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=2)
    first = join(store, workshop, 0)
    join(store, workshop, 1)
    shown = look(store, workshop)

    store.save_answers(first, {"vote": "maybe"})
    withheld = look(store, workshop)
    join(store, workshop, 2)
    republished = look(store, workshop)

    assert len(shown.people) == 2
    assert (withheld.people, withheld.figures.visible) == (frozenset(), False)
    assert len(withheld.csv.decode("utf-8-sig").splitlines()) == 1
    assert len(republished.people) == 3
    assert republished.figures.polls["vote"].counts == {"yes": 0, "no": 1, "maybe": 2}


def test_a_published_person_deleting_their_data_withholds_the_room_until_k_more_differ(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=2)
    first = join(store, workshop, 0)
    join(store, workshop, 1)
    assert len(look(store, workshop).people) == 2

    store.delete(first)
    withheld = look(store, workshop)
    join(store, workshop, 2)
    republished = look(store, workshop)

    assert not withheld.figures.visible
    assert sorted(republished.figures.texts["idea"]) == ["Idea number 1", "Idea number 2"]
    assert len(republished.people) == 2


def test_writing_the_plan_after_finishing_changes_no_room_view(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=2)
    first = join(store, workshop, 0)
    join(store, workshop, 1)
    before = look(store, workshop)

    store.save_answers(first, {"plan": {"give": "An introduction a month"}})

    assert look(store, workshop) == before
