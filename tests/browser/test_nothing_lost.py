"""Nothing is lost: a reload, a closed browser and a server restart all bring answers back."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP
from tests.browser.test_self_guided import answer_first_half
from tests.support.respondent import Respondent
from tests.support.server import AppServer


def token_of(page: Page) -> str:
    return parse_qs(urlsplit(page.url).query)["resume"][0]


def assert_first_half_is_back(r: Respondent) -> None:
    """On the motives page with its choices, and the hours one page back."""
    pages = r.questionnaire.pages
    r.title(pages[2].title)
    row = r.page.locator(".st-key-q-motive-breakfast_clubs")
    should = row.get_by_role("radio", name=r.column("motive", "should"))
    expect(should).to_be_checked()
    r.page.locator(".st-key-nav_back button").click()
    r.title(pages[1].title)
    expect(r.page.locator(".st-key-q-hours-breakfast_clubs input")).to_have_value("8")
    expect(r.page.locator(".st-key-q-hours-one_to_ones input")).to_have_value("6")
    expect(r.page.locator(".st-key-q-money-breakfast_clubs input")).to_have_value("60")


def test_reload_and_a_resume_link_in_a_fresh_browser_restore_everything(
    browser: Any, app_server: AppServer
) -> None:
    first = browser.new_context(viewport=DESKTOP)
    page = first.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    answer_first_half(r)
    page.reload()
    r.title(r.questionnaire.pages[2].title)
    token = token_of(page)
    first.close()

    second = browser.new_context(viewport=DESKTOP)
    page = second.new_page()
    page.goto(f"{app_server.url}/?resume={token}")
    r = Respondent(page)
    r.title(r.questionnaire.title)
    expect(page.get_by_text(r.questionnaire.texts.welcome_back)).to_be_visible()
    page.get_by_role("button", name=r.questionnaire.texts.resume).click()
    assert_first_half_is_back(r)
    second.close()


def test_a_server_restart_in_the_middle_loses_nothing(browser: Any, app_server: AppServer) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    answer_first_half(r)
    app_server.stop()
    app_server.start()
    page.reload()
    assert_first_half_is_back(r)
    context.close()
