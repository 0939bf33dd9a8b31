"""Creating, finding, opening and closing workshops, and checking a facilitator key.

Every method is one short transaction on the store's ``Database`` (SQLite or PostgreSQL),
so several app servers sharing one PostgreSQL database act as one workshop: the code, the
open/closed state and the pace (which section is open) live only in the database. Checking
a key writes nothing: wrong keys are not counted per workshop, so nobody can lock a
facilitator out (``keys``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import Enum, StrEnum
from functools import partial
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import IntegrityError

from netclarity.store import validation
from netclarity.store.database import Database
from netclarity.store.errors import InvalidValue, StoreError
from netclarity.store.tables import MAX_QUESTIONNAIRE_ID
from netclarity.store.tokens import new_token, token_hash
from netclarity.workshop import codes
from netclarity.workshop.keys import key_hash, key_matches, new_key, view_key
from netclarity.workshop.tables import MAX_TITLE, facilitator_grants, workshops

DEFAULT_THRESHOLD = 5
MAX_THRESHOLD = 1000
GRANT_LIFETIME = timedelta(hours=12)
"""How long a sign-in lasts without the key: a workshop day, not the workshop's lifetime."""
CODE_ATTEMPTS = 10
"""New codes tried when a generated code is taken (one in millions each time)."""
MAX_SECTIONS = 1000


class Pace(StrEnum):
    """Who moves the room on: everyone at their own speed, or the facilitator, section by
    section (``netclarity.workshop.pace``)."""

    SELF = "self"
    FACILITATOR = "facilitator"


@dataclass(frozen=True)
class Workshop:
    """A workshop as stored; the facilitator key is not part of it (only its hash is kept)."""

    id: int
    code: str
    title: str
    questionnaire_id: str
    threshold: int
    created_at: datetime
    closes_at: datetime | None
    closed_at: datetime | None
    pace: Pace = Pace.SELF
    open_section: int = 0
    """The index of the section opened last; the number of sections or more: ended."""

    @property
    def seed(self) -> str:
        """What orders this workshop's shuffled lists (texts, CSV rows) the same way each time."""
        return f"{self.code}:{self.created_at.isoformat()}"

    def is_open(self, now: datetime | None = None) -> bool:
        """Open until closed by hand or until its closing time has come."""
        moment = now or datetime.now(UTC)
        return self.closed_at is None and (self.closes_at is None or moment < self.closes_at)


class Access(Enum):
    """The answer to a facilitator key."""

    GRANTED = "granted"
    REFUSED = "refused"
    UNKNOWN = "unknown"  # no workshop has this code


@dataclass(frozen=True)
class KeyCheck:
    access: Access
    workshop: Workshop | None


