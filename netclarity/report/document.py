"""The page template every PDF of the app shares, and the blocks its documents are made of.

A person's summary and a workshop's group summary look alike because both are built from
``Document``: the same paper sizes and margins, fonts for every script, running header and
page numbers, and blocks that lay themselves out sensibly: a heading is never left alone at
the foot of a page, an image is never split over two pages, and text (any script, any
length) is printed as plain text, never as Markdown or HTML.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import Literal

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, WrapMode
from fpdf.fpdf import get_page_format

from netclarity.report.fonts import (
    TEXT,
    FontSet,
    is_right_to_left,
    needs_fallback,
    needs_shaping,
)

Paper = Literal["a4", "letter"]
PAPER_FORMATS: dict[Paper, str] = {"a4": "A4", "letter": "Letter"}
RGB = tuple[int, int, int]

INK: RGB = (33, 37, 41)
MUTED: RGB = (108, 117, 125)
ACCENT: RGB = (23, 92, 114)
HAIRLINE: RGB = (206, 212, 218)

MARGIN = 20.0
TOP_MARGIN = 24.0
BOTTOM_MARGIN = 20.0

# Replaced by the number of pages when the PDF is written. Control characters never survive
# ``fonts.printable``, so nothing a person types can be mistaken for it.
PAGES_ALIAS = "\x00\x00"


@dataclass(frozen=True)
class Style:
    """A text style: size in points, weight, colour, and line height as a multiple of size."""

    size: float
    bold: bool = False
    italic: bool = False
    color: RGB = INK
    leading: float = 1.45

    @property
    def line_height(self) -> float:
        return self.size * self.leading * 25.4 / 72

    @property
    def emphasis(self) -> str:
        return ("B" if self.bold else "") + ("I" if self.italic else "")


TITLE = Style(26, bold=True, color=ACCENT, leading=1.2)
LEAD = Style(13, leading=1.45)
HEADING = Style(16, bold=True, color=ACCENT, leading=1.3)
SUBHEADING = Style(12, bold=True, leading=1.35)
BODY = Style(10)
STRONG = Style(10, bold=True)
QUIET = Style(10, color=MUTED)
LINK = Style(10, color=ACCENT)
NOTE = Style(8.5, color=MUTED)
EMPHASIS = Style(10, italic=True, color=MUTED)

KEEP_LINES = 3
"""A heading needs room for this many lines of the paragraph after it, or both move on."""
LABEL_GAP = 0.8


class Document(FPDF):
    """A PDF with the app's page template; ``cover=True`` leaves page 1 plain."""

    def __init__(
        self,
        *,
        paper: Paper,
        title: str,
        header_left: str,
        header_right: str,
        page_label: str,
        language: str = "en",
        cover: bool = True,
    ) -> None:
        super().__init__(orientation="portrait", unit="mm", format=PAPER_FORMATS[paper])
        self.set_margins(MARGIN, TOP_MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM_MARGIN)
        self.alias_nb_pages(PAGES_ALIAS)
        self.c_margin = 0
        self._fonts = FontSet(self)
        self._header_left = self._fonts.prepare(header_left)
        self._header_right = self._fonts.prepare(header_right)
        self._page_label = self._fonts.prepare(page_label)
        self._cover = cover
        self._headings: list[tuple[str, Style]] = []
        self.set_title(self._fonts.prepare(title))
        # What made the document, as a PDF reader's properties show it: the questionnaire,
        # named in its own language (the app's English name would be the one English word).
        self.set_creator(self._fonts.prepare(title))
        self.set_lang(language)
        self.set_text_color(*INK)
        self.use_style(BODY)

    # --- fpdf2 hooks ---------------------------------------------------------------------

    def get_fallback_font(self, char: str, style: str = "") -> str | None:
        return self._fonts.fallback_key(char, style)

    def header(self) -> None:
        if self._cover and self.page_no() == 1:
            return
        self.use_style(NOTE)
        y = 11.0
        width = self.epw / 2
        self.set_xy(self.l_margin, y)
        self._line(self._header_left, width, "L")
        self.set_xy(self.l_margin + width, y)
        self._line(self._header_right, width, "R")
        self.set_draw_color(*HAIRLINE)
        self.set_line_width(0.2)
        self.line(self.l_margin, y + 5.5, self.w - self.r_margin, y + 5.5)
        self.set_xy(self.l_margin, self.t_margin)
        self.use_style(BODY)

    def footer(self) -> None:
        if self._cover and self.page_no() == 1:
            return
        self.use_style(NOTE)
        self.set_xy(self.l_margin, self.h - 13)
        label = self._page_label.format(page=self.page_no(), pages=PAGES_ALIAS)
        self._line(label, self.epw, "C")

    # --- styles --------------------------------------------------------------------------

    def use_style(self, style: Style) -> None:
        self.set_font(TEXT.family, style.emphasis, style.size)
        self.set_text_color(*style.color)

    def _use_engines_for(self, prepared: str) -> None:
        """Switch on fpdf2's shaping engine and its per-character font fallback for text
        that needs them, and off for text that does not: each makes laying out text slower.

        Any non-empty list of fallback fonts switches the fallback on; ``get_fallback_font``
        above then picks the font for each character.
        """
        self.set_text_shaping(needs_shaping(prepared))
        self.set_fallback_fonts(
            [TEXT.family] if needs_fallback(prepared) else [], exact_match=False
        )

    def _line(self, text: str, width: float, align: str) -> None:
        """One line of already prepared text, shortened with "…" rather than wrapped."""
        self._use_engines_for(text)
        shortened = text
        while len(shortened) > 1 and self.get_string_width(shortened) > width:
            text = text[: max(1, int(len(text) * 0.9))]
            shortened = text.rstrip() + "…"
        self.cell(width, 5, shortened, align=align)

    # --- layout --------------------------------------------------------------------------
    #
    # Every block (paragraph, labelled value, marked note, picture) starts with ``_begin``,
    # which knows how much of the block must share a page with whatever headings come just
    # before it: headings wait in ``_headings`` until then, so a heading always lands on the
    # same page as the start of what it introduces.

    @property
    def space_left(self) -> float:
        return self.page_break_trigger - self.y

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` millimetres still fit on this one."""
        if height > self.space_left:
            self.add_page()

    def gap(self, height: float) -> None:
        """Vertical space, dropped at the top of a page where it would only look odd."""
        if self.y > self.t_margin + 0.1:
            self.set_y(min(self.y + height, self.page_break_trigger))

    def heading(self, text: str, style: Style = HEADING) -> None:
        """A heading, printed with (and on the same page as) the start of the next block."""
        self._headings.append((text, style))

    def paragraph(
        self,
        text: str,
        style: Style = BODY,
        *,
        indent: float = 0.0,
        align: Literal["L", "C", "R"] | None = None,
        link: str | None = None,
        after: float = 0.0,
    ) -> None:
        """Plain text; its first lines stay with a heading before it."""
        self._begin(self.lines(text, style, indent=indent, limit=KEEP_LINES) * style.line_height)
        self._write(text, style, indent=indent, align=align, link=link, after=after)

    def labelled(self, label: str, value: str, *, indent: float = 4.0) -> None:
        """A label in bold with its value below, never separated by a page break."""
        first_lines = self.lines(value, BODY, indent=indent, limit=2) * BODY.line_height
        self._begin(self.text_height(label, STRONG) + LABEL_GAP + first_lines)
        self._write(label, STRONG, after=LABEL_GAP)
        self._write(value, BODY, indent=indent)

    def marked(self, text: str, note: str | None = None, *, mark: RGB = ACCENT) -> None:
        """A short block of text (with an optional small note under it) and a bar beside it.

        Kept on one page when it fits on one; the bar runs the height of the block.
        """
        indent = 5.0
        height = self.text_height(text, BODY, indent=indent)
        if note:
            height += LABEL_GAP + self.text_height(note, NOTE, indent=indent)
        self._begin(min(height, self.page_break_trigger - self.t_margin))
        page, top = self.page, self.y
        self._write(text, BODY, indent=indent, after=LABEL_GAP if note else 0.0)
        if note:
            self._write(note, NOTE, indent=indent)
        if self.page == page:
            self.set_fill_color(*mark)
            self.rect(self.l_margin, top + 0.6, 1.2, self.y - top - 1.2, style="F")

    def picture(
        self,
        png: bytes,
        *,
        width: float,
        caption: str | None = None,
        align: Literal["L", "C"] = "C",
    ) -> None:
        """A PNG image ``width`` mm wide (less if the page is too short), never split."""
        height = picture_height(png, width)
        caption_height = self.text_height(caption, NOTE) + 1.5 if caption else 0.0
        tallest = self.page_break_trigger - self.t_margin - caption_height
        if height > tallest:
            width, height = width * tallest / height, tallest
        self._begin(height + caption_height)
        x = self.l_margin + ((self.epw - width) / 2 if align == "C" else 0.0)
        self.image(io.BytesIO(png), x=x, w=width, h=height)
        if caption:
            self.gap(1.5)
            self._write(caption, NOTE, align="C")

    def rule(self, *, color: RGB = HAIRLINE, width: float | None = None) -> None:
        self._begin(0.3)
        self.set_draw_color(*color)
        self.set_line_width(0.3)
        self.line(self.l_margin, self.y, self.l_margin + (width or self.epw), self.y)

    def finish(self) -> bytes:
        """The finished PDF (a heading with nothing after it is still printed)."""
        self._begin(0.0)
        return bytes(self.output())

    def text_height(self, text: str, style: Style, *, indent: float = 0.0) -> float:
        """The height ``text`` takes in ``style``."""
        return self.lines(text, style, indent=indent) * style.line_height

    def lines(self, text: str, style: Style, *, indent: float = 0.0, limit: int = 0) -> int:
        """How many lines ``text`` wraps to; with ``limit``, at most that many are counted.

        With a limit only a prefix is measured, so a 100,000-character answer costs no more
        to measure than a sentence.
        """
        prepared = self._fonts.prepare(text[: limit * 200] if limit else text)
        self.use_style(style)
        self._use_engines_for(prepared)
        if self._fits_on_one_line(prepared, self.epw - indent):
            return 1
        wrapped = self.multi_cell(
            self.epw - indent,
            style.line_height,
            prepared,
            dry_run=True,
            output=MethodReturnValue.LINES,
            wrapmode=WrapMode.WORD,
        )
        assert isinstance(wrapped, list)
        return min(len(wrapped), limit) if limit else len(wrapped)

    def _fits_on_one_line(self, prepared: str, width: float) -> bool:
        """Whether fpdf2 lays ``prepared`` out on one line ``width`` wide, found without
        its dry run, which renders every line (and any page break, header and footer) only
        to throw them away: measuring most blocks, a heading or a short answer, cost as
        much as printing them.

        Only for text whose width is the sum of its characters' widths, as fpdf2's line
        breaker adds them up: no line break, no soft hyphen (measured as the hyphen it may
        become), no no-break space (laid out as a space) and not shaped. Anything else, or
        anything wider, goes through the dry run.
        """
        if self.text_shaping or any(char in prepared for char in "\n\u00ad\u00a0"):
            return False
        return self.get_string_width(prepared) <= width

    def _begin(self, height: float) -> None:
        """Make room for the waiting headings and ``height`` mm of the block, then print them."""
        headings, self._headings = self._headings, []
        spaced = [(text, style, style.size * 0.45, style.size * 0.2) for text, style in headings]
        needed = height + sum(
            before + self.text_height(text, style) + after for text, style, before, after in spaced
        )
        self.keep(needed)
        for text, style, before, after in spaced:
            self.gap(before)
            self._write(text, style, after=after)

    def _write(
        self,
        text: str,
        style: Style,
        *,
        indent: float = 0.0,
        align: Literal["L", "C", "R"] | None = None,
        link: str | None = None,
        after: float = 0.0,
    ) -> None:
        """Text as it comes, wrapped and flowing over pages; right-aligned if right to left."""
        prepared = self._fonts.prepare(text)
        self.use_style(style)
        self._use_engines_for(prepared)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.epw - indent,
            style.line_height,
            prepared,
            align=align or ("R" if is_right_to_left(prepared) else "L"),
            new_x="LMARGIN",
            new_y="NEXT",
            wrapmode=WrapMode.WORD,
            link=link,
        )
        self.gap(after)


def text_width(paper: Paper) -> float:
    """The width of the text on ``paper`` in mm (``Document.epw``), without making one."""
    width_pt, _ = get_page_format(PAPER_FORMATS[paper])
    return float(width_pt) * 25.4 / 72 - 2 * MARGIN


def picture_height(png: bytes, width: float) -> float:
    """The height of a PNG image printed ``width`` wide, in the same unit."""
    pixels_wide, pixels_high = png_size(png)
    return width * pixels_high / pixels_wide


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from the PNG header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
