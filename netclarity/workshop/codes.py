"""Join codes: six characters a room can read off a projector and type on a phone.

The alphabet leaves out characters that are easy to confuse when read aloud or from a
screen (0/O, 1/I/L), so a code is always typed right or clearly wrong. Six of the 31
remaining characters give about 887 million codes: guessing one is hopeless, and a
collision with an existing code is retried by the store (the column is unique). Codes come
from ``secrets`` so the next code cannot be predicted from earlier ones.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 6
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code() -> str:
    """A fresh random join code, e.g. ``K7QX2M``."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(typed: str) -> str | None:
    """The code a person meant, or None when ``typed`` cannot be a code.

    Case, spaces and dashes do not matter (``k7q-x2m`` is ``K7QX2M``); anything else outside
    the alphabet, or the wrong length, is not a code.
    """
    code = _SEPARATORS.sub("", typed).upper()
    if len(code) != LENGTH or any(character not in ALPHABET for character in code):
        return None
    return code
