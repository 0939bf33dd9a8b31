"""SQLite writes of one server queue in arrival order and share commits (``group_commit``).

A first write holds the lead while others queue behind it, one by one, so the order they
arrived in is known; then they run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from netclarity.store.errors import InvalidValue
from netclarity.store.group_commit import GroupCommit

notes = sa.Table(
    "notes",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("text", sa.String, nullable=False, unique=True),
)


class Room:
    """A ``GroupCommit`` on an SQLite file, counting the transactions it asks for."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.transactions = 0
        self.group = GroupCommit(self._transaction)
        self.outcomes: dict[str, Any] = {}
        self.go = threading.Event()
        """Set to let the first write, which holds the lead, go on."""
        self._threads: list[threading.Thread] = []

    def _transaction(self, work: Callable[[Connection], Any]) -> Any:
        self.transactions += 1
        with self.engine.begin() as conn:
            return work(conn)

    def queue(self, name: str, work: Callable[[Connection], Any]) -> None:
        """Start a writer and return once it waits behind the ones queued before it."""

        def write() -> None:
            try:
                self.outcomes[name] = self.group.write(work)
            except Exception as error:  # the writer's own error, checked by the test
                self.outcomes[name] = error

        queued = self.group.waiting
        thread = threading.Thread(target=write)
        thread.start()
        self._threads.append(thread)
        while self.group.waiting == queued:
            threading.Event().wait(0.001)

    def finish(self) -> None:
        for thread in self._threads:
            thread.join()

    def texts(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(notes.c.text).order_by(notes.c.id)).scalars())


def note(text: str) -> Callable[[Connection], int]:
    def work(conn: Connection) -> int:
        inserted = conn.execute(sa.insert(notes).values(text=text).returning(notes.c.id))
        return int(inserted.scalar_one())

    return work


def refused(conn: Connection) -> None:
    raise InvalidValue("an answer may not be empty")


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    """A room whose first write ("first") holds the lead until ``go`` is set."""
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'notes.db'}")
    notes.metadata.create_all(engine)
    room = Room(engine)
    holding = threading.Event()

    def first(conn: Connection) -> int:
        holding.set()
        room.go.wait()
        return note("first")(conn)

    leader = threading.Thread(target=lambda: room.outcomes.update(first=room.group.write(first)))
    leader.start()
    holding.wait()
    yield room
    room.go.set()
    leader.join()
    room.finish()
    engine.dispose()


def run(room: Room) -> None:
    room.go.set()
    room.finish()


def test_writes_that_wait_together_commit_in_one_transaction_in_the_order_they_came(
    room: Room,
) -> None:
    for name in ("anna", "ben", "chloé", "dev"):
        room.queue(name, note(name))

    run(room)

    assert room.texts() == ["first", "anna", "ben", "chloé", "dev"]
    assert room.outcomes == {"first": 1, "anna": 2, "ben": 3, "chloé": 4, "dev": 5}
    assert room.transactions == 2  # the first alone, then the four that waited


def test_a_write_that_raises_is_rolled_back_alone_and_its_caller_gets_the_error(
    room: Room,
) -> None:
    room.queue("anna", note("anna"))
    room.queue("ben", lambda conn: (note("ben")(conn), refused(conn)))
    room.queue("chloé", note("chloé"))

    run(room)

    assert room.texts() == ["first", "anna", "chloé"]
    assert isinstance(room.outcomes["ben"], InvalidValue)
    assert (room.outcomes["anna"], room.outcomes["chloé"]) == (2, 3)
    assert room.transactions == 1 + 1 + 1  # the first; the batch ben stopped; the rest again


def test_writes_that_raise_never_make_the_others_commit_one_by_one(room: Room) -> None:
    room.queue("anna", note("anna"))
    room.queue("ben", refused)
    room.queue("chloé", note("chloé"))
    room.queue("dev", refused)
    room.queue("emma", note("emma"))

    run(room)

    assert room.texts() == ["first", "anna", "chloé", "emma"]
    assert isinstance(room.outcomes["ben"], InvalidValue)
    assert isinstance(room.outcomes["dev"], InvalidValue)
    assert room.transactions == 1 + 3  # the first; then without ben, then without dev too


def test_when_the_shared_transaction_fails_each_write_runs_again_alone(room: Room) -> None:
    room.queue("anna", note("anna"))
    room.queue("again", note("first"))  # breaks the unique constraint: a database error
    room.queue("ben", note("ben"))

    run(room)

    assert room.texts() == ["first", "anna", "ben"]
    assert isinstance(room.outcomes["again"], IntegrityError)
    assert room.transactions == 1 + 1 + 3  # the first; the failed batch; each alone
