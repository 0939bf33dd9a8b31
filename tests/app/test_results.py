"""The results page: score, charts, findings, and a plan that is kept."""

from __future__ import annotations

from typing import Any

import pyarrow
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from netclarity import charts
from tests.app.conftest import MakeApp
from tests.app.test_flow import complete, next_page


def results(make_app: MakeApp) -> AppTest:
    app = complete(make_app)
    see = next(b for b in app.button if b.label == "See my results")
    return see.click().run()


def test_results_show_the_alignment_the_first_step_and_three_charts(make_app: MakeApp) -> None:
    app = results(make_app)
    assert app.title[0].value == "Your results"
    assert app.metric[0].label == "Alignment"
    assert "Your first step" in [h.value for h in app.header]
    assert len(app.get("vega_lite_chart")) == 3
    titles = [m.value for m in app.markdown if m.value.startswith("**")]
    assert titles[:3] == [
        "**What you want from networking, and how well your hours serve it**",
        "**Where your hours go**",
        "**Your hours now, and a first step toward your goals**",
    ]


def chart_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often the page builds the results' charts (one entry per build of the set;
    the summary's, drawn for paper in the background, are not counted)."""
    built: list[int] = []
    build = charts.result_charts

    def counted(*args: Any, **kwargs: Any) -> list[Any]:
        if kwargs.get("width", "container") == "container":
            built.append(1)
        return build(*args, **kwargs)

    st.cache_data.clear()
    monkeypatch.setattr(charts, "result_charts", counted)
    return built


def test_typing_in_the_plan_does_not_build_the_charts_again(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = chart_builds(monkeypatch)
    app = results(make_app)
    assert len(built) == 1
    app.text_input(key="plan-goal-1-what").input("Two new clients from one-to-ones").run()
    app.text_area(key="plan-give").input("An introduction a month").run()
    assert len(built) == 1
    assert len(app.get("vega_lite_chart")) == 3


def hours_shown(app: AppTest) -> dict[str, float]:
    """The hours per place in the "Where your hours go" chart, as the page sends it."""
    chart = app.get("vega_lite_chart")[1].proto
    tables = [pyarrow.ipc.open_stream(dataset.data.data).read_all() for dataset in chart.datasets]
    rows = [row for table in tables for row in table.to_pylist()]
    return {row["channel"]: row["hours"] for row in rows if "hours" in row}


def test_the_charts_follow_changed_answers(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = chart_builds(monkeypatch)
    app = results(make_app)
    before = hours_shown(app)
    app = app.button(key="results-review").click().run()
    app = app.button(key="edit:priorities").click().run()
    app.number_input(key="q-time-canteen").set_value(90.0).run()
    app = next_page(next_page(app))
    app = next(b for b in app.button if b.label == "See my results").click().run()
    assert len(built) == 2
    assert hours_shown(app) != before
    assert 90.0 in hours_shown(app).values()


def test_a_plan_goal_is_saved_as_typed_and_kept_after_leaving(make_app: MakeApp) -> None:
    app = results(make_app)
    app.text_input(key="plan-goal-1-what").input("Two new clients from one-to-ones").run()
    app.text_input(key="plan-goal-1-measure").input("Signed contracts").run()
    token = app.session_state["resume_token"]
    later = make_app(resume=token)
    later.switch_page("pages/results.py").run()
    assert later.text_input(key="plan-goal-1-what").value == "Two new clients from one-to-ones"
    assert later.text_input(key="plan-goal-1-measure").value == "Signed contracts"


def test_a_new_round_starts_empty_and_its_results_compare_with_the_last(
    make_app: MakeApp,
) -> None:
    app = results(make_app)
    app = next(b for b in app.button if b.label == "Start a new round").click().run()
    assert app.title[0].value == "The basics"
    assert app.radio(key="q-day").value is None

    app.radio(key="q-day").set_value("friday").run()
    app.pills(key="q-diet").set_value(["vegan"]).run()
    app = app.button(key="nav_next").click().run()
    app.number_input(key="q-why-food").set_value(2.0).run()
    app.number_input(key="q-why-talk").set_value(8.0).run()
    app.number_input(key="q-time-canteen").set_value(90.0).run()
    app = app.button(key="nav_next").click().run()
    app = app.button(key="nav_next").click().run()
    app = next(b for b in app.button if b.label == "See my results").click().run()

    assert "Since last time" in [h.value for h in app.header]
    assert "Round 2 compared with round 1." in [c.value for c in app.caption]
    # every minute in the canteen, the best place: keep going, so no first-step chart; goals
    # and hours, and since last time: alignment over the rounds, hours and goals then and now
    assert len(app.get("vega_lite_chart")) == 5


def test_a_plan_text_over_the_limit_stays_in_its_box_and_is_said_to_be_too_long(
    make_app: MakeApp,
) -> None:
    app = results(make_app)
    app.text_input(key="plan-goal-1-what").input("Two new clients").run()
    pasted = "x" * 2001

    app.text_input(key="plan-goal-1-what").input(pasted).run()

    assert app.text_input(key="plan-goal-1-what").value == pasted
    assert "This is 2,001 characters long; the limit is 2,000." in [e.value for e in app.error]
    later = make_app(resume=app.session_state["resume_token"])
    later.switch_page("pages/results.py").run()
    assert later.text_input(key="plan-goal-1-what").value == "Two new clients"


def test_a_name_for_the_summary_over_the_limit_is_said_to_be_too_long(
    make_app: MakeApp,
) -> None:
    app = results(make_app)

    app.text_input(key="pdf-name").input("N" * 201).run()

    assert app.text_input(key="pdf-name").value == "N" * 201
    assert "This is 201 characters long; the limit is 200." in [e.value for e in app.error]
    assert app.session_state["pdf-options"]["name"] is None
