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
part, the rounds' ``updated_at`` with their answer times, and on the next read looks at
the rounds only and reads the answers of the rounds touched since (a person moving on a
page, saving a plan, or changing an answer).

The rules that keep this correct when several servers share one database:

* What is kept is keyed by what the database holds (each round's id and ``updated_at``),
  never by a time of reading: a round touched on any server is read afresh on every server.
* A round's row is read before its answers, so a kept answer time is never older than the
  round's ``updated_at`` it is kept with (a save in between makes the round differ next
  time, and it is read again).
* A round gone since (deleted, or no longer finished) is gone from the result: only the
  rounds of this read are kept.

The server keeps the last read per workshop part with the snapshot's rows
(``netclarity.workshop.last_read``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from netclarity.store.tables import PLAN_KEY, answers, respondents, rounds
from netclarity.workshop.data import WORKSHOP_ROUND

FEW = 500
"""Up to this many touched rounds have their answers read by id; more (a cold server, a
burst of people finishing at once) and the whole room's answers are read in one pass."""

TOUCHED = sa.type_coerce(rounds.c.updated_at, sa.String).label("touched")
"""A round's ``updated_at`` as stored: only ever compared, and SQLite's text turned into
datetimes cost more than the query itself."""

Known = dict[int, tuple[Any, Any]]
"""Round id → (``rounds.updated_at``, when its answers last changed) as read."""
_UNSEEN = (object(), None)


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
        touched: dict[int, Any] = dict(
            conn.execute(
                sa.select(rounds.c.id, TOUCHED)
                .join(respondents, respondents.c.id == rounds.c.respondent_id)
                .where(mine)
            ).all()
        )
        stale = [r for r, at in touched.items() if known.get(r, _UNSEEN)[0] != at]
        if not stale and len(touched) == len(known):
            return known  # the same rounds, none touched since
        if len(stale) <= FEW:
            fresh = _answered(conn, stale, read) if stale else {}
            return {r: (at, fresh[r] if r in fresh else known[r][1]) for r, at in touched.items()}
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
