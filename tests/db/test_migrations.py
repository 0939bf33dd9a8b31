"""An existing database is upgraded in place by ``Store.open`` and keeps its data."""

from __future__ import annotations

from datetime import UTC, datetime

import alembic.command
import pytest
import sqlalchemy as sa

from netclarity.store import Store, StoreError
from netclarity.store.database import Database
from netclarity.store.migrate import HEAD, SchemaState, upgrade
from netclarity.store.tokens import new_token, token_hash

FIRST_REVISION = "0001"
CREATED = datetime(2026, 8, 1, 9, 30, tzinfo=UTC)


def _fill_first_revision(database: Database, token: str) -> None:
    """A respondent with one answered round, written with the first revision's columns."""
    with database.engine.begin() as conn:
        respondent_id = conn.execute(
            sa.text(
                "INSERT INTO respondents (token_hash, name, created_at)"
                " VALUES (:hash, 'Early Bird', :at) RETURNING id"
            ),
            {"hash": token_hash(token), "at": CREATED},
        ).scalar_one()
        round_id = conn.execute(
            sa.text(
                "INSERT INTO rounds (respondent_id, number, questionnaire_id, version, digest,"
                " page, created_at, updated_at) VALUES"
                " (:respondent, 1, 'networking_clarity', 1, 'digest-1', 'time', :at, :at)"
                " RETURNING id"
            ),
            {"respondent": respondent_id, "at": CREATED},
        ).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO answers (round_id, key, value, updated_at) VALUES"
                " (:round, 'goal_weights', :weights, :at), (:round, 'plan', :plan, :at)"
            ),
            {
                "round": round_id,
                "weights": '{"clients":60,"learning":40}',
                "plan": '{"give":"Referrals"}',
                "at": CREATED,
            },
        )


def test_a_database_at_the_first_revision_upgrades_and_keeps_its_data(database_url: str) -> None:
    database = Database.open(database_url)
    upgrade(database, FIRST_REVISION)
    token = new_token()
    _fill_first_revision(database, token)
    database.dispose()

    store = Store.open(database_url)
    loaded = store.load(token)
    store.save_answer(token, "hours", {"meetups": 2})
    retake = store.new_round(token, "networking_clarity", 2, "digest-2")
    store.close()

    assert loaded is not None
    assert (loaded.name, loaded.page, loaded.workshop_id, loaded.created_at) == (
        "Early Bird",
        "time",
        None,
        CREATED,
    )
    assert loaded.answers == {"goal_weights": {"clients": 60, "learning": 40}}
    assert loaded.plan.give == "Referrals"
    assert retake.number == 2


def test_opening_an_up_to_date_database_again_changes_nothing(database_url: str) -> None:
    first = Store.open(database_url)
    token, started = first.start("networking_clarity", 1, "digest-1", workshop_id=4)
    first.close()

    second = Store.open(database_url)
    assert second.load(token) == started
    second.close()


def test_a_database_at_the_newest_revision_opens_without_running_alembic(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Store.open(database_url)
    token, started = first.start("networking_clarity", 1, "digest-1")
    first.close()

    def no_migration(config: object, revision: str) -> None:
        raise AssertionError(f"Alembic ran to bring the database to {revision!r}")

    monkeypatch.setattr(alembic.command, "upgrade", no_migration)
    second = Store.open(database_url)
    assert second.load(token) == started
    second.close()


def test_the_newest_revision_the_store_expects_is_the_newest_migration_script() -> None:
    assert SchemaState.of(None).head == HEAD


def test_a_database_from_a_newer_release_is_refused_clearly(database_url: str) -> None:
    Store.open(database_url).close()
    database = Database.open(database_url)
    with database.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    database.dispose()

    with pytest.raises(StoreError, match="cannot bring the database schema to 'head'"):
        Store.open(database_url)
