"""Hostile text typed into the app is stored exactly and shown as plain text (AppTest).

A person's words reach the screen in three places: the review (``st.text``), the findings
(a finding may quote an answer) and the widgets themselves. None of them may turn typed text
into markup, and the database must hand back exactly what was typed.
"""

from __future__ import annotations

from netclarity.store import Store
from tests.app.conftest import MakeApp
from tests.hardening.hostile import HOSTILE, LONG, SINGLE_LINE
from tests.hardening.steps import button, on_words_page, saved

EVERYTHING = "\n".join(HOSTILE.values())


def test_each_hostile_text_in_a_long_field_is_stored_exactly(
    make_app: MakeApp, store: Store
) -> None:
    app = on_words_page(make_app)
    for name, text in {**HOSTILE, "100,000 characters": LONG}.items():
        app.text_area(key="q-story").input(text).run()

        assert saved(store, app).answers["story"] == text, name
    assert not app.exception


def test_each_hostile_text_in_a_short_field_is_stored_exactly(
    make_app: MakeApp, store: Store
) -> None:
    app = on_words_page(make_app)
    for name, text in SINGLE_LINE.items():
        app.text_input(key="q-headline").input(text).run()

        assert saved(store, app).answers["headline"] == text, name
    assert not app.exception


def test_the_review_shows_hostile_text_as_plain_text_exactly_as_typed(make_app: MakeApp) -> None:
    app = on_words_page(make_app)
    app.text_input(key="q-headline").input(HOSTILE["image with onerror"]).run()
    app.text_area(key="q-story").input(EVERYTHING).run()
    app.text_area(key="q-note").input(LONG[:2000]).run()

    app = app.button(key="nav_next").click().run()

    assert app.title[0].value == "Review your answers"
    plain = [t.value for t in app.text]
    assert HOSTILE["image with onerror"] in plain
    assert EVERYTHING in plain
    assert LONG[:2000] in plain
    markup = " ".join(m.value for m in [*app.markdown, *app.caption, *app.error, *app.warning])
    assert not [name for name, text in HOSTILE.items() if text in markup]
    assert not app.exception


def test_a_finding_that_quotes_hostile_text_shows_it_as_plain_text(make_app: MakeApp) -> None:
    app = on_words_page(make_app)
    app.text_area(key="q-story").input(EVERYTHING).run()
    app = app.button(key="nav_next").click().run()

    app = button(app, "See my results")

    assert app.title[0].value == "Your results"
    assert f"In your words: {EVERYTHING}" in [t.value for t in app.text]
    markup = " ".join(m.value for m in [*app.markdown, *app.caption])
    assert not [name for name, text in HOSTILE.items() if text in markup]
    assert not app.exception


def test_hostile_text_in_every_plan_field_is_stored_exactly(
    make_app: MakeApp, store: Store
) -> None:
    app = on_words_page(make_app)
    app = app.button(key="nav_next").click().run()
    app = button(app, "See my results")
    line = " ".join(SINGLE_LINE.values())

    app.text_input(key="plan-goal-1-what").input(line).run()
    app.text_input(key="plan-goal-1-measure").input(HOSTILE["spreadsheet hyperlink"]).run()
    app.button_group(key="plan-ch-breakfast").set_value("reduce").run()
    app.text_input(key="plan-ch-breakfast-hope").input(HOSTILE["right to left"]).run()
    app.text_area(key="plan-give").input(EVERYTHING).run()

    plan = saved(store, app).plan
    assert plan.goals[0].what == line
    assert plan.goals[0].measure == HOSTILE["spreadsheet hyperlink"]
    assert plan.channels["breakfast"].hope == HOSTILE["right to left"]
    assert plan.give == EVERYTHING
    assert not app.exception
