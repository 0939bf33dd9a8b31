"""The facilitator's pages in AppTest: creating a workshop, and a dashboard only the key opens."""

from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import altair as alt
import pytest
import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

from netclarity.questionnaire import Questionnaire
from netclarity.store import Store
from netclarity.ui import warmup
from netclarity.ui.workshop_dashboard import DASHBOARD_TEXTS
from netclarity.workshop import charts as room_charts
from netclarity.workshop.room import Room
from netclarity.workshop.store import Workshop, Workshops
from tests.app.conftest import MakeApp
from tests.support.workshop import ANSWERS, WORKSHOP_FILE

DASHBOARD = "pages/dashboard.py"


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    """A folder holding only the workshop questionnaire."""
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(WORKSHOP_FILE, folder)
    return folder


@pytest.fixture
def store(make_app: MakeApp) -> Iterator[Store]:
    """The database the app uses (``make_app`` points it at this test's file)."""
    opened = Store.open(os.environ["NETCLARITY_DATABASE_URL"])
    yield opened
    opened.close()


def create(make_app: MakeApp, title: str = "Friday breakfast club") -> AppTest:
    app = make_app()
    app.switch_page("pages/facilitate.py").run()
    app.text_input[0].input(title)
    app.number_input[0].set_value(2)
    return app.button[0].click().run()


def dashboard(make_app: MakeApp, code: str, key: str | None) -> AppTest:
    app = make_app()
    app.switch_page(DASHBOARD)
    app.query_params["workshop"] = code
    if key is not None:
        app.query_params["key"] = key
    return app.run()


def facilitator_link(app: AppTest) -> tuple[str, str]:
    link = next(c.value for c in app.code if "/dashboard?" in c.value)
    query = parse_qs(urlsplit(link).query)
    return query["workshop"][0], query["key"][0]


def participant(store: Store, workshop: Workshop, answers: dict[str, object]) -> None:
    token, _ = store.start("workshop", 1, "digest", name="Ann", workshop_id=workshop.id)
    store.save_answers(token, answers)
    store.complete(token)


def test_creating_a_workshop_shows_its_code_join_link_qr_and_facilitator_link(
    make_app: MakeApp, store: Store
) -> None:
    app = create(make_app)
    code, key = facilitator_link(app)
    workshop = Workshops(store.database).find(code)

    assert app.title[0].value == "Friday breakfast club"
    assert f"# `{code}`" in [m.value for m in app.markdown]
    assert app.code[0].value == f"http://localhost:8501/?join={code}"
    (qr,) = app.get("image")
    assert (
        qr.proto.imgs[0].alt
        == f"QR code that opens the join link http://localhost:8501/?join={code}"
    )
    assert "shown only this once" in app.warning[0].value
    assert workshop is not None
    assert (workshop.title, workshop.threshold, workshop.questionnaire_id) == (
        "Friday breakfast club",
        2,
        "workshop",
    )
    with store.database.engine.connect() as conn:
        assert key not in repr(conn.execute(sa.text("SELECT * FROM workshops")).all())


def test_a_workshop_needs_a_title(make_app: MakeApp) -> None:
    app = create(make_app, title="   ")

    assert [e.value for e in app.error] == ["Give the workshop a title."]


def test_the_facilitator_link_opens_the_dashboard(make_app: MakeApp) -> None:
    code, key = facilitator_link(create(make_app))

    app = dashboard(make_app, code, key)

    assert app.title[0].value == "Friday breakfast club"
    assert [(m.label, m.value) for m in app.metric] == [
        ("Joined", "0"),
        ("In progress", "0"),
        ("Completed", "0"),
    ]
    assert (
        app.info[0].value
        == "The room's results appear here once 2 people have finished. So far: 0."
    )


def test_without_the_key_only_the_sign_in_form_shows(make_app: MakeApp) -> None:
    code, _ = facilitator_link(create(make_app))

    app = dashboard(make_app, code, None)

    assert app.title[0].value == "Facilitator sign-in"
    assert not app.metric
    assert not app.error


