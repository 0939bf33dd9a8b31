"""AppTest fixtures: the real app script, a fresh SQLite file and a chosen questionnaire folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
EVERY_TYPE = ROOT / "tests" / "questionnaires" / "every_type.yaml"

MakeApp = Callable[..., AppTest]


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    """A folder holding only the every-type questionnaire."""
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(EVERY_TYPE, folder)
    return folder


@pytest.fixture
def make_app(tmp_path: Path, questions_dir: Path, monkeypatch: pytest.MonkeyPatch) -> MakeApp:
    """Build an AppTest of ``app.py``; every app made in one test shares one database."""
    monkeypatch.setenv("NETCLARITY_DATABASE_URL", f"sqlite:///{tmp_path / 'answers.db'}")
    monkeypatch.setenv("NETCLARITY_QUESTIONS", str(questions_dir))
    st.cache_resource.clear()

    def make(resume: str | None = None) -> AppTest:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        if resume:
            app.query_params["resume"] = resume
        return app.run()

    yield make
    st.cache_resource.clear()
