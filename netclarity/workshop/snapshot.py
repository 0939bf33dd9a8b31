"""The published snapshot: which finished participants a workshop's room views may read.

Why: a room figure that follows the finished participants live tells whoever watches it
what the last person to finish answered — the average before and after one more person
gives that person's own numbers, and a poll count that goes up by one names the vote of
whoever just put their phone down. So no room view (dashboard, projector, "you and the
room", polls, discussion prompts, free text, group PDF, CSV) reads the live set. They all
read the *published snapshot*: a list of rounds kept in the database, each with the time
its answers (the plan aside) last changed when it was published.

The rule, with ``k`` the workshop's privacy threshold:

* A new snapshot (every finished participant, as they are now) is published only when at
  least ``k`` people differ from the one on record: finished since, or in it but changed
  or deleted since (``differing``). The first snapshot is therefore the first ``k``
  finished, and any two snapshots anyone can see differ by at least ``k`` people, so no
  view, and no pair of views, isolates one person.
* While someone in the snapshot has changed an answer or deleted their data, the snapshot
  cannot be shown as published (their old answers are gone) and showing it as it is now
  would isolate that one person: the room is withheld (``readable`` is empty) until the
  next step.

A paced workshop's section view follows the same rule for each section (``Part``): its
snapshot is of the people who have moved on from the section's last page, with the time
their answers up to that section last changed.

Publishing happens when a room is read (``published_rounds``): one read to compare, and a
write only when a step is due, re-checked under the workshop row's lock so two app servers
never publish twice. The read to compare runs on every refresh; it visits only the answers
of rounds touched since, and makes nothing again of the snapshot's rows while they are the
same as at this server's last read (``netclarity.workshop.last_read``).

A snapshot's ``identity`` is a digest of what the database holds for it (each round with its
time), or of nothing while it is withheld: every app server sharing the database computes the
same identity for the same published figures, and a new step, a withheld room or a round
deleted and its id reused all give a new one. The room's figures are kept per identity
(``netclarity.workshop.kept``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from netclarity.store.database import Database
from netclarity.workshop.finished import Known, finished_rounds
from netclarity.workshop.last_read import LastRead, last_reads
from netclarity.workshop.store import Workshop
from netclarity.workshop.tables import workshop_section_snapshots, workshop_snapshots, workshops

States = Mapping[int, datetime | None]
"""Round id → when its answers (the plan aside) last changed; None for no answers."""

_MISSING = object()
T = TypeVar("T")


def differing(published: States, finished: States) -> int:
    """How many people differ between the snapshot and the finished participants now."""
    return sum(
        1
        for round_id in published.keys() | finished.keys()
        if published.get(round_id, _MISSING) != finished.get(round_id, _MISSING)
    )


def readable(published: States, finished: States) -> frozenset[int]:
    """The snapshot's rounds, or none while one of them has changed or gone since publishing."""
    unchanged = all(finished.get(r, _MISSING) == at for r, at in published.items())
    return frozenset(published) if unchanged else frozenset()


@dataclass(frozen=True)
class Part:
    """What a snapshot is of: the whole room, or the finishers of one section of a paced
    workshop (``section``, read with ``keys``: every question up to the section's end, and
    finished by everyone who moved on from its last page, ``pages_done`` pages in)."""

    section: str | None = None
    keys: frozenset[str] = frozenset()
    pages_done: int = 0


WHOLE_ROOM = Part()


@dataclass(frozen=True)
class Snapshot:
    """What the room views may read now: ``rounds``, and ``identity``, the same on every app
    server for the same published rounds and times (a digest of the empty set while withheld)."""

    rounds: frozenset[int]
    identity: str


def _identity(shown: States) -> str:
    digest = hashlib.sha256()
    for round_id in sorted(shown):
        at = shown[round_id]
        digest.update(f"{round_id}@{'' if at is None else at.isoformat()};".encode())
    return digest.hexdigest()


WITHHELD = Snapshot(frozenset(), _identity({}))
"""No rounds: before the first step, and while the room is withheld."""


