"""What a person sees on a phone and on coming back, checked by geometry and by the network.

The results charts fit a 390 px screen with every legend and label whole; no placeholder is
cut by its box, and example answers are shown whole beside it; each problem on a page is said
once, next to its question; a finished person's link brings them back to their
results; and no request leaves the app's own origin (no icon font, no tracker: venue Wi-Fi
and privacy-minded clients get the app and nothing else).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE
from tests.browser.test_self_guided import answer_first_half, answer_second_half
from tests.support.respondent import TIMEOUT, Respondent, keyed
from tests.support.server import AppServer


def to_results(page: Page, url: str) -> Respondent:
    page.goto(url)
    r = Respondent(page)
    r.title(r.questionnaire.title)
    answer_first_half(r)
    answer_second_half(r)
    page.get_by_role("button", name=r.questionnaire.texts.see_results).click()
    r.title(r.questionnaire.texts.results_title)
    expect(page.locator(".vega-embed svg.marks")).to_have_count(3, timeout=TIMEOUT)
    return r


def test_no_request_leaves_the_apps_origin(browser: Any, app_server: AppServer) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    to_results(page, app_server.url)
    origin = urlsplit(app_server.url).netloc
    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != origin
    ]
    assert elsewhere == []


def test_every_results_chart_fits_a_phone_with_its_words_whole(
    browser: Any, app_server: AppServer
) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    to_results(page, app_server.url)
    charts = page.locator("[data-testid='stVegaLiteChart']")
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]
        words = chart.locator("svg.marks text").all_text_contents()
        assert words
        assert [w for w in words if "…" in w] == []  # Vega shortens what does not fit
        for text in chart.locator("svg.marks text").all():
            inside = text.bounding_box()
            assert inside is not None
            assert inside["x"] + inside["width"] <= box["x"] + box["width"] + 1, text.text_content()


PLACEHOLDERS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] input[placeholder], [data-testid="stMain"] textarea[placeholder]'
  )].filter(box => box.placeholder && box.getClientRects().length).map(box => {
    const drawn = getComputedStyle(box, "::placeholder");
    const pen = document.createElement("canvas").getContext("2d");
    pen.font = `${drawn.fontStyle} ${drawn.fontWeight} ${drawn.fontSize} ${drawn.fontFamily}`;
    const style = getComputedStyle(box);
    const edge = (side) =>
      parseFloat(style[`padding${side}`]) + parseFloat(style[`border${side}Width`]);
    const room = box.getBoundingClientRect().width - edge("Left") - edge("Right");
    const height = box.getBoundingClientRect().height - edge("Top") - edge("Bottom");
    const lines = box.tagName === "TEXTAREA"
      ? Math.floor(height / parseFloat(style.lineHeight)) : 1;
    return [box.placeholder, pen.measureText(box.placeholder).width, room * lines];
  })"""
"""Every visible placeholder: its text, the width it is drawn at, and the room its box has
(a text area's placeholder wraps: the room is its width times the lines it shows)."""


