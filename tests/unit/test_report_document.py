"""The page template's layout rules: what stays together when a page fills up."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from netclarity.report.document import BODY, Document
from netclarity.report.images import qr_png


def document() -> Document:
    doc = Document(
        paper="a4",
        title="Layout",
        header_left="Layout",
        header_right="",
        page_label="Page {page} of {pages}",
        cover=False,
    )
    doc.add_page()
    return doc


def fill_until(doc: Document, space_left: float) -> None:
    """Some text, then skip down so that ``space_left`` mm remain on the page."""
    doc.paragraph("Filler.")
    doc.set_y(doc.page_break_trigger - space_left)


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_heading_near_the_foot_of_a_page_moves_on_with_its_text() -> None:
    doc = document()
    fill_until(doc, 20)  # room for the heading (18 mm) but not for a line after it

    doc.heading("Your plan")
    doc.paragraph("My goals come first.")

    first, second = page_texts(doc.finish())
    assert "Your plan" not in first
    assert "Your plan My goals come first." in second


def test_stacked_headings_move_on_together() -> None:
    doc = document()
    fill_until(doc, 35)  # room for both headings (31 mm) but not for the question

    doc.heading("Your answers")
    doc.heading("What are you networking for?")
    doc.labelled("Do you have clear goals?", "Roughly")

    first, second = page_texts(doc.finish())
    assert "Your answers" not in first
    assert "Your answers What are you networking for? Do you have clear goals? Roughly" in second


def test_a_label_is_not_left_without_its_answer() -> None:
    doc = document()
    fill_until(doc, 8)  # room for the label, not for its answer

    doc.labelled("How many hours a month?", "Breakfast clubs: 8\nLinkedIn: 6")

    first, second = page_texts(doc.finish())
    assert "How many hours" not in first
    assert "How many hours a month? Breakfast clubs: 8 LinkedIn: 6" in second


def test_a_picture_is_never_split_over_two_pages() -> None:
    doc = document()
    fill_until(doc, 40)

    doc.picture(qr_png("https://clarity.example.org/?resume=abc"), width=50)

    first, second = PdfReader(io.BytesIO(doc.finish())).pages
    assert (len(first.images), len(second.images)) == (0, 1)


def test_text_in_other_scripts_prints_in_their_fonts_between_plain_paragraphs() -> None:
    doc = document()

    doc.paragraph("Plain words first.")
    doc.paragraph("王小明 said ✓ and 🙂")
    doc.paragraph("Plain words again.")

    (page,) = page_texts(doc.finish())
    assert "Plain words first. 王小明 said ✓ and 🙂 Plain words again." in page


@pytest.mark.parametrize(
    "text",
    [
        "networking is a long game, a very long game",
        "networking\u00a0is\u00a0a\u00a0long\u00a0game,\u00a0a\u00a0very long game",
        "net\u00adwork\u00ading is a long game, a very long game",
        "networking is\na long game, a very long game",
        "مرحبا بكم في الشبكة",  # shaped, right to left: its letters change form in a word
        "王小明说 networking ✓ is a long game",  # fallback fonts
    ],
    ids=["plain", "no-break spaces", "soft hyphens", "line break", "arabic", "fallback fonts"],
)
def test_a_block_is_measured_at_the_height_it_is_printed(text: str) -> None:
    doc = document()
    narrowest = narrowest_width_for_fewest_lines(doc, text)
    # the full width; that width, a hair less or more; and 0.05 mm steps 2 mm either side
    widths = [doc.epw, narrowest - 1e-6, narrowest, narrowest + 1e-6]
    widths += [narrowest + step * 0.05 for step in range(-40, 41)]
    for width in widths:
        indent = doc.epw - width

        printed = printed_height(doc, text, indent=indent)

        assert doc.lines(text, BODY, indent=indent) * BODY.line_height == pytest.approx(printed)


def printed_height(doc: Document, text: str, *, indent: float) -> float:
    """The height ``text`` takes when printed as a paragraph at the top of a new page."""
    doc.add_page()
    top = doc.y
    doc.paragraph(text, indent=indent)
    return doc.y - top


def narrowest_width_for_fewest_lines(doc: Document, text: str) -> float:
    """The narrowest width (to 1e-7 mm) at which ``text`` prints as short as at full width."""
    shortest = printed_height(doc, text, indent=0.0)
    narrow, wide = 0.0, doc.epw
    while wide - narrow > 1e-7:
        middle = (narrow + wide) / 2
        if printed_height(doc, text, indent=doc.epw - middle) > shortest + 1e-9:
            narrow = middle
        else:
            wide = middle
    return wide
