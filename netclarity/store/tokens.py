"""Resume tokens: long, random, and kept only as a hash.

A token is the only key to a person's answers, so it carries 256 bits from ``secrets`` and
the database holds just its SHA-256: a leaked database or backup does not hand out the
tokens. The hash needs no salt because the token itself is unguessable.
"""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32


def new_token() -> str:
    """A fresh URL-safe token (43 characters, 256 bits)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """The hex SHA-256 stored in place of the token; any string hashes (unknown ones just miss)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
