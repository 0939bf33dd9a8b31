"""Workshop steps in a real browser: a facilitator creating a workshop, a participant finishing.

Built on ``tests.support.respondent``: the participant answers only what the networking
questionnaire requires, so tests with several participants stay quick.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from netclarity.texts import PaceTexts
from tests.support.respondent import TIMEOUT, Respondent


def create_workshop(
    page: Page, base_url: str, title: str, threshold: int, *, paced: bool = False
) -> str:
    """Create a workshop on the facilitator page; returns the facilitator link shown once."""
    page.goto(f"{base_url}/facilitate")
    page.get_by_label("Workshop title").fill(title)
    box = page.get_by_role("spinbutton", name="Privacy threshold")
    box.fill(str(threshold))
    box.press("Tab")
    if paced:
        page.get_by_text(PaceTexts().facilitator_paced, exact=True).click()
    page.get_by_role("button", name="Create the workshop").click()
    expect(page.locator("h1").first).to_have_text(title, timeout=TIMEOUT)
    return page.locator("[data-testid='stCode']").filter(has_text="/dashboard?").inner_text()


def join_and_finish(r: Respondent, *, poll: str) -> None:
    """From the join page to the results, answering only the required questions."""
    join_and_start(r)
    finish(r, poll=poll)


def join_and_start(r: Respondent) -> None:
    """From the join page to the third page: goals and hours given, and saved."""
    pages = r.questionnaire.pages
    join_and_answer_goals(r, then=pages[1].title)
    answer_hours(r)


def join_and_answer_goals(r: Respondent, *, then: str) -> None:
    """From the join page through the first page (goals), to the page titled ``then``."""
    q = r.questionnaire
    r.title(q.texts.workshop.join_title)
    r.wait_idle()
    r.page.get_by_role("button", name=q.texts.workshop.join_button).click()
    r.title(q.pages[0].title)
    r.choose("goals_clear", r.option("goals_clear", "yes"))
    r.amount("goal_weights", "clients", 60)
    r.amount("goal_weights", "learning", 40)
    r.next(then)


def answer_hours(r: Respondent) -> None:
    """The second page (hours), to the third."""
    r.amount("hours", "one_to_ones", 6)
    r.amount("hours", "breakfast_clubs", 4)
    r.next(r.questionnaire.pages[2].title)


def finish(r: Respondent, *, poll: str) -> None:
    """From the third page (motives) to the results."""
    q = r.questionnaire
    answer_to_review(r, poll=poll, then=q.texts.review_title)
    r.page.get_by_role("button", name=q.texts.see_results).click()
    r.title(q.texts.results_title)


def answer_to_review(r: Respondent, *, poll: str, then: str) -> None:
    """From the third page (motives) through the poll, to the review titled ``then``."""
    q = r.questionnaire
    pages = q.pages
    r.segment("motive", "one_to_ones", r.column("motive", "want"))
    r.segment("motive", "breakfast_clubs", r.column("motive", "should"))
    r.next(pages[3].title)
    r.segment("outcomes", "one_to_ones", r.column("outcomes", "revenue"))
    r.segment("outcomes", "breakfast_clubs", r.column("outcomes", "nothing_yet"))
    r.next(pages[4].title)
    r.next(pages[5].title)
    r.choose("physical_networking_poll", r.option("physical_networking_poll", poll))
    r.next(then)
