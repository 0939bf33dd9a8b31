"""The facilitator key: the only thing that opens a workshop's dashboard, exports and controls.

A key carries 256 bits from ``secrets`` and is shown once, in the facilitator link, when
the workshop is created (a sign-in made with it then lasts a day: ``Workshops.grant``);
the database keeps only its SHA-256 (``store.tokens.token_hash``), so a leaked database or
backup opens no dashboard. Checking compares the two hashes with ``hmac.compare_digest``,
whose time does not depend on where they differ.

Wrong keys never lock a workshop: its code is on the projector, so a lock would let anyone
in the room shut the facilitator out, and a 256-bit key needs no lock to resist guessing.
What is limited is one browser session's pace (``Attempts``, kept in that session): after
``MAX_FAILURES`` wrong keys in a row it waits ``PAUSE`` before it may try again, which slows
a person at the sign-in form and stops nobody else.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from netclarity.store.tokens import new_token, token_hash

MAX_FAILURES = 5
PAUSE = timedelta(seconds=30)


def new_key() -> str:
    """A fresh facilitator key (43 URL-safe characters, 256 bits)."""
    return new_token()


def key_hash(key: str) -> str:
    """The hex SHA-256 stored in place of the key."""
    return token_hash(key)


def view_key(key: str) -> str:
    """The projector's view-only key, derived from the facilitator key (43 characters).

    It opens the room's views (``/present``) and nothing else, so the facilitator link never
    needs to be on a screen. Being derived, the facilitator can show it again whenever they
    are signed in, while only its hash is stored; the facilitator key cannot be worked back
    out of it (HMAC-SHA256).
    """
    digest = hmac.new(key.encode(), b"netclarity projector view", hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def key_matches(key: str, stored_hash: str) -> bool:
    """Whether ``key`` hashes to ``stored_hash``, compared in constant time."""
    return hmac.compare_digest(key_hash(key), stored_hash)


@dataclass(frozen=True)
class Attempts:
    """The wrong keys one browser session has tried in a row, and until when it must wait."""

    failures: int = 0
    waiting_until: datetime | None = None

    def waiting(self, now: datetime) -> bool:
        return self.waiting_until is not None and now < self.waiting_until

    def after_failure(self, now: datetime) -> Attempts:
        """The count after one more wrong key: the ``MAX_FAILURES``-th makes it wait."""
        failures = self.failures + 1
        if failures >= MAX_FAILURES:
            return Attempts(0, now + PAUSE)
        return Attempts(failures, None)
