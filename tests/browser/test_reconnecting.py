"""While a page has lost its server it says so, on a phone too, and carries on afterwards."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_self_guided import answer_first_half, answer_second_half
from tests.support.respondent import TIMEOUT, Respondent
from tests.support.server import AppServer


def test_a_lost_server_shows_reconnecting_and_nothing_lost_then_the_page_goes_on(
    browser: Any, app_server: AppServer
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    answer_first_half(r)
    answer_second_half(r)  # ends on the review page: every answer is saved
    notice = page.get_by_text(r.questionnaire.texts.reconnecting)
    expect(page.locator(".st-key-reconnecting")).to_be_attached(timeout=TIMEOUT)  # drawn
    expect(notice).to_be_hidden()

    app_server.stop(kill=True)
    expect(notice).to_be_visible(timeout=TIMEOUT)
    expect(notice).to_be_in_viewport()
    app_server.start()

    expect(notice).to_be_hidden(timeout=TIMEOUT)
    page.get_by_role("button", name=r.questionnaire.texts.see_results).click()
    r.title(r.questionnaire.texts.results_title)
    context.close()


def test_after_a_restart_a_page_opened_by_its_link_gets_the_notice_from_the_next_step(
    browser: Any, app_server: AppServer
) -> None:
    """The first request to a restarted server asks for ``/questions`` (the tab reloads):
    Streamlit runs that page's script alone, but every run after it goes through ``app.py``,
    which draws the notice (and warms the server up)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    answer_first_half(r)  # ends on the third page, /questions?resume=…
    app_server.stop()
    app_server.start()
    page.reload()
    pages = r.questionnaire.pages
    r.title(pages[2].title)
    page.locator(".st-key-nav_back button").click()
    r.title(pages[1].title)
    expect(page.locator(".st-key-reconnecting")).to_be_attached(timeout=TIMEOUT)
    page.locator(".st-key-nav_back button").click()
    r.title(pages[0].title)
    expect(page.locator(".st-key-reconnecting")).to_be_attached(timeout=TIMEOUT)
    context.close()
