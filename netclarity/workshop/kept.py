"""A room's figures kept per published snapshot, so a refresh does not read them again.

Why: the figures come from the published snapshot only (``snapshot``), which changes in
steps of at least the privacy threshold. Between two steps every dashboard refresh (every
few seconds, on every screen watching, and every reload) would read and aggregate the same
answers again: at 10,000 people most of what a refresh costs. Progress (who joined, who
finished) is live and is not kept here.

The rules that keep this correct:

* The key is the snapshot's ``identity``, computed from what the database holds, never a
  time: when any app server sharing the database publishes a step, or the room is withheld,
  every server sees a new identity on its next read and reads the room afresh. The key also
  names the workshop (its id and seed, so a workshop created under a reused id is another
  room) and the threshold; the entry holds the questionnaire it was aggregated with, and
  only that same questionnaire object (the catalogue's, until its file is edited) finds it.
* Figures are kept only when the snapshot, read again after the answers, is still the same
  (``netclarity.workshop.room``): an answer changed between the two reads withholds the
  room instead, so kept figures are always those of the published snapshot.
* Memory is bounded: the ``ROOMS`` rooms used last per database, a few per server.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from netclarity.questionnaire import Questionnaire
from netclarity.store.database import Database
from netclarity.workshop.store import Workshop

if TYPE_CHECKING:  # the room reads through this module
    from netclarity.workshop.room import Room

ROOMS = 4
"""Rooms kept per database: the workshops running on a server at the same time."""


@dataclass(frozen=True)
class Key:
    """Which figures: of this workshop, under this threshold, from this snapshot."""

    workshop_id: int
    seed: str
    threshold: int
    snapshot: str

    @classmethod
    def of(cls, workshop: Workshop, snapshot: str) -> Key:
        return cls(workshop.id, workshop.seed, workshop.threshold, snapshot)


class Kept:
    """The figures of the last ``size`` snapshots used, safe to share between sessions."""

    def __init__(self, size: int = ROOMS) -> None:
        self._size = size
        self._entries: OrderedDict[Key, tuple[Questionnaire, Room]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key, questionnaire: Questionnaire) -> Room | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] is not questionnaire:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: Key, questionnaire: Questionnaire, figures: Room) -> None:
        with self._lock:
            self._entries[key] = (questionnaire, figures)
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


_KEPT: weakref.WeakKeyDictionary[Database, Kept] = weakref.WeakKeyDictionary()
_KEPT_LOCK = threading.Lock()


def kept(database: Database) -> Kept:
    """The figures kept for ``database`` (gone with it: a test's database takes its rooms)."""
    with _KEPT_LOCK:
        found = _KEPT.get(database)
        if found is None:
            found = _KEPT[database] = Kept()
        return found
