"""Reading a room from the database: its participants' progress and the answers asked for.

Two set-based queries, whatever the size of the room: one row per participant (their
workshop round: the first round of a respondent who joined), then the answers of those rounds
under the requested question keys. The plan is never read: it is the person's own. Progress
alone (``load_progress``) is one grouped query: a row per place in the questionnaire, not
per person, since the dashboard reads it on every refresh.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from netclarity.store.database import Database
from netclarity.store.tables import PLAN_KEY, answers, respondents, rounds

WORKSHOP_ROUND = 1


@dataclass(frozen=True)
class Participant:
    """One participant as the room sees them: no name, no token, just progress and answers.

    ``round_id`` only orders and shuffles; it is never shown or exported.
    """

    round_id: int
    page: str | None
    completed: bool
    answers: dict[str, Any]
    pages_done: int | None = None
    """How many pages they have moved on from with Next (``Store.move_on``)."""


@dataclass(frozen=True)
class Progress:
    """How many participants (``count``) are at one place: on ``page``, having moved on from
    ``pages_done`` pages, finished or not (``Participant``'s progress, without the answers)."""

    page: str | None
    pages_done: int | None
    completed: bool
    count: int = 1


def load_progress(database: Database, workshop_id: int) -> list[Progress]:
    """Everyone who joined ``workshop_id``, counted by where they are in the questionnaire."""
    completed = rounds.c.completed_at.is_not(None)
    query = (
        sa.select(rounds.c.page, rounds.c.pages_done, completed, sa.func.count())
        .join(respondents, respondents.c.id == rounds.c.respondent_id)
        .where(respondents.c.workshop_id == workshop_id, rounds.c.number == WORKSHOP_ROUND)
        .group_by(rounds.c.page, rounds.c.pages_done, completed)
    )
    return database.read(
        lambda conn: [
            Progress(page, pages_done, bool(done), int(count))
            for page, pages_done, done, count in conn.execute(query)
        ]
    )


def load_participants(
    database: Database,
    workshop_id: int,
    keys: Collection[str] | None = None,
    *,
    only: Collection[int] | None = None,
) -> list[Participant]:
    """Everyone who joined ``workshop_id``, with their answers under ``keys`` (None: all).

    ``only`` limits them to those rounds (the published snapshot, ``workshop.snapshot``).
    It is applied here, not in the queries: SQLite checks a list of ids in ``IN (…)``
    against every row it visits, one by one, so a snapshot of 10,000 people made both
    queries take half a minute (the room and its answers are read whole either way).
    """
    wanted = None if only is None else frozenset(only)

    def work(conn: Connection) -> list[Participant]:
        joined = (
            sa.select(rounds.c.id, rounds.c.page, rounds.c.completed_at, rounds.c.pages_done)
            .join(respondents, respondents.c.id == rounds.c.respondent_id)
            .where(respondents.c.workshop_id == workshop_id, rounds.c.number == WORKSHOP_ROUND)
        )
        people = conn.execute(joined.order_by(rounds.c.id)).all()
        if wanted is not None:
            people = [row for row in people if row.id in wanted]
        given: dict[int, dict[str, Any]] = {row.id: {} for row in people}
        if not people or (keys is not None and not keys):
            return [_participant(row, given[row.id]) for row in people]
        query = sa.select(answers.c.round_id, answers.c.key, answers.c.value).where(
            answers.c.round_id.in_(joined.with_only_columns(rounds.c.id)),
            answers.c.key != PLAN_KEY,
        )
        if keys is not None:
            query = query.where(answers.c.key.in_(sorted(keys)))
        for round_id, key, value in conn.execute(query):
            if round_id in given:
                given[round_id][key] = value
        return [_participant(row, given[row.id]) for row in people]

    return database.read(work)


def _participant(row: Any, given: dict[str, Any]) -> Participant:
    return Participant(
        round_id=row.id,
        page=row.page,
        completed=row.completed_at is not None,
        answers=given,
        pages_done=row.pages_done,
    )
