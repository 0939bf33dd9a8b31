"""The engine and its transactions: SQLite tuned for many writers, errors turned into ours.

SQLite (the zero-set-up default) is shared by every Streamlit session thread of one server,
so each connection gets WAL (readers never wait for the writer), a long busy timeout and
foreign keys, and every write transaction starts with ``BEGIN IMMEDIATE``: a writer takes
the write lock up front, waiting in SQLite's busy handler, instead of upgrading a read lock
midway and failing with "database is locked". Python's ``sqlite3`` would issue its own
deferred ``BEGIN``, so it is told not to (the recipe in SQLAlchemy's SQLite dialect docs).
The server's own writers queue in arrival order before that and share their commits
(``netclarity.store.group_commit``).

WAL runs with ``synchronous = NORMAL``, the setting SQLite recommends for it: a commit no
longer waits for the disk (an fsync, ~10 ms on a small cloud disk, was most of a save, and
with a room answering the one writer spent 80 % of its time in it: 95 % of saves under
6.6 ms instead of 54-63 ms, ``benchmarks/bench_writes.py``). The database stays consistent
whatever happens, and a commit survives the app or server crashing or restarting; only a
power cut or an operating-system crash can take back the last commits not yet on the disk
(Linux writes them out within about 30 s). A deployment that must keep those uses
PostgreSQL, which waits for its disk at every commit.

PostgreSQL needs none of that. A transaction whose pooled connection turns out to be dead
(the server restarted) runs once more on a new connection, so a restart costs no failed
request; pinging every connection before use did the same at the cost of a round trip per
transaction. Both databases get a few retries on lock timeouts, deadlocks and
serialization failures; when the database is out of reach — or no pooled connection
comes free in time — the caller gets ``StoreUnavailable`` and can show "saving paused" and
try again.

The pool holds at most ``pool_size`` connections (``netclarity.config``), none beyond it,
so the connections all servers may open are known in advance. Requests queue for them
first come, first served (``netclarity.store.places``) and wait at most ``POOL_TIMEOUT_S``:
long enough for a room's burst of saves to drain, short enough that a page stuck behind an
overloaded server says "saving paused" and keeps the answer instead of hanging.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from netclarity.config import DEFAULT_POOL_SIZE
from netclarity.store.errors import StoreError, StoreUnavailable
from netclarity.store.group_commit import GroupCommit
from netclarity.store.places import NoPlace, Places

T = TypeVar("T")

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
SQLITE_BUSY_TIMEOUT_MS = 30_000
POSTGRES_CONNECT_TIMEOUT_S = 5
POOL_TIMEOUT_S = 5
ATTEMPTS = 5
FIRST_BACKOFF_S = 0.05
_WRITE = "netclarity_write"
_SQLITE_LOCKED = ("SQLITE_BUSY", "SQLITE_LOCKED")
_POSTGRES_RETRYABLE = ("40001", "40P01")  # serialization failure, deadlock detected


def json_text(value: Any) -> str:
    """How answer values are written: strict JSON (no NaN), ASCII-escaped.

    Escaping makes the stored text plain ASCII, so NUL, lone surrogates and every script
    survive both databases unchanged (PostgreSQL's ``json`` type keeps the text as given).
    """
    return json.dumps(value, ensure_ascii=True, allow_nan=False, separators=(",", ":"))


class Database:
    """One engine per process; ``read``/``write`` run a function in one short transaction."""

    def __init__(self, engine: Engine, *, pool_size: int = DEFAULT_POOL_SIZE) -> None:
        self.engine = engine
        self._places = Places(pool_size)
        self._writer = engine.execution_options(**{_WRITE: True})
        self._group = (
            GroupCommit(partial(self._run, self._writer))
            if engine.dialect.name == "sqlite"
            else None
        )

    @classmethod
    def open(cls, url: str, *, pool_size: int = DEFAULT_POOL_SIZE) -> Database:
        parsed = sa.make_url(url)
        backend = parsed.get_backend_name()
        if backend not in SUPPORTED_BACKENDS:
            raise StoreError(f"unsupported database {backend!r}: use SQLite or PostgreSQL")
        pool = {"pool_size": pool_size, "max_overflow": 0, "pool_timeout": POOL_TIMEOUT_S}
        if backend == "sqlite":
            if parsed.database in (None, "", ":memory:"):
                raise StoreError("an in-memory SQLite database is not shared between threads")
            _private_file(Path(parsed.database))
            engine = sa.create_engine(
                parsed,
                json_serializer=json_text,
                connect_args={"check_same_thread": False},
                **pool,
            )
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = sa.create_engine(
                parsed,
                json_serializer=json_text,
                connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S},
                **pool,
            )
        return cls(engine, pool_size=pool_size)

    def read(self, work: Callable[[Connection], T]) -> T:
        return self._run(self.engine, work)

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in a write transaction; it may rerun after a lock: no side effects."""
        if self._group is not None:
            return self._group.write(work)
        return self._run(self._writer, work)

    def dispose(self) -> None:
        self.engine.dispose()

    def _run(self, engine: Engine, work: Callable[[Connection], T]) -> T:
        attempt = 1
        reconnected = False
        while True:
            committing = False
            try:
                with self._places.place(POOL_TIMEOUT_S), engine.begin() as conn:
                    result = work(conn)
                    committing = True
                return result
            except (NoPlace, PoolTimeout) as error:
                # Every pooled connection stayed in use (a very busy server): the database is
                # out of reach for this request just as when it is down.
                raise StoreUnavailable(f"no database connection came free: {error}") from error
            except DBAPIError as error:
                if error.connection_invalidated and not committing and not reconnected:
                    # A pooled connection the server has dropped (a restart): the transaction
                    # did nothing, and SQLAlchemy has discarded the pool's connections, so it
                    # runs once more on a new one. At COMMIT its outcome would be unknown.
                    reconnected = True
                    continue
                busy = _retryable(error)
                if busy and attempt < ATTEMPTS:
                    time.sleep(FIRST_BACKOFF_S * 2 ** (attempt - 1))
                    attempt += 1
                    continue
                if busy:
                    raise StoreUnavailable(f"the database stayed busy: {error.orig}") from error
                if isinstance(error, OperationalError) or error.connection_invalidated:
                    raise StoreUnavailable(f"cannot reach the database: {error.orig}") from error
                raise


def _private_file(path: Path) -> None:
    """Make the SQLite file readable by its owner only, before SQLite opens it.

    The file holds every answer in plain text, so it is created 0600 (whatever the umask),
    and a file of an older release is tightened the same way. SQLite creates ``-wal`` and
    ``-shm`` with the database file's own mode, so they follow; any already there are
    tightened too. The folder is not created here: a missing one is a wrong URL or an
    unmounted volume, which SQLite then reports (the default ``data/`` is created 0700 by
    ``config``).
    """
    try:
        os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    except OSError:
        return  # SQLite will say why it cannot open the file
    for private in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            private.chmod(0o600)
        except FileNotFoundError:
            continue
        except PermissionError:
            return  # someone else's file: theirs to protect


def _retryable(error: DBAPIError) -> bool:
    if isinstance(error.orig, sqlite3.Error):
        return getattr(error.orig, "sqlite_errorname", None) in _SQLITE_LOCKED
    return getattr(error.orig, "sqlstate", None) in _POSTGRES_RETRYABLE


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN, see _sqlite_begin
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
