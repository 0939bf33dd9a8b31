"""The PDF summary: what a person reads in it, in any script, on A4 or US Letter."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from netclarity.loading.loader import load_file
from netclarity.questionnaire import Questionnaire
from netclarity.report import build_pdf
from netclarity.response import ChannelPlan, Plan, PlanGoal, Response
from tests.support.requirements import require

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2025, 3, 14)


@pytest.fixture(scope="module")
def lunch() -> Questionnaire:
    return load_file(ROOT / "tests" / "questionnaires" / "every_type.yaml").questionnaire


def lunch_response(**changes: Any) -> Response:
    answers = {
        "day": "friday",
        "diet": ["vegetarian"],
        "hunger": 3,
        "people": 8,
        "budget": 15,
        "why": {"food": 2, "talk": 8},
        "time": {"canteen": 20, "video": 70},
        "order": ["curry", "pasta", "salad"],
        "feeling": {"canteen": "want", "video": "should"},
        "vote": "great",
        "name": "Robin",
        "notes": "Somewhere with a window, please.",
    }
    answers.update(changes.pop("answers", {}))
    plan = Plan(
        goals=[
            PlanGoal(what="Lunch together every Friday", measure="Six people come", by="2025-06-30")
        ],
        channels={
            "canteen": ChannelPlan(decision="grow", hope="Real conversations"),
            "video": ChannelPlan(decision="stop"),
        },
        give="I will book the table",
    )
    plan = changes.pop("plan", plan)
    return Response(questionnaire="every_type", version=2, answers=answers, plan=plan, **changes)


WITHOUT_CHARTS = {"why": {}, "time": {}}
"""Answers with no goals and no hours: nothing to chart, so the PDF builds in a blink."""
RESUME_URL = "https://clarity.example.org/?resume=abc123"


@pytest.fixture(scope="module")
def summary(lunch: Questionnaire) -> bytes:
    """The full summary of one response: charts, findings, plan, answers, resume link."""
    return build_pdf(lunch, lunch_response(), name="Robin", resume_url=RESUME_URL, today=TODAY)


def text_of(pdf: bytes) -> str:
    """All the text a reader can extract, with whitespace (and line wrapping) collapsed."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_summary_holds_every_answer_as_worded_for_people(summary: bytes) -> None:
    text = text_of(summary)

    for shown in [
        "Which day suits you? Friday",
        "Any dietary needs? Vegetarian",
        "How hungry are you usually at noon? Very",
        "How many people should come? 8 people",
        "Budget per person 15 euros",
        "Share 10 points between what matters Eat well: 2 Talk to colleagues: 8",
        "Minutes per week on each The canteen: 20 minutes A video call lunch: 70 minutes",
        "Rank the dishes 1. Curry 2. Pasta 3. Salad",
        "Do you go because you want to? The canteen: Want A video call lunch: Should",
        "Lunch breaks are... Great",
        "Your name Robin",
        "Anything else? Somewhere with a window, please.",
    ]:
        assert shown in text


def test_the_summary_holds_the_plan_in_the_persons_words(summary: bytes) -> None:
    text = text_of(summary)

    assert "1. Lunch together every Friday" in text
    assert "How I will measure it: Six people come By: 30 June 2025" in text
    assert "Grow: The canteen Real conversations" in text
    assert "Stop: A video call lunch" in text
    assert "What I will give I will book the table" in text


def test_the_cover_names_the_person_the_date_and_the_alignment(summary: bytes) -> None:
    reader = PdfReader(io.BytesIO(summary))
    cover = " ".join(reader.pages[0].extract_text().split())

    assert "Team lunch planner" in cover
    assert "Prepared for Robin" in cover
    assert "14 March 2025" in cover
    # Stated: food 0.2, talk 0.8. An hour in the canteen (fit food 2, talk 3) is worth 2.8, on
    # video (talk 1) 0.8: 20 min and 70 min average (56 + 56) / 90 = 1.244, 44 of 2.8's 100.
    assert "Your networking time and your goals line up at 44 out of 100." in cover
    assert "serves the goals you gave points 44% as well as an hour in the best place" in cover


