"""A participant's side in AppTest: joining by link or code, a closed workshop, and the room."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from netclarity.store import Store
from netclarity.workshop.store import Workshop, Workshops
from tests.app.conftest import ROOT, MakeApp
from tests.support.workshop import ANSWERS, WORKSHOP_FILE


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    """A folder holding only the workshop questionnaire."""
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(WORKSHOP_FILE, folder)
    return folder


@pytest.fixture
def store(make_app: MakeApp) -> Iterator[Store]:
    """The database the app uses; the room cached by an earlier test's app is dropped."""
    st.cache_data.clear()
    opened = Store.open(os.environ["NETCLARITY_DATABASE_URL"])
    yield opened
    opened.close()


@pytest.fixture
def workshop(store: Store) -> Workshop:
    created, _ = Workshops(store.database).create("Friday breakfast club", "workshop", threshold=2)
    return created


def open_link(make_app: MakeApp, code: str, resume: str | None = None) -> AppTest:
    """A fresh tab opening the join link (``make_app`` first points the app at the test data)."""
    make_app()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.query_params["join"] = code
    if resume:
        app.query_params["resume"] = resume
    return app.run()


def finished(store: Store, workshop: Workshop, answers: dict[str, object]) -> str:
    token, _ = store.start("workshop", 1, "digest", workshop_id=workshop.id)
    store.save_answers(token, answers)
    store.complete(token)
    return token


def results(make_app: MakeApp, token: str) -> AppTest:
    app = make_app(resume=token)
    return app.switch_page("pages/results.py").run()


def test_the_join_link_names_the_workshop_and_asks_only_for_a_name(
    make_app: MakeApp, workshop: Workshop
) -> None:
    app = open_link(make_app, workshop.code)

    assert app.title[0].value == "Join the workshop"
    assert app.text[0].value == "You're joining “Friday breakfast club”."
    assert [t.label for t in app.text_input] == ["Your name (optional)"]


def test_joining_starts_the_questionnaire_as_a_participant(
    make_app: MakeApp, workshop: Workshop, store: Store
) -> None:
    app = open_link(make_app, workshop.code)

    app.text_input(key="join-name").input("Ann")
    app = app.button[0].click().run()
    joined = store.load(app.session_state["resume_token"])

    assert app.title[0].value == "Goals"
    assert joined is not None
    assert (joined.name, joined.workshop_id) == ("Ann", workshop.id)


def test_a_code_can_be_typed_however_it_comes_out(
    make_app: MakeApp, workshop: Workshop, store: Store
) -> None:
    app = make_app()
    app.switch_page("pages/join.py").run()

    app.text_input(key="join-code").input(f"{workshop.code[:3].lower()}-{workshop.code[3:]}")
    app = app.button[0].click().run()

    assert app.title[0].value == "Goals"
    joined = store.load(app.session_state["resume_token"])
    assert joined is not None
    assert joined.workshop_id == workshop.id


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("K7Q", "A workshop code has 6 letters and digits, like K7QX2M."),
        ("ZZZZZZ", "No workshop has the code ZZZZZZ. Check the code on the screen."),
    ],
)
def test_a_wrong_code_is_explained(make_app: MakeApp, typed: str, message: str) -> None:
    app = make_app()
    app.switch_page("pages/join.py").run()

    app.text_input(key="join-code").input(typed)
    app = app.button[0].click().run()

    assert [e.value for e in app.error] == [message]
    assert "resume_token" not in app.session_state


def test_a_closed_workshop_takes_no_one_new(
    make_app: MakeApp, workshop: Workshop, store: Store
) -> None:
    Workshops(store.database).close(workshop.id)

    app = open_link(make_app, workshop.code)
    app = app.button[0].click().run()

    assert [e.value for e in app.error] == [
        "This workshop has closed: it takes no new participants or answers."
    ]  # said once, not again under the form after pressing Join
    assert "resume_token" not in app.session_state


def test_a_code_typed_for_a_closed_workshop_is_said_to_be_closed(
    make_app: MakeApp, workshop: Workshop, store: Store
) -> None:
    Workshops(store.database).close(workshop.id)

    app = make_app()
    app.switch_page("pages/join.py").run()
    app.text_input(key="join-code").input(workshop.code)
    app = app.button[0].click().run()

    assert [e.value for e in app.error] == [
        "This workshop has closed: it takes no new participants or answers."
    ]


def test_opening_the_link_again_continues_instead_of_joining_twice(
    make_app: MakeApp, workshop: Workshop
) -> None:
    app = open_link(make_app, workshop.code)
    app = app.button[0].click().run()
    token = app.session_state["resume_token"]

    again = open_link(make_app, workshop.code, resume=token)

    assert again.success[0].value == "Welcome back — your answers are saved."
    assert [b.label for b in again.button] == ["Continue where I left off"]


def test_results_wait_for_the_room_below_the_threshold(
    make_app: MakeApp, workshop: Workshop, store: Store
) -> None:
    token = finished(store, workshop, ANSWERS[0])

    app = results(make_app, token)

    assert "You and the room" in [h.value for h in app.header]
    assert [i.value for i in app.info if "room" in i.value] == [
        "The room's results appear here once 2 people have finished. So far: 1.",
        "The room's answers to the poll appear once 2 people have answered.",
    ]


def test_results_set_the_person_beside_the_room_once_enough_have_finished(
    make_app: MakeApp, workshop: Workshop, store: Store
) -> None:
    token = finished(store, workshop, ANSWERS[0])
    finished(store, workshop, ANSWERS[1])

    app = results(make_app, token)
    titles = [m.value for m in app.markdown if m.value.startswith("**")]

    assert "Your alignment is 75 out of 100; half the room is at 62 or below." in [
        m.value for m in app.markdown
    ]
    assert "**What you want from networking, and what the room wants**" in titles
    assert "**Where your hours go, and where the room's go**" in titles
    assert "**Are events worth it?**" in titles
    assert "2 people answered. Your answer: Yes." in [c.value for c in app.caption]


def test_the_person_who_just_made_the_room_big_enough_sees_it_at_once(
    make_app: MakeApp, workshop: Workshop, store: Store
) -> None:
    first = finished(store, workshop, ANSWERS[0])
    waiting = results(make_app, first)  # the room, read with one finished, shared for a while
    second = finished(store, workshop, ANSWERS[1])

    app = results(make_app, second)

    assert "So far: 1." in " ".join(i.value for i in waiting.info)
    assert not [i.value for i in app.info if "So far" in i.value]
    assert "2 people answered. Your answer: No." in [c.value for c in app.caption]


def test_a_closed_workshop_refuses_an_answer_even_on_a_page_already_open(
    make_app: MakeApp, workshop: Workshop, store: Store
) -> None:
    app = open_link(make_app, workshop.code)
    app = app.button[0].click().run()
    token = app.session_state["resume_token"]
    app.number_input(key="q-weights-a").set_value(60.0).run()
    Workshops(store.database).close(workshop.id)

    app.number_input(key="q-weights-b").set_value(40.0).run()

    saved = store.load(token)
    assert saved is not None
    assert saved.answers == {"weights": {"a": 60.0}}
