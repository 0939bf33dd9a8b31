"""The store the app talks to: respondents by resume token, their rounds, every answer saved.

Every method is one short transaction on its own connection, so a ``Store`` (one per
process) is safe to share between Streamlit's session threads. Answers are upserted one row
per question into the respondent's latest round: an autosave is tiny, a refresh or crash
loses nothing, and concurrent saves of different questions never overwrite each other.
Write transactions update the round row first, so writers of one round queue on that row
instead of deadlocking on answer rows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql.dml import Insert

from netclarity import config
from netclarity.response import MAX_NUMBER, Plan, PlanReview, Response
from netclarity.store import validation
from netclarity.store.database import Database
from netclarity.store.errors import InvalidValue, UnknownToken
from netclarity.store.migrate import ensure_current
from netclarity.store.tables import (
    MAX_DIGEST,
    MAX_NAME,
    MAX_PAGE,
    MAX_QUESTIONNAIRE_ID,
    PLAN_KEY,
    answers,
    plan_reviews,
    respondents,
    rounds,
)
from netclarity.store.tokens import new_token, token_hash

MAX_PAGES_DONE = 10_000


@dataclass(frozen=True)
class Round:
    """One round of one respondent as stored: what they answered, where they were, when."""

    number: int
    questionnaire_id: str
    version: int
    digest: str | None
    page: str | None
    answers: dict[str, Any]
    plan: Plan
    name: str | None
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    workshop_id: int | None
    review: PlanReview | None = None
    """A check-in round's review of the previous round's plan."""

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    def response(self) -> Response:
        """This round as the portable response document."""
        return Response(
            questionnaire=self.questionnaire_id,
            version=self.version,
            digest=self.digest,
            name=self.name,
            answers=self.answers,
            plan=self.plan,
            page=self.page,
            round=self.number,
            review=self.review,
        )


class Store:
    """Respondents, rounds and answers in SQLite or PostgreSQL (see ``netclarity.config``)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect (default: ``config.database_url()``) and create or upgrade the schema."""
        database = Database.open(
            config.normalise(url) if url else config.database_url(), pool_size=config.pool_size()
        )
        try:
            ensure_current(database)
        except BaseException:
            database.dispose()
            raise
        return cls(database)

    def close(self) -> None:
        """Close the pooled connections (tests, shutdown); the store is unusable afterwards."""
        self.database.dispose()

    # -- respondents and rounds ------------------------------------------------------------

    def start(
        self,
        questionnaire_id: str,
        version: int,
        digest: str,
        *,
        name: str | None = None,
        workshop_id: int | None = None,
    ) -> tuple[str, Round]:
        """A new respondent on round 1; the token is returned once and stored only hashed."""
        validation.text(questionnaire_id, "questionnaire id", MAX_QUESTIONNAIRE_ID)
        validation.text(digest, "digest", MAX_DIGEST)
        validation.optional_text(name, "name", MAX_NAME)
        token = new_token()
        now = _now()

        def work(conn: Connection) -> None:
            respondent_id = _insert_respondent(conn, token, name, workshop_id, now)
            conn.execute(
                sa.insert(rounds).values(
                    respondent_id=respondent_id,
                    number=1,
                    questionnaire_id=questionnaire_id,
                    version=version,
                    digest=digest,
                    created_at=now,
                    updated_at=now,
                )
            )

        self.database.write(work)
        return token, Round(
            number=1,
            questionnaire_id=questionnaire_id,
            version=version,
            digest=digest,
            page=None,
            answers={},
            plan=Plan(),
            name=name,
            created_at=now,
            updated_at=now,
            completed_at=None,
            workshop_id=workshop_id,
        )

    def load(self, token: str) -> Round | None:
        """The latest round, or None when no respondent has this token."""

        def work(conn: Connection) -> Round | None:
            respondent = _respondent(conn, token)
            if respondent is None:
                return None
            latest = _read_rounds(conn, respondent, latest_only=True)
            return latest[0] if latest else None

        return self.database.read(work)

    def rounds(self, token: str) -> list[Round]:
        """All rounds, oldest first."""

        def work(conn: Connection) -> list[Round]:
            return _read_rounds(conn, _known_respondent(conn, token), latest_only=False)

        return self.database.read(work)

    def new_round(self, token: str, questionnaire_id: str, version: int, digest: str) -> Round:
        """Start the next round (a retake); saves go to it, earlier rounds stay as they were.

        The follow-through starts here: the new round's plan begins as a copy of the previous
        round's, and when there was one, the round gets a review of it to fill in.
        """
        validation.text(questionnaire_id, "questionnaire id", MAX_QUESTIONNAIRE_ID)
        validation.text(digest, "digest", MAX_DIGEST)
        now = _now()

        def work(conn: Connection) -> Round:
            respondent = _known_respondent(conn, token, lock=True)
            previous = _read_rounds(conn, respondent, latest_only=True)
            number = previous[0].number + 1 if previous else 1
            plan = previous[0].plan if previous else Plan()
            round_id = conn.execute(
                sa.insert(rounds)
                .values(
                    respondent_id=respondent.id,
                    number=number,
                    questionnaire_id=questionnaire_id,
                    version=version,
                    digest=digest,
                    created_at=now,
                    updated_at=now,
                )
                .returning(rounds.c.id)
            ).scalar_one()
            review = None
            if plan != Plan():
                review = PlanReview(of_round=number - 1, plan=plan)
                _upsert_answer(conn, round_id, PLAN_KEY, validation.plan(plan), now)
                _upsert_review(conn, round_id, review, now)
            return Round(
                number=number,
                questionnaire_id=questionnaire_id,
                version=version,
                digest=digest,
                page=None,
                answers={},
                plan=plan,
                name=respondent.name,
                created_at=now,
                updated_at=now,
                completed_at=None,
                workshop_id=respondent.workshop_id,
                review=review,
            )

        return self.database.write(work)

    def delete(self, token: str) -> bool:
        """Delete the respondent and everything under the token; False if there was nothing."""

        def work(conn: Connection) -> bool:
            deleted = conn.execute(
                sa.delete(respondents).where(respondents.c.token_hash == token_hash(token))
            )
            return deleted.rowcount > 0

        return self.database.write(work)

    # -- the latest round ------------------------------------------------------------------

    def save_answer(self, token: str, key: str, value: Any) -> None:
        """Store one answer (key ``plan``: the plan) in the latest round, replacing the old one."""
        self.save_answers(token, {key: value})

    def save_answers(self, token: str, values: Mapping[str, Any]) -> None:
        """Store several answers in the latest round, all or none."""
        checked = {key: validation.answer(key, value) for key, value in values.items()}
        now = _now()

        def work(conn: Connection) -> None:
            round_id = _touch_latest(conn, token, now)
            for key, value in checked.items():
                _upsert_answer(conn, round_id, key, value, now)

        self.database.write(work)

    def delete_answer(self, token: str, key: str) -> None:
        """Forget one answer of the latest round (no error if it was not there)."""
        now = _now()

        def work(conn: Connection) -> None:
            round_id = _touch_latest(conn, token, now)
            conn.execute(
                sa.delete(answers).where(answers.c.round_id == round_id, answers.c.key == key)
            )

        self.database.write(work)

    def save_review(self, token: str, review: PlanReview) -> None:
        """Store the latest round's review of the previous plan, replacing the old one."""
        checked = validation.review(review)
        now = _now()

        def work(conn: Connection) -> None:
            round_id = _touch_latest(conn, token, now)
            _upsert_review(conn, round_id, checked, now)

        self.database.write(work)

    def set_page(self, token: str, page: str) -> None:
        """Remember the page the person is on, so a resume link opens it."""
        validation.text(page, "page", MAX_PAGE)
        now = _now()
        self.database.write(lambda conn: _touch_latest(conn, token, now, page=page))

    def move_on(self, token: str, page: str, pages_done: int) -> None:
        """Go on to ``page`` having moved on from the first ``pages_done`` pages with Next.

        ``pages_done`` only ever grows: going back to change an earlier page keeps what the
        person has finished, which a paced workshop counts section by section.
        """
        validation.text(page, "page", MAX_PAGE)
        if not 0 <= pages_done <= MAX_PAGES_DONE:
            raise InvalidValue(f"pages done must be between 0 and {MAX_PAGES_DONE}")
        now = _now()
        self.database.write(
            lambda conn: _touch_latest(conn, token, now, page=page, pages_done=pages_done)
        )

    def set_name(self, token: str, name: str | None) -> None:
        """The name the person wants on their summary (None: no name)."""
        validation.optional_text(name, "name", MAX_NAME)
        self.database.write(
            lambda conn: conn.execute(
                sa.update(respondents)
                .where(respondents.c.token_hash == token_hash(token))
                .values(name=name)
            )
        )

    def complete(self, token: str) -> None:
        """Mark the latest round completed; completing again keeps the first time."""
        now = _now()
        self.database.write(lambda conn: _touch_latest(conn, token, now, completed_at=now))

    # -- portable documents ----------------------------------------------------------------

    def export(self, token: str) -> list[Response]:
        """Every round as a response document, oldest first."""
        return [round_.response() for round_ in self.rounds(token)]

    def import_response(self, response: Response) -> str:
        """A new respondent holding this response; returns their new token."""
        return self.import_responses([response])

    def import_responses(self, responses: Iterable[Response]) -> str:
        """A new respondent holding these rounds (an ``export``); returns their new token.

        Round numbers are kept, so a retake after the import is numbered after them; the
        name is the one of the latest round.
        """
        ordered = sorted(responses, key=lambda response: response.round)
        if not ordered:
            raise InvalidValue("nothing to import: no responses")
        for response in ordered:  # a model built without validation could hold anything
            for number in (response.round, response.version):
                if not 1 <= number <= MAX_NUMBER:
                    raise InvalidValue(f"a round or version number is out of range: {number}")
        numbers = [response.round for response in ordered]
        if len(set(numbers)) != len(numbers):
            raise InvalidValue(f"two responses have the same round number: {numbers}")
        checked = [
            (response, _checked_answers(response), _checked_review(response))
            for response in ordered
        ]
        name = validation.optional_text(ordered[-1].name, "name", MAX_NAME)
        token = new_token()
        now = _now()

        def work(conn: Connection) -> None:
            respondent_id = _insert_respondent(conn, token, name, None, now)
            for response, stored, review in checked:
                round_id = conn.execute(
                    sa.insert(rounds)
                    .values(
                        respondent_id=respondent_id,
                        number=response.round,
                        questionnaire_id=response.questionnaire,
                        version=response.version,
                        digest=response.digest,
                        page=response.page,
                        created_at=now,
                        updated_at=now,
                    )
                    .returning(rounds.c.id)
                ).scalar_one()
                conn.execute(  # a new round: one multi-row insert, no upserts
                    sa.insert(answers),
                    [
                        {"round_id": round_id, "key": key, "value": value, "updated_at": now}
                        for key, value in stored.items()
                    ],
                )
                if review is not None:
                    _upsert_review(conn, round_id, review, now)

        self.database.write(work)
        return token


