"""Hostile text leaves the app intact: in the PDF summary and in the JSON download.

The PDF is built by the same function the results page calls on a click, from the answers
as stored; the JSON is the export the "Download my answers" button offers.
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
import streamlit as st
from pypdf import PdfReader

from netclarity.report import build_pdf
from netclarity.response import ChannelPlan, Plan, PlanGoal, Response
from netclarity.store import Store
from netclarity.ui.mydata import export_json
from tests.hardening.hostile import HOSTILE, LONG
from tests.hardening.steps import FREE_TEXT_QUESTIONNAIRE

PLAN = Plan(
    goals=[PlanGoal(what=HOSTILE["script tag"], measure=HOSTILE["spreadsheet hyperlink"])],
    channels={"breakfast": ChannelPlan(decision="reduce", hope=HOSTILE["right to left"])},
    give="\n".join(HOSTILE.values()),
)
ANSWERS = {"headline": HOSTILE["image with onerror"], "story": "\n".join(HOSTILE.values())}
NAME = HOSTILE["markdown image"] + " " + HOSTILE["emoji"]
PRINTED_AS_IS = {
    name: text
    for name, text in HOSTILE.items()
    if name not in ("right to left", "control characters", "nul")
}
"""What the PDF prints character for character (with line breaks as spaces)."""


@pytest.fixture(scope="module")
def pdf_text() -> str:
    """All text of one summary holding every hostile text and a 100,000-character answer."""
    response = Response(
        questionnaire="free_text", version=1, answers={**ANSWERS, "note": LONG}, plan=PLAN
    )
    pdf = build_pdf(FREE_TEXT_QUESTIONNAIRE, response, name=NAME, today=date(2025, 3, 14))
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", PRINTED_AS_IS)
def test_the_pdf_prints_hostile_text_literally(pdf_text: str, name: str) -> None:
    assert flat(PRINTED_AS_IS[name]) in pdf_text


def test_the_pdf_prints_the_name_and_every_plan_field_literally(pdf_text: str) -> None:
    assert f"Prepared for {flat(NAME)}" in pdf_text
    assert flat(HOSTILE["spreadsheet hyperlink"]) in pdf_text
    assert pdf_text.count(flat(HOSTILE["script tag"])) >= 3  # plan goal, story, give


def test_the_pdf_shows_control_characters_and_nul_as_a_visible_placeholder(
    pdf_text: str,
) -> None:
    assert "tab bell\ufffdescape\ufffd" in pdf_text
    assert "before\ufffdafter" in pdf_text


def test_the_pdf_lays_out_right_to_left_text_right_to_left(pdf_text: str) -> None:
    """Text is extracted in the order it is drawn: the override shows ``abc`` as ``cba``."""
    assert "עברית\u202c cba\u202e العلاقات شبكة" in pdf_text


def test_the_pdf_holds_a_100000_character_answer_to_its_last_word(pdf_text: str) -> None:
    assert "Anything else? Give first, then ask." in pdf_text
    assert "Give first, then ask. Give fiEND Your 90-day check-in" in pdf_text


def test_the_json_download_gives_back_exactly_what_was_stored(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NETCLARITY_DATABASE_URL", database_url)
    st.cache_resource.clear()
    store = Store.open(database_url)
    token, _ = store.start("free_text", 1, "ab" * 32, name=NAME)
    store.save_answers(token, {**ANSWERS, "note": LONG, "plan": PLAN})
    store.close()

    document = json.loads(export_json(token))
    st.cache_resource.clear()

    [round_] = document["rounds"]
    assert round_["answers"] == {**ANSWERS, "note": LONG}
    assert Plan.model_validate(round_["plan"]) == PLAN
    assert round_["name"] == NAME
