"""A workshop in Chromium: a facilitator and three participants, one of them on a phone.

The facilitator creates the workshop and opens the live dashboard; three participants join
(by link, by typing the code, by link on a 390 px phone), answer only what is required and
see their results; the dashboard shows all three completed without a reload, the CSV
downloads with one row each, and after closing, the questions give way to a notice.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.support.participant import create_workshop, join_and_finish
from tests.support.respondent import TIMEOUT, Respondent
from tests.support.server import AppServer

TITLE = "Thursday networking lab"


def csv_download(page: Page) -> bytes:
    """The CSV, as a facilitator gets it: the dashboard redraws itself every few seconds, and
    a redraw landing while the file is fetched cancels that download (Streamlit's deferred
    downloads), so a person, like this test, clicks again."""
    for _ in range(3):
        Respondent(page).wait_idle()
        with page.expect_download() as started:
            page.get_by_role("button", name="Download answers (CSV)").click()
        try:
            return Path(started.value.path()).read_bytes()
        except PlaywrightError:  # cancelled by a redraw
            continue
    raise AssertionError("the CSV download was cancelled three times")


def test_a_facilitator_and_three_participants(browser: Any, app_server: AppServer) -> None:
    facilitator = browser.new_context(viewport=DESKTOP).new_page()
    link = create_workshop(facilitator, app_server.url, TITLE, threshold=3)
    code = parse_qs(urlsplit(link).query)["workshop"][0]
    facilitator.get_by_role("button", name="Open the dashboard").click()
    completed = facilitator.get_by_test_id("stMetric").filter(has_text="Completed")
    expect(completed).to_contain_text("0", timeout=TIMEOUT)

    phone = browser.new_context(viewport=PHONE).new_page()
    phone.goto(f"{app_server.url}/?join={code}")
    first = Respondent(phone)
    join_and_finish(first, poll="sellers")

    typed = browser.new_context(viewport=DESKTOP).new_page()
    typed.goto(f"{app_server.url}/join")
    Respondent(typed).wait_idle()
    typed.get_by_label(Respondent(typed).questionnaire.texts.workshop.code_label).fill(code.lower())
    join_and_finish(Respondent(typed), poll="enjoyable")

    third = browser.new_context(viewport=DESKTOP).new_page()
    third.goto(f"{app_server.url}/?join={code}")
    join_and_finish(Respondent(third), poll="sellers")
    expect(third.get_by_text("How your answers compare with the 3 people")).to_be_visible()

    expect(completed).to_contain_text("3", timeout=TIMEOUT)  # the dashboard refreshed itself
    expect(facilitator.get_by_text("3 answers.", exact=True)).to_be_visible(timeout=TIMEOUT)  # poll
    rows = list(csv.reader(io.StringIO(csv_download(facilitator).decode("utf-8-sig"))))
    assert len(rows) == 4
    assert [row[rows[0].index("physical_networking_poll")] for row in rows[1:]].count(
        "Not for me: the rooms are full of people selling"
    ) == 2

    facilitator.get_by_role("button", name="Close the workshop").click()
    expect(facilitator.get_by_role("button", name="Reopen the workshop")).to_be_visible(
        timeout=TIMEOUT
    )
    token = re.search(r"resume=([\w-]+)", phone.url)
    assert token is not None
    phone.goto(f"{app_server.url}/questions?resume={token.group(1)}")
    expect(phone.get_by_text(first.questionnaire.texts.workshop.closed_answers)).to_be_visible(
        timeout=TIMEOUT
    )
    for page in (facilitator, phone, typed, third):
        page.context.close()
