"""A facilitator-paced workshop in AppTest: the pace setting and controls on the dashboard,
and a participant who sees only the open pages, waits, and sees results at the end.

``tests/questionnaires/workshop.yaml`` has three pages (Goals, Time, Poll), each a section.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from netclarity.store import Store
from netclarity.workshop.store import Pace, Workshop, Workshops
from tests.app.conftest import ROOT, MakeApp
from tests.app.test_workshop_facilitator import (
    create,
    dashboard,
    facilitator_link,
    projector,
    projector_link,
)
from tests.support.workshop import ANSWERS, WORKSHOP_FILE

FACILITATOR_PACED = "Facilitator-paced: you open one section at a time"
SELF_PACED = "Self-paced: everyone moves at their own speed"


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(WORKSHOP_FILE, folder)
    return folder


@pytest.fixture
def store(make_app: MakeApp) -> Iterator[Store]:
    st.cache_data.clear()  # the pace another test's app cached
    opened = Store.open(os.environ["NETCLARITY_DATABASE_URL"])
    yield opened
    opened.close()


@pytest.fixture
def workshops(store: Store) -> Workshops:
    return Workshops(store.database)


@pytest.fixture
def paced(workshops: Workshops) -> tuple[Workshop, str]:
    return workshops.create("Thursday lab", "workshop", threshold=2, pace=Pace.FACILITATOR)


def joined(make_app: MakeApp, workshop: Workshop) -> AppTest:
    """A participant who has just joined by the link: on the first page."""
    make_app()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.query_params["join"] = workshop.code
    return app.run().button[0].click().run()


def answer_goals(app: AppTest) -> AppTest:
    """The first page answered as person 1 of the worked example, then Next."""
    app.session_state["answers"] |= {"weights": ANSWERS[0]["weights"], "active": "yes"}
    return app.button(key="nav_next").click().run()


def test_a_workshop_created_facilitator_paced_is_stored_so(
    make_app: MakeApp, workshops: Workshops
) -> None:
    app = make_app()
    app.switch_page("pages/facilitate.py").run()
    app.text_input[0].input("Thursday lab")
    (pace,) = app.radio
    pace.set_value(Pace.FACILITATOR)
    app = app.button[0].click().run()
    code, _ = facilitator_link(app)

    workshop = workshops.find(code)
    assert pace.options == [SELF_PACED, FACILITATOR_PACED]
    assert workshop is not None
    assert (workshop.pace, workshop.open_section) == (Pace.FACILITATOR, 0)


def test_the_dashboard_switches_a_self_paced_workshop_to_paced_and_back(
    make_app: MakeApp, workshops: Workshops
) -> None:
    code, key = facilitator_link(create(make_app))
    app = dashboard(make_app, code, key)
    assert app.radio[0].value == Pace.SELF
    assert not [b for b in app.button if b.label == "Open the next section"]

    app = app.radio[0].set_value(Pace.FACILITATOR).run()
    paced_now = workshops.find(code)
    app = app.radio[0].set_value(Pace.SELF).run()
    self_again = workshops.find(code)

    assert paced_now is not None
    assert paced_now.pace is Pace.FACILITATOR
    assert self_again is not None
    assert self_again.pace is Pace.SELF


def test_the_dashboard_opens_the_next_section_goes_back_and_ends(
    make_app: MakeApp, workshops: Workshops, paced: tuple[Workshop, str]
) -> None:
    workshop, key = paced
    app = dashboard(make_app, workshop.code, key)
    assert app.header[0].value == "Section 1 of 3: Goals"
    assert app.button(key="pace-back").disabled

    app = app.button(key="pace-next").click().run()
    assert app.header[0].value == "Section 2 of 3: Time"
    assert workshops.get(workshop.id).open_section == 1  # type: ignore[union-attr]

    app = app.button(key="pace-back").click().run()
    assert app.header[0].value == "Section 1 of 3: Goals"

    app = app.button(key="pace-end").click().run()
    assert workshops.get(workshop.id).open_section == 3  # type: ignore[union-attr]
    assert [s.value for s in app.success] == [
        "All sections are done: everyone sees their full results."
    ]


def test_the_section_view_counts_who_finished_the_open_section(
    make_app: MakeApp, store: Store, paced: tuple[Workshop, str]
) -> None:
    workshop, key = paced
    for answers in ANSWERS[:2]:
        token, _ = store.start("workshop", 1, "digest", workshop_id=workshop.id)
        store.save_answers(token, {"weights": answers["weights"], "active": "yes"})
        store.move_on(token, "time", 1)
    store.start("workshop", 1, "digest", workshop_id=workshop.id)

    app = dashboard(make_app, workshop.code, key)

    finished = next(m for m in app.metric if m.label == "Finished this section")
    assert finished.value == "2 / 3"
    assert [c.value for c in app.caption if c.value.startswith("From ")] == [
        "From 2 people who finished this section; it changes only when 2 more have, so no "
        "one person's answers show."
    ]
    titles = [m.value for m in app.markdown if m.value in ("**Weights**", "**Do you network?**")]
    assert titles == ["**Weights**", "**Do you network?**"]


def test_a_participant_sees_only_the_open_page_and_waits_after_it(
    make_app: MakeApp, paced: tuple[Workshop, str]
) -> None:
    workshop, _ = paced
    app = answer_goals(joined(make_app, workshop))

    assert app.title[0].value == "Waiting for the room"
    assert "Time" not in [t.value for t in app.title]
    assert app.info[0].value.startswith("You have answered everything that is open so far.")


def test_the_waiting_participant_goes_back_to_change_an_answer(
    make_app: MakeApp, paced: tuple[Workshop, str]
) -> None:
    workshop, _ = paced
    app = answer_goals(joined(make_app, workshop))

    app = app.button[0].click().run()

    assert app.title[0].value == "Goals"


def test_opening_the_next_section_moves_the_waiting_participant_on(
    make_app: MakeApp, workshops: Workshops, paced: tuple[Workshop, str]
) -> None:
    workshop, _ = paced
    app = answer_goals(joined(make_app, workshop))

    workshops.open_section(workshop.id, 1)
    st.cache_data.clear()  # as the pace's few seconds on this server run out
    app = app.run()

    assert app.title[0].value == "Time"


def test_a_paced_participants_results_wait_for_the_end_then_open_by_themselves(
    make_app: MakeApp, workshops: Workshops, paced: tuple[Workshop, str]
) -> None:
    workshop, _ = paced
    app = answer_goals(joined(make_app, workshop))
    workshops.open_section(workshop.id, 2)
    st.cache_data.clear()
    app = app.run()
    app = app.button(key="nav_next").click().run()  # Time: nothing required
    app.session_state["answers"] |= {"vote": "yes"}
    app = app.button(key="nav_next").click().run()  # Poll, to the review

    held = app.title[0].value
    assert not [b for b in app.button if b.label == "See my results"]
    workshops.open_section(workshop.id, 3)
    st.cache_data.clear()
    app = app.run()

    assert held == "Waiting for the room"
    # the browser follows the link by itself (tests/browser/test_workshop_paced.py)
    opener = app.get("page_link")
    assert [link.proto.page for link in opener] == ["results"]  # the results page's URL path
    results = app.switch_page("pages/results.py").run()
    assert results.title[0].value == "Your results"


def test_a_late_joiner_starts_at_the_first_page_and_catches_up_to_the_open_section(
    make_app: MakeApp, workshops: Workshops, paced: tuple[Workshop, str]
) -> None:
    workshop, _ = paced
    workshops.open_section(workshop.id, 1)

    app = joined(make_app, workshop)
    first = app.title[0].value
    app = answer_goals(app)
    second = app.title[0].value
    app = app.button(key="nav_next").click().run()

    assert (first, second) == ("Goals", "Time")
    assert app.title[0].value == "Waiting for the room"


def test_a_paced_participant_reaching_for_the_review_or_results_early_is_shown_the_open_page(
    make_app: MakeApp, paced: tuple[Workshop, str]
) -> None:
    workshop, _ = paced
    app = joined(make_app, workshop)

    review = app.switch_page("pages/review.py").run()
    titles = [t.value for t in review.title]
    results = app.switch_page("pages/results.py").run()

    assert titles == ["Goals"]
    assert [t.value for t in results.title] == ["Goals"]


def test_the_projector_shows_the_open_section_without_its_controls(
    make_app: MakeApp, paced: tuple[Workshop, str]
) -> None:
    workshop, key = paced

    app = projector(make_app, projector_link(dashboard(make_app, workshop.code, key)))

    assert app.header[0].value == "Section 1 of 3: Goals"
    assert not app.button
    assert [m.label for m in app.metric] == ["Finished this section"]
    assert app.info[0].value == (
        "The room's answers to this section appear once 2 people have finished it (0 so far)."
    )
