"""Backups that are consistent while people answer, and restoring one into an empty database.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies the whole database in one
step under a read transaction. In WAL mode readers never block writers, so people keep saving
while it runs, and the copy holds exactly what was committed when the step began: every answer
saved before the backup started, and no half-written transaction. The copy is switched out of
WAL mode (one self-contained file), checked with ``PRAGMA integrity_check`` and
``foreign_key_check``, and only then renamed into place, so a failed backup never leaves a
file that looks like a good one. It is created readable by its owner only: it holds every
answer in plain text.

PostgreSQL: ``pg_dump`` (custom format) takes its copy inside one repeatable-read snapshot,
which is consistent in the same way. A ``pg_dump`` older than the server cannot dump it, so
the major versions are compared first. The archive is then listed with ``pg_restore`` to
check it can be read. Nothing here checks the server's own storage: that is PostgreSQL's job.

Restoring refuses a database that already holds respondents, rounds, answers or workshops
(it would mix two data sets) and a backup whose schema this release does not know (a newer
release wrote it). After loading, the store upgrades an older schema as the app would.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import sqlalchemy as sa

from netclarity.store.migrate import SchemaState

DATA_TABLES = ("respondents", "rounds", "answers", "workshops")
"""The tables that hold people's data; a database is empty when they are missing or empty."""

_PG_VERSION = re.compile(r"\(PostgreSQL\) (\d+)")


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why and what to do."""


def backup(url: str, target: Path) -> str:
    """Write a consistent copy of the database at ``url`` to ``target``; returns what was done."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _backup_sqlite(_sqlite_file(parsed), target)
    if parsed.get_backend_name() == "postgresql":
        return _backup_postgresql(parsed, target)
    raise BackupError(f"cannot back up a {parsed.get_backend_name()} database")


def restore(url: str, source: Path) -> str:
    """Load the backup ``source`` into the empty database at ``url``; returns what was done."""
    parsed = sa.make_url(url)
    if not source.is_file():
        raise BackupError(f"{source}: no such file")
    if parsed.get_backend_name() == "sqlite":
        return _restore_sqlite(source, _sqlite_file(parsed))
    if parsed.get_backend_name() == "postgresql":
        return _restore_postgresql(source, parsed)
    raise BackupError(f"cannot restore into a {parsed.get_backend_name()} database")


def holds_data(url: str) -> bool:
    """Whether any of ``DATA_TABLES`` has a row (a missing table counts as empty)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            present = set(sa.inspect(conn).get_table_names())
            for table in DATA_TABLES:
                if table in present:
                    query = sa.select(sa.literal(1)).select_from(sa.table(table)).limit(1)
                    if conn.execute(query).first() is not None:
                        return True
        return False
    except sa.exc.OperationalError as error:
        raise BackupError(f"cannot reach the database: {error.orig}") from error
    finally:
        engine.dispose()


# -- SQLite ------------------------------------------------------------------------------------


def _sqlite_file(parsed: sa.URL) -> Path:
    if parsed.database in (None, "", ":memory:"):
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return Path(parsed.database)


def _connect_existing(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open a file that must exist (plain ``connect`` would create an empty one)."""
    if not path.is_file():
        raise BackupError(f"{path}: no such database file")
    mode = "ro" if read_only else "rw"
    return sqlite3.connect(f"file:{path}?mode={mode}", uri=True, timeout=30)


def _backup_sqlite(source: Path, target: Path) -> str:
    with _partial(target) as partial:
        try:
            with (
                closing(_connect_existing(source)) as src,
                closing(sqlite3.connect(partial)) as dst,
            ):
                src.backup(dst)  # one step: a single, consistent snapshot
                dst.execute("PRAGMA journal_mode = DELETE")
                state = _check_sqlite(dst, target)
        except sqlite3.Error as error:
            raise BackupError(f"{source}: {error}") from error
    return f"{target}: copy of {source}, integrity ok, {state.describe()}"


def _restore_sqlite(source: Path, target: Path) -> str:
    try:
        with closing(_connect_existing(source, read_only=True)) as src:
            state = _check_sqlite(src, source)
            _refuse_newer(state, source)
            if target.exists() and holds_data(f"sqlite:///{target}"):
                raise BackupError(_not_empty(f"sqlite:///{target}"))
            target.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(target, timeout=30)) as dst:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:
        raise BackupError(f"{source}: {error}") from error
    return f"{target}: restored from {source} ({state.describe()})"