def chart_images(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_results_come_with_the_first_step_and_its_three_charts(summary: bytes) -> None:
    last = PdfReader(io.BytesIO(summary)).pages[-1]

    assert chart_images(summary) - len(last.images) == 3
    text = text_of(summary)
    assert (
        text.index("Your first step")
        < text.index("Your results")
        < text.index("What stands out")
        < text.index("Your plan")
    )


def test_without_hours_only_the_goals_chart_can_be_drawn(lunch: Questionnaire) -> None:
    pdf = build_pdf(lunch, lunch_response(answers={"time": {}}), today=TODAY)

    assert chart_images(pdf) == 1


def test_without_goals_or_hours_there_are_no_charts(lunch: Questionnaire) -> None:
    pdf = build_pdf(lunch, lunch_response(answers=WITHOUT_CHARTS), today=TODAY)

    assert chart_images(pdf) == 0
    assert "Your results" not in text_of(pdf)


def test_the_findings_are_in_words_without_their_rule_id(summary: bytes) -> None:
    text = text_of(summary)

    assert "You want to talk but 78% of your time is on video." in text
    assert "talkers" not in text


def test_an_empty_plan_and_no_findings_are_said_plainly(lunch: Questionnaire) -> None:
    response = lunch_response(answers=WITHOUT_CHARTS, plan=Plan())

    text = text_of(build_pdf(lunch, response, today=TODAY))

    assert "What stands out Nothing in particular stands out from your answers." in text
    assert "Your plan No plan written yet." in text


@pytest.mark.parametrize(
    "name",
    [
        "Zoë Åström-Ñúñez",
        "Γιώργος",
        "Дмитрий",
        "王小明",
        "やまだ 山田",
        "محمد",
        "דוד",
        "Sam 🙂🎉",
    ],
    ids=["latin", "greek", "cyrillic", "chinese", "japanese", "arabic", "hebrew", "emoji"],
)
def test_a_name_in_any_script_is_printed_as_typed(lunch: Questionnaire, name: str) -> None:
    response = lunch_response(answers=WITHOUT_CHARTS)

    text = text_of(build_pdf(lunch, response, name=name, today=TODAY))

    assert f"Prepared for {name}" in text


def test_hostile_text_is_printed_literally(lunch: Questionnaire) -> None:
    hostile = "<b>bold?</b> **no** [link](http://x) =SUM(A1:A3) {nb} {page} “quotes” – it’s"
    response = lunch_response(answers={**WITHOUT_CHARTS, "notes": hostile})

    assert hostile in text_of(build_pdf(lunch, response, today=TODAY))


def test_a_character_no_font_has_becomes_a_visible_placeholder(lunch: Questionnaire) -> None:
    notes = "bell\x07 private\ue000 linear-b\U00010000 end"
    response = lunch_response(answers={**WITHOUT_CHARTS, "notes": notes})

    text = text_of(build_pdf(lunch, response, today=TODAY))

    assert "bell\ufffd private\ufffd linear-b\ufffd end" in text


def test_a_100k_character_answer_flows_over_pages(lunch: Questionnaire) -> None:
    long = "START " + "networking is a long game " * 3846 + "END"
    assert len(long) > 100_000
    response = lunch_response(answers={**WITHOUT_CHARTS, "notes": long})

    pdf = build_pdf(lunch, response, today=TODAY)

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 20
    text = text_of(pdf)
    assert "Anything else? START networking is a long game" in text
    assert "a long game END" in text


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.28, 841.89)), ("letter", (612.0, 792.0))])
def test_paper_size(lunch: Questionnaire, paper: str, size: tuple[float, float]) -> None:
    response = lunch_response(answers=WITHOUT_CHARTS)

    pdf = build_pdf(lunch, response, paper=paper, today=TODAY)  # type: ignore[arg-type]

    for page in PdfReader(io.BytesIO(pdf)).pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == size


def test_every_page_but_the_cover_is_numbered(summary: bytes) -> None:
    reader = PdfReader(io.BytesIO(summary))
    pages = len(reader.pages)

    assert "Page 1 of" not in reader.pages[0].extract_text()
    for number, page in enumerate(reader.pages[1:], start=2):
        assert f"Page {number} of {pages}" in page.extract_text()


def test_the_resume_link_comes_as_text_and_qr_code(summary: bytes) -> None:
    text = text_of(summary)

    assert "Your 90-day check-in Come back around 12 June 2025" in text
    assert RESUME_URL in text
    last = PdfReader(io.BytesIO(summary)).pages[-1]
    assert [a.get_object()["/A"]["/URI"] for a in last["/Annots"]] == [RESUME_URL]
    assert len(last.images) == 1


def test_fonts_cached_from_an_earlier_document_print_the_next_one_correctly(
    lunch: Questionnaire,
) -> None:
    response = lunch_response(answers=WITHOUT_CHARTS)

    first = build_pdf(lunch, response, name="王小明", today=TODAY)
    second = build_pdf(lunch, response, name="山田花子", today=TODAY)

    assert "Prepared for 王小明" in text_of(first)
    assert "Prepared for 山田花子" in text_of(second)


def test_answers_for_another_questionnaire_are_refused(lunch: Questionnaire) -> None:
    response = Response(questionnaire="networking_clarity", version=1)

    with pytest.raises(ValueError, match="'networking_clarity', not 'every_type'"):
        build_pdf(lunch, response)


def test_the_cover_renders_to_an_image(summary: bytes, tmp_path: Path) -> None:
    require(shutil.which("pdftoppm") is not None, "pdftoppm (Debian package poppler-utils)")
    pdf_file = tmp_path / "summary.pdf"
    pdf_file.write_bytes(summary)

    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf_file), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )

    with Image.open(tmp_path / "p-1.png") as page:
        assert page.size == (414, 585)  # A4 (595.3 x 841.9 pt) at 50 dpi, rounded up
        darkest, _ = page.convert("L").getextrema()
    assert darkest < 100  # the title and text are there
