"""Two app servers sharing one PostgreSQL database act as one workshop.

(It lives with the browser tests because it drives Chromium: Playwright's synchronous API
runs one instance per process, the session's ``browser`` fixture.)

As behind a load balancer: the facilitator works on one server, participants join on
either, and everything that matters lives in the database, so the dashboard on either
server counts everyone, the facilitator key opens it on both, and closing on one server
closes the workshop on the other.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.support.participant import create_workshop, join_and_finish
from tests.support.postgres import PostgresServer, start_or_skip
from tests.support.respondent import TIMEOUT, Respondent
from tests.support.server import AppServer

pytestmark = pytest.mark.postgres


@pytest.fixture
def database() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this test's own (skipped without PostgreSQL, except in CI)."""
    server = start_or_skip()
    yield server
    server.remove()


@pytest.fixture
def servers(database: PostgresServer) -> Iterator[tuple[AppServer, AppServer]]:
    """Two `streamlit run` processes on their own ports, sharing one new database."""
    url = database.create_database(f"two_{uuid.uuid4().hex}")
    pair = (AppServer(url), AppServer(url))
    try:
        for server in pair:
            server.start()
        yield pair
    finally:
        for server in pair:
            server.stop()


def test_participants_on_either_server_are_one_room(
    browser: Any, servers: tuple[AppServer, AppServer]
) -> None:
    first, second = servers
    facilitator = browser.new_context(viewport=DESKTOP).new_page()
    link = create_workshop(facilitator, first.url, "Two-server workshop", threshold=2)
    query = parse_qs(urlsplit(link).query)
    code, key = query["workshop"][0], query["key"][0]
    facilitator.get_by_role("button", name="Open the dashboard").click()

    on_first = browser.new_context(viewport=PHONE).new_page()
    on_first.goto(f"{first.url}/?join={code}")
    join_and_finish(Respondent(on_first), poll="great")
    on_second = browser.new_context(viewport=PHONE).new_page()
    on_second.goto(f"{second.url}/?join={code}")
    join_and_finish(Respondent(on_second), poll="sellers")

    completed = facilitator.get_by_test_id("stMetric").filter(has_text="Completed")
    expect(completed).to_contain_text("2", timeout=TIMEOUT)
    other_dashboard = browser.new_context(viewport=DESKTOP).new_page()
    other_dashboard.goto(f"{second.url}/dashboard?workshop={code}&key={key}")
    expect(other_dashboard.get_by_test_id("stMetric").filter(has_text="Completed")).to_contain_text(
        "2", timeout=TIMEOUT
    )
    expect(on_second.get_by_text("How your answers compare with the 2 people")).to_be_visible()

    facilitator.get_by_role("button", name="Close the workshop").click()
    expect(facilitator.get_by_role("button", name="Reopen the workshop")).to_be_visible(
        timeout=TIMEOUT
    )
    latecomer = browser.new_context(viewport=PHONE).new_page()
    latecomer.goto(f"{second.url}/?join={code}")
    words = Respondent(latecomer).questionnaire.texts.workshop
    latecomer.get_by_role("button", name=words.join_button).click()
    expect(latecomer.get_by_text(words.closed)).to_be_visible(timeout=TIMEOUT)
    for page in (facilitator, on_first, on_second, other_dashboard, latecomer):
        page.context.close()
