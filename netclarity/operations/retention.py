"""Deleting for good what has been kept for the retention period (``retention_days``).

What expires, measured back from the moment ``expire`` runs (``now``) by the period:

- **a finished round** that was completed, and last changed, before the period began — with
  its answers and plan. Rounds nobody finished are kept: the person may still come back.
- **a closed workshop** that was closed (by hand, or by its closing time) before the period
  began — with its participants' workshop rounds (their first round, finished or not: closing
  stopped their answers), unless such a round changed within the period.
- **a respondent** left without any round, so their resume link opens nothing.

A participant's workshop round never expires on its own while the workshop is open or closed
for less than the period: the room's results are built from it. A participant's later rounds
are their own and expire like anyone's; when the workshop goes, they stay and no longer name it.

Nothing changed within the period is touched, so nobody answering now loses anything; all of
it happens in one transaction, so a failure deletes nothing. The app never calls this: it
runs from ``python -m netclarity expire`` (cron or a systemd timer), never in a person's
session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from netclarity.store.database import Database
from netclarity.store.tables import respondents, rounds
from netclarity.workshop.tables import workshops


@dataclass(frozen=True)
class Expired:
    """How much was deleted, and from before when."""

    cutoff: datetime
    rounds: int
    respondents: int
    workshops: int


def expire(database: Database, days: int, *, now: datetime | None = None) -> Expired:
    """Delete what is older than ``days`` (see the module docstring) in one transaction."""
    if days < 1:
        raise ValueError("the retention period is at least one day")
    cutoff = (now or datetime.now(UTC)).astimezone(UTC) - timedelta(days=days)
    return database.write(lambda conn: _expire(conn, cutoff))


def _expire(conn: Connection, cutoff: datetime) -> Expired:
    closed_long_ago = sa.or_(workshops.c.closed_at < cutoff, workshops.c.closes_at < cutoff)
    expired_workshops = [
        row.id for row in conn.execute(sa.select(workshops.c.id).where(closed_long_ago))
    ]
    in_workshop = sa.select(respondents.c.id).where(
        respondents.c.workshop_id.in_(sa.select(workshops.c.id))
    )
    in_expired_workshop = sa.select(respondents.c.id).where(
        respondents.c.workshop_id.in_(expired_workshops)
    )
    workshop_round = sa.and_(rounds.c.number == 1, rounds.c.respondent_id.in_(in_workshop))
    expired_workshop_round = sa.and_(
        rounds.c.number == 1, rounds.c.respondent_id.in_(in_expired_workshop)
    )
    finished_own_round = sa.and_(rounds.c.completed_at < cutoff, sa.not_(workshop_round))
    deleted_rounds = conn.execute(
        sa.delete(rounds).where(
            rounds.c.updated_at < cutoff, sa.or_(finished_own_round, expired_workshop_round)
        )
    ).rowcount  # answers go with their round (ON DELETE CASCADE)
    has_rounds = sa.exists().where(rounds.c.respondent_id == respondents.c.id)
    deleted_respondents = conn.execute(
        sa.delete(respondents).where(respondents.c.created_at < cutoff, sa.not_(has_rounds))
    ).rowcount
    conn.execute(
        sa.update(respondents)
        .where(respondents.c.workshop_id.in_(expired_workshops))
        .values(workshop_id=None)
    )
    deleted_workshops = conn.execute(
        sa.delete(workshops).where(workshops.c.id.in_(expired_workshops))
    ).rowcount
    return Expired(cutoff, deleted_rounds, deleted_respondents, deleted_workshops)
