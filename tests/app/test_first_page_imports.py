"""A fresh server's first page loads only what it shows: the libraries of later pages come
with the warm-up after it (``netclarity.ui.warmup``), so the first visitor after a restart
does not wait for them.

Each check starts a new Python process, as a restart does, runs ``app.py`` once with the
warm-up left out, and lists which of the later pages' libraries were imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.app.conftest import ROOT

LATER_PAGES_ONLY = ("sqlalchemy", "alembic", "icalendar", "altair", "scipy", "fpdf")

FIRST_RUN = """
import json, sys
from streamlit.testing.v1 import AppTest
from netclarity.ui import warmup
warmup.start = lambda: None  # the warm-up imports all of them once the first page is out
app = AppTest.from_file(sys.argv[1], default_timeout=60).run()
shown = [button.label for button in app.button]
print(json.dumps({"shown": shown, "imported": [m for m in sys.argv[2:] if m in sys.modules]}))
"""


def _first_run(tmp_path: Path, *libraries: str) -> dict[str, list[str]]:
    environment = {
        **os.environ,
        "NETCLARITY_DATABASE_URL": f"sqlite:///{tmp_path / 'answers.db'}",
        "NETCLARITY_QUESTIONS": str(ROOT / "questions"),
    }
    finished = subprocess.run(
        [sys.executable, "-c", FIRST_RUN, str(ROOT / "app.py"), *libraries],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, list[str]] = json.loads(finished.stdout.splitlines()[-1])
    return result


def test_a_new_visitors_first_page_imports_no_database_calendar_or_chart_library(
    tmp_path: Path,
) -> None:
    first = _first_run(tmp_path, *LATER_PAGES_ONLY)
    assert first["shown"] == ["Let's start"]  # the page was drawn to the end
    assert first["imported"] == []
