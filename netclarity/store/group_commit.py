"""SQLite writes of one server queue in arrival order and share their commits.

SQLite lets one writer in at a time, and every commit waits for the disk (an fsync: 4–10 ms
on a small cloud disk, most of a save). A writer that finds the file locked waits in
SQLite's busy handler, which sleeps and retries instead of queueing, so in a burst a few
saves lose race after race and wait for seconds, while one commit per save caps a server at
the disk's hundred-odd commits a second. Every session thread of a server writes through
its one ``Database``, so its writes queue here instead: the first in the queue runs the
writes waiting behind it (up to ``BATCH``) in one transaction and commits them together,
then hands the lead to the next in the queue.

A write that raises its own error (a round erased meanwhile, say) rolls the shared
transaction back; its caller gets the error and the others run again together, without
it. A savepoint around each write would spare that rerun but cost nearly half of a
burst's time, for an error that hardly ever happens; and unlike running everyone alone,
the rerun keeps one person's failing saves from making the room wait for a commit each.
When the database itself fails (a database error), each write runs again alone, so one
write's trouble never becomes another's. Writes already may run twice
(``Database.write`` retries after a lock), so they have no side effects. Writers of other
processes (the commands) still meet the busy handler.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar, cast

from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from netclarity.store.errors import StoreUnavailable

T = TypeVar("T")
Work = Callable[[Connection], Any]
BATCH = 64
"""At most this many writes share a transaction (a few dozen milliseconds of work)."""


@dataclass(eq=False)
class _Write:
    work: Work
    ready: threading.Event = field(default_factory=threading.Event)
    """Set when the write is done, or when it is this write's turn to lead."""
    leads: bool = False
    finished: bool = False
    result: Any = None
    error: BaseException | None = None


class GroupCommit:
    """Writes through ``transaction`` (one transaction, retried and its errors translated)."""

    def __init__(self, transaction: Callable[[Work], Any]) -> None:
        self._transaction = transaction
        self._mutex = threading.Lock()
        self._queue: deque[_Write] = deque()
        self._leading = False

    @property
    def waiting(self) -> int:
        """How many writes wait for a transaction now."""
        with self._mutex:
            return len(self._queue)

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in a transaction shared with the writes waiting at the same time."""
        mine = _Write(work)
        with self._mutex:
            self._queue.append(mine)
            if not self._leading:
                self._leading = mine.leads = True
        if not mine.leads:
            mine.ready.wait()
        if mine.leads:
            self._lead()
        if mine.error is not None:
            raise mine.error
        return cast(T, mine.result)

    def _lead(self) -> None:
        with self._mutex:
            batch = [self._queue.popleft() for _ in range(min(BATCH, len(self._queue)))]
        try:
            self._commit(batch)
        finally:
            with self._mutex:
                if self._queue:
                    self._queue[0].leads = True
                    self._queue[0].ready.set()
                else:
                    self._leading = False
            for write in batch:
                if not write.finished:  # the leader was interrupted
                    write.error = StoreUnavailable("the write was interrupted")
                write.ready.set()

    def _commit(self, batch: list[_Write]) -> None:
        while len(batch) > 1:
            try:
                results = self._transaction(partial(_in_turn, [w.work for w in batch]))
            except _Refused as refused:  # that write gets its error, the rest go again
                failed = batch[refused.index]
                failed.error, failed.finished = refused.error, True
                batch = [write for write in batch if write is not failed]
                continue
            except Exception:  # the database failed: each write runs again alone
                break
            for write, result in zip(batch, results, strict=True):
                write.result, write.finished = result, True
            return
        for write in batch:  # alone, or again alone: each gets its own error
            try:
                write.result = self._transaction(write.work)
            except Exception as error:  # raised again in the writer's own thread
                write.error = error
            write.finished = True


class _Refused(Exception):
    """Write number ``index`` of a shared transaction raised ``error``, its own error."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(index, error)
        self.index = index
        self.error = error


def _in_turn(works: list[Work], conn: Connection) -> list[Any]:
    """Run the works one after the other; the first to raise its own error stops them all."""
    results: list[Any] = []
    for index, work in enumerate(works):
        try:
            results.append(work(conn))
        except DBAPIError:
            raise  # the database failed, not the work: every write runs again alone
        except Exception as error:  # handed to the work's caller
            raise _Refused(index, error) from error
    return results
