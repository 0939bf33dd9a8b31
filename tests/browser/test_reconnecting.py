"""While a page has lost its server it says so, on a phone too, and carries on afterwards."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import PHONE
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
