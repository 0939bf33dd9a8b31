"""What can go wrong when storing, as exceptions the UI can tell apart."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error the store raises on purpose."""


class UnknownToken(StoreError, LookupError):
    """No respondent has this resume token (never issued, mistyped, or deleted)."""

    def __init__(self) -> None:
        super().__init__("unknown resume token: no saved answers belong to it")


class StoreUnavailable(StoreError):
    """The database cannot be reached or stayed locked; nothing was saved, try again later."""


class InvalidValue(StoreError, ValueError):
    """A value the store refuses on every database alike (see ``netclarity.store.validation``)."""
