"""A check-in round starts from the previous plan and keeps its review of it, everywhere
a round goes: reading back, export and import, deletion, and an upgraded database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from netclarity.response import ChannelPlan, ItemReview, Plan, PlanGoal, PlanReview
from netclarity.store import InvalidValue, Store
from netclarity.store.database import Database
from netclarity.store.migrate import upgrade
from netclarity.store.tokens import new_token, token_hash

DIGEST = "c3" * 32
PLAN = Plan(
    goals=[PlanGoal(what="Two new clients", measure="Signed contracts", by="2027-03-01")],
    channels={
        "breakfast_clubs": ChannelPlan(decision="reduce", hope="Only the one I like"),
        "one_to_ones": ChannelPlan(decision="grow"),
    },
    give="Introductions",
)


def finished_round_with_plan(store: Store) -> str:
    token, _ = store.start("networking_clarity", 1, DIGEST, name="Sam")
    store.save_answers(token, {"hours": {"breakfast_clubs": 8}, "plan": PLAN})
    store.complete(token)
    return token


def test_a_new_round_starts_from_the_previous_plan_and_opens_a_review_of_it(
    store: Store,
) -> None:
    token = finished_round_with_plan(store)

    second = store.new_round(token, "networking_clarity", 1, DIGEST)

    assert second.plan == PLAN
    assert second.review == PlanReview(of_round=1, plan=PLAN)
    assert second.answers == {}
    assert store.load(token) == second


def test_a_round_after_one_without_a_plan_has_nothing_to_review(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)

    second = store.new_round(token, "networking_clarity", 1, DIGEST)

    assert (second.plan, second.review) == (Plan(), None)


def test_the_review_is_saved_and_the_new_plan_changes_without_touching_it(store: Store) -> None:
    token = finished_round_with_plan(store)
    store.new_round(token, "networking_clarity", 1, DIGEST)
    reviewed = PlanReview(
        of_round=1,
        plan=PLAN,
        goals=[ItemReview(outcome="partly", note="One signed, one talking")],
        channels={"breakfast_clubs": ItemReview(outcome="done")},
    )

    store.save_review(token, reviewed)
    store.save_answer(token, "plan", Plan(give="Two talks a year"))

    first, second = store.rounds(token)
    assert (first.plan, first.review) == (PLAN, None)
    assert second.review == reviewed
    assert second.plan == Plan(give="Two talks a year")


def test_export_and_import_carry_the_review(store: Store) -> None:
    token = finished_round_with_plan(store)
    store.new_round(token, "networking_clarity", 1, DIGEST)
    reviewed = PlanReview(
        of_round=1, plan=PLAN, channels={"one_to_ones": ItemReview(outcome="changed")}
    )
    store.save_review(token, reviewed)

    copy = store.import_responses(store.export(token))

    assert [(r.number, r.review) for r in store.rounds(copy)] == [(1, None), (2, reviewed)]


def test_an_imported_review_of_a_later_round_is_refused(store: Store) -> None:
    token = finished_round_with_plan(store)
    first = store.export(token)[0]
    claims = first.model_copy(update={"review": PlanReview(of_round=1, plan=PLAN)})

    with pytest.raises(InvalidValue, match="round 1 reviews the plan of round 1"):
        store.import_responses([claims])


def test_deleting_removes_every_review(store: Store) -> None:
    token = finished_round_with_plan(store)
    store.new_round(token, "networking_clarity", 1, DIGEST)

    assert store.delete(token)

    with store.database.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM plan_reviews")).scalar_one() == 0


def test_a_database_before_plan_reviews_keeps_its_rounds_and_plans(database_url: str) -> None:
    database = Database.open(database_url)
    upgrade(database, "0003")
    token = new_token()
    with database.engine.begin() as conn:
        respondent = conn.execute(
            sa.text(
                "INSERT INTO respondents (token_hash, name, created_at)"
                " VALUES (:hash, 'Sam', CURRENT_TIMESTAMP) RETURNING id"
            ),
            {"hash": token_hash(token)},
        ).scalar_one()
        round_id = conn.execute(
            sa.text(
                "INSERT INTO rounds (respondent_id, number, questionnaire_id, version, digest,"
                " created_at, updated_at, completed_at) VALUES (:respondent, 1,"
                " 'networking_clarity', 1, 'd', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                " CURRENT_TIMESTAMP) RETURNING id"
            ),
            {"respondent": respondent},
        ).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO answers (round_id, key, value, updated_at)"
                " VALUES (:round, 'plan', :plan, CURRENT_TIMESTAMP)"
            ),
            {"round": round_id, "plan": PLAN.model_dump_json()},
        )
    database.dispose()

    store = Store.open(database_url)
    before = store.load(token)
    second = store.new_round(token, "networking_clarity", 1, DIGEST)
    store.close()

    assert before is not None
    assert (before.number, before.plan, before.review, before.completed) == (1, PLAN, None, True)
    assert second.review == PlanReview(of_round=1, plan=PLAN)
