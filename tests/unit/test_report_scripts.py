"""The PDF prints names and charts in any script as typed: checked on its text and its pages.

A name is put into sentences of the questionnaire's language, which may run right to left;
it keeps its own direction there (zero-width characters do not split it into reversed words,
and a leading "**" stays in front). An emoji sequence prints as one picture. An Arabic
chart's title and subtitle start at the right and stay inside the picture.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from netclarity import charts, scoring
from netclarity.loading.loader import load_file
from netclarity.questionnaire import Questionnaire
from netclarity.report import build_pdf
from netclarity.report.images import chart_png, plot_width
from netclarity.response import Response
from tests.support.english import arabic
from tests.support.requirements import require
from tests.unit.test_right_to_left import ANSWERS

NETWORKING = Path(__file__).resolve().parents[2] / "questions" / "networking_clarity.yaml"
ZERO_WIDTH = "zero\u200bwidth\u200cjoiner\u200dhere"
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
A4_TEXT_WIDTH = 180.0


@pytest.fixture(scope="module")
def ar() -> Questionnaire:
    return arabic()


@pytest.fixture(scope="module")
def networking() -> Questionnaire:
    return load_file(NETWORKING).questionnaire


def pdf_for(questionnaire: Questionnaire, name: str) -> bytes:
    answers = ANSWERS if questionnaire.id == arabic().id else {}
    response = Response(questionnaire=questionnaire.id, version=1, answers=answers, name=name)
    return build_pdf(questionnaire, response)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def rendered(pdf: bytes, page: int, folder: Path) -> Image.Image:
    require(shutil.which("pdftoppm") is not None, "pdftoppm (Debian package poppler-utils)")
    pdf_file = folder / "summary.pdf"
    pdf_file.write_bytes(pdf)
    prefix = folder / f"p{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), str(pdf_file),
         str(prefix)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (png,) = folder.glob(f"p{page}-*.png")
    with Image.open(png) as image:
        picture = image.convert("RGB")
    png.unlink()
    return picture


def changed_width(a: Image.Image, b: Image.Image) -> int:
    """How wide the part of the page is where two renderings differ (0: identical)."""
    box = ImageChops.difference(a, b).getbbox()
    return 0 if box is None else box[2] - box[0]


@pytest.mark.parametrize("page", [1, 2], ids=["cover", "header"])
def test_a_name_with_zero_width_characters_keeps_its_words_in_order_in_arabic(
    ar: Questionnaire, page: int, tmp_path: Path
) -> None:
    pdf = pdf_for(ar, ZERO_WIDTH)

    assert ZERO_WIDTH in page_texts(pdf)[page - 1]
    plain = pdf_for(
        ar, ZERO_WIDTH.replace("\u200b", "").replace("\u200c", "").replace("\u200d", "")
    )
    # the same words in the same order: at most the zero-width characters' own sliver
    assert changed_width(rendered(pdf, page, tmp_path), rendered(plain, page, tmp_path)) < 10


def test_a_name_starting_with_stars_keeps_them_in_front_in_an_arabic_header(
    ar: Questionnaire,
) -> None:
    header = page_texts(pdf_for(ar, "**bold** Jane"))[1].splitlines()[0]

    assert "**bold** Jane" in header
    assert "Jane**" not in header


def test_a_latin_name_in_an_english_summary_is_printed_as_it_is(
    networking: Questionnaire,
) -> None:
    cover, header = page_texts(pdf_for(networking, "**bold** Jane"))[:2]

    assert "Prepared for **bold** Jane" in cover
    assert header.startswith("Networking clarity · **bold** Jane")


def test_an_emoji_sequence_prints_as_one_picture(networking: Questionnaire, tmp_path: Path) -> None:
    # U+FE0F (show as emoji) changes no picture but, like U+200D, has the line shaped, so
    # the three lines differ in the pictures only
    man = rendered(pdf_for(networking, "Kim \U0001f468\ufe0f"), 1, tmp_path)
    man_and_woman = rendered(pdf_for(networking, "Kim \U0001f468\U0001f469\ufe0f"), 1, tmp_path)
    family_pdf = pdf_for(networking, f"Kim {FAMILY}")
    family = rendered(family_pdf, 1, tmp_path)

    assert f"Prepared for Kim {FAMILY}" in page_texts(family_pdf)[0]
    one_picture = changed_width(man, man_and_woman)  # the width one more emoji takes
    # the man's picture becomes the family's; four people side by side would add three more
    assert 0 < changed_width(man, family) < 2 * one_picture


def test_an_arabic_charts_title_and_subtitle_start_at_the_right_and_stay_inside(
    ar: Questionnaire,
) -> None:
    goals = charts.goals_chart(ar, scoring.score(ar, ANSWERS), width=plot_width(A4_TEXT_WIDTH))
    title = goals.to_dict()["title"]

    assert title["anchor"] == "end"
    assert len(title["subtitle"]) == 2  # wrapped to two lines
    assert all(line.startswith("\u2067") and line.endswith("\u2069") for line in title["subtitle"])
    with Image.open(io.BytesIO(chart_png(goals))) as png:
        picture = png.convert("L")
    width, height = picture.size
    left_edge = picture.crop((0, 0, 4, height // 3))
    darkest, _ = left_edge.getextrema()
    assert darkest > 200  # nothing drawn against the left edge: no text cut off there
    top = picture.crop((0, 0, width, height // 6))
    ink = top.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert ink is not None
    assert ink[2] > width * 0.6  # the title ends towards the right
