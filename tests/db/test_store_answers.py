"""Answers are saved as they are given and come back exactly, in the respondent's latest round."""

from __future__ import annotations

from datetime import UTC

import pytest

from netclarity.response import ChannelPlan, Plan, PlanGoal
from netclarity.store import InvalidValue, Store, UnknownToken

DIGEST = "3f5a0c9e1d7b2a4c6e8f0a1b3c5d7e9f2a4b6c8d0e1f3a5b7c9d1e3f5a7b9c0d"
ANSWERS = {
    "goals_clear": "mostly",
    "what_decides": "Whoever invites me first",
    "goal_weights": {"clients": 50, "learning": 30, "camaraderie": 20},
    "hours": {"paid_events": 6.5, "linkedin": 3, "one_to_ones": 0},
    "motive": {"paid_events": "should", "linkedin": "want"},
    "channels_used": ["paid_events", "linkedin", "one_to_ones"],
    "priorities": ["clients", "learning", "camaraderie"],
    "confidence": 3,
    "na_point": "na",
    "contacts_per_month": 12.25,
    "spend": 1e-7,
    "share": 1.0,
    "big": 12345678901234567890,
    "flag": True,
    "nothing": None,
}


def test_a_new_respondent_starts_on_round_1_with_nothing_answered(store: Store) -> None:
    token, started = store.start("networking_clarity", 1, DIGEST, name="Ada", workshop_id=7)

    loaded = store.load(token)

    assert loaded == started
    assert (loaded.number, loaded.questionnaire_id, loaded.version, loaded.digest) == (
        1,
        "networking_clarity",
        1,
        DIGEST,
    )
    assert (loaded.name, loaded.workshop_id, loaded.page) == ("Ada", 7, None)
    assert (loaded.answers, loaded.plan, loaded.completed_at) == ({}, Plan(), None)
    assert loaded.created_at.tzinfo is UTC


def test_saved_answers_come_back_exactly(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    for key, value in ANSWERS.items():
        store.save_answer(token, key, value)

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers == ANSWERS
    assert {key: type(value) for key, value in loaded.answers.items()} == {
        key: type(value) for key, value in ANSWERS.items()
    }


def test_answers_survive_reopening_the_database(database_url: str) -> None:
    first = Store.open(database_url)
    token, _ = first.start("networking_clarity", 1, DIGEST)
    first.save_answers(token, ANSWERS)
    first.set_page(token, "time")
    first.close()

    reopened = Store.open(database_url)
    loaded = reopened.load(token)
    reopened.close()

    assert loaded is not None
    assert (loaded.answers, loaded.page) == (ANSWERS, "time")


def test_saving_again_replaces_the_earlier_answer(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)
    store.save_answer(token, "hours", {"paid_events": 10})

    store.save_answer(token, "hours", {"paid_events": 4, "linkedin": 2})

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers == {"hours": {"paid_events": 4, "linkedin": 2}}


def test_save_answers_stores_several_and_keeps_the_others(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)
    store.save_answer(token, "goals_clear", "yes")

    store.save_answers(token, {"success": "Two new clients a quarter", "confidence": 4})

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers == {
        "goals_clear": "yes",
        "success": "Two new clients a quarter",
        "confidence": 4,
    }


def test_a_batch_with_one_unstorable_value_saves_nothing(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    with pytest.raises(InvalidValue, match="'spend'"):
        store.save_answers(token, {"confidence": 4, "spend": float("nan")})

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers == {}


def test_delete_answer_forgets_only_that_answer(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)
    store.save_answers(token, {"goals_clear": "no", "what_decides": "Habit"})

    store.delete_answer(token, "what_decides")

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.answers == {"goals_clear": "no"}


def test_the_plan_is_stored_under_its_key_and_read_back_as_a_plan(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)
    plan = Plan(
        goals=[PlanGoal(what="Meet two potential partners", measure="Coffee booked", by="2027-03")],
        channels={
            "paid_events": ChannelPlan(decision="stop"),
            "meetups": ChannelPlan(decision="grow", hope="Learn from peers"),
        },
        give="Introduce one person a month",
    )

    store.save_answers(token, {"plan": plan, "confidence": 2})

    loaded = store.load(token)
    assert loaded is not None
    assert (loaded.plan, loaded.answers) == (plan, {"confidence": 2})


def test_an_invalid_plan_is_refused(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    with pytest.raises(InvalidValue, match="not a valid plan"):
        store.save_answer(token, "plan", {"channels": {"paid_events": {"decision": "maybe"}}})


def test_set_page_remembers_where_the_person_is(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    store.set_page(token, "motives")

    loaded = store.load(token)
    assert loaded is not None
    assert loaded.page == "motives"


def test_complete_marks_the_round_once(store: Store) -> None:
    token, started = store.start("networking_clarity", 1, DIGEST)

    store.complete(token)
    first = store.load(token)
    store.complete(token)
    second = store.load(token)

    assert first is not None
    assert second is not None
    assert first.completed
    assert first.completed_at is not None
    assert first.completed_at >= started.created_at
    assert second.completed_at == first.completed_at


def test_an_unknown_token_loads_nothing(store: Store) -> None:
    assert store.load("not-a-token-anyone-was-given") is None


@pytest.mark.parametrize(
    "call",
    [
        lambda s, t: s.save_answer(t, "confidence", 3),
        lambda s, t: s.save_answers(t, {"confidence": 3}),
        lambda s, t: s.delete_answer(t, "confidence"),
        lambda s, t: s.set_page(t, "time"),
        lambda s, t: s.complete(t),
        lambda s, t: s.rounds(t),
        lambda s, t: s.new_round(t, "networking_clarity", 1, DIGEST),
        lambda s, t: s.export(t),
    ],
    ids=[
        "save_answer",
        "save_answers",
        "delete_answer",
        "set_page",
        "complete",
        "rounds",
        "new_round",
        "export",
    ],
)
def test_methods_that_need_a_respondent_refuse_an_unknown_token(store: Store, call) -> None:
    with pytest.raises(UnknownToken, match="unknown resume token"):
        call(store, "x" * 43)
