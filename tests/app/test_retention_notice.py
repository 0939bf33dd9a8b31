"""When the operator sets a retention period, the person is told how long answers are kept.

The sentence sits where a self-guided person reads about saving and their resume link: on
the welcome page and in *Your resume link* on every page — in the questionnaire's language.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from netclarity.loading import loader
from netclarity.store import Store
from netclarity.workshop.store import Workshops
from tests.app.conftest import EVERY_TYPE, MakeApp
from tests.support.english import GERMAN_FILE

KEPT = "Once you have finished, your answers are kept for 90 days and then deleted for good."


def captions(app: AppTest) -> list[str]:
    return [caption.value for caption in app.caption]


def test_without_a_retention_period_the_welcome_page_promises_nothing(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NETCLARITY_RETENTION_DAYS", raising=False)

    app = make_app()

    assert not [c for c in captions(app) if "kept for" in c]


def test_the_welcome_page_says_how_long_answers_are_kept(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETCLARITY_RETENTION_DAYS", "90")

    app = make_app()

    assert KEPT in captions(app)


def test_the_resume_link_box_says_it_on_every_page(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETCLARITY_RETENTION_DAYS", "90")
    app = make_app()

    app.button[0].click().run()  # Start: the first page of questions

    assert app.title[0].value == "The basics"
    assert KEPT in captions(app)


def test_a_workshop_participant_is_told_it_runs_from_the_workshops_close(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETCLARITY_RETENTION_DAYS", "90")
    make_app()
    questionnaire = loader.load_file(EVERY_TYPE)
    store = Store.open(os.environ["NETCLARITY_DATABASE_URL"])
    workshop, _ = Workshops(store.database).create(
        "Friday breakfast", questionnaire.questionnaire.id
    )
    token, _ = store.start(
        questionnaire.questionnaire.id,
        questionnaire.questionnaire.version,
        questionnaire.digest,
        workshop_id=workshop.id,
    )
    store.close()

    app = make_app(resume=token)

    assert (
        "Your workshop answers are kept for 90 days after the workshop closes and then deleted "
        "for good."
    ) in captions(app)


def test_a_german_questionnaire_says_it_in_german(
    make_app: MakeApp, questions_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETCLARITY_RETENTION_DAYS", "90")
    (questions_dir / EVERY_TYPE.name).unlink()
    shutil.copy(GERMAN_FILE, questions_dir)

    app = make_app()

    assert (
        "Wenn Sie fertig sind, werden Ihre Antworten 90 Tage lang aufbewahrt und danach "
        "endgültig gelöscht."
    ) in captions(app)
