"""Persistence: respondents by resume token, their rounds and answers (SQLite or PostgreSQL).

``Store.open()`` is all the app needs; the modules below say why things are as they are:
``database`` (engine, SQLite tuning, pool, retries), ``places`` (the pool's connections,
first come, first served), ``group_commit`` (SQLite writes of one server sharing commits),
``schema`` (tables), ``migrate`` (Alembic, how to add a migration),
``tokens`` (resume tokens), ``validation`` (what is accepted).

``Store`` and ``Round`` are imported on first use, not with the package: they bring
SQLAlchemy, a tenth of a second or more, and every page imports the errors below, the
welcome page of a new visitor included, which reads nothing from the database
(benchmarks/bench_cold_start.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netclarity.store.errors import InvalidValue, StoreError, StoreUnavailable, UnknownToken

if TYPE_CHECKING:
    from netclarity.store.store import Round, Store

__all__ = ["InvalidValue", "Round", "Store", "StoreError", "StoreUnavailable", "UnknownToken"]


def __getattr__(name: str) -> object:
    if name in ("Round", "Store"):
        from netclarity.store import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