def test_a_wrong_key_is_refused_and_taken_out_of_the_address(make_app: MakeApp) -> None:
    code, key = facilitator_link(create(make_app))

    app = dashboard(make_app, code, key[:-1] + ("A" if key[-1] != "A" else "B"))

    assert [e.value for e in app.error] == ["That key does not open this workshop."]
    assert app.title[0].value == "Facilitator sign-in"
    assert not app.metric
    assert "key" not in app.query_params


def test_a_participant_with_their_own_link_cannot_open_the_dashboard(
    make_app: MakeApp, store: Store
) -> None:
    code, _ = facilitator_link(create(make_app))
    workshop = Workshops(store.database).find(code)
    assert workshop is not None
    token, _ = store.start("workshop", 1, "digest", workshop_id=workshop.id)

    app = make_app(resume=token)
    app.switch_page(DASHBOARD)
    app.query_params["workshop"] = code
    app.run()

    assert app.title[0].value == "Facilitator sign-in"
    assert not app.metric
    assert not app.get("vega_lite_chart")


def test_the_sign_in_form_opens_the_dashboard_with_the_right_key(make_app: MakeApp) -> None:
    code, key = facilitator_link(create(make_app))
    app = dashboard(make_app, code, None)

    app.text_input[1].input(key)
    app.button[0].click().run()

    assert app.title[0].value == "Friday breakfast club"


def test_a_key_typed_into_the_form_never_reaches_the_address(make_app: MakeApp) -> None:
    code, key = facilitator_link(create(make_app))
    app = dashboard(make_app, code, None)

    app.text_input[1].input(key)
    app.button[0].click().run()
    app.run()  # the dashboard's next refresh

    assert sorted(app.query_params) == ["grant", "workshop"]
    assert key not in app.query_params.values()
    assert app.title[0].value == "Friday breakfast club"


def test_a_wrong_key_typed_into_the_form_is_refused_without_reaching_the_address(
    make_app: MakeApp,
) -> None:
    code, _ = facilitator_link(create(make_app))
    app = dashboard(make_app, code, None)

    app.text_input[1].input("a-wrong-key")
    app.button[0].click().run()

    assert [e.value for e in app.error] == ["That key does not open this workshop."]
    assert app.query_params == {"workshop": code}


def test_after_signing_in_with_the_link_the_key_leaves_the_address_bar(
    make_app: MakeApp,
) -> None:
    code, key = facilitator_link(create(make_app))
    app = dashboard(make_app, code, key)

    app.run()

    assert sorted(app.query_params) == ["grant", "workshop"]
    assert key not in app.query_params.values()
    assert app.title[0].value == "Friday breakfast club"


def test_the_sign_in_outlives_the_session_without_the_key(make_app: MakeApp) -> None:
    code, key = facilitator_link(create(make_app))
    grant = dashboard(make_app, code, key).query_params["grant"]

    again = make_app()  # a reload, or the tab moved to another server: a new session
    again.switch_page(DASHBOARD)
    again.query_params.update({"workshop": code, "grant": grant})
    again.run()

    assert again.title[0].value == "Friday breakfast club"
    assert not again.error


def test_an_unknown_sign_in_grant_opens_nothing(make_app: MakeApp) -> None:
    code, _ = facilitator_link(create(make_app))
    app = make_app()
    app.switch_page(DASHBOARD)
    app.query_params.update({"workshop": code, "grant": "made-up"})
    app.run()

    assert app.title[0].value == "Facilitator sign-in"
    assert "grant" not in app.query_params


def test_wrong_keys_from_anyone_never_stop_the_right_key(make_app: MakeApp) -> None:
    code, key = facilitator_link(create(make_app))
    for _ in range(10):
        dashboard(make_app, code, "a-wrong-key")

    app = dashboard(make_app, code, key)

    assert not app.error
    assert app.title[0].value == "Friday breakfast club"


