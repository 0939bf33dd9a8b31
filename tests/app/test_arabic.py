"""A respondent of the Arabic questionnaire gets right-to-left pages and reads no English.

The app runs with only ``tests/questionnaires/arabic.yaml``. Every screen from the welcome
page to the results carries the right-to-left stylesheet, and no string the app sends holds
an English default text (see ``tests.app.test_language`` for how strings are collected).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import MakeApp
from tests.app.test_language import shown
from tests.support.english import ARABIC_FILE, arabic, english_in, english_phrases

FSI, PDI = "\u2068", "\u2069"


@pytest.fixture
def questions_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "questions"
    folder.mkdir()
    shutil.copy(ARABIC_FILE, folder)
    return folder


def english_on(app: AppTest) -> dict[str, str]:
    return english_in(shown(app), english_phrases(arabic().texts))


def right_to_left(app: AppTest) -> bool:
    """Whether the screen sent the right-to-left stylesheet."""
    return any("direction: rtl" in text for text in shown(app))


def test_an_arabic_respondent_gets_right_to_left_pages_without_english(
    make_app: MakeApp,
) -> None:
    app = make_app()
    assert app.title[0].value == "وضوح التواصل المهني"
    assert right_to_left(app)
    assert english_on(app) == {}

    app = app.button[0].click().run()
    assert app.get("progress")[0].proto.text == "الصفحة 1 من 3"
    assert right_to_left(app)
    for goal, points in {"zabain": 50.0, "maarifa": 30.0, "mujtama": 20.0}.items():
        app.number_input(key=f"q-awzan-{goal}").set_value(points).run()
    assert f"وُزّعت كل الـ{FSI}100{PDI} نقطة" in [s.value for s in app.success]
    assert english_on(app) == {}

    app = app.button(key="nav_next").click().run()
    app.number_input(key="q-saat-multaqayat").set_value(12.5).run()
    app.number_input(key="q-saat-linkedin").set_value(4.0).run()
    app.number_input(key="q-mal-multaqayat").set_value(1500.0).run()
    assert f"المجموع: {FSI}1٬500\u00a0ر.س{PDI} في الشهر" in [c.value for c in app.caption]
    app.radio(key="q-dafi-multaqayat").set_value("should").run()
    app.radio(key="q-dafi-linkedin").set_value("want").run()
    assert english_on(app) == {}

    app = app.button(key="nav_next").click().run()
    app = app.button(key="nav_next").click().run()
    assert app.title[0].value == "مراجعة إجاباتك"
    assert right_to_left(app)
    assert english_on(app) == {}

    see_results = next(b for b in app.button if b.label == "اعرض نتائجي")
    app = see_results.click().run()
    assert not app.exception
    assert app.title[0].value == "نتائجك"
    assert len(app.get("vega_lite_chart")) == 3
    assert right_to_left(app)
    assert english_on(app) == {}