def _check_sqlite(conn: sqlite3.Connection, name: Path) -> SchemaState:
    """Integrity, foreign keys and schema revision of a copy; raises ``BackupError``."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if problems != ["ok"]:
        raise BackupError(f"{name}: integrity check failed: {'; '.join(problems[:5])}")
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise BackupError(f"{name}: rows point at rows that are missing (foreign_key_check)")
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        raise BackupError(f"{name}: not a database of this app (no schema revision)") from None
    return SchemaState.of(None if row is None else str(row[0]))


# -- PostgreSQL --------------------------------------------------------------------------------


def _backup_postgresql(parsed: sa.URL, target: Path) -> str:
    pg_dump = _client("pg_dump", parsed)
    conninfo, env = _libpq(parsed)
    with _partial(target) as partial:
        command = [pg_dump, "--format=custom", "--no-owner", "--no-privileges"]
        _run([*command, f"--file={partial}", f"--dbname={conninfo}"], env)
        state = _archive_state(partial)
    return f"{target}: pg_dump of {_shown(parsed)}, archive readable, {state.describe()}"


def _restore_postgresql(source: Path, parsed: sa.URL) -> str:
    pg_restore = _client("pg_restore", parsed)
    state = _archive_state(source)
    _refuse_newer(state, source)
    url = parsed.render_as_string(hide_password=False)
    if holds_data(url):
        raise BackupError(_not_empty(_shown(parsed)))
    conninfo, env = _libpq(parsed)
    options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    # --clean drops the (empty) tables an app server may already have created
    _run([pg_restore, *options, "--clean", "--if-exists", f"--dbname={conninfo}", str(source)], env)
    return f"{_shown(parsed)}: restored from {source} ({state.describe()})"


def _client(program: str, parsed: sa.URL) -> str:
    """The client program on PATH, if it is at least as new as the server (else it fails)."""
    found = shutil.which(program)
    if found is None:
        raise BackupError(
            f"{program} is not on PATH: install the PostgreSQL client programs "
            "(Debian: postgresql-client) of the server's major version or newer"
        )
    reply = _run([found, "--version"], dict(os.environ))
    match = _PG_VERSION.search(reply)
    if match is None:
        raise BackupError(f"{found} --version said {reply.strip()!r}: not a PostgreSQL client")
    client = int(match.group(1))
    server = server_major(parsed.render_as_string(hide_password=False))
    if client < server:
        raise BackupError(
            f"{found} is version {client}, the server {server}: {program} must be at least "
            f"as new as the server; install version {server} or newer and put it first on PATH"
        )
    return found


def server_major(url: str) -> int:
    """The PostgreSQL server's major version (``server_version_num`` 170006 is 17)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            number = int(conn.execute(sa.text("SHOW server_version_num")).scalar_one())
    except sa.exc.OperationalError as error:
        raise BackupError(f"cannot reach the database: {error.orig}") from error
    finally:
        engine.dispose()
    return number // 10000


def _archive_state(archive: Path) -> SchemaState:
    """Read the schema revision out of a ``pg_dump`` archive (which also proves it readable)."""
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        raise BackupError("pg_restore is not on PATH: install the PostgreSQL client programs")
    data = _run(
        [pg_restore, "--data-only", "--table=alembic_version", "--file=-", str(archive)],
        dict(os.environ),
    )
    lines = data.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and number + 1 < len(lines):
            value = lines[number + 1]
            return SchemaState.of(None if value == "\\." else value.strip())
    raise BackupError(f"{archive}: not a backup of this app (no schema revision in it)")


def _libpq(parsed: sa.URL) -> tuple[str, dict[str, str]]:
    """A libpq URI without the password, which goes in the environment instead of argv."""
    uri = sa.URL.create(
        "postgresql",
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    ).render_as_string(hide_password=False)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    return uri, env


def _run(command: list[str], env: dict[str, str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)  # noqa: S603
    except OSError as error:
        raise BackupError(f"cannot run {command[0]}: {error.strerror}") from error
    if result.returncode != 0:
        message = result.stderr.strip() or f"exit status {result.returncode}"
        raise BackupError(f"{Path(command[0]).name} failed: {message}")
    return result.stdout


def _shown(parsed: sa.URL) -> str:
    return parsed.render_as_string(hide_password=True)


# -- shared ------------------------------------------------------------------------------------


@contextmanager
def _partial(target: Path) -> Iterator[Path]:
    """A private file next to ``target`` that replaces it only when the block succeeds."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as error:
        raise BackupError(f"{target}: cannot write here: {error.strerror}") from error
    try:
        yield partial
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _refuse_newer(state: SchemaState, name: Path) -> None:
    if state.current is None or state.from_newer_release:
        raise BackupError(f"{name}: {state.describe()}")


def _not_empty(where: str) -> str:
    return (
        f"{where} already holds answers or workshops: restore only into an empty database "
        "(create a new one, or move the old file away)"
    )
