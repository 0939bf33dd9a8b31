"""``expire`` deletes for good what the retention period no longer covers, and nothing else.

Rows are aged by moving their times back (``_backdate``) rather than by waiting; ``expire``
runs at the real time. Every test runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from netclarity.commands.cli import main
from netclarity.operations.retention import Expired, expire
from netclarity.store import Store
from netclarity.store.tables import answers, respondents, rounds
from netclarity.store.tokens import token_hash
from netclarity.workshop.store import Workshops
from netclarity.workshop.tables import workshops

DIGEST = "e1" * 32
DAYS = 30
NOW = datetime.now(UTC)
LONG_AGO = NOW - timedelta(days=DAYS + 1)
RECENTLY = NOW - timedelta(days=DAYS - 1)


def _person(store: Store, *, finished: bool, workshop_id: int | None = None) -> str:
    token, _ = store.start("networking_clarity", 1, DIGEST, workshop_id=workshop_id)
    store.save_answers(token, {"hours": {"meetups": 4}, "plan": {"give": "time"}})
    if finished:
        store.complete(token)
    return token


def _backdate(store: Store, token: str, moment: datetime, *, round_number: int = 1) -> None:
    """Make a round (and its respondent) look as if everything about it happened at ``moment``."""
    respondent = sa.select(respondents.c.id).where(respondents.c.token_hash == token_hash(token))

    def work(conn: sa.Connection) -> None:
        conn.execute(
            sa.update(rounds)
            .where(rounds.c.respondent_id.in_(respondent), rounds.c.number == round_number)
            .values(
                created_at=moment,
                updated_at=moment,
                completed_at=sa.case((rounds.c.completed_at.is_(None), sa.null()), else_=moment),
            )
        )
        conn.execute(
            sa.update(respondents)
            .where(respondents.c.token_hash == token_hash(token))
            .values(created_at=moment)
        )

    store.database.write(work)


def _count(store: Store, table: sa.Table) -> int:
    query = sa.select(sa.func.count()).select_from(table)
    return int(store.database.read(lambda conn: conn.execute(query).scalar_one()))


def _expire(store: Store) -> Expired:
    return expire(store.database, DAYS, now=NOW)


def test_a_round_finished_before_the_period_is_deleted_with_its_answers_and_its_person(
    store: Store,
) -> None:
    token = _person(store, finished=True)
    _backdate(store, token, LONG_AGO)

    expired = _expire(store)

    assert (expired.rounds, expired.respondents, expired.workshops) == (1, 1, 0)
    assert store.load(token) is None
    assert [_count(store, t) for t in (respondents, rounds, answers)] == [0, 0, 0]


def test_a_round_finished_within_the_period_is_kept(store: Store) -> None:
    token = _person(store, finished=True)
    _backdate(store, token, RECENTLY)

    expired = _expire(store)

    assert (expired.rounds, expired.respondents) == (0, 0)
    assert store.rounds(token)[0].answers == {"hours": {"meetups": 4}}


def test_a_round_nobody_finished_is_kept_however_old(store: Store) -> None:
    token = _person(store, finished=False)
    _backdate(store, token, NOW - timedelta(days=10 * DAYS))

    assert _expire(store).rounds == 0
    assert store.load(token) is not None


def test_a_finished_round_changed_within_the_period_is_kept(store: Store) -> None:
    token = _person(store, finished=True)
    _backdate(store, token, LONG_AGO)
    store.save_answer(token, "note", "back to look at my plan")  # today

    assert _expire(store).rounds == 0
    assert store.load(token) is not None


def test_an_old_finished_round_goes_and_the_retake_after_it_stays(store: Store) -> None:
    token = _person(store, finished=True)
    _backdate(store, token, LONG_AGO)
    store.new_round(token, "networking_clarity", 1, DIGEST)
    store.save_answer(token, "hours", {"meetups": 1})

    expired = _expire(store)

    assert (expired.rounds, expired.respondents) == (1, 0)
    assert [(r.number, r.answers) for r in store.rounds(token)] == [(2, {"hours": {"meetups": 1}})]


def test_a_workshop_still_open_is_untouched_however_old(store: Store) -> None:
    workshop, _ = Workshops(store.database).create(
        "Breakfast club", "networking_clarity", now=NOW - timedelta(days=10 * DAYS)
    )
    tokens = [_person(store, finished=True, workshop_id=workshop.id) for _ in range(3)]
    for token in tokens:
        _backdate(store, token, NOW - timedelta(days=10 * DAYS))

    expired = _expire(store)

    assert (expired.rounds, expired.respondents, expired.workshops) == (0, 0, 0)
    assert Workshops(store.database).get(workshop.id) == workshop
    assert all(store.load(token) is not None for token in tokens)


def test_a_workshop_closed_within_the_period_is_untouched(store: Store) -> None:
    rooms = Workshops(store.database)
    workshop, _ = rooms.create("Breakfast club", "networking_clarity", now=LONG_AGO)
    token = _person(store, finished=True, workshop_id=workshop.id)
    _backdate(store, token, LONG_AGO)
    rooms.close(workshop.id, now=RECENTLY)

    assert _expire(store) == Expired(NOW - timedelta(days=DAYS), 0, 0, 0)
    assert store.load(token) is not None


def test_a_workshop_closed_before_the_period_goes_with_every_workshop_round(
    store: Store,
) -> None:
    rooms = Workshops(store.database)
    workshop, _ = rooms.create("Breakfast club", "networking_clarity", now=LONG_AGO)
    finished = _person(store, finished=True, workshop_id=workshop.id)
    unfinished = _person(store, finished=False, workshop_id=workshop.id)
    for token in (finished, unfinished):
        _backdate(store, token, LONG_AGO)
    rooms.close(workshop.id, now=LONG_AGO)

    expired = _expire(store)

    assert (expired.rounds, expired.respondents, expired.workshops) == (2, 2, 1)
    assert rooms.get(workshop.id) is None
    assert [_count(store, t) for t in (workshops, respondents, rounds, answers)] == [0, 0, 0, 0]


def test_a_workshop_whose_closing_time_passed_before_the_period_goes_too(store: Store) -> None:
    rooms = Workshops(store.database)
    workshop, _ = rooms.create(
        "Breakfast club", "networking_clarity", closes_at=LONG_AGO, now=LONG_AGO
    )
    token = _person(store, finished=True, workshop_id=workshop.id)
    _backdate(store, token, LONG_AGO)

    assert _expire(store).workshops == 1
    assert store.load(token) is None


def test_a_participants_own_later_round_outlives_the_workshop(store: Store) -> None:
    rooms = Workshops(store.database)
    workshop, _ = rooms.create("Breakfast club", "networking_clarity", now=LONG_AGO)
    token = _person(store, finished=True, workshop_id=workshop.id)
    _backdate(store, token, LONG_AGO)
    rooms.close(workshop.id, now=LONG_AGO)
    store.new_round(token, "networking_clarity", 1, DIGEST)  # the 90-day retake, on their own

    expired = _expire(store)

    assert (expired.rounds, expired.respondents, expired.workshops) == (1, 0, 1)
    latest = store.load(token)
    assert latest is not None
    assert (latest.number, latest.workshop_id) == (2, None)


def test_only_what_is_old_enough_goes_when_old_and_young_are_mixed(store: Store) -> None:
    old = [_person(store, finished=True) for _ in range(3)]
    young = [_person(store, finished=True) for _ in range(2)]
    for token in old:
        _backdate(store, token, LONG_AGO)

    expired = _expire(store)

    assert (expired.rounds, expired.respondents) == (3, 3)
    assert [store.load(token) is None for token in old + young] == [True] * 3 + [False] * 2
    assert _count(store, answers) == 2 * 2  # the young keep their answer and their plan


def test_the_command_refuses_to_run_without_a_retention_period(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("NETCLARITY_RETENTION_DAYS", raising=False)
    monkeypatch.setenv("NETCLARITY_DATABASE_URL", database_url)

    assert main(["expire"]) == 1
    assert capsys.readouterr().err == (
        "no retention period is set, so nothing expires: set retention_days in "
        ".streamlit/secrets.toml or NETCLARITY_RETENTION_DAYS\n"
    )


def test_the_command_deletes_and_says_how_much(
    store: Store,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _backdate(store, _person(store, finished=True), LONG_AGO)
    monkeypatch.setenv("NETCLARITY_RETENTION_DAYS", str(DAYS))

    assert main(["expire", "--database", database_url]) == 0
    assert capsys.readouterr().out.startswith(
        "deleted 1 rounds, 1 respondents and 0 workshops finished or closed before "
    )
    assert _count(store, rounds) == 0
