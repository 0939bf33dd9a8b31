"""An Arabic questionnaire in Chromium reads right to left, checked by where things are drawn.

The app runs with only ``tests/questionnaires/arabic.yaml``. At desktop and phone width the
tests measure the page: titles and sentences end at the right edge and a sentence's final "."
is drawn at its left end; Next sits left of Back; the first of two columns is on the right;
"3 أشخاص" has its number right of its word and a ranked list its "1." right of the name; a
number such as 12٫5 keeps its digits in order; and no English default text is on any screen.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import DESKTOP, PHONE
from tests.support.english import ARABIC_FILE, arabic, english_in, english_phrases
from tests.support.respondent import Respondent
from tests.support.server import AppServer

QUESTIONNAIRE = arabic()
TEXTS = QUESTIONNAIRE.texts
PAGES = QUESTIONNAIRE.pages

CHAR_X = """(element, [text, index]) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at + index);
    range.setEnd(node, at + index + 1);
    const box = range.getBoundingClientRect();
    return [box.left, box.right];
  }
  return null;
}"""
"""The left and right edge of character ``index`` of ``text`` where it is drawn."""

TEXT_RIGHT = """element => {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect().right;
}"""


def char_x(locator: Locator, text: str, index: int = 0) -> tuple[float, float]:
    found = locator.evaluate(CHAR_X, [text, index])
    assert found is not None, f"{text!r} is not drawn in {locator}"
    return found[0], found[1]


def box(locator: Locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None
    return found


@pytest.fixture
def arabic_server(tmp_path: Path) -> Iterator[AppServer]:
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(ARABIC_FILE, folder)
    server = AppServer(
        f"sqlite:///{tmp_path / 'netclarity.db'}", env={"NETCLARITY_QUESTIONS": str(folder)}
    )
    server.start()
    yield server
    server.stop()


def wait_for_right_to_left(page: Page) -> None:
    """Wait until the stylesheet, which arrives after the first elements, has applied."""
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('[data-testid=stMain]')).direction === 'rtl'"
    )


def assert_no_english(page: Page) -> None:
    shown = page.locator("[data-testid='stMain']").inner_text()
    assert english_in([shown], english_phrases(TEXTS)) == {}


def assert_ends_at_the_right(page: Page, element: Locator) -> None:
    """The element's text ends at its right edge, and its final "." is drawn leftmost."""
    right = element.evaluate(TEXT_RIGHT)
    assert abs(right - box(element)["x"] - box(element)["width"]) < 3
    text = element.inner_text().strip()
    if text.endswith("."):
        first_left, _ = char_x(element, text[0])
        full_stop_left, _ = char_x(element, text, len(text) - 1)
        assert full_stop_left < first_left


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_arabic_questionnaire_reads_right_to_left_on_every_screen(
    browser: Any, arabic_server: AppServer, viewport: dict[str, int], tmp_path: Path
) -> None:
    context = browser.new_context(viewport=viewport)
    page: Page = context.new_page()
    page.goto(arabic_server.url)
    r = Respondent(page, QUESTIONNAIRE)
    main = page.locator("[data-testid='stMain']")

    r.title(QUESTIONNAIRE.title)
    wait_for_right_to_left(page)
    expect(page).to_have_title(QUESTIONNAIRE.title)
    assert_ends_at_the_right(page, page.locator("h1").first)
    assert_ends_at_the_right(page, main.get_by_text(TEXTS.saved_as_you_go, exact=True))
    assert_no_english(page)

    page.get_by_role("button", name=TEXTS.start).click()
    r.title(PAGES[0].title)
    assert_ends_at_the_right(page, main.get_by_text(PAGES[0].intro or "", exact=True))
    bar = box(page.locator("[data-testid='stProgress'] [role='progressbar']"))
    assert bar["width"] > 0
    r.amount("awzan", "zabain", 50)
    first, second = (box(page.locator(f".st-key-q-awzan-{g} input")) for g in ("zabain", "maarifa"))
    if viewport == DESKTOP:  # two columns side by side: the first on the right
        assert first["x"] > second["x"] + second["width"]
    else:  # stacked on a phone, first on top
        assert first["y"] < second["y"]
    r.amount("awzan", "maarifa", 30)
    r.amount("awzan", "mujtama", 20)
    assert_no_english(page)

    r.next(PAGES[1].title)
    back, next_ = (box(page.locator(f".st-key-nav_{b} button")) for b in ("back", "next"))
    if abs(back["y"] - next_["y"]) < 5:  # in one row: Back on the right, Next on the left
        assert next_["x"] + next_["width"] <= back["x"]
    r.amount("saat", "multaqayat", 12.5)
    r.amount("saat", "linkedin", 4)
    r.segment("dafi", "multaqayat", r.column("dafi", "should"))
    r.segment("dafi", "linkedin", r.column("dafi", "want"))
    total = main.get_by_text("16٫5")
    two_left, _ = char_x(total, "16٫5", 0)
    five_left, _ = char_x(total, "16٫5", 3)
    assert two_left < five_left  # the digits of a number still run left to right
    assert_no_english(page)

    r.next(PAGES[2].title)
    people = page.locator(".st-key-q-ashkhas input")
    people.fill("3")
    people.press("Enter")
    r.wait_idle()
    r.next(TEXTS.review_title)
    answer = main.get_by_text("أشخاص", exact=False).last
    digit_left, _ = char_x(answer, "3")
    _, word_right = char_x(answer, "أشخاص")
    assert digit_left > word_right  # "3 أشخاص": the number first, on the right
    name = next(g.label for g in QUESTIONNAIRE.goals if g.id == "zabain")
    ranked = main.get_by_text(f"1. {name}", exact=False)
    number_left, _ = char_x(ranked, f"1. {name}", 0)
    _, name_right = char_x(ranked, f"1. {name}", 3)
    assert number_left > name_right  # "1." on the right of the name
    assert_no_english(page)
    page.screenshot(path=str(tmp_path / "review.png"), full_page=True)

    page.get_by_role("button", name=TEXTS.see_results).click()
    r.title(TEXTS.results_title)
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible()
    expect(main.get_by_text("This app has encountered an error")).to_have_count(0)
    assert_ends_at_the_right(page, page.locator("h1").first)
    assert_no_english(page)
    context.close()


def test_after_next_focus_is_on_the_first_question_with_a_message_right_to_left_too(
    browser: Any, arabic_server: AppServer
) -> None:
    """The first box of the points to share out, which reading right to left is the right-hand
    one on a desktop and the top one on a phone (tests/browser/test_keyboard_focus.py)."""
    page: Page = browser.new_context(viewport=PHONE).new_page()
    page.goto(arabic_server.url)
    r = Respondent(page, QUESTIONNAIRE)
    r.title(QUESTIONNAIRE.title)
    page.get_by_role("button", name=TEXTS.start).click()
    r.title(PAGES[0].title)
    wait_for_right_to_left(page)

    page.locator(".st-key-nav_next button").focus()
    page.keyboard.press("Enter")
    r.wait_idle()

    expect(page.locator(".st-key-problem-awzan")).to_be_visible()
    expect(page.locator(".st-key-q-awzan-zabain input")).to_be_focused()
