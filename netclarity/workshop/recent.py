"""What one server keeps of recent reads, per database: bounded, shared by its sessions.

Why one mechanism: the room's figures (``kept``) and the snapshot check's last reads
(``last_read``) are both worth keeping for the few workshops a server runs at once, both are
read and written by many session threads at the same time, and both belong to one database
object (a test's database takes what was kept for it with it).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from netclarity.store.database import Database

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")


class Recent(Generic[K, V]):
    """The values of the last ``size`` keys used; the one used longest ago goes first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


class PerDatabase(Generic[T]):
    """One ``T`` per ``Database`` object, made on first use and gone with the database."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._kept: weakref.WeakKeyDictionary[Database, T] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def __call__(self, database: Database) -> T:
        with self._lock:
            found = self._kept.get(database)
            if found is None:
                found = self._kept[database] = self._make()
            return found
