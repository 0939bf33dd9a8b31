"""Export gives the person their data as response documents; importing them restores it."""

from __future__ import annotations

import pytest

from netclarity.response import ChannelPlan, Plan, PlanGoal, PlanReview, Response
from netclarity.store import InvalidValue, Store

DIGEST = "c3" * 32
PLAN = Plan(
    goals=[PlanGoal(what="Find one partner", measure="A signed referral deal", by="2027-06-30")],
    channels={"breakfast_clubs": ChannelPlan(decision="reduce", hope="Keep two good contacts")},
    give="Share what I learn at meetups",
)


def test_export_gives_one_response_per_round(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST, name="Lin")
    store.save_answers(token, {"goals_clear": "no", "plan": PLAN})
    store.set_page(token, "plan")
    store.new_round(token, "networking_clarity", 1, DIGEST)
    store.save_answer(token, "goals_clear", "yes")

    assert store.export(token) == [
        Response(
            questionnaire="networking_clarity",
            version=1,
            digest=DIGEST,
            name="Lin",
            answers={"goals_clear": "no"},
            plan=PLAN,
            page="plan",
            round=1,
        ),
        Response(
            questionnaire="networking_clarity",
            version=1,
            digest=DIGEST,
            name="Lin",
            answers={"goals_clear": "yes"},
            plan=PLAN,
            round=2,
            review=PlanReview(of_round=1, plan=PLAN),
        ),
    ]


def test_an_exported_json_document_imports_as_a_new_respondent(store: Store) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST, name="Lin")
    store.save_answers(token, {"hours": {"meetups": 4.5}, "motive": {"meetups": "want"}})
    store.save_answer(token, "plan", PLAN)
    store.set_page(token, "results")
    (exported,) = store.export(token)

    document = exported.model_dump_json()
    imported = store.import_response(Response.model_validate_json(document))

    assert imported != token
    assert store.export(imported) == [exported]
    loaded = store.load(imported)
    assert loaded is not None
    assert (loaded.answers, loaded.plan, loaded.page, loaded.name) == (
        {"hours": {"meetups": 4.5}, "motive": {"meetups": "want"}},
        PLAN,
        "results",
        "Lin",
    )


def test_importing_every_round_keeps_their_numbers_and_a_retake_follows_them(
    store: Store,
) -> None:
    token, _ = store.start("networking_clarity", 1, DIGEST)
    store.save_answer(token, "goals_clear", "no")
    store.new_round(token, "networking_clarity", 1, DIGEST)
    store.save_answer(token, "goals_clear", "mostly")
    exported = store.export(token)

    imported = store.import_responses(exported)
    retake = store.new_round(imported, "networking_clarity", 1, DIGEST)

    assert store.export(imported)[:2] == exported
    assert retake.number == 3


def test_an_import_claiming_the_plan_key_as_an_answer_is_refused(store: Store) -> None:
    response = Response(questionnaire="networking_clarity", version=1, answers={"plan": "x"})

    with pytest.raises(InvalidValue, match="reserved for the plan"):
        store.import_response(response)


def test_an_import_with_two_rounds_of_the_same_number_is_refused(store: Store) -> None:
    response = Response(questionnaire="networking_clarity", version=1, round=2)

    with pytest.raises(InvalidValue, match="same round number"):
        store.import_responses([response, response])


@pytest.mark.parametrize("field", ["round", "version"])
def test_an_import_with_a_number_no_integer_column_holds_is_refused(
    store: Store, field: str
) -> None:
    values = {"questionnaire": "networking_clarity", "version": 1, "round": 1, field: 2**31}
    unchecked = Response.model_construct(**values)

    with pytest.raises(InvalidValue, match="out of range: 2147483648"):
        store.import_response(unchecked)
