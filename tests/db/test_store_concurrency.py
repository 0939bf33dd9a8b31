"""Many people saving at once lose nothing and see no "database is locked".

Fifty threads stand in for fifty Streamlit sessions of one server (a workshop room): each
call of the shared store runs on its own pooled connection and transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy.pool import QueuePool

from netclarity.store import Store

DIGEST = "f6" * 32
WRITERS = 50
SAVES_EACH = 4
T = TypeVar("T")


def _all_at_once(work: Callable[[int], T]) -> list[T]:
    """Run ``work(0..WRITERS-1)`` on WRITERS threads released together; re-raise any error."""
    barrier = threading.Barrier(WRITERS)

    def released(number: int) -> T:
        barrier.wait()
        return work(number)

    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        return list(pool.map(released, range(WRITERS)))


def test_fifty_writers_on_one_round_keep_every_answer(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    def write(number: int) -> None:
        for save in range(SAVES_EACH):
            store.save_answer(token, f"q{number:02d}_{save}", {"writer": number, "save": save})

    _all_at_once(write)

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers == {
        f"q{number:02d}_{save}": {"writer": number, "save": save}
        for number in range(WRITERS)
        for save in range(SAVES_EACH)
    }


def test_fifty_people_starting_and_saving_at_once_each_keep_their_answers(store: Store) -> None:
    def person(number: int) -> str:
        token, _ = store.start("networking_clarity", 1, DIGEST, name=f"Person {number}")
        for save in range(SAVES_EACH):
            store.save_answers(token, {"hours": {"meetups": save}, f"note_{save}": f"{number}"})
        store.set_page(token, "results")
        store.complete(token)
        return token

    tokens = _all_at_once(person)

    for number, token in enumerate(tokens):
        loaded = store.load(token)
        assert loaded is not None
        assert (loaded.name, loaded.page, loaded.completed) == (f"Person {number}", "results", True)
        assert loaded.answers == {
            "hours": {"meetups": SAVES_EACH - 1},
            **{f"note_{save}": f"{number}" for save in range(SAVES_EACH)},
        }


def test_the_same_answer_saved_by_fifty_writers_ends_as_one_of_their_values(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    _all_at_once(lambda number: store.save_answer(token, "confidence", number))

    loaded = store.load(token)
    assert loaded is not None
    assert list(loaded.answers) == ["confidence"]
    assert loaded.answers["confidence"] in range(WRITERS)


def test_a_save_that_finds_sqlite_locked_by_another_process_waits_and_is_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "netclarity.db"
    store = Store.open(f"sqlite:///{path}")
    token, _ = store.start("networking_clarity", 1, DIGEST)
    command = sqlite3.connect(path, isolation_level=None)  # e.g. ``expire`` run by cron
    command.execute("BEGIN IMMEDIATE")

    saver = threading.Thread(target=store.save_answer, args=(token, "headline", "Fewer events"))
    saver.start()
    saver.join(timeout=0.5)
    still_waiting = saver.is_alive()  # it cannot finish while the other process writes
    command.execute("ROLLBACK")
    saver.join()

    assert still_waiting
    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers == {"headline": "Fewer events"}
    command.close()
    store.close()


def test_a_server_holds_as_many_connections_as_configured_and_no_more(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETCLARITY_POOL_SIZE", "3")
    store = Store.open(database_url)

    pool = store.database.engine.pool
    assert isinstance(pool, QueuePool)
    assert (pool.size(), pool._max_overflow) == (3, 0)  # SQLAlchemy has no public reader
    store.close()
