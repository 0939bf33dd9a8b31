"""The largest answers file the app accepts never holds up anyone else's saving.

A file under the 2 MB limit can hold over 100,000 answer keys. Only the answers to questions
the questionnaire has are kept, so the import is one short transaction, and a person saving
an answer at the same moment waits well under a second, on SQLite as on PostgreSQL.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from netclarity import response_file
from netclarity.loading.loader import load_directory
from netclarity.response_file import MAX_BYTES as MAX_UPLOAD_BYTES
from netclarity.store import Store

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
ENTRY = len('"k000000":1,')


def largest_file() -> bytes:
    """As many unknown answer keys as fit in an accepted file, beside one real answer."""
    head = {"format": "netclarity-response/1", "questionnaire": "networking_clarity",
            "version": 1, "answers": {"hours": {"meetups": 3}}}  # fmt: skip
    room = MAX_UPLOAD_BYTES - len(json.dumps(head)) - 100
    head["answers"].update({f"k{n:06d}": 1 for n in range(room // ENTRY)})
    data = json.dumps(head, separators=(",", ":")).encode()
    assert MAX_UPLOAD_BYTES - 1000 < len(data) <= MAX_UPLOAD_BYTES
    return data


def test_a_save_waits_under_a_second_while_the_largest_allowed_file_imports(
    store: Store,
) -> None:
    catalogue = load_directory(QUESTIONS)
    other, _ = store.start("networking_clarity", 1, "digest")
    data = largest_file()
    imported: list[str] = []

    def import_file() -> None:
        (response,) = response_file.parse(data)
        fitted = response_file.fit(response, catalogue.get(response.questionnaire))
        imported.append(store.import_responses([fitted.response]))

    importer = threading.Thread(target=import_file)
    waits = []
    importer.start()
    while importer.is_alive() or not waits:
        started = time.perf_counter()
        store.save_answer(other, "hours", {"meetups": len(waits)})
        waits.append(time.perf_counter() - started)
    importer.join()

    assert max(waits) < 1.0
    loaded = store.load(imported[0])
    assert loaded is not None
    assert loaded.answers == {"hours": {"meetups": 3}}
