"""Which font prints each character, and what happens to text no font can print."""

from __future__ import annotations

from pathlib import Path

import pytest

from netclarity.report.fonts import (
    ARABIC,
    CJK,
    EMOJI,
    HEBREW,
    SYMBOLS,
    TEXT,
    Face,
    MissingFontError,
    check_installed,
    face_for,
    is_right_to_left,
    needs_fallback,
    needs_shaping,
    printable,
)


@pytest.mark.parametrize(
    ("char", "face"),
    [
        ("é", TEXT),
        ("Ω", TEXT),
        ("Ж", TEXT),
        ("’", TEXT),
        ("–", TEXT),
        ("✓", SYMBOLS),
        ("ب", ARABIC),
        ("ש", HEBREW),
        ("中", CJK),
        ("か", CJK),
        ("한", CJK),
        ("😀", EMOJI),
        ("🎉", EMOJI),
    ],
)
def test_each_character_prints_in_the_first_font_that_has_it(char: str, face: Face) -> None:
    assert face_for(ord(char)) == face


def test_text_every_font_can_print_is_unchanged() -> None:
    text = "Zoë – “quoted” it’s Γιώργος Дмитрий 王小明 محمد דוד 🙂 <b>**=SUM()**</b>\nline two"

    assert printable(text) == text


def test_what_no_font_can_print_becomes_a_placeholder() -> None:
    assert printable("a\x07b\ue000c\U00010000d\ud800e") == "a\ufffdb\ufffdc\ufffdd\ufffde"


def test_line_endings_and_tabs_are_normalised() -> None:
    assert printable("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree    four"


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("Plain English, Zoë, Γιώργος, 王小明", False),
        ("محمد", True),
        ("דוד", True),
        ("e\u0301", True),  # a combining accent
        ("👍🏽", True),  # an emoji with a skin tone
        ("🇬🇧", True),  # a flag: two regional indicators
    ],
)
def test_only_text_that_needs_it_goes_through_the_shaping_engine(text: str, shaped: bool) -> None:
    assert needs_shaping(text) is shaped


@pytest.mark.parametrize(
    ("text", "fallback"),
    [
        ("networking is a long game", False),
        ("Zoë – “quoted” it’s Γιώργος Дмитрий", False),
        ("done ✓", True),
        ("王小明", True),
        ("محمد", True),
        ("Sam 🙂", True),
        ("a\u200db", True),  # a joiner belongs to the font of the character before it
    ],
)
def test_only_text_with_a_character_the_text_font_lacks_goes_through_font_fallback(
    text: str, fallback: bool
) -> None:
    assert needs_fallback(text) is fallback


@pytest.mark.parametrize(
    ("text", "rtl"),
    [
        ("محمد Ali", True),
        ("123 דוד", True),
        ("Ali محمد", False),
        ("123", False),
    ],
)
def test_a_paragraph_reads_right_to_left_when_its_first_letter_does(text: str, rtl: bool) -> None:
    assert is_right_to_left(text) is rtl


def test_a_missing_font_file_names_the_debian_package_to_install(tmp_path: Path) -> None:
    absent = Face("absent", "fonts-example-absent", {"": tmp_path / "Absent.ttf"})

    with pytest.raises(MissingFontError, match=r"apt-get install fonts-example-absent$"):
        check_installed((TEXT, absent))
