"""Requests of one server take the pool's connections in the order they asked for them.

SQLAlchemy's pool gives a connection that comes back to whichever thread asks next, not to
the one that has waited longest: with a room's sessions asking all at once, a thread that
has just saved gets the connection again at once while some wait until the pool's timeout
and are told saving is paused. So every transaction queues here first, first come, first
served, for one of as many places as the pool has connections; the pool itself never
makes anyone wait.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterator


class NoPlace(Exception):
    """No place came free in time."""


class Places:
    """``count`` places, handed to whoever has waited longest."""

    def __init__(self, count: int) -> None:
        self._free = count
        self._mutex = threading.Lock()
        self._waiting: deque[threading.Event] = deque()

    @property
    def waiting(self) -> int:
        """How many requests wait for a place now."""
        with self._mutex:
            return len(self._waiting)

    @contextlib.contextmanager
    def place(self, timeout: float) -> Iterator[None]:
        """Hold a place for the block; ``NoPlace`` after ``timeout`` seconds of waiting."""
        with self._mutex:
            mine = None
            if self._free and not self._waiting:
                self._free -= 1
            else:
                mine = threading.Event()
                self._waiting.append(mine)
        if mine is not None and not mine.wait(timeout):
            with self._mutex:
                if not mine.is_set():  # not handed over in the meantime
                    self._waiting.remove(mine)
                    raise NoPlace(f"no place came free in {timeout:g} s")
        try:
            yield
        finally:
            with self._mutex:
                if self._waiting:
                    self._waiting.popleft().set()  # handed over: the place stays taken
                else:
                    self._free += 1
