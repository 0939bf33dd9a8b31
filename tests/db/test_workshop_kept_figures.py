"""The room's figures are kept per published snapshot, on SQLite and PostgreSQL; the room,
the CSV and a paced section never show an answer changed while they were being read.

A dashboard refreshes every few seconds on every screen watching it; between two steps of
the snapshot its figures cannot change, so they are read and aggregated once per snapshot.
What is read is counted with an event listener on the engine: every statement that reads
answer values (the room's answers, as opposed to the snapshot check and the progress
counts, which run on every refresh).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from netclarity.store import Store
from netclarity.workshop.export import export_csv
from netclarity.workshop.room import Room, read_room
from netclarity.workshop.section import read_section
from netclarity.workshop.store import Workshop, Workshops
from tests.support.statements import Statements
from tests.support.workshop import workshop_questionnaire

DIGEST = "d4" * 32
QUESTIONNAIRE = workshop_questionnaire()
VOTES = ("yes", "no", "maybe")
T = TypeVar("T")


def answers(n: int) -> dict[str, Any]:
    return {
        "weights": {"a": 10 + n, "b": 90 - n},
        "active": "yes",
        "hours": {"x": n + 1, "y": 2},
        "motive": {"x": "should" if n % 2 else "want", "y": "want"},
        "idea": f"Idea number {n}",
        "vote": VOTES[n % 3],
    }


def join(store: Store, workshop: Workshop, n: int) -> str:
    token, _ = store.start("workshop", 1, DIGEST, workshop_id=workshop.id)
    store.save_answers(token, answers(n))
    store.complete(token)
    return token


@pytest.fixture
def reads(store: Store) -> Iterator[Statements]:
    """The statements that read answer values."""
    counter = Statements(store, "answers.value")
    yield counter
    counter.remove()


@pytest.fixture
def workshop(store: Store) -> Workshop:
    created, _ = Workshops(store.database).create("Friday breakfast", "workshop", threshold=2)
    return created


def room(store: Store, workshop: Workshop) -> Room:
    return read_room(store.database, QUESTIONNAIRE, workshop)


def test_a_refresh_on_the_same_snapshot_reads_no_answers_again(
    store: Store, workshop: Workshop, reads: Statements
) -> None:
    for n in range(2):
        join(store, workshop, n)
    first = room(store, workshop)
    read_first = reads.count

    again = room(store, workshop)

    assert read_first == 1
    assert reads.count == read_first
    assert again == first
    assert again.polls["vote"].counts == {"yes": 1, "no": 1, "maybe": 0}


def test_fewer_than_k_new_finishers_change_the_progress_but_not_the_kept_figures(
    store: Store, workshop: Workshop, reads: Statements
) -> None:
    for n in range(2):
        join(store, workshop, n)
    before = room(store, workshop)
    join(store, workshop, 2)

    after = room(store, workshop)

    assert reads.count == 1
    assert (after.completed, after.published) == (3, 2)
    assert after.polls == before.polls


def test_a_new_snapshot_is_read_afresh_and_gives_its_own_figures(
    store: Store, workshop: Workshop, reads: Statements
) -> None:
    for n in range(2):
        join(store, workshop, n)
    room(store, workshop)
    for n in range(2, 4):
        join(store, workshop, n)

    stepped = room(store, workshop)

    assert reads.count == 2
    assert stepped.published == 4
    assert stepped.polls["vote"].counts == {"yes": 2, "no": 1, "maybe": 1}
    assert sorted(stepped.texts["idea"]) == [f"Idea number {n}" for n in range(4)]


def test_a_step_published_by_another_server_shows_on_this_one_at_its_next_refresh(
    store: Store, database_url: str, workshop: Workshop
) -> None:
    for n in range(2):
        join(store, workshop, n)
    assert room(store, workshop).published == 2
    other = Store.open(database_url)
    try:
        for n in range(2, 4):
            join(other, workshop, n)
        on_the_other = read_room(other.database, QUESTIONNAIRE, workshop)

        here = room(store, workshop)
    finally:
        other.close()

    assert on_the_other.published == 4
    assert here == on_the_other


def test_kept_figures_are_not_shown_once_a_published_person_changes_an_answer(
    store: Store, workshop: Workshop
) -> None:
    first = join(store, workshop, 0)
    join(store, workshop, 1)
    assert room(store, workshop).visible

    store.save_answers(first, {"vote": "maybe"})
    withheld = room(store, workshop)

    assert not withheld.visible
    assert withheld.polls["vote"].total == 0


def while_an_answer_changes(
    store: Store, database_url: str, workshop: Workshop, reads: Statements, read: Callable[[], T]
) -> T:
    """``read`` of a room of two finished people, one of whom (through another server's
    store) changes an answer just as the answers are read."""
    first = join(store, workshop, 0)
    join(store, workshop, 1)
    other = Store.open(database_url)
    try:
        reads.before = lambda: other.save_answers(first, {"vote": "maybe"})
        return read()
    finally:
        other.close()


def test_an_answer_changed_while_the_room_is_read_is_never_shown_nor_kept(
    store: Store, database_url: str, workshop: Workshop, reads: Statements
) -> None:
    during = while_an_answer_changes(
        store, database_url, workshop, reads, lambda: room(store, workshop)
    )
    after = room(store, workshop)

    assert not during.visible
    assert during.polls["vote"].total == 0
    assert after == during


def test_the_same_workshop_read_with_another_questionnaire_is_aggregated_again(
    store: Store, workshop: Workshop, reads: Statements
) -> None:
    for n in range(2):
        join(store, workshop, n)
    room(store, workshop)

    read_room(store.database, workshop_questionnaire(), workshop)

    assert reads.count == 2


# -- the CSV and a paced section read their snapshots the same checked way ------------------


def test_a_csv_taken_while_an_answer_changes_never_holds_the_changed_answer(
    store: Store, database_url: str, workshop: Workshop, reads: Statements
) -> None:
    data = while_an_answer_changes(
        store,
        database_url,
        workshop,
        reads,
        lambda: export_csv(store.database, QUESTIONNAIRE, workshop),
    )

    lines = data.decode("utf-8-sig").splitlines()
    assert len(lines) == 1  # the header only: one published person is below the threshold
    assert "Maybe" not in data.decode("utf-8-sig")


def test_a_section_read_while_an_answer_changes_never_shows_the_changed_answer(
    store: Store, database_url: str, workshop: Workshop, reads: Statements
) -> None:
    poll = next(i for i, s in enumerate(QUESTIONNAIRE.paced_sections) if "poll" in s.pages)

    view = while_an_answer_changes(
        store,
        database_url,
        workshop,
        reads,
        lambda: read_section(store.database, QUESTIONNAIRE, workshop, poll),
    )

    assert not view.visible
    assert view.summaries == ()
