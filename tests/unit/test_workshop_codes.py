"""Join codes and facilitator keys: readable codes, long hashed keys, a browser slowed down."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from netclarity.workshop import codes
from netclarity.workshop.keys import (
    MAX_FAILURES,
    PAUSE,
    Attempts,
    key_hash,
    key_matches,
    new_key,
)

NOW = datetime(2026, 3, 6, 9, 30, tzinfo=UTC)


def test_a_code_is_six_characters_none_of_them_easy_to_misread() -> None:
    drawn = {codes.new_code() for _ in range(200)}

    assert all(len(code) == 6 and set(code) <= set(codes.ALPHABET) for code in drawn)
    assert set("0O1IL") & set(codes.ALPHABET) == set()
    assert len(drawn) == 200


@pytest.mark.parametrize(
    ("typed", "code"),
    [("K7QX2M", "K7QX2M"), ("k7qx2m", "K7QX2M"), (" K7Q-X2M ", "K7QX2M"), ("k7q x2m", "K7QX2M")],
)
def test_case_spaces_and_dashes_do_not_matter_when_typing_a_code(typed: str, code: str) -> None:
    assert codes.normalise(typed) == code


@pytest.mark.parametrize("typed", ["", "K7QX2", "K7QX2MM", "K7QX0M", "K7QXIM", "K7QX2!", "Ｋ7QX2M"])
def test_anything_else_is_not_a_code(typed: str) -> None:
    assert codes.normalise(typed) is None


def test_a_key_carries_256_bits_and_is_stored_as_its_sha256() -> None:
    key = new_key()

    assert len(key) == 43
    assert key_hash(key) == key_hash(key) != key
    assert len(key_hash(key)) == 64
    assert new_key() != key


def test_only_the_key_itself_matches_its_hash() -> None:
    key = new_key()
    stored = key_hash(key)

    assert key_matches(key, stored)
    assert not key_matches(key[:-1], stored)
    assert not key_matches(stored, stored)
    assert not key_matches("", stored)


def test_a_browsers_wrong_keys_are_counted_until_the_fifth_makes_it_wait_thirty_seconds() -> None:
    attempts = Attempts()
    for count in range(1, MAX_FAILURES):
        attempts = attempts.after_failure(NOW)
        assert attempts == Attempts(count, None)
        assert not attempts.waiting(NOW)

    paused = attempts.after_failure(NOW)

    assert paused == Attempts(0, NOW + timedelta(seconds=30))
    assert paused.waiting(NOW + PAUSE - timedelta(seconds=1))
    assert not paused.waiting(NOW + PAUSE)


def test_counting_starts_afresh_after_a_pause_has_passed() -> None:
    expired = Attempts(0, NOW - timedelta(minutes=1))

    assert expired.after_failure(NOW) == Attempts(1, None)
