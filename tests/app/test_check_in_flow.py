"""The check-in: a person with a plan comes back, reviews it, answers again from their
previous answers, and sees what changed; the results offer the check-in for their calendar."""

from __future__ import annotations

import datetime as dt

from streamlit.testing.v1 import AppTest

from tests.app.conftest import MakeApp
from tests.app.test_flow import next_page
from tests.app.test_results import results


def round_one_with_a_plan(make_app: MakeApp) -> AppTest:
    """Round 1 done (canteen 60, video call 30): one goal with a date, grow the canteen,
    stop the video call lunch."""
    app = results(make_app)
    app.text_input(key="plan-goal-1-what").input("Lunch with the team every week").run()
    app.date_input(key="plan-goal-1-by").set_value(dt.date(2027, 1, 15)).run()
    app.segmented_control(key="plan-ch-canteen").set_value("grow").run()
    app.segmented_control(key="plan-ch-video").set_value("stop").run()
    return app


def start_check_in(app: AppTest) -> AppTest:
    return next(b for b in app.button if b.label == "Start a new round").click().run()


def review_and_retake(app: AppTest) -> AppTest:
    """Mark the goal and the canteen done, the video call not yet; answer again from round 1,
    moving 20 minutes from the video call to the canteen."""
    app.segmented_control(key="review-2-goal-0").set_value("done").run()
    app.text_input(key="review-2-goal-0-note").input("Most weeks").run()
    app.segmented_control(key="review-2-channel-canteen").set_value("done").run()
    app.segmented_control(key="review-2-channel-video").set_value("not_yet").run()
    app = next(b for b in app.button if b.label == "Answer the questions again").click().run()
    app = next_page(app)
    app.number_input(key="q-time-canteen").set_value(80.0).run()
    app.number_input(key="q-time-video").set_value(10.0).run()
    app = next_page(next_page(app))
    return next(b for b in app.button if b.label == "See my results").click().run()


def test_a_new_round_opens_with_the_previous_plan_to_review(make_app: MakeApp) -> None:
    app = start_check_in(round_one_with_a_plan(make_app))

    assert app.title[0].value == "How did your plan go?"
    assert app.markdown[0].value.startswith("Before you answer again, look back at the plan")
    shown = [t.value for t in app.text]
    assert "Lunch with the team every week" in shown
    assert "By: 15 January 2027" in shown
    assert [m.value for m in app.markdown if m.value.startswith("**")] == [
        "**Goal 1**",
        "**Grow: The canteen**",
        "**Stop: A video call lunch**",
    ]
    assert app.checkbox(key="checkin-reuse").label == "Start from my answers of round 1"
    assert app.checkbox(key="checkin-reuse").value is True


def test_the_review_is_kept_and_a_later_visit_shows_it(make_app: MakeApp) -> None:
    app = start_check_in(round_one_with_a_plan(make_app))
    app.segmented_control(key="review-2-channel-video").set_value("changed").run()
    app.text_input(key="review-2-channel-video-note").input("Nobody joined").run()
    token = app.session_state["resume_token"]

    later = make_app(resume=token)
    later.switch_page("pages/checkin.py").run()

    assert later.segmented_control(key="review-2-channel-video").value == "changed"
    assert later.text_input(key="review-2-channel-video-note").value == "Nobody joined"


def test_previous_answers_are_offered_and_marked_on_each_page(make_app: MakeApp) -> None:
    app = start_check_in(round_one_with_a_plan(make_app))
    app = next(b for b in app.button if b.label == "Answer the questions again").click().run()

    assert app.title[0].value == "The basics"
    assert app.radio(key="q-day").value == "monday"
    assert [i.value for i in app.info] == [
        "Filled in from your answers of round 1 as a starting point: change what has changed."
    ]


def test_the_results_of_a_check_in_show_what_changed(make_app: MakeApp) -> None:
    app = review_and_retake(start_check_in(round_one_with_a_plan(make_app)))

    assert "Since last time" in [h.value for h in app.header]
    assert "**Your last plan**" in [m.value for m in app.markdown]
    completion = app.get("progress")[0].proto
    assert (completion.text, completion.value) == ("2 of 3 commitments done", 66)
    shown = [t.value for t in app.text]
    assert "• You put 20 h a month more into The canteen, as planned." in shown
    assert "• You moved 20 h a month out of A video call lunch, as planned." in shown
    titles = [m.value for m in app.markdown if m.value.startswith("**")]
    assert "**Your alignment, round by round**" in titles
    assert "**Hours per place, then and now**" in titles
    assert "**Each goal, then and now**" in titles
    # the new plan starts from the old one
    assert app.text_input(key="plan-goal-1-what").value == "Lunch with the team every week"
    assert app.segmented_control(key="plan-ch-video").value == "stop"


def test_the_results_offer_the_check_in_and_each_dated_goal_for_the_calendar(
    make_app: MakeApp,
) -> None:
    app = round_one_with_a_plan(make_app)

    assert "Your next check-in" in [s.value for s in app.subheader]
    today = dt.datetime.now(dt.UTC).date()
    assert app.date_input(key="checkin-day").value == today + dt.timedelta(days=90)
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Add the check-in to my calendar (.ics)" in labels
    assert "Add goal 1 to my calendar (.ics)" in labels


def test_the_check_in_link_offers_the_check_in_on_the_welcome_page(make_app: MakeApp) -> None:
    token = round_one_with_a_plan(make_app).session_state["resume_token"]
    app = make_app(resume=token)
    app.query_params["checkin"] = "1"
    app.run()

    start = next(b for b in app.button if b.label == "Start my check-in")
    assert start.proto.type == "primary"
    app = start.click().run()
    assert app.title[0].value == "How did your plan go?"


def test_the_next_check_in_starts_unmarked_in_the_same_browser(make_app: MakeApp) -> None:
    app = review_and_retake(start_check_in(round_one_with_a_plan(make_app)))

    app = start_check_in(app)

    assert app.markdown[0].value.startswith(
        "Before you answer again, look back at the plan you made in round 2."
    )
    assert app.segmented_control(key="review-3-goal-0").value is None
    assert app.text_input(key="review-3-goal-0-note").value == ""
