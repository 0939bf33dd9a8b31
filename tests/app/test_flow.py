"""The self-guided flow, driven through the real app with Streamlit's AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from netclarity.questionnaire import QUESTION_TYPES
from netclarity.store import Store
from netclarity.ui import style
from netclarity.ui.widgets import RENDERERS
from tests.app.conftest import MakeApp


def start(make_app: MakeApp) -> AppTest:
    app = make_app()
    app.button[0].click().run()  # the welcome page's only button: Start
    return app


def answer_basics(app: AppTest) -> AppTest:
    app.radio(key="q-day").set_value("monday").run()
    app.pills(key="q-diet").set_value(["vegetarian"]).run()
    return app


def next_page(app: AppTest) -> AppTest:
    return app.button(key="nav_next").click().run()


def test_welcome_page_introduces_the_questionnaire(make_app: MakeApp) -> None:
    app = make_app()
    assert app.title[0].value == "Team lunch planner"
    assert app.markdown[0].value == "Plan the next team lunch together."
    assert app.caption[0].value == "About 3 minutes"
    assert [b.label for b in app.button] == ["Start"]


def test_start_opens_the_first_page_with_progress(make_app: MakeApp) -> None:
    app = start(make_app)
    assert app.title[0].value == "The basics"
    assert app.get("progress")[0].proto.text == "Page 1 of 3"


def stylesheets(app: AppTest) -> int:
    """How many copies of the app's stylesheet the run sent (Streamlit trims the body)."""
    return sum(1 for html in app.get("html") if html.value.strip() == style.STYLESHEET.strip())


def test_each_run_sends_the_app_stylesheet_once(make_app: MakeApp) -> None:
    app = make_app()
    assert stylesheets(app) == 1  # the welcome page
    app = app.button[0].click().run()  # Start
    assert app.title[0].value == "The basics"
    assert stylesheets(app) == 1
    app = next_page(answer_basics(app))
    assert app.title[0].value == "Priorities"
    assert stylesheets(app) == 1


def test_next_refuses_a_missing_required_answer(make_app: MakeApp) -> None:
    app = next_page(start(make_app))
    assert app.title[0].value == "The basics"
    assert "Please answer this question." in [e.value for e in app.error]


def test_multiple_choice_maximum_is_checked_on_next(make_app: MakeApp) -> None:
    app = start(make_app)
    app.radio(key="q-day").set_value("monday").run()
    app.pills(key="q-diet").set_value(["none", "vegetarian", "vegan"]).run()
    app = next_page(app)
    assert "Choose at most 2." in [e.value for e in app.error]


def test_question_appears_when_its_condition_holds(make_app: MakeApp) -> None:
    app = start(make_app)
    assert not [s for s in app.slider if s.key == "q-budget"]
    app.radio(key="q-day").set_value("friday").run()
    assert app.slider(key="q-budget").label == "Budget per person (euros)"


def test_answers_are_kept_when_moving_back_and_forth(make_app: MakeApp) -> None:
    app = next_page(answer_basics(start(make_app)))
    assert app.title[0].value == "Priorities"
    app = app.button(key="nav_back").click().run()
    assert app.title[0].value == "The basics"
    assert app.radio(key="q-day").value == "monday"
    assert app.pills(key="q-diet").value == ["vegetarian"]


def test_allocation_counts_what_is_left_and_what_is_over(make_app: MakeApp) -> None:
    app = next_page(answer_basics(start(make_app)))
    assert "10 points left to share out" in [i.value for i in app.info]
    app.number_input(key="q-why-food").set_value(4.0).run()
    assert "6 points left to share out" in [i.value for i in app.info]
    app.number_input(key="q-why-talk").set_value(8.0).run()
    assert "2 points too many: take some away" in [e.value for e in app.error]
    app.number_input(key="q-why-talk").set_value(6.0).run()
    assert "All 10 points shared out" in [s.value for s in app.success]


def test_an_allocation_that_does_not_add_up_blocks_next(make_app: MakeApp) -> None:
    app = next_page(answer_basics(start(make_app)))
    app.number_input(key="q-why-food").set_value(3.0).run()
    app = next_page(app)
    assert app.title[0].value == "Priorities"
    assert app.error[0].value == "7 points left to share out"


def test_matrix_rows_follow_the_allocation_they_depend_on(make_app: MakeApp) -> None:
    app = next_page(answer_basics(start(make_app)))
    assert not [c for c in app.radio if c.key and c.key.startswith("q-feeling-")]
    app.number_input(key="q-time-video").set_value(30.0).run()
    rows = [c.key for c in app.radio if c.key and c.key.startswith("q-feeling-")]
    assert rows == ["q-feeling-video"]