def test_no_placeholder_is_cut_on_a_phone_and_examples_show_whole(
    browser: Any, app_server: AppServer
) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    questionnaire, texts = r.questionnaire, r.questionnaire.texts
    pages = questionnaire.pages
    measured: dict[str, float] = {}
    cut: dict[str, list[str]] = {}

    def look(screen: str, *with_example: str) -> None:
        """Measure the placeholders on the screen, and see each example answer shown whole."""
        r.wait_idle()
        for question in with_example:
            example = questionnaire.question(question).example  # type: ignore[union-attr]
            shown = page.locator(keyed(page, f"question-{question}")).get_by_text(example)
            expect(shown).to_be_visible(timeout=TIMEOUT)
            assert shown.inner_text() == example
        for text, width, room in page.evaluate(PLACEHOLDERS):
            measured[text] = width
            if width > room:
                cut.setdefault(screen, []).append(f"{text!r}: {width:.0f} px in {room:.0f} px")

    r.title(questionnaire.title)
    page.get_by_role("button", name=texts.start).click()
    r.title(pages[0].title)
    # the points first: the question "no" reveals above them redraws their boxes, and a
    # number typed while that rerun is still on its way can be drawn over
    r.amount("goal_weights", "clients", 100)
    r.choose("goals_clear", r.option("goals_clear", "no"))  # asks what decides instead
    expect(page.locator(keyed(page, "question-what_decides"))).to_be_visible(timeout=TIMEOUT)
    look(pages[0].id, "what_decides", "success")
    r.next(pages[1].title)
    r.amount("hours", "breakfast_clubs", 8)
    look(pages[1].id)
    r.next(pages[2].title)
    r.segment("motive", "breakfast_clubs", r.column("motive", "should"))
    look(pages[2].id, "time_instead")
    r.next(pages[3].title)
    r.segment("outcomes", "breakfast_clubs", r.column("outcomes", "nothing_yet"))
    look(pages[3].id)
    r.next(pages[4].title)
    look(pages[4].id, "bring_alive")
    r.pills("give", r.option("give", "introductions"))
    r.next(pages[5].title)
    look(pages[5].id)
    page.goto(f"{app_server.url}/join")
    r.title(texts.workshop.join_title)
    look("join")
    page.goto(f"{app_server.url}/facilitate")
    expect(page.get_by_label("Workshop title")).to_be_visible(timeout=TIMEOUT)
    look("facilitate")

    assert cut == {}
    assert texts.workshop.code_placeholder in measured  # the check did measure


def test_each_problem_is_said_once_next_to_its_question(
    browser: Any, app_server: AppServer
) -> None:
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    texts = r.questionnaire.texts
    r.title(r.questionnaire.title)
    page.get_by_role("button", name=texts.start).click()
    r.title(r.questionnaire.pages[0].title)
    r.amount("goal_weights", "clients", 60)
    r.amount("goal_weights", "community", 45)
    page.get_by_role("button", name=texts.next).click()
    r.wait_idle()
    over = texts.allocation_over.format(over="5", unit=texts.allocation_unit)
    expect(page.get_by_text(over, exact=True)).to_have_count(1)
    expect(page.get_by_text(texts.required, exact=True)).to_have_count(1)
    weights = page.locator(keyed(page, "total-goal_weights"))
    expect(weights.get_by_text(over, exact=True)).to_be_visible()


def test_a_finished_person_coming_back_lands_on_their_results(
    browser: Any, app_server: AppServer
) -> None:
    first = browser.new_context(viewport=PHONE).new_page()
    r = to_results(first, app_server.url)
    link = first.url
    texts = r.questionnaire.texts

    later = browser.new_context(viewport=PHONE).new_page()
    later.goto(link)
    back = Respondent(later)
    back.title(texts.results_title)
    later.get_by_role("button", name=texts.review).click()
    back.title(texts.review_title)

    home = browser.new_context(viewport=PHONE).new_page()
    home.goto(link.replace("/results", "/"))
    Respondent(home).title(r.questionnaire.title)
    home.get_by_role("button", name=texts.see_results).click()
    Respondent(home).title(texts.results_title)


def test_the_points_left_stay_in_view_while_typing_at_the_top_of_a_long_list(
    browser: Any, app_server: AppServer
) -> None:
    """On a phone the nine goals' boxes fill more than a screen: with the first box in view,
    the running total under the last one is still on the screen, at its bottom."""
    page = browser.new_context(viewport=PHONE).new_page()
    page.goto(app_server.url)
    r = Respondent(page)
    page.get_by_role("button", name=r.questionnaire.texts.start).click()
    r.title(r.questionnaire.pages[0].title)
    first = page.locator(keyed(page, "q-goal_weights-community")).locator("input")
    first.scroll_into_view_if_needed()
    first.focus()

    total = page.locator(keyed(page, "total-goal_weights")).bounding_box()
    box = first.bounding_box()
    assert total is not None
    assert box is not None
    assert box["y"] + box["height"] < total["y"]  # the box typed in is above the total
    assert total["y"] + total["height"] <= PHONE["height"] + 1  # and the total on the screen
