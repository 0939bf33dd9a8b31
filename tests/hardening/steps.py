"""Steps through the free-text questionnaire in AppTest, shared by the hardening tests."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from netclarity.store import Round, Store
from tests.app.conftest import MakeApp


def on_words_page(make_app: MakeApp) -> AppTest:
    """A new respondent with goals and hours given, on the page of free-text questions."""
    app = make_app()
    app.button[0].click().run()  # Start
    app.number_input(key="q-goals-clients").set_value(60.0).run()
    app.number_input(key="q-goals-learning").set_value(40.0).run()
    app.number_input(key="q-hours-breakfast").set_value(8.0).run()
    return app.button(key="nav_next").click().run()


def button(app: AppTest, label: str) -> AppTest:
    """Click the button with this label (buttons without a key) and run."""
    return next(b for b in app.button if b.label == label).click().run()


def saved(store: Store, app: AppTest) -> Round:
    """What the database holds for the respondent of ``app``."""
    loaded = store.load(app.session_state["resume_token"])
    assert loaded is not None
    return loaded
