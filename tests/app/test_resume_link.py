"""The resume link in its box: drawn where the box is open, and once a closed box is opened.

A closed box draws no link (Streamlit's code box brings a large script to every page that
shows one); opening it reruns the page, which then shows the link to copy.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from netclarity.ui.resume import BOX
from tests.app.conftest import MakeApp


def links(app: AppTest) -> list[str]:
    return [code.value for code in app.code]


def started(make_app: MakeApp) -> AppTest:
    app = make_app()
    app.button[0].click().run()  # Start: the first page of questions
    return app


def test_the_welcome_page_of_a_returning_person_shows_the_link_in_an_open_box(
    make_app: MakeApp,
) -> None:
    token = started(make_app).session_state["resume_token"]

    later = make_app(resume=token)

    assert later.expander[0].label == "Your resume link"
    assert links(later) == [f"http://localhost:8501/?resume={token}"]


def test_a_page_of_questions_draws_no_link_while_its_box_is_closed(make_app: MakeApp) -> None:
    app = started(make_app)

    assert app.title[0].value == "The basics"
    assert [e.label for e in app.expander] == ["Your resume link"]
    assert links(app) == []


def test_opening_the_box_shows_the_link(make_app: MakeApp) -> None:
    app = started(make_app)
    token = app.session_state["resume_token"]

    app.session_state[BOX] = True  # what the browser reports when the box is opened
    app.run()

    assert app.title[0].value == "The basics"
    assert links(app) == [f"http://localhost:8501/?resume={token}"]
