"""What this server read last of each part of a workshop's snapshot, to compare the next
read with: every dashboard and projector refresh reads it again.

Why: at 10,000 people the check behind every refresh read 10,000 finished rounds with their
answer times and the snapshot's 10,000 rows, turned each stored time into a datetime and
hashed them all, though between two steps nothing of it changes. Kept here, per workshop
and part:

* the finished rounds (``netclarity.workshop.finished``), so only rounds touched since
  have their answers read;
* the snapshot's rows as stored (``stored``), with the same rows as datetimes and their
  identity: when the rows read as stored are the same again, the datetimes and the
  identity are too, and are not made again.

Everything is keyed by what the database holds (rows compared as stored), never by a time,
so a step or a change made through any server sharing the database shows on the next read.
Memory is bounded: ``PARTS`` parts per database (a few workshops, each with its open
section), about 5 MB each at 10,000 people (measured with ``tracemalloc``).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netclarity.store.database import Database
from netclarity.workshop.finished import Known

PARTS = 8
"""Parts kept per database: the whole room and the open section of a few workshops."""


@dataclass(frozen=True)
class LastRead:
    """One read of a part's snapshot state (see the module docstring)."""

    finished: Known
    stored: Mapping[int, Any]
    """The snapshot's rows: round id → when its answers last changed, as stored."""
    published: Mapping[int, datetime | None]
    """The same rows as datetimes."""
    identity: str
    """The identity of ``published`` shown whole (``snapshot.Snapshot.identity``)."""


class LastReads:
    """The last read of each of the ``size`` parts read last, shared by one server's sessions."""

    def __init__(self, size: int = PARTS) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[int, Any], LastRead] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, part: tuple[int, Any]) -> LastRead | None:
        with self._lock:
            return self._entries.get(part)

    def put(self, part: tuple[int, Any], read: LastRead) -> None:
        with self._lock:
            self._entries[part] = read
            self._entries.move_to_end(part)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


_KEPT: weakref.WeakKeyDictionary[Database, LastReads] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def last_reads(database: Database) -> LastReads:
    """The last reads kept for ``database`` (gone with it: a test's database takes its own)."""
    with _KEPT_LOCK:
        found = _KEPT.get(database)
        if found is None:
            found = _KEPT[database] = LastReads()
        return found