def test_a_browser_that_tried_five_wrong_keys_waits_but_no_one_else_does(
    make_app: MakeApp,
) -> None:
    code, key = facilitator_link(create(make_app))
    guesser = dashboard(make_app, code, "a-wrong-key")
    for _ in range(4):
        guesser.query_params["key"] = "a-wrong-key"
        guesser.run()

    guesser.query_params["key"] = key
    guesser.run()
    other = dashboard(make_app, code, key)

    assert guesser.error[0].value.startswith("Too many wrong keys from this browser")
    assert other.title[0].value == "Friday breakfast club"


def test_the_dashboard_shows_the_room_once_enough_have_finished(
    make_app: MakeApp, store: Store
) -> None:
    code, key = facilitator_link(create(make_app))
    workshop = Workshops(store.database).find(code)
    assert workshop is not None
    for answers in ANSWERS[:2]:
        participant(store, workshop, answers)

    app = dashboard(make_app, code, key)
    app.toggle(key="room-texts-idea").set_value(True).run()
    titles = [m.value for m in app.markdown if m.value.startswith("**")]

    assert [m.value for m in app.metric] == ["2", "0", "2"]
    assert "**What the room wants from networking, and how well its hours serve it**" in titles
    assert "**Are events worth it?**" in titles
    prompts, texts = [t.value for t in app.text[:3]], [t.value for t in app.text[3:]]
    assert prompts == [
        "The room wants 25% A and its time gives 25.0%.",
        "50% say yes.",
        "100% go somewhere out of duty; 33% of hours go to Channel Z.",
    ]
    assert sorted(texts) == ['=HYPERLINK("http://example.com")', "More coffee, fewer pitches"]


def test_closing_and_reopening_from_the_dashboard(make_app: MakeApp, store: Store) -> None:
    code, key = facilitator_link(create(make_app))
    app = dashboard(make_app, code, key)

    close = next(b for b in app.button if b.label == "Close the workshop")
    app = close.click().run()
    closed = Workshops(store.database).find(code)
    reopen = next(b for b in app.button if b.label == "Reopen the workshop")
    app = reopen.click().run()
    reopened = Workshops(store.database).find(code)

    assert closed is not None
    assert not closed.is_open()
    assert reopened is not None
    assert reopened.is_open()
    assert "closed" not in app.caption[0].value


def projector_link(app: AppTest) -> str:
    return next(c.value for c in app.code if "/present?" in c.value)


def projector(make_app: MakeApp, link: str) -> AppTest:
    app = make_app()
    app.switch_page("pages/present.py")
    for name, values in parse_qs(urlsplit(link).query).items():
        app.query_params[name] = values[0]
    return app.run()


def test_the_projector_link_shows_the_room_without_controls_exports_or_the_key(
    make_app: MakeApp,
) -> None:
    code, key = facilitator_link(create(make_app))
    link = projector_link(dashboard(make_app, code, key))

    app = projector(make_app, link)

    assert key not in link
    assert app.title[0].value == "Friday breakfast club"
    assert not app.button
    assert not app.get("download_button")
    assert not app.text_input
    assert [m.label for m in app.metric] == ["Joined", "In progress", "Completed"]
    assert f"`{code}`" in [m.value for m in app.markdown]
    assert (
        app.info[0].value
        == "The room's results appear here once 2 people have finished. So far: 0."
    )


def test_the_projector_key_opens_no_dashboard(make_app: MakeApp) -> None:
    code, key = facilitator_link(create(make_app))
    view = parse_qs(urlsplit(projector_link(dashboard(make_app, code, key))).query)["view"][0]

    app = dashboard(make_app, code, view)

    assert app.title[0].value == "Facilitator sign-in"
    assert [e.value for e in app.error] == ["That key does not open this workshop."]


