"""Fixtures shared by every test folder: one headless Chromium for the whole run.

Playwright's synchronous API allows one instance per process, so the browser is defined once
here rather than in each folder that drives it (``tests/browser``, ``tests/hardening``).
Every test that uses it is marked ``browser``; a failed one leaves a screenshot of every open
page in ``data/test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.support.requirements import require

ARTIFACTS = Path(__file__).resolve().parents[1] / "data" / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
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
