"""A respondent of a German questionnaire reads no English, from the welcome page to the results.

The app runs with only ``tests/questionnaires/deutsch.yaml``. On every screen, every string
the app sends to the browser (text, Markdown, captions, messages, button and widget labels,
options, help, expander labels) is searched for the English default texts (see
``tests.support.english``). The words inside charts are checked where the charts are built
(``tests/unit/test_texts_german.py``). What Streamlit's own widgets draw in the browser (the
file uploader's "Browse files", the date picker's calendar) is not sent as text and not
covered here.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from netclarity.store import Store
from netclarity.workshop.keys import view_key
from netclarity.workshop.store import Pace, Workshops
from tests.app.conftest import ROOT, MakeApp
from tests.support.english import GERMAN_FILE, english_in, english_phrases, german

SKIPPED = {"id", "icon", "spec"}
"""Proto fields left out: a widget's key, an icon name, and a chart's Vega-Lite JSON (whose
names such as the mark "rule" are no words; its words are checked in the unit tests)."""


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    """A folder holding only the German questionnaire."""
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(GERMAN_FILE, folder)
    return folder


def _strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.name in SKIPPED:
            continue
        for item in value if field.is_repeated else [value]:
            if isinstance(item, Message):
                yield from _strings(item)
            elif isinstance(item, str):
                yield item


def shown(app: AppTest) -> list[str]:
    """Every string of every element and container on the screen."""
    return [
        text
        for node in app._tree  # the element tree: AppTest has no public walk over all nodes
        if isinstance(getattr(node, "proto", None), Message)
        for text in _strings(node.proto)
    ]


def english_on(app: AppTest) -> dict[str, str]:
    return english_in(shown(app), english_phrases(german().texts))


def test_a_german_respondent_reads_no_english_from_welcome_to_review(make_app: MakeApp) -> None:
    app = make_app()
    assert app.title[0].value == "Klarheit beim Netzwerken"
    assert english_on(app) == {}

    app = app.button[0].click().run()
    assert app.get("progress")[0].proto.text == "Seite 1 von 2"
    assert english_on(app) == {}

    app = app.button(key="nav_next").click().run()  # nothing answered yet
    assert "Noch 100 Punkte zu verteilen" in [e.value for e in app.error]
    assert english_on(app) == {}

    app.number_input(key="q-gewichtung-gemeinschaft").set_value(50.0).run()
    app.number_input(key="q-gewichtung-lernen").set_value(30.0).run()
    app.number_input(key="q-gewichtung-kunden").set_value(30.0).run()
    assert "10 Punkte zu viel: bitte etwas wegnehmen" in [e.value for e in app.error]
    assert english_on(app) == {}

    app.number_input(key="q-gewichtung-kunden").set_value(20.0).run()
    assert "Alle 100 Punkte verteilt" in [s.value for s in app.success]
    assert english_on(app) == {}

    app = app.button(key="nav_next").click().run()
    app.number_input(key="q-stunden-fruehstueck").set_value(6.0).run()
    app.number_input(key="q-stunden-gruppen").set_value(2.5).run()
    assert "Summe: 8,5 Stunden" in [c.value for c in app.caption]
    app = app.button(key="nav_next").click().run()  # the matrix is not answered yet
    assert app.title[0].value == "Wohin Ihre Zeit geht"
    assert app.radio(key="q-motiv-gruppen").options == [
        "Ich bin gern dort",
        "Ich fühle mich verpflichtet",
        "Beides",
    ]
    assert english_on(app) == {}

    app.radio(key="q-motiv-fruehstueck").set_value("should").run()
    app.radio(key="q-motiv-gruppen").set_value("want").run()
    app = app.button(key="nav_next").click().run()
    assert app.title[0].value == "Ihre Antworten im Überblick"
    assert [t.value for t in app.text][1] == (
        "Frühstücksclubs und bezahlte Netzwerkgruppen: 6 Stunden\n"
        "Fachgruppen im Internet: 2,5 Stunden"
    )
    assert english_on(app) == {}


def answer_everything(make_app: MakeApp) -> AppTest:
    """Welcome, both pages answered, and the review page."""
    app = make_app().button[0].click().run()
    for goal, points in {"gemeinschaft": 50.0, "lernen": 30.0, "kunden": 20.0}.items():
        app.number_input(key=f"q-gewichtung-{goal}").set_value(points).run()
    app = app.button(key="nav_next").click().run()
    app.number_input(key="q-stunden-fruehstueck").set_value(6.0).run()
    app.number_input(key="q-stunden-gruppen").set_value(2.5).run()
    app.radio(key="q-motiv-fruehstueck").set_value("should").run()
    app.radio(key="q-motiv-gruppen").set_value("want").run()
    return app.button(key="nav_next").click().run()


def test_the_results_page_of_a_german_questionnaire_shows_no_english(make_app: MakeApp) -> None:
    review = answer_everything(make_app)
    see_results = next(b for b in review.button if b.label == "Meine Ergebnisse ansehen")

    app = see_results.click().run()

    assert app.title[0].value == "Ihre Ergebnisse"
    assert [h.value for h in app.header] == ["Ihr erster Schritt", "Was auffällt", "Ihr Plan"]
    assert app.segmented_control(key="pdf-paper").options == ["DIN A4", "US-Brief"]
    assert english_on(app) == {}


def test_a_broken_file_beside_a_german_questionnaire_is_named_without_english(
    make_app: MakeApp, questions_dir: Path
) -> None:
    (questions_dir / "kaputt.yaml").write_text("id: kaputt\ntitle: [Kaputt\n", encoding="utf-8")

    app = make_app()

    assert app.expander[-1].label == "Einige Fragebogen-Dateien konnten nicht geladen werden:"
    assert app.code[-1].value.endswith("kaputt.yaml")
    assert english_on(app) == {}


def test_a_german_participant_waiting_for_the_room_reads_no_english(make_app: MakeApp) -> None:
    make_app()
    store = Store.open(os.environ["NETCLARITY_DATABASE_URL"])
    try:
        workshop, _ = Workshops(store.database).create(
            "Donnerstagsrunde", "netzwerk_klarheit", pace=Pace.FACILITATOR
        )
    finally:
        store.close()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.query_params["join"] = workshop.code
    app = app.run().button[0].click().run()
    assert english_on(app) == {}
    for goal, points in {"gemeinschaft": 50.0, "lernen": 30.0, "kunden": 20.0}.items():
        app.number_input(key=f"q-gewichtung-{goal}").set_value(points).run()

    app = app.button(key="nav_next").click().run()

    assert app.title[0].value == "Warten auf die Gruppe"
    assert app.button[0].label == "Zurück zu meinen Antworten"
    assert english_on(app) == {}


def test_the_projector_of_a_german_workshop_shows_the_room_in_german(make_app: MakeApp) -> None:
    """What the room sees on the screen: how to join, the counts, and why results wait."""
    make_app()
    store = Store.open(os.environ["NETCLARITY_DATABASE_URL"])
    try:
        workshop, key = Workshops(store.database).create("Donnerstagsrunde", "netzwerk_klarheit")
    finally:
        store.close()
    app = AppTest.from_file(str(ROOT / "pages" / "present.py"), default_timeout=30)
    app.query_params["workshop"] = workshop.code
    app.query_params["view"] = view_key(key)

    app = app.run()

    assert [m.label for m in app.metric] == ["Beigetreten", "In Arbeit", "Fertig"]
    assert "Scannen Sie den QR-Code oder öffnen Sie" in [m.value for m in app.markdown]
    assert english_on(app) == {}
