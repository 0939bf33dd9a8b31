"""A check-in round's PDF: "Since last time" (the previous plan's review, the change in
words and charts) before the new results, and the calendar reminder attached; German
throughout for a German questionnaire."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import icalendar
import pytest
from PIL import Image
from pypdf import PdfReader

from netclarity.questionnaire import Questionnaire
from netclarity.report import build_pdf
from netclarity.response import ItemReview, PlanReview, Response
from tests.support.english import english_in, english_phrases, german
from tests.support.requirements import require
from tests.unit.test_report_pdf import RESUME_URL, TODAY, lunch, lunch_response, text_of
from tests.unit.test_texts_german import ANSWERS as GERMAN_ANSWERS
from tests.unit.test_texts_german import PLAN as GERMAN_PLAN

__all__ = ["lunch"]  # the fixture, shared

BEFORE = lunch_response(round=1)
REVIEW = PlanReview(
    of_round=1,
    plan=BEFORE.plan,
    goals=[ItemReview(outcome="done", note="Most Fridays")],
    channels={"canteen": ItemReview(outcome="done"), "video": ItemReview(outcome="not_yet")},
)
NOW = lunch_response(round=2, answers={"time": {"canteen": 60, "video": 30}}, review=REVIEW)


@pytest.fixture(scope="module")
def check_in(lunch: Questionnaire) -> bytes:
    return build_pdf(lunch, NOW, name="Robin", resume_url=RESUME_URL, today=TODAY, previous=BEFORE)


def test_since_last_time_reviews_the_previous_plan(check_in: bytes) -> None:
    text = text_of(check_in)

    assert "Since last time Round 2 compared with round 1. 2 of 3 commitments done" in text
    assert "How my plan of round 1 went" in text
    assert "1. Lunch together every Friday Done. Most Fridays" in text
    assert "Grow: The canteen Done" in text
    assert "Stop: A video call lunch Not yet" in text


def test_since_last_time_tells_the_change_against_the_plan(check_in: bytes) -> None:
    text = text_of(check_in)

    assert "• You put 40 h a month more into The canteen, as planned." in text
    assert "• You moved 40 h a month out of A video call lunch, as planned." in text
    assert text.index("Since last time") < text.index("Your results") < text.index("Your plan")


def test_a_check_in_pdf_adds_the_three_change_charts(lunch: Questionnaire, check_in: bytes) -> None:
    first_round = build_pdf(lunch, BEFORE, resume_url=RESUME_URL, today=TODAY)

    def pictures(pdf: bytes) -> int:
        return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)

    assert pictures(check_in) == pictures(first_round) + 3
    text = text_of(check_in)
    for title in ("Your alignment, round by round", "Hours per place, then and now"):
        assert title not in text  # chart titles are inside the pictures


def test_the_check_in_reminder_is_attached_as_a_calendar_file(check_in: bytes) -> None:
    attachments = PdfReader(io.BytesIO(check_in)).attachments

    assert list(attachments) == ["every_type-check-in.ics"]
    calendar = icalendar.Calendar.from_ical(attachments["every_type-check-in.ics"][0])
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == date(2025, 6, 12)
    assert RESUME_URL in str(event["DESCRIPTION"])
    assert "attached to this PDF as every_type-check-in.ics" in text_of(check_in)


def test_the_check_in_pages_render(check_in: bytes, tmp_path: Path) -> None:
    require(shutil.which("pdftoppm") is not None, "pdftoppm (Debian package poppler-utils)")
    pdf_file = tmp_path / "check-in.pdf"
    pdf_file.write_bytes(check_in)

    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "2", "-l", "3", str(pdf_file), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )

    for page_file in sorted(tmp_path.glob("p-*.png")):
        with Image.open(page_file) as page:
            darkest, _ = page.convert("L").getextrema()
        assert darkest < 100


def test_the_check_in_pdf_of_a_german_questionnaire_contains_no_english() -> None:
    deutsch = german()
    before = Response(
        questionnaire=deutsch.id, version=1, answers=GERMAN_ANSWERS, plan=GERMAN_PLAN, round=1
    )
    review = PlanReview(
        of_round=1,
        plan=GERMAN_PLAN,
        goals=[ItemReview(outcome="partly", note="Zweimal")],
        channels={"fruehstueck": ItemReview(outcome="done"), "gruppen": ItemReview()},
    )
    later = {**GERMAN_ANSWERS, "stunden": {"fruehstueck": 2, "gruppen": 6.5, "anrufe": 1.5}}
    now = Response(
        questionnaire=deutsch.id,
        version=1,
        answers=later,
        plan=GERMAN_PLAN,
        round=2,
        review=review,
    )

    pdf = build_pdf(
        deutsch, now, resume_url="https://klarheit.example.org/?resume=abc", previous=before
    )
    text = text_of(pdf)

    assert english_in([text], english_phrases(deutsch.texts)) == {}
    assert "Seit dem letzten Mal" in text
    assert "1 von 4 Vorhaben erledigt" in text
    assert "Verringern: Frühstücksclubs und bezahlte Netzwerkgruppen Erledigt" in text
