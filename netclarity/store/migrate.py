"""Creating and upgrading the schema with Alembic, from code, at ``Store.open``.

The migration scripts live in the package (``netclarity/migrations``) and Alembic is
configured here, so a fresh database is created and an older one upgraded in place with no
``alembic.ini`` and no set-up step. On PostgreSQL the upgrade holds an advisory lock, so
several app servers starting at once upgrade one after the other instead of racing.

Nearly every start finds the schema already current, so ``ensure_current`` first reads the
revision Alembic recorded in ``alembic_version``, in plain SQL, and compares it with
``HEAD``; only a new, older or unexpected database goes through Alembic, whose import and
script directory were most of a restarted server's first ``Store.open``.

Adding a migration (for example the workshops table):

1. Write the revision: ``PYTHONPATH=. .venv/bin/python -c "from alembic import command;
   from netclarity.store.migrate import alembic_config;
   command.revision(alembic_config(), message='workshops', rev_id='0003')"`` creates
   ``netclarity/migrations/versions/0003_workshops.py`` with ``down_revision`` set to the
   current head; fill in ``upgrade()`` and ``downgrade()`` with ``op.*`` calls. Use
   ``with op.batch_alter_table(...)`` to change existing tables (SQLite cannot ALTER most
   things; batch mode copies the table) and give constraints explicit names.
2. Set ``HEAD`` below to the new revision (a test compares it with Alembic's head).
3. Describe the same shape in ``netclarity/store/tables.py`` (or your own module using the
   same ``metadata``), which is what queries use.
4. Test that a database at the previous revision upgrades and keeps its rows
   (``upgrade(database, "0002")`` then ``Store.open``), on SQLite and PostgreSQL.

Never edit a revision that has shipped: databases already at it will not run it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from netclarity.store.database import Database
from netclarity.store.errors import StoreError

# Alembic is imported only where a migration runs (see ``ensure_current``), not when the
# app starts (benchmarks/bench_cold_start.py).
if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "netclarity:migrations"
HEAD = "0009"
"""The newest revision in ``netclarity/migrations/versions``: a database at it needs nothing."""
_POSTGRES_LOCK_KEY = 0x6E6574636C61  # any constant shared by every server of this app


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, built in code; ``connection`` is what migrations run on."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema to ``revision`` in one transaction (a failed step changes nothing)."""
    from alembic import command
    from alembic.util import CommandError

    def work(conn: Connection) -> None:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRES_LOCK_KEY})
        command.upgrade(alembic_config(conn), revision)

    try:
        database.write(work)
    except CommandError as error:
        # Typically a database already upgraded by a newer release of the app.
        raise StoreError(f"cannot bring the database schema to {revision!r}: {error}") from error


def ensure_current(database: Database) -> None:
    """Create or upgrade the schema, unless it is already at ``HEAD``.

    The check changes nothing and needs no lock: a database another server is upgrading
    still reads as behind, and ``upgrade`` then waits for that server and finds nothing
    left to do. Anything but exactly ``HEAD`` (no table, an older or a newer revision) goes
    to Alembic, which creates, upgrades or refuses as before.
    """
    if database.read(recorded_revisions) != [HEAD]:
        upgrade(database)


def recorded_revisions(connection: Connection) -> list[str]:
    """The revisions in Alembic's version table (none for a new database), read in plain SQL."""
    if not sa.inspect(connection).has_table("alembic_version"):
        return []
    query = sa.text("SELECT version_num FROM alembic_version")
    return [str(revision) for revision in connection.execute(query).scalars()]


@dataclass(frozen=True)
class SchemaState:
    """Which revision a database (or a backup of one) is at, against this release's scripts."""

    current: str | None
    """None: no schema at all (a new, empty database)."""
    head: str
    known: frozenset[str]

    @classmethod
    def of(cls, current: str | None) -> SchemaState:
        """``current`` judged against the migrations this release ships."""
        from alembic.script import ScriptDirectory

        scripts = ScriptDirectory.from_config(alembic_config())
        head = scripts.get_current_head()
        assert head is not None  # the package always ships its migrations
        known = frozenset(script.revision for script in scripts.walk_revisions())
        return cls(current, head, known)

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def from_newer_release(self) -> bool:
        """A revision this release has no script for: written by a newer app, never downgrade."""
        return self.current is not None and self.current not in self.known

    def describe(self) -> str:
        """One line for an operator: where the schema is and what to do about it."""
        if self.current is None:
            return f"no schema yet (the app creates revision {self.head} when it starts)"
        if self.up_to_date:
            return f"schema at revision {self.current}, the current one"
        if self.from_newer_release:
            return (
                f"schema at revision {self.current}, written by a newer release of the app "
                f"(this one knows up to {self.head}): run that release"
            )
        return (
            f"schema at revision {self.current}, older than {self.head}: "
            "starting the app (or restoring) upgrades it"
        )


def schema_state(connection: Connection) -> SchemaState:
    """The schema revision of the database behind ``connection``; changes nothing."""
    from alembic.runtime.migration import MigrationContext

    return SchemaState.of(MigrationContext.configure(connection).get_current_revision())
