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

Publishing happens when a room is read (``published_rounds``): one read to compare, and a
write only when a step is due, re-checked under the workshop row's lock so two app servers
never publish twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from netclarity.store.database import Database
from netclarity.store.schema import PLAN_KEY, answers, respondents, rounds
from netclarity.workshop.data import WORKSHOP_ROUND
from netclarity.workshop.schema import workshop_snapshots, workshops
from netclarity.workshop.store import Workshop

States = Mapping[int, datetime | None]
"""Round id → when its answers (the plan aside) last changed; None for no answers."""

_MISSING = object()


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


def published_rounds(database: Database, workshop: Workshop) -> frozenset[int]:
    """The rounds every room view of ``workshop`` reads now, publishing a snapshot if due."""
    published, finished = database.read(lambda conn: _states(conn, workshop.id))
    if differing(published, finished) >= workshop.threshold:
        published, finished = database.write(lambda conn: _step(conn, workshop))
    return readable(published, finished)


def _step(conn: Connection, workshop: Workshop) -> tuple[States, States]:
    """Publish the finished participants as they are now, if still due under the lock."""
    conn.execute(
        sa.select(workshops.c.id).where(workshops.c.id == workshop.id).with_for_update()
    ).one()
    published, finished = _states(conn, workshop.id)
    if differing(published, finished) < workshop.threshold:
        return published, finished  # another server published first
    mine = workshop_snapshots.c.workshop_id == workshop.id
    conn.execute(sa.delete(workshop_snapshots).where(mine))
    if finished:
        conn.execute(
            sa.insert(workshop_snapshots),
            [
                {"workshop_id": workshop.id, "round_id": round_id, "answered_at": at}
                for round_id, at in finished.items()
            ],
        )
    return dict(finished), finished


def _states(conn: Connection, workshop_id: int) -> tuple[States, States]:
    published = {
        row.round_id: row.answered_at
        for row in conn.execute(
            sa.select(workshop_snapshots.c.round_id, workshop_snapshots.c.answered_at).where(
                workshop_snapshots.c.workshop_id == workshop_id
            )
        )
    }
    return published, _finished(conn, workshop_id)


def _finished(conn: Connection, workshop_id: int) -> dict[int, Any]:
    """Every finished participant's workshop round, with when its answers last changed."""
    query = (
        sa.select(rounds.c.id, sa.func.max(answers.c.updated_at).label("answered_at"))
        .join(respondents, respondents.c.id == rounds.c.respondent_id)
        .outerjoin(answers, (answers.c.round_id == rounds.c.id) & (answers.c.key != PLAN_KEY))
        .where(
            respondents.c.workshop_id == workshop_id,
            rounds.c.number == WORKSHOP_ROUND,
            rounds.c.completed_at.is_not(None),
        )
        .group_by(rounds.c.id)
    )
    return {row.id: row.answered_at for row in conn.execute(query)}
