"""Storage tests run against both databases: an SQLite file and a real PostgreSQL server.

The server (``tests/support/postgres.py``) starts once per session; every test gets its own
fresh database on it, so tests never see each other's rows. Without PostgreSQL installed
the PostgreSQL half is skipped, except under ``CI=true`` where it fails.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from netclarity.store import Store
from tests.support.postgres import PostgresServer, postgres_server  # noqa: F401  (fixture)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: a new SQLite file, or a new database on the test server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'netclarity.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(f"test_{uuid.uuid4().hex}")


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = Store.open(database_url)
    yield opened
    opened.close()
