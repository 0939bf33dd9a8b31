"""Every screen passes axe-core's WCAG 2.1 A/AA and best-practice rules, at both widths.

axe-core (bundled by ``axe-playwright-python``) runs in the real page after each step a person
takes: the welcome page, every questions page empty and after Next with nothing filled in,
the review, the results, the join page, the facilitator's page before and after creating a
workshop, its dashboard, and the projector's view-only page; in a facilitator-paced workshop,
the waiting screen on a phone and the open section's view on the dashboard and projector.
A violation fails the test with its rule, the elements and axe's own explanation.

``STREAMLIT_OWN`` lists what axe reports in Streamlit's own markup that the app cannot change,
each with its reason; it is empty today, and anything added there must name the element.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_self_guided import answer_first_half, answer_second_half
from tests.support.participant import create_workshop, join_and_answer_goals
from tests.support.respondent import TIMEOUT, Respondent
from tests.support.server import AppServer

RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
STREAMLIT_OWN: dict[str, str] = {}
"""Rule id -> why a violation of it in Streamlit's own markup is accepted (none today)."""

AXE = Axe()


def violations(page: Page) -> list[str]:
    """axe's violations on the page as it is now, one readable line per rule.

    Scanned once the run is over: elements a rerun is about to replace are drawn faded
    (``data-stale``), which no person reads and axe would count as low contrast.
    """
    Respondent(page).wait_idle()
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=TIMEOUT)
    found = AXE.run(page, options=RULES).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]} "
        f"{v['nodes'][0].get('failureSummary', '')}"
        for v in found
        if v["id"] not in STREAMLIT_OWN
    ]


def scanned(page: Page, screen: str, found: dict[str, list[str]]) -> None:
    problems = violations(page)
    if problems:
        found[screen] = problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_screen_of_the_self_guided_flow_has_no_violations(
    browser: Any, app_server: AppServer, viewport: dict[str, int]
) -> None:
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    texts, pages = r.questionnaire.texts, r.questionnaire.pages
    found: dict[str, list[str]] = {}
    r.title(r.questionnaire.title)
    scanned(page, "welcome", found)
    page.get_by_role("button", name=texts.start).click()
    for index, questions in enumerate(pages[:3]):
        r.title(questions.title)
        scanned(page, f"page {questions.id}", found)
        page.get_by_role("button", name=texts.next).click()
        r.wait_idle()
        if index == 0:  # nothing filled in: the messages are on screen
            scanned(page, f"page {questions.id} with errors", found)
            break
    page.goto(app_server.url)
    r.title(r.questionnaire.title)
    answer_first_half(r)
    scanned(page, f"page {pages[2].id} answered", found)
    answer_second_half(r)
    scanned(page, "review", found)
    page.get_by_role("button", name=texts.see_results).click()
    r.title(texts.results_title)
    expect(page.locator(".vega-embed svg.marks").first).to_be_visible(timeout=TIMEOUT)
    scanned(page, "results", found)
    assert found == {}


def test_the_workshop_screens_have_no_violations(browser: Any, app_server: AppServer) -> None:
    page = browser.new_context(viewport=DESKTOP).new_page()
    found: dict[str, list[str]] = {}
    page.goto(f"{app_server.url}/join")
    Respondent(page).title(Respondent(page).questionnaire.texts.workshop.join_title)
    scanned(page, "join", found)
    page.goto(f"{app_server.url}/facilitate")
    expect(page.get_by_label("Workshop title")).to_be_visible(timeout=TIMEOUT)
    scanned(page, "facilitate", found)
    create_workshop(page, app_server.url, "Thursday networking lab", threshold=3)
    scanned(page, "facilitate, created", found)
    page.get_by_role("button", name="Open the dashboard").click()
    completed = page.get_by_test_id("stMetric").filter(has_text="Completed")
    expect(completed).to_contain_text("0", timeout=TIMEOUT)
    scanned(page, "dashboard", found)
    page.get_by_text("Projector view", exact=True).click()
    link = page.locator("[data-testid='stCode']").filter(has_text="/present?").inner_text()
    projector = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    projector.goto(link.strip())
    expect(projector.get_by_test_id("stMetric").first).to_be_visible(timeout=TIMEOUT)
    scanned(projector, "projector view", found)
    assert found == {}


def test_the_paced_workshop_screens_have_no_violations(browser: Any, app_server: AppServer) -> None:
    facilitator = browser.new_context(viewport=DESKTOP).new_page()
    found: dict[str, list[str]] = {}
    link = create_workshop(facilitator, app_server.url, "Paced lab", threshold=1, paced=True)
    facilitator.get_by_role("button", name="Open the dashboard").click()
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(link.replace("/dashboard?workshop=", "/?join=").split("&")[0])
    person = Respondent(phone)
    pace = person.questionnaire.texts.pace
    join_and_answer_goals(person, then=pace.waiting_title)
    scanned(phone, "waiting screen (phone)", found)
    view = facilitator.locator(".st-key-section-view")
    expect(view.locator(".vega-embed svg.marks, .vega-embed canvas").first).to_be_visible(
        timeout=TIMEOUT
    )
    scanned(facilitator, "section view (dashboard)", found)
    facilitator.get_by_text("Projector view", exact=True).click()
    present = facilitator.locator("[data-testid='stCode']").filter(has_text="/present?")
    projector = browser.new_context(viewport={"width": 1920, "height": 1080}).new_page()
    projector.goto(present.inner_text().strip())
    section = projector.locator(".st-key-section-view")
    expect(section.locator(".vega-embed svg.marks, .vega-embed canvas").first).to_be_visible(
        timeout=TIMEOUT
    )
    scanned(projector, "section view (projector)", found)
    assert found == {}
