"""A database out of reach is reported as ``StoreUnavailable``, and saving resumes after it."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from netclarity.store import Store, StoreUnavailable
from tests.support.postgres import start_or_skip

DIGEST = "0a" * 32


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_an_sqlite_file_that_cannot_be_opened_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="cannot reach the database"):
        Store.open(f"sqlite:///{tmp_path / 'missing-folder' / 'netclarity.db'}")


@pytest.mark.postgres
def test_a_postgresql_server_that_is_not_running_is_unavailable() -> None:
    with pytest.raises(StoreUnavailable, match="cannot reach the database"):
        Store.open(f"postgresql://postgres@127.0.0.1:{_closed_port()}/netclarity")


@pytest.mark.postgres
def test_saving_while_the_server_is_down_fails_clearly_and_works_once_it_is_back() -> None:
    server = start_or_skip()
    try:
        store = Store.open(server.create_database("netclarity"))
        token, _ = store.start("networking_clarity", 1, DIGEST)
        store.save_answer(token, "goals_clear", "yes")

        server.stop()
        with pytest.raises(StoreUnavailable):
            store.save_answer(token, "success", "Two referrals")
        server.resume()
        store.save_answer(token, "success", "Two referrals")

        loaded = store.load(token)
        store.close()
    finally:
        server.remove()
    assert loaded is not None
    assert loaded.answers == {"goals_clear": "yes", "success": "Two referrals"}


@pytest.mark.postgres
def test_the_first_save_after_a_server_restart_nobody_saw_is_not_refused() -> None:
    """The pool still holds connections the restarted server has dropped; the save runs again
    on a new connection instead of telling the person that saving is paused."""
    server = start_or_skip()
    try:
        store = Store.open(server.create_database("netclarity"))
        token, _ = store.start("networking_clarity", 1, DIGEST)
        store.save_answer(token, "goals_clear", "yes")

        server.stop()
        server.resume()
        store.save_answer(token, "success", "Two referrals")

        loaded = store.load(token)
        store.close()
    finally:
        server.remove()
    assert loaded is not None
    assert loaded.answers == {"goals_clear": "yes", "success": "Two referrals"}
