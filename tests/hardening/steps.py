"""Steps through the free-text questionnaire (AppTest and Chromium) for the hardening tests."""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Download, Page, expect
from streamlit.testing.v1 import AppTest

from netclarity.loading.loader import load_file
from netclarity.store import Round, Store
from tests.app.conftest import MakeApp
from tests.support.respondent import Respondent

FREE_TEXT = Path(__file__).resolve().parent / "free_text.yaml"
FREE_TEXT_QUESTIONNAIRE = load_file(FREE_TEXT).questionnaire


def on_words_page(make_app: MakeApp) -> AppTest:
    """A new respondent with goals and hours given, on the page of free-text questions."""
    app = make_app()
    app.button[0].click().run()  # Start
    app.number_input(key="q-goals-clients").set_value(60.0).run()
    app.number_input(key="q-goals-learning").set_value(40.0).run()
    app.number_input(key="q-hours-breakfast").set_value(8.0).run()
    return app.button(key="nav_next").click().run()


def button(app: AppTest, label: str) -> AppTest:
    """Click the button with this label (buttons without a key) and run."""
    return next(b for b in app.button if b.label == label).click().run()


def saved(store: Store, app: AppTest) -> Round:
    """What the database holds for the respondent of ``app``."""
    loaded = store.load(app.session_state["resume_token"])
    assert loaded is not None
    return loaded


def start_in_browser(page: Page, url: str) -> Respondent:
    """A new respondent in Chromium with goals and hours given, on the free-text page."""
    page.goto(url)
    r = Respondent(page, FREE_TEXT_QUESTIONNAIRE)
    page.get_by_role("button", name="Start").click()
    r.title("Goals and hours")
    r.amount("goals", "clients", 100)
    r.amount("hours", "breakfast", 8)
    r.next("Your words")
    return r


def settled(page: Page) -> None:
    """Wait until the rerun a committed value started has finished.

    The app root reports the script's state; it leaves ``notRunning`` as soon as a value is
    committed, so waiting for it to come back cannot return before the rerun has begun.
    """
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=20_000
    )


def download(page: Page, label: str) -> Path:
    """Click the download button ``label`` and return the downloaded file.

    Streamlit refuses a click on a button whose file a rerun has just replaced (the button
    shows "Deferred file … not found" for a few seconds); a person waits for the notice to go
    and clicks again, and so does this, up to twice. The first summary a fresh server builds
    loads fonts for every script and the chart renderer, which takes seconds, or a minute on a
    busy two-core machine.
    """
    arrived: list[Download] = []

    def keep(file: Download) -> None:
        arrived.append(file)

    page.on("download", keep)
    refused = page.get_by_test_id("stDownloadButtonError")
    try:
        for _attempt in range(3):
            page.get_by_role("button", name=label).click()
            deadline = time.monotonic() + 120
            while not arrived and not refused.is_visible() and time.monotonic() < deadline:
                page.wait_for_timeout(200)
            if arrived:
                return arrived[0].path()
            expect(refused).to_be_hidden(timeout=30_000)
    finally:
        page.remove_listener("download", keep)
    raise AssertionError(f"{label!r} gave no file; the server log is in data/")
