"""In Chromium: typed hostile text stays text on every screen and in both downloads.

What the DOM holds is the proof: the review and the findings show exactly the characters
typed, as one text node, and no link, image, script, icon or bold text is made from them;
no script runs (no dialog opens). The PDF and the JSON are downloaded as a person would.
"""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from netclarity.store import Store
from tests.browser.conftest import DESKTOP
from tests.browser.test_nothing_lost import token_of
from tests.hardening.hostile import HOSTILE, TYPEABLE
from tests.hardening.steps import download, settled, start_in_browser
from tests.support.server import AppServer

STORY = "\n".join(TYPEABLE.values())
HEADLINE = HOSTILE["image with onerror"]
NOTE = HOSTILE["markdown link"] + " " + HOSTILE["markdown image"]


def no_markup_from(main: Locator) -> None:
    """Nothing in the page was made from the hostile texts."""
    assert main.locator("script, img, iframe, object, embed").count() == 0
    hrefs = [a.get_attribute("href") or "" for a in main.locator("a").all()]
    assert [h for h in hrefs if not h.startswith("#")] == []  # only headings' own anchors
    assert main.locator("strong, em, b, i", has_text="bold").count() == 0
    assert main.locator("[data-testid='stText'] span *").count() == 0  # one text node each


def plain_texts(main: Locator) -> list[str]:
    """The exact characters of every plain-text element (``textContent``, not as rendered)."""
    return [t.text_content() or "" for t in main.get_by_test_id("stText").all()]


def test_hostile_text_is_shown_as_typed_on_the_review_and_in_the_findings(
    browser: Any, free_text_server: AppServer
) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page: Page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    r = start_in_browser(page, free_text_server.url)
    r.type_text("headline", HEADLINE)
    r.type_text("story", STORY)
    r.type_text("note", NOTE)
    main = page.get_by_test_id("stMain")

    r.next("Review your answers")
    expect(main.get_by_test_id("stText")).to_have_count(5)  # goals, hours and the three texts

    assert [t for t in plain_texts(main) if t in (HEADLINE, STORY, NOTE)] == [HEADLINE, STORY, NOTE]
    no_markup_from(main)
    page.get_by_role("button", name="See my results").click()
    r.title("Your results")
    expect(main.get_by_test_id("stText").filter(has_text="In your words:")).to_have_count(1)
    assert f"In your words: {STORY}" in plain_texts(main)
    no_markup_from(main)
    assert dialogs == []
    context.close()


def test_hostile_text_in_the_plan_and_name_reaches_both_downloads_intact(
    browser: Any, free_text_server: AppServer, store: Store
) -> None:
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page: Page = context.new_page()
    r = start_in_browser(page, free_text_server.url)
    r.type_text("story", STORY)
    r.next("Review your answers")
    page.get_by_role("button", name="See my results").click()
    r.title("Your results")
    goal = HOSTILE["spreadsheet hyperlink"] + " " + HOSTILE["script tag"]
    name = HOSTILE["markdown image"] + " " + HOSTILE["emoji"]
    for key, text in (("plan-goal-1-what", goal), ("plan-give", STORY), ("pdf-name", name)):
        box = page.locator(f".st-key-{key} input, .st-key-{key} textarea").first
        box.fill(text)
        box.press("Tab")
        settled(page)

    reader = PdfReader(download(page, "Download my summary (PDF)"))
    printed = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    page.get_by_text("Your data").click()
    document = json.loads(download(page, "Download my answers (JSON)").read_text("utf-8"))

    assert f"Prepared for {' '.join(name.split())}" in printed
    assert " ".join(goal.split()) in printed
    # Right-to-left text is extracted in the order it is drawn (tests/hardening/
    # test_hostile_text_outputs.py); every other line is printed as typed.
    assert [t for t in TYPEABLE.values() if " ".join(t.split()) not in printed] == [
        HOSTILE["right to left"]
    ]
    [round_] = document["rounds"]
    assert round_["answers"]["story"] == STORY
    assert round_["plan"]["goals"][0]["what"] == goal
    assert round_["plan"]["give"] == STORY
    stored = store.load(token_of(page))
    assert stored is not None
    assert stored.plan.give == STORY
    context.close()
