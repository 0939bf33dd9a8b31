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

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from netclarity.workshop.finished import Known
from netclarity.workshop.recent import PerDatabase, Recent

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


last_reads = PerDatabase(lambda: Recent[tuple[int, Any], LastRead](PARTS))
"""The last read of each of the ``PARTS`` parts read last, per database, shared by one
server's sessions (gone with the database: a test's database takes its own)."""
