"""PostgreSQL stops in the middle of a session: the page says so, keeps what was typed, and
saves it once the server is back. Nothing that needs the database ends in a traceback.

One real server for the module (``tests/support/postgres.py``), stopped and started again
by the tests; each test gets its own database on it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from netclarity.questionnaire import Texts
from netclarity.store import Store
from tests.app.conftest import MakeApp
from tests.hardening.steps import button, on_words_page, saved
from tests.support.postgres import PostgresServer, start_or_skip

pytestmark = pytest.mark.postgres

PAUSED = Texts().saving_paused
UNREACHABLE = Texts().database_unreachable


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    running = start_or_skip()
    yield running
    running.remove()


@pytest.fixture
def outage(server: PostgresServer) -> Iterator[PostgresServer]:
    """The server, started again after the test if the test left it stopped."""
    yield server
    if not (server.datadir / "postmaster.pid").exists():
        server.resume()


@pytest.fixture
def database_url(server: PostgresServer) -> str:
    return server.create_database(f"outage_{uuid.uuid4().hex}")


@pytest.fixture
def on_postgres(make_app: MakeApp, database_url: str, monkeypatch: pytest.MonkeyPatch) -> MakeApp:
    """``make_app``, with the app's store on the PostgreSQL database instead of SQLite."""
    monkeypatch.setenv("NETCLARITY_DATABASE_URL", database_url)
    st.cache_resource.clear()
    return make_app


def warnings(app: AppTest) -> list[str]:
    return [w.value for w in app.warning]


def test_an_answer_given_while_the_database_is_down_is_kept_and_saved_when_it_is_back(
    on_postgres: MakeApp, outage: PostgresServer, store: Store
) -> None:
    app = on_words_page(on_postgres)
    outage.stop()

    app.text_area(key="q-story").input("Breakfast clubs feel like a duty").run()

    assert warnings(app) == [PAUSED]
    assert app.session_state["answers"]["story"] == "Breakfast clubs feel like a duty"
    assert app.text_area(key="q-story").value == "Breakfast clubs feel like a duty"
    app.text_input(key="q-headline").input("Fewer, better events").run()
    assert warnings(app) == [PAUSED]  # once, at the top of the page
    assert not app.exception

    outage.resume()
    app.run()

    assert warnings(app) == []
    answers = saved(store, app).answers
    assert answers["story"] == "Breakfast clubs feel like a duty"
    assert answers["headline"] == "Fewer, better events"


def test_finishing_while_the_database_is_down_asks_to_try_again(
    on_postgres: MakeApp, outage: PostgresServer
) -> None:
    app = on_words_page(on_postgres).button(key="nav_next").click().run()
    outage.stop()

    app = button(app, "See my results")

    assert app.title[0].value == "Review your answers"
    assert UNREACHABLE in warnings(app)
    assert not app.exception
    outage.resume()
    app = button(app, "See my results")
    assert app.title[0].value == "Your results"


def test_the_results_page_still_works_while_the_database_is_down(
    on_postgres: MakeApp, outage: PostgresServer
) -> None:
    app = on_words_page(on_postgres).button(key="nav_next").click().run()
    app = button(app, "See my results")
    outage.stop()

    app.text_area(key="plan-give").input("Two introductions a month").run()

    assert app.title[0].value == "Your results"
    assert PAUSED in warnings(app)  # the plan waits in the session
    assert UNREACHABLE in warnings(app)  # the history and the answers download wait
    # the summary and the calendar reminder need no database; the answers download waits
    assert [b.label for b in app.get("download_button")] == [
        "Download my summary (PDF)",
        "Add the check-in to my calendar (.ics)",
    ]
    assert not app.exception


def test_deleting_while_the_database_is_down_deletes_nothing_and_says_so(
    on_postgres: MakeApp, outage: PostgresServer, store: Store
) -> None:
    app = on_words_page(on_postgres)
    token = app.session_state["resume_token"]
    app.switch_page("pages/welcome.py").run()
    app.checkbox(key="delete_confirm").check().run()
    outage.stop()

    app = button(app, "Delete everything stored under my link")

    assert UNREACHABLE in warnings(app)
    assert not app.exception
    outage.resume()
    assert store.load(token) is not None


def test_a_resume_link_while_the_database_is_down_asks_to_try_again(
    on_postgres: MakeApp, outage: PostgresServer
) -> None:
    token = on_words_page(on_postgres).session_state["resume_token"]
    outage.stop()

    app = on_postgres(resume=token)

    assert warnings(app) == [UNREACHABLE]  # not "that link does not match"
    assert app.query_params["resume"] == token
    assert not app.exception
    outage.resume()
    app.run()
    assert app.title[0].value == "In your own words"
    assert "Welcome back — your answers are saved." in [s.value for s in app.success]


def test_starting_while_the_database_is_down_asks_to_try_again(
    on_postgres: MakeApp, outage: PostgresServer
) -> None:
    app = on_postgres()
    outage.stop()

    app = button(app, "Start")

    assert warnings(app) == [UNREACHABLE]
    assert "resume_token" not in app.session_state
    assert not app.exception
