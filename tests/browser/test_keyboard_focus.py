"""Where keyboard focus is after Next and Back: where a keyboard or screen-reader user must go.

After Next with something missing, focus is on the first control of the first question that
shows a message (not on the button, not at the top of the page), so the person hears which
question it is and can answer at once. After a move to another page (Next, Back), focus is on
that page's heading: a screen reader reads the new title and intro from there, and Tab reaches
the first question. The heading rather than the first control, because focusing a box would
skip the title and intro and, on a phone, open the keyboard over the page. Focus is moved only
by those presses: a person typing or choosing keeps their place.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from netclarity.ui.focus import MOVE_FOCUS
from tests.browser.conftest import DESKTOP, PHONE
from tests.support.respondent import Respondent
from tests.support.server import AppServer

FOCUSED_QUESTION = """() => {
  const question = document.activeElement?.closest('[class*="st-key-question-"]');
  return question ? [...question.classList].find(c => c.startsWith("st-key-question-")) : null;
}"""
"""The keyed class of the question holding keyboard focus (None: focus is in no question)."""

FIRST_QUESTION_WITH_A_MESSAGE = """() => {
  const message = document.querySelector('[class*="st-key-problem-"]');
  const question = message?.closest('[class*="st-key-question-"]');
  return question ? [...question.classList].find(c => c.startsWith("st-key-question-")) : null;
}"""

RUN_AN_OLDER_MOVE_LATE = """(script) => {
  const newest = document.querySelector('[class*="st-key-focus-problem-"]');
  const [, mark, number] = /st-key-focus-problem-([0-9a-f]+)-([0-9]+)/.exec(newest.className);
  const older = document.createElement("div");
  older.className = `st-key-focus-heading-${mark}-${Number(number) - 1}`;
  newest.after(older);
  const late = document.createElement("script");
  late.textContent = script.replace(/^<script>|<\\/script>$/g, "");
  older.append(late);
}"""
"""Run the app's own focus script again, after the move to the first message, as the move
before it (to the page's heading) would run if Streamlit ran it late."""


def start(page: Page, url: str) -> Respondent:
    page.goto(url)
    r = Respondent(page)
    r.title(r.questionnaire.title)
    page.get_by_role("button", name=r.questionnaire.texts.start).click()
    r.title(r.questionnaire.pages[0].title)
    r.wait_idle()
    return r


def press(page: Page, key: str) -> None:
    """Tab to a navigation button and press Enter, as a keyboard user does."""
    button = page.locator(f".st-key-nav_{key}[data-stale='false'] button")
    expect(button).to_have_count(1)
    button.focus()
    page.keyboard.press("Enter")


def wait_for_messages(r: Respondent) -> None:
    r.wait_idle()
    expect(r.page.get_by_text(r.questionnaire.texts.fix_before_next, exact=True)).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_next_on_an_empty_page_puts_focus_in_the_first_question_with_a_message(
    browser: Any, app_server: AppServer, viewport: dict[str, int]
) -> None:
    page = browser.new_context(viewport=viewport).new_page()
    r = start(page, app_server.url)

    press(page, "next")
    wait_for_messages(r)

    expect(page.locator(".st-key-question-goals_clear input").first).to_be_focused()
    assert page.evaluate(FIRST_QUESTION_WITH_A_MESSAGE) == "st-key-question-goals_clear"
    assert page.evaluate(FOCUSED_QUESTION) == "st-key-question-goals_clear"
    assert page.evaluate("document.activeElement.type") == "radio"


def test_next_activated_while_focus_is_still_on_the_heading_goes_to_the_first_message(
    browser: Any, app_server: AppServer
) -> None:
    """A screen reader's browse mode can press a button without moving focus to it, and a
    quick person can press Next before the page's own move has run: focus this app put on the
    heading is not a place the person chose, so it still moves to the problem."""
    page = browser.new_context(viewport=DESKTOP).new_page()
    r = start(page, app_server.url)
    expect(page.locator("h1").first).to_be_focused()

    page.locator(".st-key-nav_next[data-stale='false'] button").dispatch_event("click")
    wait_for_messages(r)

    assert page.evaluate(FOCUSED_QUESTION) == "st-key-question-goals_clear"


def test_the_headings_move_running_after_the_move_to_a_message_leaves_focus_on_the_message(
    browser: Any, app_server: AppServer
) -> None:
    """A person who presses Next the moment a page arrives has the heading's move and the
    message's move on the way at once, and the browser may run them in either order: the
    older one must not take focus back to the heading."""
    page = browser.new_context(viewport=DESKTOP).new_page()
    r = start(page, app_server.url)
    press(page, "next")
    wait_for_messages(r)
    first_control = page.locator(".st-key-question-goals_clear input").first
    expect(first_control).to_be_focused()

    page.evaluate(RUN_AN_OLDER_MOVE_LATE, MOVE_FOCUS.strip())

    expect(first_control).to_be_focused()
    expect(page.locator("h1").first).not_to_be_focused()


def test_focus_skips_answered_questions_to_the_first_with_a_message(
    browser: Any, app_server: AppServer
) -> None:
    page = browser.new_context(viewport=DESKTOP).new_page()
    r = start(page, app_server.url)
    r.choose("goals_clear", r.option("goals_clear", "partly"))

    press(page, "next")
    wait_for_messages(r)

    first_goal = r.questionnaire.goals[0].id
    expect(page.locator(f".st-key-q-goal_weights-{first_goal} input")).to_be_focused()
    assert page.evaluate(FIRST_QUESTION_WITH_A_MESSAGE) == "st-key-question-goal_weights"


def test_a_move_to_the_next_page_puts_focus_on_its_heading_and_typing_keeps_it(
    browser: Any, app_server: AppServer
) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    r = start(page, app_server.url)
    pages = r.questionnaire.pages
    r.choose("goals_clear", r.option("goals_clear", "partly"))
    r.amount("goal_weights", "clients", 100)

    press(page, "next")
    r.title(pages[1].title)
    r.wait_idle()

    heading = page.locator("h1").first
    expect(heading).to_be_focused()
    expect(heading).to_have_text(pages[1].title)
    box = page.locator(".st-key-q-hours-breakfast_clubs input")
    box.focus()
    box.fill("8")
    box.press("Enter")
    r.wait_idle()
    expect(box).to_have_value("8")
    expect(box).to_be_focused()


def test_back_puts_focus_on_the_earlier_pages_heading_not_into_a_message(
    browser: Any, app_server: AppServer
) -> None:
    page = browser.new_context(viewport=DESKTOP).new_page()
    r = start(page, app_server.url)
    pages = r.questionnaire.pages
    r.choose("goals_clear", r.option("goals_clear", "partly"))
    r.amount("goal_weights", "clients", 100)
    r.next(pages[1].title)
    r.amount("hours", "breakfast_clubs", 8)
    r.next(pages[2].title)
    press(page, "next")
    wait_for_messages(r)
    assert page.evaluate(FOCUSED_QUESTION) == "st-key-question-motive"

    press(page, "back")
    r.title(pages[1].title)
    r.wait_idle()

    heading = page.locator("h1").first
    expect(heading).to_be_focused()
    expect(heading).to_have_text(pages[1].title)
    assert page.evaluate(FOCUSED_QUESTION) is None


def test_arriving_at_a_page_that_already_shows_a_message_puts_focus_on_its_heading(
    browser: Any, app_server: AppServer
) -> None:
    """A text over its limit is pointed out at once, so Back and Next both lead to a page that
    shows a message the person has not yet been asked about: focus goes to the heading."""
    page = browser.new_context(viewport=PHONE).new_page()
    r = start(page, app_server.url)
    pages = r.questionnaire.pages
    r.choose("goals_clear", r.option("goals_clear", "partly"))
    r.amount("goal_weights", "clients", 100)
    r.next(pages[1].title)
    r.amount("hours", "breakfast_clubs", 8)
    r.next(pages[2].title)
    r.segment("motive", "breakfast_clubs", r.column("motive", "should"))
    limit = r.questionnaire.question("time_instead").max_length  # type: ignore[union-attr]
    r.type_text("time_instead", "Write the book I keep putting off. " * (limit // 30))
    expect(page.locator(".st-key-problem-time_instead")).to_be_visible()

    press(page, "back")
    r.title(pages[1].title)
    r.wait_idle()
    expect(page.locator("h1").first).to_be_focused()

    press(page, "next")
    r.title(pages[2].title)
    r.wait_idle()
    expect(page.locator(".st-key-problem-time_instead")).to_be_visible()
    expect(page.locator("h1").first).to_be_focused()
    assert page.evaluate(FOCUSED_QUESTION) is None
