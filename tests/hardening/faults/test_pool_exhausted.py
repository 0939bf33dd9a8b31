"""When every pooled connection stays busy, a page hears "unavailable", not an error.

SQLAlchemy raises its own ``TimeoutError`` when no connection of the pool comes free in
time (a very busy server); the pages know what to do with ``StoreUnavailable`` — keep the
answer and say saving is paused — so the store reports it as that.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from netclarity.store import Store, StoreUnavailable
from netclarity.store.database import Database
from netclarity.store.migrate import upgrade


def test_no_free_connection_is_reported_as_unavailable_and_saving_works_after(
    tmp_path: Path,
) -> None:
    engine = sa.create_engine(
        f"sqlite:///{tmp_path / 'busy.db'}", pool_size=1, max_overflow=0, pool_timeout=0.1
    )
    database = Database(engine)
    upgrade(database)
    store = Store(database)
    token, _ = store.start("free_text", 1, "ef" * 32)

    with engine.connect(), pytest.raises(StoreUnavailable, match="no database connection"):
        store.save_answer(token, "headline", "Fewer events")
    store.save_answer(token, "headline", "Fewer events")

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers == {"headline": "Fewer events"}
    store.close()
