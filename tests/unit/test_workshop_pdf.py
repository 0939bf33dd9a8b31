"""The group summary PDF: the room's counts, charts, prompts and poll; nothing personal."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from netclarity.report.group import build_group_pdf
from netclarity.workshop.room import summarise
from netclarity.workshop.store import Workshop
from tests.support.workshop import participants, workshop_questionnaire

QUESTIONNAIRE = workshop_questionnaire()
WORKSHOP = Workshop(
    id=1,
    code="K7QX2M",
    title="Friday breakfast club",
    questionnaire_id="workshop",
    threshold=3,
    created_at=datetime(2026, 3, 6, 8, 0, tzinfo=UTC),
    closes_at=None,
    closed_at=None,
)
TODAY = date(2026, 3, 6)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def images_in(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def pdf() -> bytes:
    room = summarise(QUESTIONNAIRE, participants(), threshold=3, seed="s")
    return build_group_pdf(QUESTIONNAIRE, WORKSHOP, room, today=TODAY)


@pytest.fixture(scope="module")
def summary(pdf: bytes) -> str:
    return " ".join(text_of(pdf).split())


def test_the_cover_names_the_workshop_and_counts_the_room(summary: str) -> None:
    assert "Workshop summary Friday breakfast club Workshop check 6 March 2026" in summary
    assert "5 joined and 3 finished the questionnaire." in summary
    assert "Half the room's time and goals line up at 75 out of 100 or below." in summary


def test_it_holds_the_room_charts_the_prompts_and_the_poll(pdf: bytes, summary: str) -> None:
    # goals, alignment, hours, obligations, unserved goals; the poll; how far everyone got
    assert images_in(pdf) == 7
    for expected in (
        "The room",
        "To discuss",
        "The room wants 50% A and its time gives 50.0%.",
        "The poll",
        "How far everyone got",
        "Page 2 of",
    ):
        assert expected in summary
    assert "room_wants_more_a" not in summary


def test_no_free_text_is_printed(summary: str) -> None:
    assert "More coffee" not in summary
    assert "HYPERLINK" not in summary


def test_below_the_threshold_it_says_so_instead_of_showing_the_room() -> None:
    room = summarise(QUESTIONNAIRE, participants(), threshold=5, seed="s")

    pdf = build_group_pdf(QUESTIONNAIRE, WORKSHOP, room)
    summary = " ".join(text_of(pdf).split())

    assert "The room's results are not shown: fewer than 5 people finished" in summary
    assert "4 answers: fewer than the 5 needed to show them." in summary
    assert "To discuss" not in summary
    assert images_in(pdf) == 1  # how far everyone got
