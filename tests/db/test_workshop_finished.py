"""Who has finished, read on every refresh, visits only the answers of rounds touched since
the last read, and always agrees with a read from scratch, on SQLite and PostgreSQL.

The snapshot check runs on every dashboard refresh and needs every finished person's latest
answer time; a server keeps those times per round and its ``updated_at``, so each case below
compares the kept read with a fresh one after something happens to the room, possibly on
another server sharing the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from netclarity.store import Store
from netclarity.workshop import finished
from netclarity.workshop.finished import Known, finished_rounds
from netclarity.workshop.snapshot import published_snapshot
from netclarity.workshop.store import Workshop, Workshops
from tests.support.statements import Statements

DIGEST = "d4" * 32


def join(store: Store, workshop: Workshop, n: int, *, done: bool = True) -> str:
    token, _ = store.start("workshop", 1, DIGEST, workshop_id=workshop.id)
    store.save_answers(token, {"vote": ("yes", "no")[n % 2], "idea": f"Idea number {n}"})
    if done:
        store.complete(token)
    return token


@pytest.fixture
def reads(store: Store) -> Iterator[Statements]:
    """The statements that read answer times."""
    counter = Statements(store, "max(answers.updated_at)")
    yield counter
    counter.remove()


@pytest.fixture
def workshop(store: Store) -> Workshop:
    created, _ = Workshops(store.database).create("Friday breakfast", "workshop", threshold=2)
    return created


def read(store: Store, workshop: Workshop, known: Known | None = None) -> Known:
    return store.database.read(lambda conn: finished_rounds(conn, workshop.id, known=known))


def times(known: Known) -> dict[int, Any]:
    return {round_id: answered for round_id, (_, answered) in known.items()}


def test_a_read_of_an_unchanged_room_reads_no_answer_times(
    store: Store, workshop: Workshop, reads: Statements
) -> None:
    for n in range(3):
        join(store, workshop, n)
    first = read(store, workshop)

    again = read(store, workshop, first)

    assert len(reads.seen) == 1
    assert again == first


def test_a_person_changing_an_answer_on_another_server_is_read_alone_and_agrees_with_a_fresh_read(
    store: Store, database_url: str, workshop: Workshop, reads: Statements
) -> None:
    changer = join(store, workshop, 0)
    for n in range(1, 4):
        join(store, workshop, n)
    first = read(store, workshop)
    other = Store.open(database_url)
    try:
        other.save_answers(changer, {"vote": "no"})
    finally:
        other.close()

    kept = read(store, workshop, first)

    assert times(kept) == times(read(store, workshop))
    assert times(kept) != times(first)
    statement, parameters = reads.seen[1]
    assert "FROM rounds" not in statement  # the changed round's answers only
    assert [value for value in parameters if isinstance(value, int)] == [min(kept)]


@pytest.mark.parametrize(
    "event",
    [
        "finishes",
        "deletes their data",
        "writes their plan",
        "moves to another page",
    ],
)
def test_whatever_happens_in_the_room_a_kept_read_agrees_with_a_fresh_one(
    store: Store, workshop: Workshop, event: str
) -> None:
    person = join(store, workshop, 0, done=event != "finishes")
    join(store, workshop, 1)
    first = read(store, workshop)

    if event == "finishes":
        store.complete(person)
    elif event == "deletes their data":
        store.delete(person)
    elif event == "writes their plan":
        store.save_answers(person, {"plan": {"give": "An introduction a month"}})
    else:
        store.set_page(person, "poll")

    assert times(read(store, workshop, first)) == times(read(store, workshop))
    assert len(read(store, workshop, first)) == (1 if event == "deletes their data" else 2)


def test_an_answer_changed_between_reading_the_rounds_and_their_answers_is_read_again_next_time(
    store: Store, database_url: str, workshop: Workshop, reads: Statements
) -> None:
    changer = join(store, workshop, 0)
    join(store, workshop, 1)
    first = read(store, workshop)
    store.set_page(changer, "poll")  # touched: its answers are read next time
    other = Store.open(database_url)
    try:
        reads.before = lambda: other.save_answers(changer, {"vote": "no"})
        during = read(store, workshop, first)
    finally:
        other.close()

    after = read(store, workshop, during)

    assert times(after) == times(read(store, workshop))


def test_more_rounds_touched_than_are_read_by_id_are_read_in_one_pass_alike(
    store: Store, workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = [join(store, workshop, n) for n in range(4)]
    first = read(store, workshop)
    monkeypatch.setattr(finished, "FEW", 2)
    for person in people[:3]:
        store.save_answers(person, {"vote": "yes"})

    assert times(read(store, workshop, first)) == times(read(store, workshop))


def test_the_snapshot_check_of_an_unchanged_room_reads_no_answer_times_again(
    store: Store, workshop: Workshop, reads: Statements
) -> None:
    for n in range(3):
        join(store, workshop, n)
    first = published_snapshot(store.database, workshop)
    count = len(reads.seen)

    again = published_snapshot(store.database, workshop)

    assert again == first
    assert len(first.rounds) == 3
    assert len(reads.seen) == count


def test_a_step_published_by_another_server_gives_this_server_the_same_snapshot_as_a_fresh_one(
    store: Store, database_url: str, workshop: Workshop
) -> None:
    for n in range(2):
        join(store, workshop, n)
    before = published_snapshot(store.database, workshop)
    other = Store.open(database_url)
    try:
        for n in range(2, 4):
            join(other, workshop, n)
        stepped = published_snapshot(other.database, workshop)
    finally:
        other.close()

    here = published_snapshot(store.database, workshop)
    fresh = Store.open(database_url)
    try:
        from_scratch = published_snapshot(fresh.database, workshop)
    finally:
        fresh.close()

    assert len(before.rounds) == 2
    assert len(stepped.rounds) == 4
    assert here == stepped == from_scratch
