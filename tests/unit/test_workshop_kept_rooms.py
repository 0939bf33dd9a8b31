"""The kept rooms: found by their snapshot and questionnaire, and only the last few kept."""

from __future__ import annotations

from netclarity.workshop.kept import ROOMS, Kept, Key
from netclarity.workshop.room import summarise
from tests.support.workshop import participants, workshop_questionnaire

QUESTIONNAIRE = workshop_questionnaire()
ROOM = summarise(QUESTIONNAIRE, participants(), threshold=3, seed="ABC123:2026-11-30")


def key(workshop_id: int, snapshot: str = "first") -> Key:
    return Key(workshop_id, f"CODE{workshop_id}:2026-11-30T09:00:00+00:00", 3, snapshot)


def test_a_room_is_found_under_its_snapshot_and_questionnaire() -> None:
    kept = Kept()
    kept.put(key(1), QUESTIONNAIRE, ROOM)

    assert kept.get(key(1), QUESTIONNAIRE) is ROOM


def test_another_snapshot_of_the_same_workshop_finds_nothing() -> None:
    kept = Kept()
    kept.put(key(1, "first"), QUESTIONNAIRE, ROOM)

    assert kept.get(key(1, "second"), QUESTIONNAIRE) is None


def test_a_questionnaire_loaded_again_finds_nothing() -> None:
    kept = Kept()
    kept.put(key(1), QUESTIONNAIRE, ROOM)

    assert kept.get(key(1), workshop_questionnaire()) is None


def test_only_the_rooms_used_last_are_kept() -> None:
    kept = Kept()
    for workshop_id in range(ROOMS):
        kept.put(key(workshop_id), QUESTIONNAIRE, ROOM)
    kept.get(key(0), QUESTIONNAIRE)  # used again: now the newest

    kept.put(key(ROOMS), QUESTIONNAIRE, ROOM)

    still = [n for n in range(ROOMS + 1) if kept.get(key(n), QUESTIONNAIRE) is ROOM]
    assert still == [0, *range(2, ROOMS + 1)]
