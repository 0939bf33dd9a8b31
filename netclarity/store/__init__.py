"""Persistence: respondents by resume token, their rounds and answers (SQLite or PostgreSQL).

``Store.open()`` is all the app needs; the modules below say why things are as they are:
``database`` (engine, SQLite tuning, pool, retries), ``places`` (the pool's connections,
first come, first served), ``group_commit`` (SQLite writes of one server sharing commits),
``schema`` (tables), ``migrate`` (Alembic, how to add a migration),
``tokens`` (resume tokens), ``validation`` (what is accepted).
"""

from netclarity.store.errors import InvalidValue, StoreError, StoreUnavailable, UnknownToken
from netclarity.store.store import Round, Store

__all__ = ["InvalidValue", "Round", "Store", "StoreError", "StoreUnavailable", "UnknownToken"]