def published_snapshot(database: Database, workshop: Workshop, part: Part = WHOLE_ROOM) -> Snapshot:
    """The snapshot every view of ``part`` of ``workshop`` reads now, publishing if due."""
    reads = last_reads(database)
    which = (workshop.id, part)
    last = reads.get(which)

    def states(conn: Connection) -> LastRead:
        known = _finished(conn, workshop.id, part, None if last is None else last.finished)
        stored = _published(conn, workshop.id, part, as_stored=True)
        if last is not None and stored == last.stored:
            return dataclasses.replace(last, finished=known)
        # Read after ``stored``: a step in between makes the next read differ, and read again.
        published = _published(conn, workshop.id, part)
        return LastRead(known, stored, published, _identity(published))

    now = database.read(states)
    reads.put(which, now)
    published = now.published
    finished: States = {round_id: at for round_id, (_, at) in now.finished.items()}
    if differing(published, finished) >= workshop.threshold:
        published, finished = database.write(lambda conn: _step(conn, workshop, part))
        rounds = readable(published, finished)
        return Snapshot(rounds, _identity({r: published[r] for r in rounds}))
    rounds = readable(published, finished)
    return Snapshot(rounds, now.identity if rounds else WITHHELD.identity)


def published_rounds(
    database: Database, workshop: Workshop, part: Part = WHOLE_ROOM
) -> frozenset[int]:
    """The rounds every view of ``part`` of ``workshop`` reads now, publishing if due."""
    return published_snapshot(database, workshop, part).rounds


READS = 3
"""Reads of a published snapshot tried before a view shows nothing this time."""


def read_published(
    database: Database,
    workshop: Workshop,
    read: Callable[[Snapshot], T],
    part: Part = WHOLE_ROOM,
) -> tuple[Snapshot, T] | None:
    """``read`` of the published snapshot, checked: the snapshot is read again afterwards,
    and the result is returned only if it is still the same.

    The snapshot and the answers are read in separate transactions, so a published person
    could change an answer in between; the new answer would then show before the room's
    next step, alone. A changed answer changes the snapshot (the person is left out until
    the next step), so reading it again tells. If the room moves under every one of
    ``READS`` reads, None: the view shows nothing this time.
    """
    snapshot = published_snapshot(database, workshop, part)
    for _ in range(READS):
        value = read(snapshot)
        again = published_snapshot(database, workshop, part)
        if again == snapshot:
            return snapshot, value
        snapshot = again
    return None


def _step(conn: Connection, workshop: Workshop, part: Part) -> tuple[States, States]:
    """Publish the finished participants as they are now, if still due under the lock."""
    conn.execute(
        sa.select(workshops.c.id).where(workshops.c.id == workshop.id).with_for_update()
    ).one()
    published, finished = _states(conn, workshop.id, part)
    if differing(published, finished) < workshop.threshold:
        return published, finished  # another server published first
    table, mine = _snapshot(workshop.id, part)
    conn.execute(sa.delete(table).where(mine))
    if finished:
        section = {} if part.section is None else {"section": part.section}
        conn.execute(
            sa.insert(table),
            [
                {"workshop_id": workshop.id, "round_id": round_id, "answered_at": at, **section}
                for round_id, at in finished.items()
            ],
        )
    return dict(finished), finished


def _snapshot(workshop_id: int, part: Part) -> tuple[sa.Table, sa.ColumnElement[bool]]:
    """The table of ``part``'s snapshots, and which of its rows are this workshop's."""
    if part.section is None:
        return workshop_snapshots, workshop_snapshots.c.workshop_id == workshop_id
    table = workshop_section_snapshots
    return table, (table.c.workshop_id == workshop_id) & (table.c.section == part.section)


def _states(conn: Connection, workshop_id: int, part: Part) -> tuple[States, States]:
    finished = _finished(conn, workshop_id, part)
    return _published(conn, workshop_id, part), {r: at for r, (_, at) in finished.items()}


def _published(
    conn: Connection, workshop_id: int, part: Part, *, as_stored: bool = False
) -> dict[int, Any]:
    """The snapshot's rows: round id → when its answers last changed, as datetimes, or as
    the database stores them (only to compare: SQLite's text made into datetimes cost more
    than reading it)."""
    table, mine = _snapshot(workshop_id, part)
    answered = sa.type_coerce(table.c.answered_at, sa.String) if as_stored else table.c.answered_at
    return dict(conn.execute(sa.select(table.c.round_id, answered).where(mine)).all())


def _finished(conn: Connection, workshop_id: int, part: Part, known: Known | None = None) -> Known:
    """Every participant who finished ``part``, with when its answers last changed
    (``netclarity.workshop.finished``: ``known``, an earlier read, spares reading again the
    answers of rounds not touched since)."""
    if part.section is None:
        return finished_rounds(conn, workshop_id, known=known)
    return finished_rounds(
        conn, workshop_id, keys=part.keys, pages_done=part.pages_done, known=known
    )