def _checked_answers(response: Response) -> dict[str, Any]:
    """The rows an imported response becomes: its answers plus the plan under ``PLAN_KEY``."""
    validation.text(response.questionnaire, "questionnaire id", MAX_QUESTIONNAIRE_ID)
    validation.optional_text(response.digest, "digest", MAX_DIGEST)
    validation.optional_text(response.page, "page", MAX_PAGE)
    if PLAN_KEY in response.answers:
        raise InvalidValue(f"answer key {PLAN_KEY!r} is reserved for the plan")
    stored = {key: validation.answer(key, value) for key, value in response.answers.items()}
    stored[PLAN_KEY] = validation.plan(response.plan)
    return stored


def _checked_review(response: Response) -> PlanReview | None:
    """An imported round's review, which must look back at an earlier round."""
    if response.review is None:
        return None
    if response.review.of_round >= response.round:
        raise InvalidValue(
            f"round {response.round} reviews the plan of round {response.review.of_round}, "
            "which is not an earlier round"
        )
    return validation.review(response.review)


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones in its zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _insert_respondent(
    conn: Connection, token: str, name: str | None, workshop_id: int | None, now: datetime
) -> int:
    respondent_id: int = conn.execute(
        sa.insert(respondents)
        .values(token_hash=token_hash(token), name=name, workshop_id=workshop_id, created_at=now)
        .returning(respondents.c.id)
    ).scalar_one()
    return respondent_id


