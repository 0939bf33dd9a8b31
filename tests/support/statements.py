"""Watching the statements one store's engine runs: which read what, and a hook to act at
the moment one of them is about to run (to change an answer in the middle of a read)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from netclarity.store import Store


class Statements:
    """The statements containing ``marker`` run on ``store``'s engine, with their parameters.

    ``before``, when set, runs once, just before the next such statement runs.
    """

    def __init__(self, store: Store, marker: str) -> None:
        self.marker = marker
        self.seen: list[tuple[str, list[Any]]] = []
        self.before: Callable[[], None] | None = None
        self._engine = store.database.engine
        sa.event.listen(self._engine, "before_cursor_execute", self._seen)

    @property
    def count(self) -> int:
        return len(self.seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if self.marker in statement:
            values = parameters.values() if isinstance(parameters, dict) else parameters
            self.seen.append((statement, list(values)))
            if self.before is not None:
                act, self.before = self.before, None
                act()

    def remove(self) -> None:
        sa.event.remove(self._engine, "before_cursor_execute", self._seen)
