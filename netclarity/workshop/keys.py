"""The facilitator key: the only thing that opens a workshop's dashboard, exports and controls.

A key carries 256 bits from ``secrets`` and is shown once, in the facilitator link, when the
workshop is created; the database keeps only its SHA-256 (``store.tokens.token_hash``), so a
leaked database or backup opens no dashboard. Checking compares the two hashes with
``hmac.compare_digest``, whose time does not depend on where they differ.

Wrong keys are counted per workshop in the database, so every app server sees the same
count: after ``MAX_FAILURES`` wrong keys in a row the workshop refuses every key, the right
one too, for ``LOCKOUT``. The key is far too long to guess anyway; the lockout makes trying
pointless and visible, and a right key resets the count.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from netclarity.store.tokens import new_token, token_hash

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)


def new_key() -> str:
    """A fresh facilitator key (43 URL-safe characters, 256 bits)."""
    return new_token()


def key_hash(key: str) -> str:
    """The hex SHA-256 stored in place of the key."""
    return token_hash(key)


def key_matches(key: str, stored_hash: str) -> bool:
    """Whether ``key`` hashes to ``stored_hash``, compared in constant time."""
    return hmac.compare_digest(key_hash(key), stored_hash)


@dataclass(frozen=True)
class Attempts:
    """The wrong keys counted for a workshop, and until when it refuses every key."""

    failures: int
    locked_until: datetime | None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> Attempts:
        """The count after one more wrong key: the ``MAX_FAILURES``-th locks the workshop."""
        failures = self.failures + 1
        if failures >= MAX_FAILURES:
            return Attempts(0, now + LOCKOUT)
        return Attempts(failures, None)