class Workshops:
    """Workshops in the app's database (``Store.database``)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def create(
        self,
        title: str,
        questionnaire_id: str,
        *,
        threshold: int = DEFAULT_THRESHOLD,
        closes_at: datetime | None = None,
        pace: Pace = Pace.SELF,
        now: datetime | None = None,
    ) -> tuple[Workshop, str]:
        """A new open workshop and its facilitator key, which is returned this once only."""
        title = validation.text(title.strip(), "title", MAX_TITLE)
        if not title:
            raise InvalidValue("a workshop needs a title")
        validation.text(questionnaire_id, "questionnaire id", MAX_QUESTIONNAIRE_ID)
        if not 1 <= threshold <= MAX_THRESHOLD:
            raise InvalidValue(f"the privacy threshold must be between 1 and {MAX_THRESHOLD}")
        if closes_at is not None and closes_at.tzinfo is None:
            raise InvalidValue("the closing time needs a time zone")
        key = new_key()
        created = now or datetime.now(UTC)
        for _ in range(CODE_ATTEMPTS):
            code = codes.new_code()
            values = {
                "code": code,
                "title": title,
                "questionnaire_id": questionnaire_id,
                "threshold": threshold,
                "key_hash": key_hash(key),
                "view_key_hash": key_hash(view_key(key)),
                "created_at": created,
                "closes_at": closes_at,
                "pace": Pace(pace).value,
            }
            try:
                workshop_id = self.database.write(partial(_insert, values=values))
            except IntegrityError:
                continue  # the code is taken: draw another
            return self._get(workshop_id), key
        raise StoreError(f"no free join code after {CODE_ATTEMPTS} tries")

    def find(self, code: str) -> Workshop | None:
        """The workshop with this join code (as typed: case and dashes do not matter)."""
        normalised = codes.normalise(code)
        if normalised is None:
            return None
        row = self.database.read(
            lambda conn: conn.execute(
                sa.select(workshops).where(workshops.c.code == normalised)
            ).one_or_none()
        )
        return None if row is None else _workshop(row)

    def get(self, workshop_id: int) -> Workshop | None:
        row = self.database.read(
            lambda conn: conn.execute(
                sa.select(workshops).where(workshops.c.id == workshop_id)
            ).one_or_none()
        )
        return None if row is None else _workshop(row)

    def check_key(self, code: str, key: str) -> KeyCheck:
        """Whether ``key`` opens the workshop ``code``; a wrong key changes nothing."""
        normalised = codes.normalise(code)
        if normalised is None:
            return KeyCheck(Access.UNKNOWN, None)
        row = self.database.read(
            lambda conn: conn.execute(
                sa.select(workshops).where(workshops.c.code == normalised)
            ).one_or_none()
        )
        if row is None:
            return KeyCheck(Access.UNKNOWN, None)
        if not key_matches(key, row.key_hash):
            return KeyCheck(Access.REFUSED, _workshop(row))
        if row.view_key_hash is None:  # created before projector links existed
            self._update(row.id, view_key_hash=key_hash(view_key(key)))
        return KeyCheck(Access.GRANTED, _workshop(row))

    def check_view(self, code: str, view: str) -> Workshop | None:
        """The workshop ``code`` if ``view`` is its projector key (room views only), else None."""
        normalised = codes.normalise(code)
        if normalised is None or not view:
            return None
        row = self.database.read(
            lambda conn: conn.execute(
                sa.select(workshops).where(workshops.c.code == normalised)
            ).one_or_none()
        )
        if row is None or row.view_key_hash is None or not key_matches(view, row.view_key_hash):
            return None
        return _workshop(row)

    def grant(self, workshop_id: int, *, now: datetime | None = None) -> str:
        """A sign-in for a facilitator who has just given the key, valid ``GRANT_LIFETIME``.

        The dashboard's address carries it instead of the key, so a reload, or a tab moved to
        another server when its own dies, stays signed in without the key ever returning to
        the address bar; it opens this workshop's facilitator views only, and expires.
        """
        token = new_token()
        moment = now or datetime.now(UTC)
        values = {
            "token_hash": token_hash(token),
            "workshop_id": workshop_id,
            "expires_at": moment + GRANT_LIFETIME,
        }

        def work(conn: Connection) -> None:
            conn.execute(  # expired ones open nothing: no reason to keep them
                sa.delete(facilitator_grants).where(facilitator_grants.c.expires_at <= moment)
            )
            conn.execute(sa.insert(facilitator_grants), values)

        self.database.write(work)
        return token

    def check_grant(self, code: str, token: str, *, now: datetime | None = None) -> Workshop | None:
        """The workshop ``code`` if ``token`` is an unexpired sign-in for it, else None."""
        normalised = codes.normalise(code)
        if normalised is None or not token:
            return None
        row = self.database.read(
            lambda conn: conn.execute(
                sa.select(workshops, facilitator_grants.c.expires_at)
                .join(facilitator_grants, facilitator_grants.c.workshop_id == workshops.c.id)
                .where(
                    workshops.c.code == normalised,
                    facilitator_grants.c.token_hash == token_hash(token),
                )
            ).one_or_none()
        )
        if row is None:
            return None
        expires = _utc(row.expires_at)
        if expires is None or expires <= (now or datetime.now(UTC)):
            return None
        return _workshop(row)

    def close(self, workshop_id: int, *, now: datetime | None = None) -> Workshop:
        """Close now: no new participants, no new answers (closing again keeps the first time)."""
        moment = now or datetime.now(UTC)
        closed_at = sa.func.coalesce(workshops.c.closed_at, moment)
        return self._update(workshop_id, closed_at=closed_at)

    def reopen(self, workshop_id: int, *, now: datetime | None = None) -> Workshop:
        """Open again; a closing time that has passed is dropped, one still to come is kept."""
        moment = now or datetime.now(UTC)
        workshop = self._get(workshop_id)
        passed = workshop.closes_at is not None and workshop.closes_at <= moment
        changes: dict[str, Any] = {"closed_at": None}
        if passed:
            changes["closes_at"] = None
        return self._update(workshop_id, **changes)

    def set_pace(self, workshop_id: int, pace: Pace) -> Workshop:
        """Self-paced or facilitator-paced from now on; the open section is kept either way,
        so switching back and forth never sends anyone back to the start."""
        return self._update(workshop_id, pace=Pace(pace).value)

    def open_section(self, workshop_id: int, index: int) -> Workshop:
        """Open the sections up to ``index`` (from 0); the number of sections ends them.

        The facilitator's screen says which section it moves to, not "one more": two taps
        (or two facilitator tabs) on the same button open that section once, not two.
        """
        if not 0 <= index <= MAX_SECTIONS:
            raise InvalidValue(f"a section index is between 0 and {MAX_SECTIONS}")
        return self._update(workshop_id, open_section=index)

    def _update(self, workshop_id: int, **changes: Any) -> Workshop:
        self.database.write(
            lambda conn: conn.execute(
                sa.update(workshops).where(workshops.c.id == workshop_id).values(**changes)
            )
        )
        return self._get(workshop_id)

    def _get(self, workshop_id: int) -> Workshop:
        workshop = self.get(workshop_id)
        if workshop is None:
            raise StoreError(f"no workshop has the id {workshop_id}")
        return workshop


def _insert(conn: Connection, *, values: dict[str, Any]) -> int:
    workshop_id: int = conn.execute(
        sa.insert(workshops).values(**values).returning(workshops.c.id)
    ).scalar_one()
    return workshop_id


def _utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones in its zone."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _workshop(row: Row[Any]) -> Workshop:
    created = _utc(row.created_at)
    assert created is not None
    return Workshop(
        id=row.id,
        code=row.code,
        title=row.title,
        questionnaire_id=row.questionnaire_id,
        threshold=row.threshold,
        created_at=created,
        closes_at=_utc(row.closes_at),
        closed_at=_utc(row.closed_at),
        pace=Pace(row.pace),
        open_section=row.open_section,
    )
