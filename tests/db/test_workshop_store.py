"""Workshops in SQLite and PostgreSQL: codes, keys kept hashed, no lockout, closing, the room."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from netclarity.store import InvalidValue, Store
from netclarity.store.database import Database
from netclarity.store.migrate import upgrade
from netclarity.workshop import codes
from netclarity.workshop.data import load_participants
from netclarity.workshop.keys import view_key
from netclarity.workshop.room import read_room
from netclarity.workshop.store import Access, Workshops
from tests.support.workshop import ANSWERS, workshop_questionnaire

NOW = datetime(2026, 3, 6, 9, 0, tzinfo=UTC)
DIGEST = "d4" * 32


@pytest.fixture
def workshops(store: Store) -> Workshops:
    return Workshops(store.database)


def test_a_new_workshop_is_open_with_its_settings(workshops: Workshops) -> None:
    closing = NOW + timedelta(hours=3)

    workshop, key = workshops.create(
        "  Friday breakfast  ", "workshop", threshold=8, closes_at=closing, now=NOW
    )

    assert codes.normalise(workshop.code) == workshop.code
    assert (workshop.title, workshop.questionnaire_id, workshop.threshold) == (
        "Friday breakfast",
        "workshop",
        8,
    )
    assert (workshop.created_at, workshop.closes_at, workshop.closed_at) == (NOW, closing, None)
    assert workshop.is_open(NOW)
    assert not workshop.is_open(closing)
    assert len(key) == 43


def test_a_workshop_is_found_by_its_code_however_it_is_typed(workshops: Workshops) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop")
    typed = f" {workshop.code[:3].lower()}-{workshop.code[3:]} "

    assert workshops.find(typed) == workshop
    assert workshops.get(workshop.id) == workshop
    assert workshops.find("ZZZZZZ") is None
    assert workshops.find("not a code") is None


def test_only_the_hash_of_the_key_is_stored(store: Store, workshops: Workshops) -> None:
    _, key = workshops.create("Friday breakfast", "workshop")

    with store.database.engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(sa.text("SELECT * FROM workshops"))]

    assert key not in repr(rows)
    assert hashlib.sha256(key.encode()).hexdigest() in rows[0]


def test_the_key_opens_its_own_workshop_only(workshops: Workshops) -> None:
    first, first_key = workshops.create("First", "workshop")
    second, second_key = workshops.create("Second", "workshop")

    assert workshops.check_key(first.code, first_key).access is Access.GRANTED
    assert workshops.check_key(first.code, second_key).access is Access.REFUSED
    assert workshops.check_key(second.code.lower(), second_key).workshop == second
    assert workshops.check_key("ZZZZZZ", first_key).access is Access.UNKNOWN


def test_no_number_of_wrong_keys_stops_the_right_key(workshops: Workshops) -> None:
    workshop, key = workshops.create("Friday breakfast", "workshop")

    wrong = {workshops.check_key(workshop.code, f"guess-{n}").access for n in range(50)}

    assert wrong == {Access.REFUSED}
    assert workshops.check_key(workshop.code, key).access is Access.GRANTED


def test_closing_and_reopening(workshops: Workshops) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", now=NOW)

    closed = workshops.close(workshop.id, now=NOW + timedelta(hours=1))
    again = workshops.close(workshop.id, now=NOW + timedelta(hours=2))
    reopened = workshops.reopen(workshop.id)

    assert closed.closed_at == again.closed_at == NOW + timedelta(hours=1)
    assert not closed.is_open()
    assert reopened.is_open()


def test_reopening_after_the_closing_time_drops_it_but_keeps_one_still_to_come(
    workshops: Workshops,
) -> None:
    passed, _ = workshops.create("Past", "workshop", closes_at=NOW - timedelta(minutes=5))
    coming, _ = workshops.create("Coming", "workshop", closes_at=NOW + timedelta(hours=1))

    assert not passed.is_open(NOW)
    assert workshops.reopen(passed.id, now=NOW).closes_at is None
    assert workshops.reopen(coming.id, now=NOW).closes_at == NOW + timedelta(hours=1)


def test_a_taken_code_is_drawn_again(workshops: Workshops, monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = workshops.create("First", "workshop")
    drawn = iter([first.code, "K7QX2M"])
    monkeypatch.setattr(codes, "new_code", lambda: next(drawn))

    second, _ = workshops.create("Second", "workshop")

    assert second.code == "K7QX2M"


@pytest.mark.parametrize(
    ("title", "threshold", "message"),
    [
        ("   ", 5, "a workshop needs a title"),
        ("x" * 201, 5, "title is longer than 200 characters"),
        ("Breakfast", 0, "the privacy threshold must be between 1 and 1000"),
    ],
)
def test_unusable_settings_are_refused(
    workshops: Workshops, title: str, threshold: int, message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        workshops.create(title, "workshop", threshold=threshold)


def join(store: Store, workshop_id: int | None, answers: dict[str, object], done: bool) -> str:
    token, _ = store.start("workshop", 1, DIGEST, name="Participant", workshop_id=workshop_id)
    store.save_answers(token, {**answers, "plan": {"give": "Never read by the room"}})
    if done:
        store.complete(token)
    return token


def test_the_room_holds_the_workshop_round_of_each_participant_and_no_one_else(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=1)
    other, _ = workshops.create("Another room", "workshop")
    first = join(store, workshop.id, ANSWERS[0], done=True)
    join(store, workshop.id, ANSWERS[3], done=False)
    join(store, other.id, ANSWERS[1], done=True)
    join(store, None, ANSWERS[2], done=True)
    store.new_round(first, "workshop", 1, DIGEST)  # a retake months later is their own
    store.save_answers(first, {"vote": "no"})

    people = load_participants(store.database, workshop.id)
    chosen = load_participants(store.database, workshop.id, {"vote", "idea"})

    assert [(p.completed, p.answers) for p in people] == [
        (True, ANSWERS[0]),
        (False, ANSWERS[3]),
    ]
    assert [p.answers for p in chosen] == [
        {"vote": "yes", "idea": "More coffee, fewer pitches"},
        {"vote": "maybe", "idea": "Not finished, so never shown"},
    ]
    room = read_room(store.database, workshop_questionnaire(), workshop)
    assert (room.joined, room.completed, room.polls["vote"].counts) == (
        2,
        1,
        {"yes": 1, "no": 0, "maybe": 0},
    )


def test_the_room_counts_who_has_reached_each_page_from_where_everyone_is_now(
    store: Store, workshops: Workshops
) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop", threshold=1)
    join(store, workshop.id, ANSWERS[0], done=True)
    on_the_poll = join(store, workshop.id, ANSWERS[3], done=False)
    store.move_on(on_the_poll, "poll", 2)
    went_back = join(store, workshop.id, {}, done=False)
    store.move_on(went_back, "time", 1)
    store.set_page(went_back, "goals")
    join(store, workshop.id, {}, done=False)
    join(store, None, ANSWERS[2], done=True)

    room = read_room(store.database, workshop_questionnaire(), workshop)

    assert (room.joined, room.completed, room.in_progress) == (4, 1, 3)
    assert room.reached == (("goals", 4), ("time", 3), ("poll", 2))


def test_a_database_of_the_previous_revision_gains_workshops_and_keeps_its_rows(
    database_url: str,
) -> None:
    database = Database.open(database_url)
    upgrade(database, "0002")
    token = "early-token"
    with database.engine.begin() as conn:
        respondent = conn.execute(
            sa.text(
                "INSERT INTO respondents (token_hash, name, created_at, workshop_id)"
                " VALUES (:hash, 'Early Bird', :at, 7) RETURNING id"
            ),
            {"hash": hashlib.sha256(token.encode()).hexdigest(), "at": NOW},
        ).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO rounds (respondent_id, number, questionnaire_id, version,"
                " created_at, updated_at) VALUES (:respondent, 1, 'workshop', 1, :at, :at)"
            ),
            {"respondent": respondent, "at": NOW},
        )
    database.dispose()

    store = Store.open(database_url)
    workshop, _ = Workshops(store.database).create("After the upgrade", "workshop")
    kept = store.load(token)
    store.close()

    assert kept is not None
    assert (kept.name, kept.workshop_id) == ("Early Bird", 7)
    assert workshop.id == 1


def test_a_workshop_from_before_snapshots_keeps_its_key_and_gains_a_projector_key(
    database_url: str,
) -> None:
    key = "an-early-facilitator-key"
    database = Database.open(database_url)
    upgrade(database, "0003")
    with database.engine.begin() as conn:
        workshop_id = conn.execute(
            sa.text(
                "INSERT INTO workshops (code, title, questionnaire_id, threshold, key_hash,"
                " created_at, failed_attempts, locked_until) VALUES ('K7QX2M', 'Early',"
                " 'workshop', 1, :hash, :at, 4, :at) RETURNING id"
            ),
            {"hash": hashlib.sha256(key.encode()).hexdigest(), "at": NOW},
        ).scalar_one()
    join(Store(database), workshop_id, ANSWERS[0], done=True)
    database.dispose()

    store = Store.open(database_url)
    workshops = Workshops(store.database)
    check = workshops.check_key("K7QX2M", key)
    assert check.workshop is not None
    room = read_room(store.database, workshop_questionnaire(), check.workshop)
    projector = workshops.check_view("K7QX2M", view_key(key))
    signed_in = workshops.check_grant("K7QX2M", workshops.grant(check.workshop.id))
    store.close()

    assert check.access is Access.GRANTED
    assert (room.published, room.visible, room.polls["vote"].counts["yes"]) == (1, True, 1)
    assert projector == signed_in == check.workshop


def test_the_projector_key_opens_the_room_views_and_the_facilitator_key_does_not(
    workshops: Workshops,
) -> None:
    workshop, key = workshops.create("Friday breakfast", "workshop")

    assert workshops.check_view(workshop.code, view_key(key)) == workshop
    assert workshops.check_view(workshop.code, key) is None
    assert workshops.check_view(workshop.code, "") is None
    assert workshops.check_key(workshop.code, view_key(key)).access is Access.REFUSED


def test_a_sign_in_grant_opens_its_own_workshop_until_it_expires(workshops: Workshops) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop")
    other, _ = workshops.create("Another room", "workshop")
    grant = workshops.grant(workshop.id, now=NOW)

    assert workshops.check_grant(workshop.code, grant, now=NOW + timedelta(hours=11)) == workshop
    assert workshops.check_grant(workshop.code, grant, now=NOW + timedelta(hours=12)) is None
    assert workshops.check_grant(other.code, grant, now=NOW) is None
    assert workshops.check_grant(workshop.code, "made-up", now=NOW) is None
    assert workshops.check_key(workshop.code, grant).access is Access.REFUSED


def test_only_the_hash_of_a_grant_is_stored(store: Store, workshops: Workshops) -> None:
    workshop, _ = workshops.create("Friday breakfast", "workshop")
    grant = workshops.grant(workshop.id)

    with store.database.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT token_hash FROM facilitator_grants")).scalars().all()

    assert rows == [hashlib.sha256(grant.encode()).hexdigest()]
