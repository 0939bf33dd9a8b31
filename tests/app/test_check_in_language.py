"""The check-in of a German questionnaire shows no English: the review of the plan, the
previous answers offered again, the welcome back, and what changed since last time."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app.conftest import MakeApp
from tests.app.test_language import answer_everything, english_on, questions_dir

__all__ = ["questions_dir"]  # the fixture: a folder holding only the German questionnaire


def round_one_with_a_plan(make_app: MakeApp) -> AppTest:
    review = answer_everything(make_app)
    app = next(b for b in review.button if b.label == "Meine Ergebnisse ansehen").click().run()
    app.text_input(key="plan-goal-1-what").input("Einmal im Monat ein Treffen").run()
    app.segmented_control(key="plan-ch-fruehstueck").set_value("reduce").run()
    return app


def test_a_german_check_in_shows_no_english_from_the_review_to_the_change(
    make_app: MakeApp,
) -> None:
    app = round_one_with_a_plan(make_app)
    assert "Ihr nächster Rückblick" in [s.value for s in app.subheader]
    assert english_on(app) == {}

    app = next(b for b in app.button if b.label == "Eine neue Runde beginnen").click().run()
    assert app.title[0].value == "Wie ist es mit Ihrem Plan gelaufen?"
    assert app.segmented_control(key="review-2-channel-fruehstueck").options == [
        "Erledigt",
        "Teilweise",
        "Noch nicht",
        "Anders entschieden",
    ]
    assert english_on(app) == {}

    app.segmented_control(key="review-2-goal-0").set_value("done").run()
    app = next(b for b in app.button if b.label == "Die Fragen erneut beantworten").click().run()
    assert [i.value for i in app.info] == [
        "Aus Ihren Antworten der Runde 1 übernommen, als Ausgangspunkt: Ändern Sie, was sich "
        "geändert hat."
    ]
    assert english_on(app) == {}

    app = app.button(key="nav_next").click().run()
    app.number_input(key="q-stunden-fruehstueck").set_value(2.0).run()
    app = app.button(key="nav_next").click().run()
    app = next(b for b in app.button if b.label == "Meine Ergebnisse ansehen").click().run()
    assert "Seit dem letzten Mal" in [h.value for h in app.header]
    assert app.get("progress")[0].proto.text == "1 von 2 Vorhaben erledigt"
    assert (
        "• Sie haben 4 Std. im Monat aus Frühstücksclubs und bezahlte Netzwerkgruppen "
        "abgezogen, wie geplant." in [t.value for t in app.text]
    )
    assert english_on(app) == {}


def test_the_german_welcome_back_offers_the_check_in_in_german(make_app: MakeApp) -> None:
    token = round_one_with_a_plan(make_app).session_state["resume_token"]

    app = make_app(resume=token)

    assert "Meinen Rückblick beginnen" in [b.label for b in app.button]
    assert english_on(app) == {}
