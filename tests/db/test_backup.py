"""Backups taken while people answer hold everything saved before they began, and load back.

Each test runs on SQLite (the online backup API) and PostgreSQL (``pg_dump``/``pg_restore``
from PATH, which Debian's ``postgresql`` package provides).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import uuid
from pathlib import Path

import pytest

from netclarity.commands.cli import main
from netclarity.operations.backup import BackupError, backup, restore
from netclarity.store import Store
from netclarity.store.migrate import SchemaState
from tests.support.postgres import PostgresServer

DIGEST = "b4" * 32
WRITERS = 8
HEAD = SchemaState.of(None).head
SAVED_BEFORE = 200
"""Answers committed before the backup starts; the writers keep going while it runs."""


@pytest.fixture
def empty_database(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A second, empty database of the same kind as ``database_url``."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.db'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database(f"restored_{uuid.uuid4().hex}")


def _answered_sqlite(path: Path) -> None:
    """An SQLite database at ``path`` with one person's answers."""
    store = Store.open(f"sqlite:///{path}")
    _answer(store)
    store.close()


def _answer(store: Store, *, saves: int = 3) -> str:
    token, _ = store.start("networking_clarity", 1, DIGEST, name="Robin")
    for number in range(saves):
        store.save_answer(token, f"q{number}", {"saved": number})
    return token


def test_a_backup_taken_while_people_answer_holds_every_answer_committed_before_it(
    store: Store, database_url: str, empty_database: str, tmp_path: Path
) -> None:
    committed: list[tuple[str, str, int]] = []
    lock = threading.Lock()
    enough = threading.Event()
    stop = threading.Event()

    def writer(number: int) -> None:
        token, _ = store.start("networking_clarity", 1, DIGEST, name=f"Writer {number}")
        save = 0
        while not stop.is_set():
            store.save_answer(token, f"q{save}", save)
            with lock:  # recorded only once the save has returned, i.e. committed
                committed.append((token, f"q{save}", save))
                if len(committed) >= SAVED_BEFORE:
                    enough.set()
            save += 1

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    try:
        assert enough.wait(timeout=60)
        with lock:
            before = list(committed)
        target = tmp_path / "backup"
        backup(database_url, target)
        with lock:
            during = len(committed) - len(before)
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert during > 0  # the writers were still saving while the copy was taken
    if database_url.startswith("sqlite"):
        with sqlite3.connect(target) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    # PostgreSQL: pg_restore below loads the archive in one transaction, stopping at any error
    restore(empty_database, target)
    restored = Store.open(empty_database)
    try:
        missing = []
        for token, key, value in before:
            round_ = restored.load(token)
            if round_ is None or round_.answers.get(key) != value:
                missing.append((token[:6], key))
        assert missing == []
    finally:
        restored.close()


def test_an_sqlite_backup_is_one_self_contained_file_whose_integrity_check_is_clean(
    tmp_path: Path,
) -> None:
    source = tmp_path / "netclarity.db"
    _answered_sqlite(source)
    target = tmp_path / "copy.db"

    backup(f"sqlite:///{source}", target)

    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not Path(f"{target}-wal").exists()


@pytest.mark.usefixtures("store")
def test_the_backup_file_is_readable_by_its_owner_only(database_url: str, tmp_path: Path) -> None:
    target = tmp_path / "backup"

    backup(database_url, target)

    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_a_restored_database_holds_the_same_rounds_as_the_original(
    store: Store, database_url: str, empty_database: str, tmp_path: Path
) -> None:
    token = _answer(store)
    store.complete(token)
    store.new_round(token, "networking_clarity", 1, DIGEST)
    store.save_answer(token, "q0", "again")
    backup(database_url, tmp_path / "backup")

    restore(empty_database, tmp_path / "backup")

    restored = Store.open(empty_database)
    try:
        assert restored.rounds(token) == store.rounds(token)
    finally:
        restored.close()


def test_restore_refuses_a_database_that_already_holds_answers(
    store: Store, database_url: str, empty_database: str, tmp_path: Path
) -> None:
    _answer(store)
    backup(database_url, tmp_path / "backup")
    other = Store.open(empty_database)
    token = _answer(other, saves=1)

    with pytest.raises(BackupError, match="already holds answers or workshops"):
        restore(empty_database, tmp_path / "backup")

    assert other.load(token) is not None
    other.close()


def test_restore_loads_into_a_database_whose_empty_tables_the_app_already_created(
    store: Store, database_url: str, empty_database: str, tmp_path: Path
) -> None:
    token = _answer(store)
    backup(database_url, tmp_path / "backup")
    Store.open(empty_database).close()  # an app server started on it before the restore

    restore(empty_database, tmp_path / "backup")

    restored = Store.open(empty_database)
    assert restored.rounds(token) == store.rounds(token)
    restored.close()


def test_restore_refuses_a_backup_written_by_a_newer_release(tmp_path: Path) -> None:
    _answered_sqlite(tmp_path / "netclarity.db")
    backup(f"sqlite:///{tmp_path / 'netclarity.db'}", tmp_path / "copy.db")
    with sqlite3.connect(tmp_path / "copy.db") as copy:
        copy.execute("UPDATE alembic_version SET version_num = '9999'")
    copy.close()

    with pytest.raises(BackupError, match="revision 9999, written by a newer release"):
        restore(f"sqlite:///{tmp_path / 'new.db'}", tmp_path / "copy.db")


def test_a_failed_backup_leaves_no_file_behind(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no such database file"):
        backup(f"sqlite:///{tmp_path / 'missing.db'}", tmp_path / "copy.db")

    assert list(tmp_path.iterdir()) == []


def test_restore_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a backup\n", encoding="utf-8")

    with pytest.raises(BackupError, match=r"notes\.txt: file is not a database"):
        restore(f"sqlite:///{tmp_path / 'new.db'}", tmp_path / "notes.txt")


@pytest.mark.postgres
def test_a_pg_dump_older_than_the_server_is_refused_before_it_runs(
    postgres_server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = postgres_server.create_database(f"test_{uuid.uuid4().hex}")
    Store.open(url).close()
    fake = tmp_path / "bin" / "pg_dump"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")

    with pytest.raises(BackupError, match=r"is version 9, the server 1\d: pg_dump must be at"):
        backup(url, tmp_path / "backup")

    assert not (tmp_path / "backup").exists()


def test_the_backup_command_prints_the_file_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _answered_sqlite(tmp_path / "netclarity.db")
    url = f"sqlite:///{tmp_path / 'netclarity.db'}"

    status = main(["backup", "-o", str(tmp_path / "copy.db"), "--database", url])

    assert status == 0
    assert capsys.readouterr().out == (
        f"{tmp_path / 'copy.db'}: copy of {tmp_path / 'netclarity.db'}, integrity ok, "
        f"schema at revision {HEAD}, the current one\n"
    )


def test_the_restore_command_says_why_it_refuses_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _answered_sqlite(tmp_path / "netclarity.db")
    url = f"sqlite:///{tmp_path / 'netclarity.db'}"
    main(["backup", "-o", str(tmp_path / "copy.db"), "--database", url])
    capsys.readouterr()

    status = main(["restore", str(tmp_path / "copy.db"), "--database", url])

    assert status == 1
    assert capsys.readouterr().err == (
        f"restore failed: {url} already holds answers or workshops: restore only into an "
        "empty database (create a new one, or move the old file away)\n"
    )
