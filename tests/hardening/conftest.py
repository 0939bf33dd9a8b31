"""Hardening fixtures: the app (AppTest or `streamlit run`) on a questionnaire of free text.

``free_text.yaml`` has a short text with a small limit, a long text that takes 100,000
characters, a long text with the default limit and a finding that quotes the person, so every
way typed text is shown can be attacked. The AppTest fixture is the one of ``tests/app``
and the browser the shared one of ``tests/conftest.py``; only the questionnaire folder differs.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from netclarity.store import Store
from tests.app.conftest import make_app  # noqa: F401  (fixture)
from tests.hardening.steps import FREE_TEXT
from tests.support.server import AppServer


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    """A folder holding only the free-text questionnaire (used by ``make_app`` too)."""
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(FREE_TEXT, folder)
    return folder


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'answers.db'}"


@pytest.fixture
def free_text_server(database_url: str, questions_dir: Path) -> Iterator[AppServer]:
    """`streamlit run` on the free-text questionnaire with its own SQLite file."""
    server = AppServer(database_url, env={"NETCLARITY_QUESTIONS": str(questions_dir)})
    server.start()
    yield server
    server.stop()


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """The database the app under test writes to, opened the way the app opens it."""
    opened = Store.open(database_url)
    yield opened
    opened.close()
