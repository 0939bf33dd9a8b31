"""Fonts for the PDF, so that a name or an answer in any script prints as typed.

fpdf2's built-in fonts cover Latin-1 only, so the PDF embeds TrueType fonts from Debian
packages: Noto Sans for the text (Latin, Greek, Cyrillic), then Noto Sans Arabic and Hebrew,
DejaVu Sans for the symbols those lack, WenQuanYi Micro Hei for Chinese, Japanese and Korean,
and Noto Color Emoji. Each character is printed in the first of those fonts that has it
(pictographs go to the emoji font first); a character none of them has becomes a visible
U+FFFD placeholder instead of silently vanishing.

Two things keep a document quick to build. A fallback font is added to a document only when
its text needs one (an English summary embeds Noto Sans alone). And parsing a font's tables,
0.15 s for the CJK font, happens once per process: later documents get a copy of the parsed
font with fresh per-document state (``FontSet._add``).
"""

from __future__ import annotations

import copy
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fontTools import ttLib  # type: ignore[import-untyped]
from fpdf.fonts import SubsetMap, TTFFont

if TYPE_CHECKING:
    from fpdf import FPDF

NOTO = Path("/usr/share/fonts/truetype/noto")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
WQY = Path("/usr/share/fonts/truetype/wqy")
PLACEHOLDER = "\ufffd"


@dataclass(frozen=True)
class Face:
    """One font family: where Debian installs each style, and which package brings it."""

    family: str
    package: str
    files: Mapping[str, Path] = field(hash=False)
    color: bool = False

    @property
    def regular(self) -> Path:
        return self.files[""]


TEXT = Face(
    "sans",
    "fonts-noto-core",
    {
        "": NOTO / "NotoSans-Regular.ttf",
        "B": NOTO / "NotoSans-Bold.ttf",
        "I": NOTO / "NotoSans-Italic.ttf",
    },
)
SYMBOLS = Face(
    "dejavu",
    "fonts-dejavu-core",
    {
        "": DEJAVU / "DejaVuSans.ttf",
        "B": DEJAVU / "DejaVuSans-Bold.ttf",
        "I": DEJAVU / "DejaVuSans-Oblique.ttf",
    },
)
ARABIC = Face(
    "arabic",
    "fonts-noto-core",
    {"": NOTO / "NotoSansArabic-Regular.ttf", "B": NOTO / "NotoSansArabic-Bold.ttf"},
)
HEBREW = Face(
    "hebrew",
    "fonts-noto-core",
    {"": NOTO / "NotoSansHebrew-Regular.ttf", "B": NOTO / "NotoSansHebrew-Bold.ttf"},
)
CJK = Face("cjk", "fonts-wqy-microhei", {"": WQY / "wqy-microhei.ttc"})
EMOJI = Face("emoji", "fonts-noto-color-emoji", {"": NOTO / "NotoColorEmoji.ttf"}, color=True)

FALLBACKS: tuple[Face, ...] = (ARABIC, HEBREW, SYMBOLS, CJK, EMOJI)
"""The order in which fonts are tried for a character the text font lacks."""

FACES: tuple[Face, ...] = (TEXT, *FALLBACKS)


class MissingFontError(RuntimeError):
    """A font file the PDF needs is not installed; the message names the Debian packages."""


def check_installed(faces: tuple[Face, ...] = FACES) -> None:
    """Fail early, with the ``apt-get install`` line that fixes it, if a font file is missing."""
    missing = sorted(
        {face.package for face in faces for path in face.files.values() if not path.is_file()}
    )
    if missing:
        raise MissingFontError(
            "The PDF needs fonts that are not installed. Install them with: "
            f"apt-get install {' '.join(missing)}"
        )


JOINERS = frozenset(
    {0x200D, 0xFE0E, 0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400), *range(0xE0020, 0xE0080)}
)
"""Zero-width joiner, variation selectors, the keycap, skin tones and tag characters: they
belong to the character before them and must print in its font."""


def is_pictograph(codepoint: int) -> bool:
    """Emoji and other pictographs (U+1F000 and up) print in colour rather than as outlines."""
    return 0x1F000 <= codepoint <= 0x1FAFF


