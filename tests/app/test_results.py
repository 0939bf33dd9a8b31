"""The results page: score, charts, findings, and a plan that is kept."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import MakeApp
from tests.app.test_flow import complete


def results(make_app: MakeApp) -> AppTest:
    app = complete(make_app)
    see = next(b for b in app.button if b.label == "See my results")
    return see.click().run()


def test_results_show_the_alignment_and_all_four_charts(make_app: MakeApp) -> None:
    app = results(make_app)
    assert app.title[0].value == "Your results"
    assert app.metric[0].label == "Alignment"
    assert len(app.get("vega_lite_chart")) == 4
    titles = [m.value for m in app.markdown if m.value.startswith("**")]
    assert titles[:4] == [
        "**What you want from networking, and what your time delivers**",
        "**Where your hours go**",
        "**Which goals get less, or more, than you want**",
        "**Your hours now, and a first step toward your goals**",
    ]


def test_a_plan_goal_is_saved_as_typed_and_kept_after_leaving(make_app: MakeApp) -> None:
    app = results(make_app)
    app.text_input(key="plan-goal-1-what").input("Two new clients from one-to-ones").run()
    app.text_input(key="plan-goal-1-measure").input("Signed contracts").run()
    token = app.session_state["resume_token"]
    later = make_app(resume=token)
    later.switch_page("pages/results.py").run()
    assert later.text_input(key="plan-goal-1-what").value == "Two new clients from one-to-ones"
    assert later.text_input(key="plan-goal-1-measure").value == "Signed contracts"
