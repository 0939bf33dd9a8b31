"""Browser tests' settings and their app: a real `streamlit run` on a fresh SQLite file.

The ``browser`` fixture itself lives in ``tests/conftest.py``: Playwright's synchronous API
allows one instance per process, so every folder must share the same one.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import AppServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def app_server(tmp_path: Path) -> Iterator[AppServer]:
    """A fresh app with its own SQLite file, like a first start on a new machine."""
    server = AppServer(f"sqlite:///{tmp_path / 'netclarity.db'}")
    server.start()
    yield server
    server.stop()
