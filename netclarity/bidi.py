"""Which languages are written right to left, and how to keep numbers in order inside them.

A questionnaire's ``language`` (a BCP 47 tag) decides its direction: Arabic, Hebrew, Persian,
Urdu and the other right-to-left languages, or any language written in a right-to-left script
(``ku-Arab``, ``pa-Arab``). Where the app puts a number or a name into a sentence of such a
language it wraps it in Unicode's first-strong isolate (U+2068 … U+2069): the browser, Vega
and the PDF then lay the sentence out right to left and the inserted piece in its own
direction, so "10 ساعة" keeps its number on the right side and "LinkedIn" stays whole.
"""

from __future__ import annotations

import unicodedata
from typing import Any

FIRST_STRONG_ISOLATE = "\u2068"
RIGHT_TO_LEFT_ISOLATE = "\u2067"
POP_DIRECTIONAL_ISOLATE = "\u2069"

RIGHT_TO_LEFT_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "khw", "ks", "ku", "mzn", "nqo",
     "pnb", "ps", "sd", "syr", "ug", "ur", "yi"}
)  # fmt: skip
RIGHT_TO_LEFT_SCRIPTS = frozenset(
    {"adlm", "arab", "hebr", "mand", "mend", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi"}
)


def is_right_to_left(language: str) -> bool:
    """Whether text in ``language`` (``"ar"``, ``"fa-IR"``, ``"ku-Arab"``) runs right to left.

    A script subtag decides when there is one (``ku-Latn`` is left to right), otherwise the
    language does.
    """
    parts = [p.lower() for p in language.replace("_", "-").split("-") if p]
    if not parts:
        return False
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if script in RIGHT_TO_LEFT_SCRIPTS:
        return True
    if script is not None:
        return False
    return parts[0] in RIGHT_TO_LEFT_LANGUAGES


def isolate(text: str) -> str:
    """``text`` as a piece laid out in its own direction inside any sentence."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def right_to_left(text: str) -> str:
    """``text`` laid out right to left whatever surrounds it (a chart label, a title)."""
    return f"{RIGHT_TO_LEFT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def has_right_to_left_letters(text: str) -> bool:
    """Whether ``text`` holds a letter of a right-to-left script (Arabic, Hebrew, …)."""
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def laid_out_right_to_left(value: Any) -> Any:
    """A JSON-like value (a chart's spec) with every string that holds right-to-left letters
    laid out right to left.

    Vega draws each label, title and data value as a left-to-right line, so "10 ساعة" would put
    its number on the wrong side; wrapping the strings themselves keeps every reference to a
    value (a sort order, a colour domain) equal to the value.
    """
    if isinstance(value, str):
        return right_to_left(value) if has_right_to_left_letters(value) else value
    if isinstance(value, list):
        return [laid_out_right_to_left(item) for item in value]
    if isinstance(value, dict):
        return {key: laid_out_right_to_left(item) for key, item in value.items()}
    return value
