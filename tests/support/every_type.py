"""The every-type questionnaire with one mistake put in, for tests of the loader and CLI.

Tests state a change as text to find and text to put instead, then read the problems the
loader reports, so each test shows the mistake and the exact line a coach would see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netclarity.loading.loader import parse
from netclarity.loading.problems import QuestionnaireError

EVERY_TYPE = Path(__file__).resolve().parents[1] / "questionnaires" / "every_type.yaml"
NAME = "every_type.yaml"


def every_type_with(old: str | bytes, new: str | bytes) -> bytes:
    """The file's bytes with ``old`` (which must occur exactly once) replaced by ``new``."""
    data = EVERY_TYPE.read_bytes()
    old_bytes = old.encode() if isinstance(old, str) else old
    new_bytes = new.encode() if isinstance(new, str) else new
    assert data.count(old_bytes) == 1, f"{old!r} should occur once in every_type.yaml"
    return data.replace(old_bytes, new_bytes)


def problems_in(data: bytes) -> list[str]:
    """Every problem the loader reports for ``data``, rendered ``FILE:LINE: message``."""
    with pytest.raises(QuestionnaireError) as caught:
        parse(data, NAME)
    return [str(problem) for problem in caught.value.problems]


def problems_after(old: str | bytes, new: str | bytes) -> list[str]:
    """The problems of every_type.yaml after one change."""
    return problems_in(every_type_with(old, new))
