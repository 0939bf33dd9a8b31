"""Who has finished a workshop (or one section of it), and when their answers last changed:
read on every refresh, so only the rounds touched since the last read visit their answers.

Why: the published snapshot (``netclarity.workshop.snapshot``) is checked on every
dashboard and projector refresh, and the check needs each finished participant's latest
answer time. Reading it means visiting every answer row of the room: at 10,000 people
(180,000 rows) that was 100–400 ms of every refresh, most of what a reload of the
dashboard cost on the server.

Every change to a round's answers also touches the round (``rounds.updated_at``, in the
same transaction: ``Store._touch_latest``), so a round whose ``updated_at`` is what it was
at the last read still has the answers it had then. Each server keeps, per workshop and
part, the rounds' ``updated_at`` with their answer times (``Finished``), and on the next
read looks at the rounds only and reads the answers of the rounds touched since (a person
moving on a page, saving a plan, or changing an answer).

The rules that keep this correct when several servers share one database:

* What is kept is keyed by what the database holds (each round's id and ``updated_at``),
  never by a time of reading: a round touched on any server is read afresh on every server.
* A round's row is read before its answers, so a kept answer time is never older than the
  round's ``updated_at`` it is kept with (a save in between makes the round differ next
  time, and it is read again).
* A round gone since (deleted, or no longer finished) is gone from the result: only the
  rounds of this read are kept.
* Memory is bounded: ``PARTS`` parts per database (a few workshops, their sections).
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Collection
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from netclarity.store.database import Database
from netclarity.store.tables import PLAN_KEY, answers, respondents, rounds
from netclarity.workshop.data import WORKSHOP_ROUND

PARTS = 8
"""Parts kept per database: the whole room and the open section of a few workshops."""
FEW = 500
"""Up to this many touched rounds have their answers read by id; more (a cold server, a
burst of people finishing at once) and the whole room's answers are read in one pass."""

TOUCHED = sa.type_coerce(rounds.c.updated_at, sa.String).label("touched")
"""A round's ``updated_at`` as stored: only ever compared, and SQLite's text turned into
datetimes cost more than the query itself."""

Known = dict[int, tuple[Any, Any]]
"""Round id → (``rounds.updated_at``, when its answers last changed) as read."""


def finished_rounds(
    conn: Connection,
    workshop_id: int,
    *,
    keys: Collection[str] | None = None,
    pages_done: int | None = None,
    known: Known | None = None,
) -> Known:
    """Every round that finished the workshop (or moved on from ``pages_done`` pages), with
    when its answers under ``keys`` (None: all but the plan) last changed.

    ``known`` is an earlier result for the same part: rounds whose ``updated_at`` it holds
    unchanged keep their answer time without reading their answers.
    """
    done: sa.ColumnElement[bool] = rounds.c.completed_at.is_not(None)
    if pages_done is not None:
        done = done | (rounds.c.pages_done >= pages_done)
    mine = (respondents.c.workshop_id == workshop_id) & (rounds.c.number == WORKSHOP_ROUND) & done
    read: sa.ColumnElement[bool] = (
        answers.c.key != PLAN_KEY if keys is None else answers.c.key.in_(sorted(keys))
    )
    if known:
        touched = conn.execute(
            sa.select(rounds.c.id, TOUCHED)
            .join(respondents, respondents.c.id == rounds.c.respondent_id)
            .where(mine)
        ).all()
        stale = [row.id for row in touched if known.get(row.id, (None,))[0] != row.touched]
        if len(stale) <= FEW:
            fresh = _answered(conn, stale, read) if stale else {}
            return {
                row.id: (row.touched, fresh[row.id] if row.id in fresh else known[row.id][1])
                for row in touched
            }
    query = (
        sa.select(rounds.c.id, TOUCHED, sa.func.max(answers.c.updated_at))
        .join(respondents, respondents.c.id == rounds.c.respondent_id)
        .outerjoin(answers, (answers.c.round_id == rounds.c.id) & read)
        .where(mine)
        .group_by(rounds.c.id, rounds.c.updated_at)
    )
    return {round_id: (touched, at) for round_id, touched, at in conn.execute(query)}


def _answered(
    conn: Connection, round_ids: list[int], read: sa.ColumnElement[bool]
) -> dict[int, Any]:
    """When the answers of these rounds last changed (None for a round with none)."""
    query = (
        sa.select(answers.c.round_id, sa.func.max(answers.c.updated_at))
        .where(answers.c.round_id.in_(round_ids), read)
        .group_by(answers.c.round_id)
    )
    found: dict[int, Any] = dict.fromkeys(round_ids)
    found.update({round_id: at for round_id, at in conn.execute(query)})
    return found


class Finished:
    """The last ``finished_rounds`` of each of the ``size`` parts read last, shared by the
    sessions of one server."""

    def __init__(self, size: int = PARTS) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[int, Any], Known] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, part: tuple[int, Any]) -> Known | None:
        with self._lock:
            return self._entries.get(part)

    def put(self, part: tuple[int, Any], known: Known) -> None:
        with self._lock:
            self._entries[part] = known
            self._entries.move_to_end(part)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


_KEPT: weakref.WeakKeyDictionary[Database, Finished] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def kept_finished(database: Database) -> Finished:
    """The finished rounds kept for ``database`` (gone with it)."""
    with _KEPT_LOCK:
        found = _KEPT.get(database)
        if found is None:
            found = _KEPT[database] = Finished()
        return found