def _respondent(conn: Connection, token: str, *, lock: bool = False) -> Row[Any] | None:
    query = sa.select(respondents).where(respondents.c.token_hash == token_hash(token))
    if lock:
        query = query.with_for_update()
    return conn.execute(query).one_or_none()


def _known_respondent(conn: Connection, token: str, *, lock: bool = False) -> Row[Any]:
    respondent = _respondent(conn, token, lock=lock)
    if respondent is None:
        raise UnknownToken()
    return respondent


_LATEST = rounds.alias("latest")
_LATEST_ROUND_ID = (
    sa.select(_LATEST.c.id)
    .join(respondents, respondents.c.id == _LATEST.c.respondent_id)
    .where(respondents.c.token_hash == sa.bindparam("token_hash"))
    .order_by(_LATEST.c.number.desc())
    .limit(1)
    .scalar_subquery()
)
"""The id of a token's latest round, built once: building it per save cost as much CPU as
the rest of the save."""


def _touch_latest(conn: Connection, token: str, now: datetime, **changes: Any) -> int:
    """Lock and update the latest round (``updated_at`` plus ``changes``); return its id.

    One statement finds the round by token and updates it: every save starts here, and a
    round trip fewer is a shorter hold on the round's row, the SQLite write lock and the
    pooled connection. The round is looked up each time rather than remembered, because
    another server may start a new round for the same token at any moment.
    """
    values = {f"new_{name}": value for name, value in changes.items()}
    round_id = conn.execute(
        _touch(tuple(changes)),
        {"token_hash": token_hash(token), "new_updated_at": now, **values},
    ).scalar_one_or_none()
    if round_id is None:
        raise UnknownToken()
    return int(round_id)


