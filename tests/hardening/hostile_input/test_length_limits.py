"""Text over a question's limit is never cut or dropped without a word.

Streamlit's own limit (``max_chars``) drops a paste that would go over it and cuts longer
values on the server; the app does not use it for questions. The whole text stays on screen
and in the database, a message says how long it is against the limit at once, and Next
waits until the person has shortened it.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from netclarity.store import Store
from tests.app.conftest import MakeApp
from tests.browser.conftest import DESKTOP
from tests.browser.test_nothing_lost import token_of
from tests.hardening.hostile import LONG
from tests.hardening.steps import on_words_page, saved, settled, start_in_browser
from tests.support.server import AppServer


def test_long_text_questions_say_their_limit(make_app: MakeApp) -> None:
    app = on_words_page(make_app)

    captions = [c.value for c in app.caption]
    assert "Up to 100,000 characters." in captions  # story
    assert "Up to 2,000 characters." in captions  # note: the default limit


def test_text_over_the_limit_is_kept_whole_and_named_at_once(
    make_app: MakeApp, store: Store
) -> None:
    app = on_words_page(make_app)

    app.text_area(key="q-note").input(LONG[:2500]).run()

    assert app.text_area(key="q-note").value == LONG[:2500]
    assert [e.value for e in app.error] == ["This is 2,500 characters long; the limit is 2,000."]
    assert saved(store, app).answers["note"] == LONG[:2500]


def test_next_waits_until_the_text_is_short_enough(make_app: MakeApp, store: Store) -> None:
    app = on_words_page(make_app)
    app.text_input(key="q-headline").input("A" * 61).run()

    app = app.button(key="nav_next").click().run()

    assert app.title[0].value == "Your words"
    assert "Some answers need attention before you go on." in [e.value for e in app.error]
    app.text_input(key="q-headline").input("A" * 60).run()
    app = app.button(key="nav_next").click().run()
    assert app.title[0].value == "Review your answers"
    assert saved(store, app).answers["headline"] == "A" * 60


def test_text_exactly_at_the_limit_is_accepted_without_a_message(make_app: MakeApp) -> None:
    app = on_words_page(make_app)

    app.text_area(key="q-story").input(LONG).run()

    assert len(LONG) == 100_000
    assert not app.error


def test_a_paste_over_the_limit_in_chromium_is_kept_whole_and_named_at_once(
    browser: Any, free_text_server: AppServer, store: Store
) -> None:
    """With ``max_chars``, Chromium dropped such a paste entirely and said nothing."""
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=free_text_server.url)
    page = context.new_page()
    start_in_browser(page, free_text_server.url)
    box = page.locator(".st-key-q-note textarea")
    box.click()
    page.evaluate("text => navigator.clipboard.writeText(text)", LONG[:2500])

    box.press("Control+V")
    box.press("Tab")

    expect(box).to_have_value(LONG[:2500])
    message = page.get_by_text("This is 2,500 characters long; the limit is 2,000.")
    expect(message).to_be_visible()
    settled(page)
    loaded = store.load(token_of(page))
    assert loaded is not None
    assert loaded.answers["note"] == LONG[:2500]
    context.close()
