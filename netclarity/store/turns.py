"""Writers of one SQLite file in one process take turns, in the order they arrived.

SQLite lets one writer in at a time. A writer that finds the file locked waits in SQLite's
busy handler, which sleeps and tries again (up to 100 ms a time) instead of queueing, so in
a burst a few writers lose race after race and wait for seconds while later ones get
through. Every session thread of an app server writes through the server's one
``Database``, so its writers queue here first and reach SQLite one at a time, first come,
first served; the busy handler is left for writers of other processes (the commands).
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterator


class Turns:
    """A lock handed to whoever has waited longest (``threading.Lock`` promises no order)."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._waiting: deque[threading.Event] = deque()
        self._taken = False

    @property
    def waiting(self) -> int:
        """How many threads wait for their turn now."""
        with self._mutex:
            return len(self._waiting)

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for this thread's turn and hold it for the block."""
        with self._mutex:
            mine = threading.Event()
            if self._taken:
                self._waiting.append(mine)
            else:
                self._taken = True
                mine.set()
        mine.wait()
        try:
            yield
        finally:
            with self._mutex:
                if self._waiting:
                    self._waiting.popleft().set()  # handed over: the turn stays taken
                else:
                    self._taken = False
