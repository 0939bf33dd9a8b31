"""The German questionnaire, and how to spot an English default text wherever it turns up.

``tests/questionnaires/deutsch.yaml`` translates every text. Tests of the charts, the PDF and
the app look for the English defaults in what a respondent of that questionnaire reads; a
default with ``{placeholders}`` is found with anything in their place ("Page 2 of 5" is
"Page {page} of {pages}"). Matching is case-sensitive and by whole words, so a German word
that merely contains an English one ("Startseite" and "Start") is no false alarm, and neither
are lower-case field names inside a chart spec.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from netclarity.loading.loader import load_file
from netclarity.questionnaire import Questionnaire, Texts

PLACEHOLDER = r"\{[^{}]*\}"
GERMAN_FILE = Path(__file__).resolve().parents[1] / "questionnaires" / "deutsch.yaml"
ARABIC_FILE = Path(__file__).resolve().parents[1] / "questionnaires" / "arabic.yaml"


def german() -> Questionnaire:
    return load_file(GERMAN_FILE).questionnaire


def arabic() -> Questionnaire:
    """A questionnaire of its own in Arabic, written right to left, every text translated."""
    return load_file(ARABIC_FILE).questionnaire


def leaves(model: BaseModel, prefix: str = "") -> Iterator[tuple[str, object]]:
    """Every field of a texts model, nested models walked, as ``(dotted name, value)``."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from leaves(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _wording(text: str) -> str:
    """``text`` without its placeholders."""
    return re.sub(PLACEHOLDER, " ", text)


def pattern(text: str) -> re.Pattern[str]:
    """``text`` as a whole-word pattern; a placeholder stands for up to 80 characters."""
    pieces = [p for p in re.split(PLACEHOLDER, text.strip()) if p.strip()]
    words = [r"\s+".join(re.escape(w) for w in piece.split()) for piece in pieces]
    body = r".{1,80}?".join(words)
    start = r"(?<!\w)" if re.match(r"\w", pieces[0].strip()) else ""
    end = r"(?!\w)" if re.search(r"\w$", pieces[-1].strip()) else ""
    return re.compile(start + body + end)


def english_phrases(translated: Texts, within: str = "") -> dict[str, re.Pattern[str]]:
    """The English default of every text under ``within`` (e.g. ``"charts."``) as a pattern.

    Left out: texts with no letters besides placeholders (the decimal mark, the date format)
    and any English default the translation of the same text keeps word for word (German and
    English share "April" and "August"; German paper is "DIN A4").
    """
    theirs = dict(leaves(translated))
    found: dict[str, re.Pattern[str]] = {}
    for name, value in leaves(Texts()):
        if not name.startswith(within):
            continue
        values = value if isinstance(value, tuple) else (value,)
        kept = theirs[name] if isinstance(theirs[name], tuple) else (theirs[name],)
        for index, english in enumerate(values):
            if not isinstance(english, str) or not re.search(r"[A-Za-z]", _wording(english)):
                continue
            phrase = pattern(english)
            if index < len(kept) and isinstance(kept[index], str) and phrase.search(kept[index]):
                continue
            label = f"{name}[{index}]" if isinstance(value, tuple) else name
            found[label] = phrase
    return found


def english_in(texts: list[str], phrases: dict[str, re.Pattern[str]]) -> dict[str, str]:
    """Which English phrases occur in ``texts``: ``{text name: the text it was found in}``."""
    found: dict[str, str] = {}
    for text in texts:
        flat = " ".join(text.split())
        for name, phrase in phrases.items():
            if phrase.search(flat):
                found.setdefault(name, flat)
    return found
