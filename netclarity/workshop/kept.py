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

from dataclasses import dataclass
from typing import TYPE_CHECKING

from netclarity.questionnaire import Questionnaire
from netclarity.workshop.recent import PerDatabase, Recent
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
        self._recent: Recent[Key, tuple[Questionnaire, Room]] = Recent(size)

    def get(self, key: Key, questionnaire: Questionnaire) -> Room | None:
        entry = self._recent.get(key)
        return entry[1] if entry is not None and entry[0] is questionnaire else None

    def put(self, key: Key, questionnaire: Questionnaire, figures: Room) -> None:
        self._recent.put(key, (questionnaire, figures))


kept = PerDatabase(Kept)
"""The figures kept for a database (gone with it: a test's database takes its rooms)."""
