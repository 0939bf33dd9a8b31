"""A room filling up at once: 200 people join one workshop within a minute while the
facilitator's dashboard keeps refreshing — no error, and every answer is there afterwards.

Threads drive the same paths the pages do: joining (``Store.start`` with the workshop),
autosave (one ``save_answer`` per answer given), finishing (``complete``), and the dashboard's
refresh (``read_room`` and the room charts), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from netclarity.loading.loader import load_file
from netclarity.store import Store
from netclarity.workshop import charts as room_charts
from netclarity.workshop.room import read_room
from netclarity.workshop.store import Workshops

ROOT = Path(__file__).resolve().parents[2]
LOADED = load_file(ROOT / "questions" / "networking_clarity.yaml")
QUESTIONNAIRE = LOADED.questionnaire
EXAMPLE = json.loads((ROOT / "examples" / "answers.json").read_text())["answers"]
PEOPLE = 200
POLL = ("great", "enjoyable", "not_bother", "sellers")


def answers_of(person: int) -> dict[str, Any]:
    """A realistic, different set of answers per person (the example, with their own hours)."""
    pick = random.Random(person)
    answers = json.loads(json.dumps(EXAMPLE))
    answers["hours"] = {c: float(pick.choice([0, 1, 2, 4, 8])) for c in EXAMPLE["hours"]}
    answers["hours"]["one_to_ones"] = float(person % 7 + 1)
    answers["physical_networking_poll"] = POLL[person % len(POLL)]
    answers["bring_alive"] = f"Idea number {person} ✨"
    return answers


def test_two_hundred_people_join_while_the_dashboard_refreshes(store: Store) -> None:
    workshop, _ = Workshops(store.database).create("Conference hall", QUESTIONNAIRE.id, threshold=5)
    tokens: dict[int, str] = {}
    stop = threading.Event()
    refreshes: list[int] = []

    def participant(person: int) -> None:
        token, _ = store.start(
            QUESTIONNAIRE.id, QUESTIONNAIRE.version, LOADED.digest, workshop_id=workshop.id
        )
        tokens[person] = token
        for key, value in answers_of(person).items():
            store.save_answer(token, key, value)
        store.complete(token)

    def dashboard() -> None:
        while not stop.is_set():
            room = read_room(store.database, QUESTIONNAIRE, workshop)
            room_charts.room_goals_chart(QUESTIONNAIRE, room).to_dict()
            refreshes.append(room.completed)
            time.sleep(0.2)

    watcher = threading.Thread(target=dashboard)
    watcher.start()
    try:
        with ThreadPoolExecutor(max_workers=20) as pool:
            list(pool.map(participant, range(PEOPLE)))  # re-raises any participant's error
    finally:
        stop.set()
        watcher.join()

    room = read_room(store.database, QUESTIONNAIRE, workshop)
    assert (room.joined, room.completed) == (PEOPLE, PEOPLE)
    # the room's figures are its published snapshot, which moves in steps of at least the
    # threshold: everyone but at most the last threshold - 1 to finish is in it, each vote once
    assert PEOPLE - workshop.threshold < room.published <= PEOPLE
    assert sum(room.polls["physical_networking_poll"].counts.values()) == room.published
    assert refreshes, "the dashboard refreshed while people joined"
    assert refreshes == sorted(refreshes)
    for person, token in tokens.items():
        saved = store.load(token)
        assert saved is not None
        assert saved.answers == answers_of(person)
