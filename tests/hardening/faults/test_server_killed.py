"""The server is killed (SIGKILL, no chance to clean up): every committed answer survives.

SQLite in WAL mode makes a transaction durable when it commits, so a process killed at any
moment — even in the middle of a burst of saves from several threads — leaves a database that
opens cleanly and holds every save that was reported done. Longer runs with many kills at
random moments: ``benchmarks/fault_kill_loop.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from netclarity.store import Store
from tests.browser.conftest import DESKTOP
from tests.browser.test_nothing_lost import assert_first_half_is_back, token_of
from tests.browser.test_self_guided import answer_first_half
from tests.hardening.save_burst import kill_mid_burst, lost_saves
from tests.support.respondent import Respondent
from tests.support.server import AppServer


def integrity(path: Path) -> list[tuple[str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchall()


def test_a_burst_of_saves_killed_midway_loses_no_committed_save(tmp_path: Path) -> None:
    path = tmp_path / "burst.db"
    store = Store.open(f"sqlite:///{path}")
    token, _ = store.start("free_text", 1, "cd" * 32)
    store.close()

    committed = kill_mid_burst(f"sqlite:///{path}", token, threads=4, saves=300)

    assert Path(f"{path}-wal").exists()  # killed, not closed: SQLite recovers from the log
    assert integrity(path) == [("ok",)]
    store = Store.open(f"sqlite:///{path}")
    try:
        assert sum(committed.values()) == 300
        assert lost_saves(store, token, committed) == []
    finally:
        store.close()


def test_answers_given_in_the_browser_survive_a_killed_server(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "netclarity.db"
    server = AppServer(f"sqlite:///{path}")
    server.start()
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(server.url)
        r = Respondent(page)
        answer_first_half(r)

        server.stop(kill=True)

        assert integrity(path) == [("ok",)]
        store = Store.open(f"sqlite:///{path}")
        loaded = store.load(token_of(page))
        store.close()
        assert loaded is not None
        assert loaded.answers["hours"] == {"breakfast_clubs": 8, "one_to_ones": 6, "linkedin": 4}
        server.start()
        page.reload()
        assert_first_half_is_back(r)
    finally:
        context.close()
        server.stop()
