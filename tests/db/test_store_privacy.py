"""Resume tokens are long, random and never stored; deleting a token deletes everything."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from netclarity.store import Store

DIGEST = "d4" * 32


def _all_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table in the database, as the database holds them."""
    engine = store.database.engine
    with engine.connect() as conn:
        return {
            table: [tuple(row) for row in conn.execute(sa.text(f'SELECT * FROM "{table}"'))]
            for table in sa.inspect(conn).get_table_names()
        }


def test_tokens_carry_at_least_128_random_bits_and_differ(store: Store) -> None:
    tokens = [store.start("networking_clarity", 1, DIGEST)[0] for _ in range(20)]

    assert all(len(base64.urlsafe_b64decode(token + "=")) >= 16 for token in tokens)
    assert len(set(tokens)) == 20


def test_only_the_sha256_of_the_token_is_stored(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST, name="Noor")
    store.save_answers(token, {"success": "Better clients", "plan": {"give": "Time"}})

    rows = _all_rows(store)

    assert [row[1] for row in rows["respondents"]] == [hashlib.sha256(token.encode()).hexdigest()]
    assert token not in repr(rows)


def test_the_token_is_nowhere_in_the_sqlite_files(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'netclarity.db'}")
    token, _ = store.start("networking_clarity", 1, DIGEST)
    store.save_answer(token, "goals_clear", "yes")
    store.close()

    files = list(tmp_path.iterdir())
    assert files
    assert all(token.encode() not in path.read_bytes() for path in files)


def test_delete_removes_every_row_of_the_respondent_and_nothing_else(store: Store) -> None:
    keep, _ = store.start("networking_clarity", 1, DIGEST, name="Keep")
    store.save_answer(keep, "goals_clear", "yes")
    gone, _ = store.start("networking_clarity", 1, DIGEST, name="Gone", workshop_id=5)
    store.save_answers(gone, {"goals_clear": "no", "plan": {"give": "Advice"}})
    store.new_round(gone, "networking_clarity", 1, DIGEST)
    store.save_answer(gone, "success", "Fewer events")
    before = _all_rows(store)

    assert store.delete(gone) is True

    after = _all_rows(store)
    assert store.load(gone) is None
    # the second round of "Gone" starts from the first round's plan and reviews it
    assert [len(before[t]) for t in ("respondents", "rounds", "answers", "plan_reviews")] == [
        2,
        3,
        5,
        1,
    ]
    assert [len(after[t]) for t in ("respondents", "rounds", "answers", "plan_reviews")] == [
        1,
        1,
        1,
        0,
    ]
    assert "Gone" not in repr(after)
    assert "Fewer events" not in repr(after)
    assert store.load(keep) is not None


def test_deleting_an_unknown_token_reports_nothing_deleted(store: Store) -> None:
    assert store.delete("never-issued") is False
