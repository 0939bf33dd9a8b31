"""A facilitator-paced workshop in Chromium, on two app servers sharing one PostgreSQL.

The networking questionnaire in two named sections: its first page ("What you network
for"), then the other five. The facilitator creates the workshop paced, on the first
server; four participants join, one on a 390 px phone and one on the second server. Each
answers the first page and waits: nobody sees the second page, and the dashboard's section
view counts four of four. A reloaded waiting screen still waits. The facilitator opens the next
section and every waiting screen, on both servers, moves on by itself, the phone's once its
frozen page (a screen asleep) wakes; after the last page everyone waits for the results,
the section view counts four again, and ending shows every participant their results.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.support.participant import (
    answer_hours,
    answer_to_review,
    create_workshop,
    join_and_answer_goals,
)
from tests.support.postgres import PostgresServer, start_or_skip
from tests.support.respondent import NETWORKING, ROOT, TIMEOUT, Respondent
from tests.support.server import AppServer

pytestmark = pytest.mark.postgres

SECTIONS = """
sections:
  - {id: purpose, title: What you network for, pages: [purpose]}
  - id: practice
    title: Where your time goes, and what it brings
    pages: [time, motives, outcomes, relationships, poll]
"""
PACE = NETWORKING.texts.pace
WAITING = PACE.waiting_title


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[AppServer, AppServer]]:
    """Two `streamlit run` processes on one new PostgreSQL database, serving the sectioned
    networking questionnaire."""
    questions = tmp_path / "questions"
    questions.mkdir()
    original = (ROOT / "questions" / "networking_clarity.yaml").read_text(encoding="utf-8")
    (questions / "networking_clarity.yaml").write_text(original + SECTIONS, encoding="utf-8")
    database: PostgresServer = start_or_skip()
    url = database.create_database(f"paced_{uuid.uuid4().hex}")
    env = {"NETCLARITY_QUESTIONS": str(questions)}
    pair = (AppServer(url, env=env), AppServer(url, env=env))
    try:
        for server in pair:
            server.start()
        yield pair
    finally:
        for server in pair:
            server.stop()
        database.remove()


def finished_section(dashboard: Page, number: int, count: str) -> None:
    """The dashboard's section view, refreshed by itself, on section ``number`` of two."""
    view = dashboard.locator(".st-key-section-view")
    expect(view.locator("h2").first).to_contain_text(f"Section {number} of 2", timeout=TIMEOUT)
    metric = view.get_by_test_id("stMetric").filter(has_text=PACE.finished)
    expect(metric).to_contain_text(count, timeout=TIMEOUT)


def test_the_facilitator_moves_four_participants_on_two_servers_section_by_section(
    browser: Any, servers: tuple[AppServer, AppServer]
) -> None:
    first, second = servers
    facilitator = browser.new_context(viewport=DESKTOP).new_page()
    link = create_workshop(facilitator, first.url, "Paced lab", threshold=2, paced=True)
    code = parse_qs(urlsplit(link).query)["workshop"][0]
    facilitator.get_by_role("button", name="Open the dashboard").click()

    people = []
    for server, viewport in ((first, PHONE), (first, DESKTOP), (second, DESKTOP), (first, DESKTOP)):
        page = browser.new_context(viewport=viewport).new_page()
        page.goto(f"{server.url}/?join={code}")
        person = Respondent(page)
        join_and_answer_goals(person, then=WAITING)
        people.append(person)
    second_page = NETWORKING.pages[1].title
    people[1].page.reload()  # a fresh session (as after a server forgot it) still waits
    people[1].title(WAITING)
    for person in people:
        expect(person.page.get_by_text(second_page)).to_have_count(0)
    finished_section(facilitator, 1, "4 / 4")

    phone = people[0].page.context.new_cdp_session(people[0].page)
    phone.send("Page.setWebLifecycleState", {"state": "frozen"})  # its screen sleeps
    facilitator.get_by_role("button", name=PACE.open_next).click()
    for person in people[1:]:  # no reload: each waiting screen moves on by itself
        person.title(second_page)
    phone.send("Page.setWebLifecycleState", {"state": "active"})  # and wakes up
    people[0].title(second_page)
    for person in people:
        answer_hours(person)
        answer_to_review(person, poll="sellers", then=WAITING)
        results = person.page.get_by_role("button", name=NETWORKING.texts.see_results)
        expect(results).to_have_count(0)
    finished_section(facilitator, 2, "4 / 4")

    facilitator.get_by_role("button", name=PACE.end).click()
    for person in people:
        person.title(NETWORKING.texts.results_title)
    for page in (facilitator, *(p.page for p in people)):
        page.context.close()
