"""A retake is a new round: answers go to the latest round, earlier rounds stay as they were."""

from __future__ import annotations

from netclarity.store import Store

DIGEST_V1 = "a1" * 32
DIGEST_V2 = "b2" * 32


def test_new_round_is_numbered_after_the_last_and_starts_empty(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST_V1, name="Grace", workshop_id=3)
    store.save_answer(token, "goals_clear", "no")

    second = store.new_round(token, "networking_clarity", 2, DIGEST_V2)

    assert (second.number, second.version, second.digest) == (2, 2, DIGEST_V2)
    assert (second.answers, second.page, second.completed_at) == ({}, None, None)
    assert (second.name, second.workshop_id) == ("Grace", 3)
    assert store.load(token) == second


def test_answers_go_to_the_latest_round_only(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST_V1)
    store.save_answers(token, {"goals_clear": "no", "hours": {"paid_events": 8}})
    store.complete(token)
    store.new_round(token, "networking_clarity", 1, DIGEST_V1)

    store.save_answers(token, {"goals_clear": "yes", "hours": {"one_to_ones": 5}})
    store.set_page(token, "time")

    first, second = store.rounds(token)
    assert (first.number, first.answers, first.page) == (
        1,
        {"goals_clear": "no", "hours": {"paid_events": 8}},
        None,
    )
    assert first.completed
    assert (second.number, second.answers, second.page) == (
        2,
        {"goals_clear": "yes", "hours": {"one_to_ones": 5}},
        "time",
    )
    assert not second.completed


def test_rounds_lists_every_round_oldest_first(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST_V1)
    store.new_round(token, "networking_clarity", 1, DIGEST_V1)
    store.new_round(token, "networking_clarity", 2, DIGEST_V2)

    assert [(r.number, r.version) for r in store.rounds(token)] == [(1, 1), (2, 1), (3, 2)]


def test_respondents_do_not_see_each_others_rounds(store: Store) -> None:
    ada, _ = store.start("networking_clarity", 1, DIGEST_V1, name="Ada")
    bob, _ = store.start("networking_clarity", 1, DIGEST_V1, name="Bob")
    store.save_answer(ada, "success", "More referrals")
    store.new_round(bob, "networking_clarity", 1, DIGEST_V1)

    assert [(r.number, r.name, r.answers) for r in store.rounds(ada)] == [
        (1, "Ada", {"success": "More referrals"})
    ]
    assert [(r.number, r.name, r.answers) for r in store.rounds(bob)] == [
        (1, "Bob", {}),
        (2, "Bob", {}),
    ]
