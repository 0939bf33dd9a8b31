"""SQLite writers of one server take turns first come, first served (``netclarity.store.turns``)."""

from __future__ import annotations

import threading

import pytest

from netclarity.store.turns import Turns

WRITERS = 8


def _queue_up(turns: Turns, number: int, served: list[int]) -> threading.Thread:
    """Start a writer and return once it waits behind the ones started before it."""

    def write() -> None:
        with turns.turn():
            served.append(number)

    queued = turns.waiting
    writer = threading.Thread(target=write)
    writer.start()
    while turns.waiting == queued:
        threading.Event().wait(0.001)  # until this writer stands in the queue
    return writer


def test_writers_that_wait_are_served_in_the_order_they_arrived() -> None:
    turns = Turns()
    served: list[int] = []

    with turns.turn():
        writers = [_queue_up(turns, number, served) for number in range(WRITERS)]
        assert served == []
    for writer in writers:
        writer.join()

    assert served == list(range(WRITERS))
    assert turns.waiting == 0


def test_a_writer_that_fails_hands_its_turn_to_the_next() -> None:
    turns = Turns()
    served: list[int] = []
    holding, failing = threading.Event(), threading.Event()

    def transaction() -> None:
        with turns.turn():
            holding.set()
            failing.wait()
            raise RuntimeError("the transaction failed")

    def fail() -> None:
        with pytest.raises(RuntimeError, match="the transaction failed"):
            transaction()

    first = threading.Thread(target=fail)
    first.start()
    holding.wait()
    second = _queue_up(turns, 2, served)
    failing.set()
    first.join()
    second.join()

    assert served == [2]
    with turns.turn():  # free again: this would wait for ever otherwise
        served.append(3)
    assert served == [2, 3]