def test_a_wrong_projector_key_shows_nothing_of_the_room(make_app: MakeApp) -> None:
    code, _ = facilitator_link(create(make_app))

    app = projector(make_app, f"http://localhost:8501/present?workshop={code}&view=guess")

    assert app.error[0].value.startswith("This projector link does not open a workshop.")
    assert not app.metric


def test_a_large_room_shows_a_sample_of_its_texts_and_says_how_many_more(
    make_app: MakeApp, store: Store
) -> None:
    code, key = facilitator_link(create(make_app))
    workshop = Workshops(store.database).find(code)
    assert workshop is not None
    for person in range(DASHBOARD_TEXTS + 5):
        participant(store, workshop, {**ANSWERS[0], "idea": f"Idea number {person}"})

    app = dashboard(make_app, code, key)
    folded = [t.value for t in app.text if t.value.startswith("Idea number ")]
    app.toggle(key="room-texts-idea").set_value(True).run()

    assert folded == []  # drawn only once the facilitator asks for them
    assert app.toggle(key="room-texts-idea").label == f"One idea ({DASHBOARD_TEXTS + 5})"
    ideas = [t.value for t in app.text if t.value.startswith("Idea number ")]
    assert len(ideas) == DASHBOARD_TEXTS
    assert len(set(ideas)) == DASHBOARD_TEXTS
    assert "and 5 more: the answers CSV has every one" in [c.value for c in app.caption]


@pytest.fixture
def fresh_charts() -> None:
    """No chart kept by an earlier test (the views are kept per process), and what the
    app's warm-up imports in the background imported here first.

    A chart built while that thread is halfway through importing pandas fails (Altair finds
    the module half-initialised), and the counts below are about what is kept, not about
    the warm-up.
    """
    st.cache_data.clear()
    for name in warmup.HEAVY:
        importlib.import_module(name)


@pytest.mark.usefixtures("fresh_charts")
def test_the_room_charts_are_built_once_per_published_snapshot(
    make_app: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    goals_chart = room_charts.room_goals_chart

    def counted(questionnaire: Questionnaire, room: Room) -> alt.LayerChart:
        built.append(room.published)
        return goals_chart(questionnaire, room)

    monkeypatch.setattr(room_charts, "room_goals_chart", counted)
    code, key = facilitator_link(create(make_app))
    workshop = Workshops(store.database).find(code)
    assert workshop is not None
    for answers in ANSWERS[:2]:
        participant(store, workshop, answers)

    dashboard(make_app, code, key)
    reloaded = dashboard(make_app, code, key)
    participant(store, workshop, ANSWERS[2])
    one_more = dashboard(make_app, code, key)
    participant(store, workshop, ANSWERS[0])
    stepped = dashboard(make_app, code, key)

    assert built == [2, 4]
    assert [m.value for m in reloaded.metric] == ["2", "0", "2"]
    assert [m.value for m in one_more.metric] == ["3", "0", "3"]
    assert [m.value for m in stepped.metric] == ["4", "0", "4"]
    published = [c.value for c in stepped.caption if c.value.startswith("Room results are from")]
    assert published[0].startswith("Room results are from 4 people who finished;")


@pytest.mark.usefixtures("fresh_charts")
def test_the_progress_chart_is_built_again_only_when_someone_has_moved_on(
    make_app: MakeApp, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    progress_chart = room_charts.progress_chart

    def counted(questionnaire: Questionnaire, room: Room) -> alt.LayerChart:
        built.append(room.joined)
        return progress_chart(questionnaire, room)

    monkeypatch.setattr(room_charts, "progress_chart", counted)
    code, key = facilitator_link(create(make_app))
    workshop = Workshops(store.database).find(code)
    assert workshop is not None
    participant(store, workshop, ANSWERS[0])

    dashboard(make_app, code, key)
    dashboard(make_app, code, key)
    participant(store, workshop, ANSWERS[1])
    moved_on = dashboard(make_app, code, key)

    assert built == [1, 2]
    assert "**How far everyone has got**" in [m.value for m in moved_on.markdown]
