"""A real, throw-away PostgreSQL server for tests: ``initdb`` in a temp dir, ``pg_ctl start``.

The server listens on a free port on 127.0.0.1 only (no Unix socket), trusts local
connections and runs with durability off, because its data is discarded at the end.
PostgreSQL refuses to run as root, so when the tests run as root the server runs as the
``postgres`` system user (created by Debian's ``postgresql`` package) in a directory it owns.

Use it from a conftest::

    from tests.support.postgres import postgres_server   # the session fixture

or directly: ``with running_server() as server: url = server.create_database("x")``.
A test that needs two servers (or to stop one) can call ``PostgresServer.start()`` itself.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

SERVICE_USER = "postgres"
SUPERUSER = "postgres"


class PostgresMissing(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def find_binaries() -> Path:
    """The newest ``/usr/lib/postgresql/<major>/bin`` holding ``initdb`` (or ``$PG_BINDIR``)."""
    configured = os.environ.get("PG_BINDIR")
    candidates = [Path(configured)] if configured else []
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(versions, key=lambda p: _major(p.parent.name), reverse=True)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise PostgresMissing(
        "PostgreSQL server binaries not found (looked for initdb and pg_ctl in "
        "/usr/lib/postgresql/*/bin and $PG_BINDIR); install the 'postgresql' package"
    )


def _major(name: str) -> int:
    return int(name) if name.isdigit() else -1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    """One running server; ``url(name)`` gives a psycopg 3 SQLAlchemy URL to a database on it."""

    bindir: Path
    datadir: Path
    port: int
    run_as: str | None

    @classmethod
    def start(cls) -> PostgresServer:
        bindir = find_binaries()
        run_as = SERVICE_USER if os.geteuid() == 0 else None
        datadir = Path(tempfile.mkdtemp(prefix="netclarity-pg-"))
        if run_as is not None:
            account = pwd.getpwnam(run_as)
            os.chown(datadir, account.pw_uid, account.pw_gid)
        server = cls(bindir, datadir, _free_port(), run_as)
        try:
            server._run(
                "initdb", "-D", str(datadir), "-U", SUPERUSER, "--auth=trust",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
            )  # fmt: skip
            server.resume()
        except BaseException:
            shutil.rmtree(datadir, ignore_errors=True)
            raise
        return server

    def resume(self) -> None:
        """Start (again) on the same port and data directory."""
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = self.datadir / "server.log"
        self._run("pg_ctl", "-D", str(self.datadir), "-l", str(log), "-o", options, "-w", "start")

    def stop(self) -> None:
        """Stop the server now (fast shutdown); ``resume()`` starts it again."""
        self._run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        """Stop the server if it runs and delete its data directory."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.datadir, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        conninfo = f"host=127.0.0.1 port={self.port} user={SUPERUSER} dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bindir / program), *args]
        if self.run_as is not None:
            command = ["runuser", "-u", self.run_as, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd="/", check=False)
        if result.returncode != 0:
            raise subprocess.CalledProcessError(
                result.returncode, command, result.stdout, result.stderr
            )


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    server = PostgresServer.start()
    try:
        yield server
    finally:
        server.remove()


def start_or_skip() -> PostgresServer:
    """Start a server; without PostgreSQL skip the test, but fail under CI (``CI=true``)."""
    try:
        return PostgresServer.start()
    except PostgresMissing as missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{missing} (CI=true requires PostgreSQL)")
        pytest.skip(str(missing))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One server for the whole test session, removed at the end."""
    server = start_or_skip()
    try:
        yield server
    finally:
        server.remove()