def test_ranking_moves_an_option_up(make_app: MakeApp) -> None:
    app = next_page(answer_basics(start(make_app)))
    app.button(key="q-order-up-curry").click().run()
    shown = [m.value for m in app.markdown if m.value[:2] in ("1.", "2.", "3.")]
    assert shown == ["1. Curry", "2. Pasta", "3. Salad"]


def test_texts_come_from_the_questionnaire_file(make_app: MakeApp) -> None:
    app = start(make_app)
    assert app.button(key="nav_next").label == "Onward"


def complete(make_app: MakeApp) -> AppTest:
    app = next_page(answer_basics(start(make_app)))
    app.number_input(key="q-why-food").set_value(4.0).run()
    app.number_input(key="q-why-talk").set_value(6.0).run()
    app.number_input(key="q-time-canteen").set_value(60.0).run()
    app.number_input(key="q-time-video").set_value(30.0).run()
    app = next_page(app)
    app.text_input(key="q-name").input("Ada Lovelace").run()
    return next_page(app)


def test_review_lists_every_visible_answer(make_app: MakeApp) -> None:
    app = complete(make_app)
    assert app.title[0].value == "Review your answers"
    texts = [t.value for t in app.text]
    assert "Monday" in texts
    assert "Vegetarian" in texts
    assert "Eat well: 4\nTalk to colleagues: 6" in texts
    assert "1. Pasta\n2. Curry\n3. Salad" in texts
    assert "Ada Lovelace" in texts


def test_review_edit_returns_to_that_page(make_app: MakeApp) -> None:
    app = complete(make_app)
    app = app.button(key="edit:priorities").click().run()
    assert app.title[0].value == "Priorities"
    assert app.number_input(key="q-why-talk").value == 6.0


def test_a_resume_link_restores_answers_and_page_in_a_new_session(make_app: MakeApp) -> None:
    app = next_page(answer_basics(start(make_app)))
    later = make_app(resume=app.session_state["resume_token"])
    assert later.title[0].value == "Team lunch planner"
    later.button[0].click().run()  # "Continue where I left off"
    assert later.title[0].value == "Priorities"
    later = later.button(key="nav_back").click().run()
    assert later.radio(key="q-day").value == "monday"


def test_an_unknown_resume_link_says_so(make_app: MakeApp) -> None:
    app = make_app(resume="not-a-real-token")
    assert app.warning[0].value == (
        "That link does not match any saved answers. You can start afresh below."
    )


def test_every_question_type_has_a_widget() -> None:
    assert sorted(RENDERERS) == sorted(QUESTION_TYPES)


def test_widget_labels_are_plain_text_for_screen_readers(make_app: MakeApp) -> None:
    """The bold question is page text; the widget's own (hidden) label has no Markdown."""
    app = start(make_app)
    assert app.radio(key="q-day").label == "Which day suits you?"
    assert "**Which day suits you?** *(required)*" in [m.value for m in app.markdown]


def test_answers_an_older_version_saved_show_what_this_version_can_hold(
    make_app: MakeApp,
) -> None:
    """The dish since taken off the menu, the amount of a removed place and a matrix choice
    no longer offered are not shown, the rest is; the database keeps all of it."""
    app = start(make_app)
    token = app.session_state["resume_token"]
    older = {
        "diet": ["vegan", "paleo"],
        "time": {"canteen": 30, "gym": 20},
        "order": ["salad", "kebab", "pasta"],
        "feeling": {"canteen": "should", "video": "maybe"},
    }
    Store.open().save_answers(token, older)

    later = make_app(resume=token)
    later.button[0].click().run()  # Continue where I left off
    later.session_state["page"] = "priorities"
    later.run()

    assert not later.exception
    assert later.number_input(key="q-time-canteen").value == 30.0
    assert later.radio(key="q-feeling-canteen").value == "should"
    assert [m.value for m in later.markdown if m.value[:3] in ("1. ", "2. ", "3. ")] == [
        "1. Salad",
        "2. Pasta",
        "3. Curry",
    ]
    later.session_state["page"] = "basics"
    later.run()
    assert later.pills(key="q-diet").value == ["vegan"]
    saved = Store.open().load(token)
    assert saved is not None
    assert saved.answers["time"] == {"canteen": 30, "gym": 20}
