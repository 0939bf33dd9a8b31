"""Continuing from a file: a damaged or hostile file gets a clear message and stores nothing.

An uploaded file is the one way text reaches the app without a browser in between, so it
can hold what no text box can: lone surrogates, NUL, any nesting, numbers JSON does not
allow, keys that look like Markdown, and answers longer than their question allows.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from netclarity.store import Store
from tests.app.conftest import EVERY_TYPE, MakeApp
from tests.hardening.hostile import HOSTILE, LONG

FAILED = "That file could not be read as answers: "


def response(**changes: Any) -> dict[str, Any]:
    """A downloaded answers file of the free-text questionnaire, as a JSON object."""
    document: dict[str, Any] = {
        "format": "netclarity-response/1",
        "questionnaire": "free_text",
        "version": 1,
        "answers": {"goals": {"clients": 60, "learning": 40}, "hours": {"breakfast": 8}},
        "page": "words",
    }
    document.update(changes)
    return document


def upload(make_app: MakeApp, data: bytes) -> AppTest:
    app = make_app()
    app.file_uploader(key="import_file").set_value(("answers.json", data, "application/json"))
    return app.run()


def respondents(store: Store) -> int:
    with store.database.engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT count(*) FROM respondents")).scalar_one())


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "it is not JSON (Expecting value: line 1 column 1 (char 0))"),
        ('{"name": "Zoë"}'.encode("latin-1"), "it is not UTF-8 text"),
        (b"[]", "it holds no answers"),
        (b"null", "it holds no answers"),
        (b"[" * 100_000 + b"]" * 100_000, "it is nested too deeply"),
        (b'{"questionnaire": "free_text", "version": 1' + b"0" * 5000 + b"}", "5,001 digits"),
        (json.dumps(response(answers={"hours": float("nan")})).encode(), "NaN is not a number"),
        (json.dumps(response(answers={"story": "\ud800"})).encode(), "unpaired surrogate"),
        (json.dumps(response(name="Ada\x00")).encode(), "name contains a NUL character"),
        (json.dumps(response(questionnaire="other")).encode(), None),
        (
            json.dumps(response(**{"![x](http://evil.invalid/x.png)": 1})).encode(),
            "…: Extra inputs are not permitted",
        ),
        (b" " * 2_000_001, "the file is larger than 2 MB, the most an answers file can be"),
        (
            json.dumps(response(round=2**31)).encode(),
            "it is not an answers file from this app (round number too large)",
        ),
        (
            json.dumps(response(version=10**29)).encode(),
            "it is not an answers file from this app (version number too large)",
        ),
        (
            json.dumps({"rounds": [response(round=2**31 + 5), response(round=2)]}).encode(),
            "it is not an answers file from this app (round number too large)",
        ),
        (
            json.dumps({k: v for k, v in response().items() if k != "version"}).encode(),
            "it is not an answers file from this app (no version number)",
        ),
    ],
    ids=[
        "empty", "latin-1", "empty list", "null", "nested 100,000 deep", "5,000-digit number",
        "NaN", "lone surrogate", "NUL in the name", "another questionnaire", "markdown key",
        "over 2 MB", "round 2**31", "version 10**29", "first of two rounds too large",
        "no version",
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_answers_is_refused_clearly_and_stores_nothing(
    make_app: MakeApp, store: Store, data: bytes, problem: str | None
) -> None:
    app = upload(make_app, data)

    errors = [e.value for e in app.error]
    if problem is None:
        assert errors == ["That file answers a questionnaire that is not available here."]
    else:
        assert len(errors) == 1
        assert errors[0].startswith(FAILED)
        assert problem in errors[0]
    assert respondents(store) == 0
    assert "resume_token" not in app.session_state
    assert not app.exception


def test_every_rounds_questionnaire_is_checked_not_only_the_last_ones(
    make_app: MakeApp, store: Store
) -> None:
    document = {"rounds": [response(questionnaire="gone", round=1), response(round=2)]}

    app = upload(make_app, json.dumps(document).encode())

    assert [e.value for e in app.error] == [
        "That file answers a questionnaire that is not available here."
    ]
    assert respondents(store) == 0


def test_a_refusal_never_repeats_markdown_from_the_file(make_app: MakeApp) -> None:
    key = "![x](http://evil.invalid/x.png) :material/home: **bold**"
    document = response(plan={"channels": {key: {"decision": "x"}}})

    app = upload(make_app, json.dumps(document).encode())

    [error] = [e.value for e in app.error]
    assert "evil" not in error
    assert "material" not in error
    assert "bold" not in error


def test_a_file_with_hostile_text_is_imported_exactly(make_app: MakeApp, store: Store) -> None:
    answers = {"story": "\n".join(HOSTILE.values()), "note": HOSTILE["nul"]}
    document = response(answers={**response()["answers"], **answers}, name="<b>Ada</b> 🤝🏽")

    app = upload(make_app, json.dumps(document).encode())

    token = app.session_state["resume_token"]
    loaded = store.load(token)
    assert loaded is not None
    assert {k: loaded.answers[k] for k in answers} == answers
    assert loaded.name == "<b>Ada</b> 🤝🏽"
    assert not app.exception


def test_an_imported_answer_over_its_limit_is_shown_whole_with_the_limit(
    make_app: MakeApp, store: Store
) -> None:
    document = response(answers={**response()["answers"], "headline": LONG})
    app = upload(make_app, json.dumps(document).encode())
    app.button[0].click().run()  # Continue where I left off

    assert app.title[0].value == "Your words"
    assert app.text_input(key="q-headline").value == LONG
    assert "This is 100,000 characters long; the limit is 60." in [e.value for e in app.error]


def test_an_answer_over_its_limit_is_kept_until_the_person_shortens_it(
    make_app: MakeApp, store: Store
) -> None:
    document = response(answers={**response()["answers"], "headline": LONG})
    app = upload(make_app, json.dumps(document).encode())
    app.button[0].click().run()
    token = app.session_state["resume_token"]

    app = app.button(key="nav_next").click().run()  # refused: the text is too long

    assert app.title[0].value == "Your words"
    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers["headline"] == LONG
    app.text_input(key="q-headline").input("Fewer events, better ones").run()
    app = app.button(key="nav_next").click().run()
    assert app.title[0].value == "Review your answers"
    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers["headline"] == "Fewer events, better ones"


WRONG_SHAPES = {
    "day": ["monday"],
    "diet": "vegetarian",
    "hunger": True,
    "people": 1000,
    "budget": "cheap",
    "why": {"food": "x", "talk": [1]},
    "time": {"canteen": 1e9, "video": -5},
    "order": {"pasta": 1},
    "feeling": ["want"],
    "vote": 3,
    "name": 42,
    "notes": {"a": 1},
}
"""An answer of the wrong kind for each question of every_type.yaml (an older version of the
questionnaire, or a hand-edited file, could hold any of these)."""


def test_answers_of_the_wrong_shape_do_not_break_any_page(
    make_app: MakeApp, questions_dir: Path
) -> None:
    shutil.copy(EVERY_TYPE, questions_dir)
    document = response(questionnaire="every_type", version=2, answers=WRONG_SHAPES, page=None)
    app = upload(make_app, json.dumps(document).encode())
    app.button[0].click().run()  # Continue where I left off
    seen = [(app.title[0].value, len(app.exception))]

    for page in ("priorities", "words"):
        app.session_state["page"] = page
        app.run()
        seen.append((app.title[0].value, len(app.exception)))
    for script in ("pages/review.py", "pages/results.py"):
        app.switch_page(script).run()
        seen.append((app.title[0].value, len(app.exception)))

    assert seen == [
        ("The basics", 0),
        ("Priorities", 0),
        ("In your words", 0),
        ("Review your answers", 0),
        ("Your results", 0),
    ]
