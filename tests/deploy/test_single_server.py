"""The README's single-server steps on a clean copy of the repository: it answers, doctor passes.

The copy holds the tracked files only (no ``data/``, no ``.venv``, no secrets), as a fresh
clone would. The service's command from the README runs in the foreground under
``umask 077``, with this interpreter standing in for ``.venv/bin/streamlit`` (creating a
virtual environment would take minutes); then ``doctor`` runs in the same folder with the
same environment, as the README says.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.server import ROOT, free_port

STARTUP_S = 60


def _clean_environment() -> dict[str, str]:
    """This environment without the app's or Streamlit's settings, as on a new server."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("NETCLARITY_", "STREAMLIT_"))
    }


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("deploy") / "app"
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def served(clone: Path) -> Iterator[str]:
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    log = (clone.parent / "server.log").open("wb")
    process = subprocess.Popen(
        command,
        cwd=clone,
        env=_clean_environment(),
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=lambda: os.umask(0o077),  # the unit's UMask=0077
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_S
        while True:
            assert process.poll() is None, (clone.parent / "server.log").read_text()
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                assert time.monotonic() < deadline, "the app did not answer in time"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_the_app_answers_on_127_0_0_1(served: str) -> None:
    with urllib.request.urlopen(f"{served}/_stcore/health", timeout=5) as reply:
        assert (reply.status, reply.read()) == (200, b"ok")
    with urllib.request.urlopen(served, timeout=5) as reply:
        assert reply.status == 200


def test_doctor_passes_in_the_same_folder_with_the_same_settings(served: str, clone: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "netclarity", "doctor"],
        cwd=clone,
        env=_clean_environment(),
        capture_output=True,
        text=True,
        check=False,
    )

    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert result.stdout.endswith("doctor: no problems found\n")
    assert f"{clone}/data" in result.stdout  # it checked the copy, not this checkout
