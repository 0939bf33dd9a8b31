"""Browser fixtures: Debian's Chromium driven by Playwright against a real `streamlit run`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.requirements import require
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    require(Path(CHROMIUM).exists(), "Debian's chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def app_server(tmp_path: Path) -> Iterator[AppServer]:
    """A fresh app with its own SQLite file, like a first start on a new machine."""
    server = AppServer(f"sqlite:///{tmp_path / 'netclarity.db'}")
    server.start()
    yield server
    server.stop()


ARTIFACTS = Path(__file__).resolve().parents[2] / "data" / "test-artifacts"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[object]:
    """On a failed browser test, save a screenshot of every open page for the person debugging."""
    report = yield
    if call.when == "call" and call.excinfo is not None and "browser" in item.fixturenames:
        instance = item.funcargs["browser"]
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for c, context in enumerate(instance.contexts):  # type: ignore[attr-defined]
            for p, page in enumerate(context.pages):
                page.screenshot(path=ARTIFACTS / f"{item.name}-{c}-{p}.png", full_page=True)
    return report