@cache
def coverage(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for (read once per process)."""
    with ttLib.TTFont(path, lazy=True, fontNumber=0) as font:
        return frozenset(font.getBestCmap())


def face_for(codepoint: int) -> Face | None:
    """The font a character prints in: the text font if it can, else the first fallback."""
    return _face_for(codepoint)


@cache
def _face_for(codepoint: int) -> Face | None:
    if codepoint in coverage(TEXT.regular):
        return TEXT
    order = (EMOJI, *FALLBACKS) if is_pictograph(codepoint) else FALLBACKS
    return next((face for face in order if codepoint in coverage(face.regular)), None)


# A right-to-left letter, a combining mark or an emoji joiner/modifier/flag needs the shaping
# engine (HarfBuzz); plain text is much faster without it (3 s against 0.7 s for 100k chars).
_SHAPED_BIDI = frozenset({"R", "AL", "NSM"})


def needs_shaping(text: str) -> bool:
    """Text that only prints right when shaped: RTL, combining marks, emoji sequences."""
    return any(
        ord(char) >= 0x0300
        and (
            unicodedata.bidirectional(char) in _SHAPED_BIDI
            or char in "\u200d\ufe0f"
            or 0x1F1E6 <= ord(char) <= 0x1F1FF
            or 0x1F3FB <= ord(char) <= 0x1F3FF
        )
        for char in set(text)
    )


def needs_fallback(text: str) -> bool:
    """Text with a character the text font cannot print, or a joiner that may follow one.

    With fallback on, fpdf2 splits text into runs per font character by character, and
    that pass costs the square of the text's length (it slices off the rest of the text for
    every character): 0.13 s for 100,000 characters. Text the text font prints whole
    skips it.
    """
    if text.isascii():
        return False
    return any(
        ord(char) in JOINERS or face_for(ord(char)) not in (TEXT, None) for char in set(text)
    )


def is_right_to_left(text: str) -> bool:
    """The paragraph reads right to left: its first strong character is Arabic or Hebrew."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def printable(text: str) -> str:
    """Text as it can be printed, unchanged except where it could not be shown at all.

    Line breaks are normalised and tabs become spaces; an invisible formatting character no
    font has is dropped; any other character no font has (including control characters and
    lone surrogates from a hostile file) becomes the placeholder U+FFFD.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if text.isascii() and text.isprintable():
        return text
    return "".join(_printable_char(char) for char in text)


@cache
def _printable_char(char: str) -> str:
    if char == "\n":
        return char
    category = unicodedata.category(char)
    if category in ("Cc", "Cs"):
        return PLACEHOLDER
    if face_for(ord(char)) is not None:
        return char
    if category == "Zs":
        return " "
    if category in ("Cf", "Mn", "Me"):
        return ""
    return PLACEHOLDER


# --- per document ------------------------------------------------------------------------

_templates: dict[tuple[str, str], TTFFont] = {}
_templates_lock = threading.Lock()


def _template(face: Face, style: str) -> TTFFont:
    """The parsed font, made once per process and never written into a document itself."""
    key = (face.family, style)
    with _templates_lock:
        if key not in _templates:
            from fpdf import FPDF  # a scratch document: the template belongs to none

            _templates[key] = TTFFont(FPDF(), face.files[style], face.family + style, style)
        return _templates[key]


class FontSet:
    """The fonts of one document: the text font at once, each fallback on first use."""

    def __init__(self, pdf: FPDF) -> None:
        check_installed()
        self._pdf = pdf
        self._added: set[str] = set()
        self._run: str | None = None  # the fallback font of the character just printed
        self._ensure(TEXT)

    def prepare(self, text: str) -> str:
        """``printable(text)``, with every fallback font it needs added to the document."""
        text = printable(text)
        if not text.isascii():
            for face in {face_for(ord(char)) for char in set(text)}:
                if face is not None:
                    self._ensure(face)
        return text

    def fallback_key(self, char: str, style: str) -> str | None:
        """The font key fpdf2 should print ``char`` with when the current font lacks it.

        A joiner or modifier (``JOINERS``) stays in the font of the character before it, so
        an emoji sequence such as the family (four people joined by U+200D) reaches the
        emoji font whole and prints as one picture.
        """
        if ord(char) in JOINERS and self._run is not None:
            return self._run
        face = face_for(ord(char))
        if face is None or face is TEXT:
            self._run = None
            return None
        self._ensure(face)
        self._run = face.family + (style if style in face.files else "")
        return self._run

    def _ensure(self, face: Face) -> None:
        if face.family in self._added:
            return
        self._added.add(face.family)
        for style, path in face.files.items():
            if face.color:
                # A colour font is drawn as Type 3 glyphs tied to its document: add it anew.
                self._pdf.add_font(face.family, style, str(path))
            else:
                self._add(face, style)

    def _add(self, face: Face, style: str) -> None:
        """Register a copy of the cached parsed font, as ``FPDF.add_font`` would a new one.

        Shared with the template: the read-only tables (cmap, glyph ids, metrics). Fresh for
        this document: the fontTools font (subsetting rewrites it in place on output), the
        width table (fpdf2 adds defaults to it as it reads), the subset, the descriptor
        object (numbered on output) and the list of missing glyphs. Relies on the
        attributes of fpdf2's ``TTFFont`` (pinned in requirements.txt).
        """
        template = _template(face, style)
        font: Any = copy.copy(template)
        font.i = len(self._pdf.fonts) + 1
        font.ttfont = ttLib.TTFont(template.ttffile, recalcTimestamp=False, fontNumber=0, lazy=True)
        if face is TEXT:  # joiners must reach fpdf2's fallback, see ``fallback_key``
            font.cmap = {c: g for c, g in template.cmap.items() if c not in JOINERS}
            font.glyph_ids = {c: g for c, g in template.glyph_ids.items() if c not in JOINERS}
        font.cw = copy.copy(template.cw)
        font.desc = copy.copy(template.desc)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._hbfont = None
        font.subset = SubsetMap(font)
        self._pdf.fonts[face.family + style] = font