@functools.cache
def _touch(changed: tuple[str, ...]) -> sa.Update:
    """The update of a token's latest round, its values given when executed.

    Built once for each set of changed columns: building it per save, with the values in
    it, was two thirds of a save's CPU (SQLAlchemy coerces every value and makes a new cache
    key each time).
    """
    columns = ("updated_at", *changed)
    return (
        sa.update(rounds)
        .where(rounds.c.id == _LATEST_ROUND_ID)
        .values({name: _changed_to(name) for name in columns})
        .returning(rounds.c.id)
    )


def _changed_to(name: str) -> sa.ColumnElement[Any]:
    """What column ``name`` of the round becomes, given the new value ``new_<name>``."""
    new = sa.bindparam(f"new_{name}", type_=rounds.c[name].type)
    if name == "pages_done":  # only grows: going back to an earlier page keeps what was done
        return sa.case(
            (sa.func.coalesce(rounds.c.pages_done, 0) < new, new), else_=rounds.c.pages_done
        )
    if name == "completed_at":  # completing again keeps the first time
        return sa.func.coalesce(rounds.c.completed_at, new)
    return new


def _upsert_answer(conn: Connection, round_id: int, key: str, value: Any, now: datetime) -> None:
    row = {"round_id": round_id, "key": key, "value": value, "updated_at": now}
    conn.execute(_upsert(conn.dialect.name, answers), row)


def _upsert_review(conn: Connection, round_id: int, review: PlanReview, now: datetime) -> None:
    row = {"round_id": round_id, "value": review.model_dump(mode="json"), "updated_at": now}
    conn.execute(_upsert(conn.dialect.name, plan_reviews), row)


@functools.cache
def _upsert(dialect: str, table: sa.Table) -> Insert:
    """Insert a row of ``table`` (values given when executed) or replace the one with its key.

    Built once per database and table: every save runs one, and building it (its
    ``excluded`` columns) cost a fifth of a save's CPU.
    """
    dialect_insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = dialect_insert(table)
    key = [column.name for column in table.primary_key.columns]
    return statement.on_conflict_do_update(
        index_elements=key,
        set_={c.name: statement.excluded[c.name] for c in table.columns if c.name not in key},
    )


def _read_rounds(conn: Connection, respondent: Row[Any], *, latest_only: bool) -> list[Round]:
    query = sa.select(rounds).where(rounds.c.respondent_id == respondent.id)
    if latest_only:
        query = query.order_by(rounds.c.number.desc()).limit(1)
    round_rows = sorted(conn.execute(query).all(), key=lambda row: row.number)
    stored: dict[int, dict[str, Any]] = {row.id: {} for row in round_rows}
    answer_rows = conn.execute(
        sa.select(answers.c.round_id, answers.c.key, answers.c.value)
        .where(answers.c.round_id.in_(list(stored)))
        .order_by(answers.c.round_id, answers.c.key)
    )
    for round_id, key, value in answer_rows:
        stored[round_id][key] = value
    reviews = {
        round_id: PlanReview.model_validate(value)
        for round_id, value in conn.execute(
            sa.select(plan_reviews.c.round_id, plan_reviews.c.value).where(
                plan_reviews.c.round_id.in_(list(stored))
            )
        )
    }
    return [_round(row, respondent, stored[row.id], reviews.get(row.id)) for row in round_rows]


def _round(
    row: Row[Any], respondent: Row[Any], stored: dict[str, Any], review: PlanReview | None
) -> Round:
    plan = stored.pop(PLAN_KEY, None)
    return Round(
        number=row.number,
        questionnaire_id=row.questionnaire_id,
        version=row.version,
        digest=row.digest,
        page=row.page,
        answers=stored,
        plan=Plan() if plan is None else Plan.model_validate(plan),
        name=respondent.name,
        created_at=_utc(row.created_at),
        updated_at=_utc(row.updated_at),
        completed_at=None if row.completed_at is None else _utc(row.completed_at),
        workshop_id=respondent.workshop_id,
        review=review,
    )
