"""The 90-day check-in in Chromium: round 1 with a plan and its calendar reminder, then back
through the check-in link (and through a downloaded file) to review the plan, answer again
from the previous answers, and see and download what changed."""

from __future__ import annotations

import io
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from playwright.sync_api import expect
from pypdf import PdfReader

from netclarity.store import Store
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_nothing_lost import token_of
from tests.browser.test_self_guided import answer_first_half, answer_second_half
from tests.support.respondent import TIMEOUT, Respondent
from tests.support.server import AppServer

ZONE = "Pacific/Auckland"
"""Far from UTC, so a check-in date computed in UTC instead of the person's zone shows."""


def round_one_with_a_plan(r: Respondent, server: AppServer) -> None:
    """Round 1 answered; a goal written and breakfast clubs to be reduced."""
    texts = r.questionnaire.texts
    answer_first_half(r)
    answer_second_half(r)
    r.page.get_by_role("button", name=texts.see_results).click()
    r.title(texts.results_title)
    box = r.page.locator(".st-key-plan-goal-1-what input")
    box.fill("Two clients through referrals")
    box.press("Tab")
    r.wait_idle()
    reduce = r.page.locator(".st-key-plan-ch-breakfast_clubs").get_by_role(
        "radio", name=texts.reduce
    )
    reduce.click()
    expect(reduce).to_have_attribute("aria-checked", "true")
    r.wait_idle()
    wait_for_plan(server, token_of(r.page))


def wait_for_plan(server: AppServer, token: str) -> None:
    """Until the database holds the plan: the browser marks a choice before the server has
    run with it, and a tab closed at once could leave the run unfinished."""
    store = Store.open(server.database_url)
    try:
        deadline = time.monotonic() + TIMEOUT / 1000
        while time.monotonic() < deadline:
            saved = store.load(token)
            if saved is not None and "breakfast_clubs" in saved.plan.channels:
                return
            time.sleep(0.2)
        raise AssertionError("the plan was not saved")
    finally:
        store.close()


def download(r: Respondent, name: str) -> bytes:
    """Click a download button once the page has settled: a rerun that replaces the button
    while the file is fetched cancels the download."""
    page = r.page
    r.wait_idle()
    with page.expect_download() as started:
        page.get_by_role("button", name=name).click()
    return Path(started.value.path()).read_bytes()


def review_and_answer_again(r: Respondent) -> None:
    """Goal partly, breakfast clubs done; hours in breakfast clubs from 8 to 3."""
    texts, checkin = r.questionnaire.texts, r.questionnaire.texts.checkin
    r.title(checkin.review_title)
    r.page.locator(".st-key-review-2-goal-0").get_by_role("radio", name=checkin.partly).click()
    r.wait_idle()
    r.page.locator(".st-key-review-2-channel-breakfast_clubs").get_by_role(
        "radio", name=checkin.done
    ).click()
    r.wait_idle()
    r.page.get_by_role("button", name=checkin.continue_to_questions).click()
    pages = r.questionnaire.pages
    r.title(pages[0].title)
    expect(r.page.get_by_text(checkin.prefilled.format(round=1))).to_be_visible()
    r.next(pages[1].title)
    r.amount("hours", "breakfast_clubs", 3)
    r.amount("hours", "one_to_ones", 11)
    for following in pages[2:]:
        r.next(following.title)
    r.next(texts.review_title)
    r.page.get_by_role("button", name=texts.see_results).click()
    r.title(texts.results_title)


def assert_before_and_after(r: Respondent) -> None:
    texts = r.questionnaire.texts
    body = r.page.locator("[data-testid='stMain']")
    expect(body.get_by_text(texts.compare_title, exact=True)).to_be_visible()
    expect(body.get_by_text("1 of 2 commitments done")).to_be_visible()
    place = r.label("channels", "breakfast_clubs")
    expect(body.get_by_text(f"• You moved 5 h a month out of {place}, as planned.")).to_be_visible()
    for title in (texts.checkin.hours_title, texts.checkin.goals_title):
        expect(body.get_by_text(title, exact=True)).to_be_visible()
    expect(body.locator("[data-testid='stVegaLiteChart']").first).to_be_visible(timeout=TIMEOUT)


def test_a_person_comes_back_through_the_check_in_link(
    browser: Any, app_server: AppServer, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=DESKTOP, timezone_id=ZONE, accept_downloads=True)
    page = context.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    checkin = r.questionnaire.texts.checkin
    round_one_with_a_plan(r, app_server)

    ics = icalendar.Calendar.from_ical(download(r, checkin.reminder_download))
    (event,) = ics.walk("VEVENT")
    today = datetime.now(ZoneInfo(ZONE)).date()
    assert event.decoded("DTSTART") == today + timedelta(days=90)
    token = token_of(page)
    assert f"resume={token}&checkin=1" in str(event["DESCRIPTION"])
    link = str(event["URL"])
    context.close()

    later = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = later.new_page()
    page.goto(link)
    r = Respondent(page)
    page.get_by_role("button", name=checkin.start).click()
    review_and_answer_again(r)
    assert_before_and_after(r)
    page.screenshot(path=tmp_path / "since-last-time.png", full_page=True)

    pdf = download(r, r.questionnaire.texts.download_pdf)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Since last time Round 2 compared with round 1. 1 of 2 commitments done" in text
    assert "1. Two clients through referrals Partly" in text
    assert list(reader.attachments) == [checkin.reminder_file.format(id=r.questionnaire.id)]
    later.close()


def test_a_person_comes_back_through_a_downloaded_file(
    browser: Any, app_server: AppServer, tmp_path: Path
) -> None:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    texts = r.questionnaire.texts
    round_one_with_a_plan(r, app_server)
    page.get_by_text(texts.your_data, exact=True).click()
    exported = tmp_path / "answers.json"
    exported.write_bytes(download(r, texts.download_answers))
    context.close()

    elsewhere = browser.new_context(viewport=DESKTOP)
    page = elsewhere.new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    page.get_by_test_id("stExpander").get_by_text(texts.import_answers, exact=True).first.click()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(exported)
    expect(page.get_by_text(texts.welcome_back)).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name=texts.checkin.start).click()
    review_and_answer_again(r)
    assert_before_and_after(r)
    elsewhere.close()
