"""A person completes the networking questionnaire in Chromium, from welcome to review."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.support.respondent import Respondent
from tests.support.server import AppServer


def answer_first_half(r: Respondent) -> None:
    """Purpose, time and motives: enough for results, and a realistic half-way point."""
    pages = r.questionnaire.pages
    r.page.get_by_role("button", name=r.questionnaire.texts.start).click()
    r.title(pages[0].title)
    r.choose("goals_clear", r.option("goals_clear", "partly"))
    r.amount("goal_weights", "clients", 40)
    r.amount("goal_weights", "community", 30)
    r.amount("goal_weights", "learning", 30)
    r.next(pages[1].title)
    r.amount("hours", "breakfast_clubs", 8)
    r.amount("hours", "one_to_ones", 6)
    r.amount("hours", "linkedin", 4)
    r.amount("money", "breakfast_clubs", 60)
    r.next(pages[2].title)
    r.segment("motive", "breakfast_clubs", r.column("motive", "should"))
    r.segment("motive", "one_to_ones", r.column("motive", "want"))
    r.segment("motive", "linkedin", r.column("motive", "both"))


def answer_second_half(r: Respondent) -> None:
    pages = r.questionnaire.pages
    r.next(pages[3].title)
    r.segment("outcomes", "breakfast_clubs", r.column("outcomes", "nothing_yet"))
    r.segment("outcomes", "one_to_ones", r.column("outcomes", "revenue"))
    r.segment("outcomes", "linkedin", r.column("outcomes", "relationships"))
    r.next(pages[4].title)
    r.pills("give", r.option("give", "introductions"))
    r.type_text("bring_alive", "Introduce two clients who should know each other.")
    r.next(pages[5].title)
    r.choose("physical_networking_poll", r.option("physical_networking_poll", "enjoyable"))
    r.next(r.questionnaire.texts.review_title)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_person_completes_the_questionnaire_to_the_review(
    browser: Any, app_server: AppServer, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page: Page = context.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    r.title(r.questionnaire.title)
    answer_first_half(r)
    answer_second_half(r)
    body = page.locator("[data-testid='stMain']")
    for expected in (
        r.option("goals_clear", "partly"),
        f"{r.label('goals', 'community')}: 30\n{r.label('goals', 'learning')}: 30\n"
        f"{r.label('goals', 'clients')}: 40",
        "Introduce two clients who should know each other.",
        r.option("physical_networking_poll", "enjoyable"),
    ):
        expect(body.get_by_text(expected, exact=True)).to_be_visible()
    context.close()


def test_a_person_with_no_hours_yet_gets_through_and_gets_a_starter_plan(
    browser: Any, app_server: AppServer
) -> None:
    """A new freelancer leaves every hour at zero: that is an answer, not a missing one."""
    context = browser.new_context(viewport=PHONE)
    page: Page = context.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    texts, pages = r.questionnaire.texts, r.questionnaire.pages
    r.title(r.questionnaire.title)
    page.get_by_role("button", name=texts.start).click()
    r.title(pages[0].title)
    r.choose("goals_clear", r.option("goals_clear", "yes"))
    r.amount("goal_weights", "clients", 100)
    r.next(pages[1].title)
    r.next(pages[2].title)
    expect(page.get_by_text(texts.required, exact=True)).to_have_count(0)
    for following in pages[3:]:
        r.next(following.title)
    r.next(texts.review_title)
    page.get_by_role("button", name=texts.see_results).click()
    r.title(texts.results_title)
    body = page.locator("[data-testid='stMain']")
    expect(body.get_by_text(texts.alignment_none, exact=True)).to_be_visible()
    expect(body.get_by_text(texts.first_step_title, exact=True)).to_be_visible()
    starter = texts.first_step_starter.format(hours="2")
    expect(body.get_by_text(starter, exact=True)).to_be_visible()
    context.close()
