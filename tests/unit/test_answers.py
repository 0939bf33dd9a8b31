"""What counts as an answer, when a question is shown, what blocks a page, and how answers
read back, on the every-type questionnaire."""

from __future__ import annotations

from typing import Any

import pytest

from netclarity import answers
from netclarity.loading.loader import load_file
from netclarity.question_types import choice_matrix
from netclarity.questionnaire import ChoiceMatrix, Condition, Questionnaire
from tests.support.every_type import EVERY_TYPE


@pytest.fixture(scope="module")
def lunch() -> Questionnaire:
    return load_file(EVERY_TYPE).questionnaire


def holds(condition: dict[str, Any], given: dict[str, Any]) -> bool:
    return answers.condition_holds(Condition.model_validate(condition), given)


@pytest.mark.parametrize(
    ("value", "answered"),
    [
        (None, False),
        ("", False),
        ("   ", False),
        ([], False),
        ({}, False),
        ({"canteen": 0, "video": 0}, False),
        ({"canteen": 0, "video": 2}, True),
        (0, True),
        (0.0, True),
        ("na", True),
        (["vegan"], True),
        ("monday", True),
    ],
)
def test_what_counts_as_answered(value: Any, answered: bool) -> None:
    assert answers.is_answered(value) is answered


# --- conditions --------------------------------------------------------------------------


def test_answered_holds_for_any_answer_and_not_for_none() -> None:
    assert holds({"answered": "name"}, {"name": "Ada"}) is True
    assert holds({"answered": "name"}, {"name": "  "}) is False
    assert holds({"answered": "name"}, {}) is False


def test_equals_compares_the_answer() -> None:
    assert holds({"question": "day", "equals": "friday"}, {"day": "friday"}) is True
    assert holds({"question": "day", "equals": "friday"}, {"day": "monday"}) is False


def test_not_equals_needs_an_answer() -> None:
    assert holds({"question": "day", "not_equals": "friday"}, {"day": "monday"}) is True
    assert holds({"question": "day", "not_equals": "friday"}, {"day": "friday"}) is False
    assert holds({"question": "day", "not_equals": "friday"}, {}) is False


def test_in_holds_for_any_listed_value() -> None:
    condition = {"question": "vote", "in": ["great", "meh"]}
    assert holds(condition, {"vote": "meh"}) is True
    assert holds({"question": "vote", "in": ["great"]}, {"vote": "meh"}) is False


def test_includes_looks_inside_a_multiple_choice_answer() -> None:
    assert holds({"question": "diet", "includes": "vegan"}, {"diet": ["none", "vegan"]}) is True
    assert holds({"question": "diet", "includes": "vegan"}, {"diet": ["vegetarian"]}) is False
    assert holds({"question": "diet", "includes": "vegan"}, {"diet": "vegan"}) is False


def test_greater_than_and_less_than_compare_numbers_strictly() -> None:
    assert holds({"question": "people", "greater_than": 10}, {"people": 11}) is True
    assert holds({"question": "people", "greater_than": 10}, {"people": 10}) is False
    assert holds({"question": "people", "less_than": 10}, {"people": 9.5}) is True
    assert holds({"question": "people", "less_than": 10}, {"people": 10}) is False


def test_a_likert_answer_compares_by_its_position() -> None:
    assert holds({"question": "hunger", "greater_than": 2}, {"hunger": 3}) is True
    assert holds({"question": "hunger", "greater_than": 2}, {"hunger": "na"}) is False


def test_an_allocation_compares_by_its_total() -> None:
    condition = {"question": "time", "greater_than": 60}
    assert holds(condition, {"time": {"canteen": 45, "video": 30}}) is True
    assert holds(condition, {"time": {"canteen": 45, "video": 15}}) is False


def test_true_is_not_a_number_to_compare() -> None:
    assert holds({"question": "people", "greater_than": 0}, {"people": True}) is False


def test_a_question_is_visible_only_when_every_condition_holds(lunch: Questionnaire) -> None:
    budget = lunch.question("budget")
    both = budget.model_copy(
        update={
            "show_if": [
                Condition.model_validate({"question": "day", "equals": "friday"}),
                Condition.model_validate({"question": "people", "greater_than": 5}),
            ]
        }
    )

    assert answers.is_visible(budget, {"day": "friday"}) is True
    assert answers.is_visible(both, {"day": "friday", "people": 6}) is True
    assert answers.is_visible(both, {"day": "friday", "people": 5}) is False


def test_visible_questions_of_a_page(lunch: Questionnaire) -> None:
    basics = lunch.pages[0]

    shown = answers.visible_questions(basics, {"day": "monday"})

    assert [q.id for q in shown] == ["day", "diet", "hunger", "people"]


# --- matrix rows -------------------------------------------------------------------------


def matrix(lunch: Questionnaire) -> ChoiceMatrix:
    question = lunch.question("feeling")
    assert isinstance(question, ChoiceMatrix)
    return question


def test_matrix_rows_are_the_channels_given_time(lunch: Questionnaire) -> None:
    given = {"time": {"canteen": 0, "video": 30}}

    assert choice_matrix.row_options(lunch, matrix(lunch), given) == ["video"]


def test_matrix_rows_are_none_before_the_allocation_is_answered(lunch: Questionnaire) -> None:
    assert choice_matrix.row_options(lunch, matrix(lunch), {}) == []


def test_a_matrix_without_a_filter_shows_every_row(lunch: Questionnaire) -> None:
    unfiltered = matrix(lunch).model_copy(update={"only_rows_used_in": None})

    assert choice_matrix.row_options(lunch, unfiltered, {}) == ["canteen", "video"]


# --- problems ----------------------------------------------------------------------------


def problems(lunch: Questionnaire, question_id: str, given: dict[str, Any]) -> list[str]:
    return answers.problems(lunch, lunch.question(question_id), given)


def test_a_required_question_without_an_answer(lunch: Questionnaire) -> None:
    assert problems(lunch, "day", {}) == ["Please answer this question."]
    assert problems(lunch, "day", {"day": "monday"}) == []


def test_zero_everywhere_answers_a_required_allocation_of_free_amounts(
    lunch: Questionnaire,
) -> None:
    """Someone who spends no time yet answers "minutes on each" with zeros; points to share
    out are not answered until they are shared."""
    time = lunch.question("time").model_copy(update={"required": True})
    why = lunch.question("why").model_copy(update={"required": True})

    assert answers.problems(lunch, time, {"time": {}}) == []
    assert answers.problems(lunch, time, {}) == ["Please answer this question."]
    assert answers.problems(lunch, why, {"why": {}}) == ["10 points left to share out"]
    assert answers.display_lines(lunch, time, {}) == ["0 minutes"]


def test_an_optional_question_may_stay_empty(lunch: Questionnaire) -> None:
    assert problems(lunch, "people", {}) == []


def test_too_few_and_too_many_selections(lunch: Questionnaire) -> None:
    assert problems(lunch, "diet", {"diet": ["none", "vegan", "vegetarian"]}) == [
        "Choose at most 2."
    ]
    assert problems(lunch, "diet", {"diet": ["vegan"]}) == []


def test_minimum_selections_apply_once_something_is_chosen(lunch: Questionnaire) -> None:
    strict = lunch.question("diet").model_copy(update={"min_selections": 2})

    assert answers.problems(lunch, strict, {"diet": ["vegan"]}) == ["Choose at least 2."]


def test_an_allocation_short_of_its_total_says_what_is_left(lunch: Questionnaire) -> None:
    assert problems(lunch, "why", {"why": {"food": 3, "talk": 4.5}}) == [
        "2.5 points left to share out"
    ]


def test_an_allocation_over_its_total_says_how_much_to_remove(lunch: Questionnaire) -> None:
    assert problems(lunch, "why", {"why": {"food": 8, "talk": 4}}) == [
        "2 points too many: take some away"
    ]


def test_an_allocation_matching_its_total(lunch: Questionnaire) -> None:
    assert problems(lunch, "why", {"why": {"food": 6, "talk": 4}}) == []


def test_a_text_over_its_length(lunch: Questionnaire) -> None:
    assert problems(lunch, "name", {"name": "x" * 1234}) == [
        "This is 1,234 characters long; the limit is 60."
    ]


def test_a_required_matrix_needs_every_shown_row(lunch: Questionnaire) -> None:
    required = matrix(lunch).model_copy(update={"required": True})
    time = {"canteen": 20, "video": 30}

    half = {"time": time, "feeling": {"video": "want"}}
    full = {"time": time, "feeling": {"video": "want", "canteen": "should"}}
    assert answers.problems(lunch, required, half) == ["Please answer this question."]
    assert answers.problems(lunch, required, full) == []


def test_a_required_matrix_with_no_rows_to_show_does_not_block(lunch: Questionnaire) -> None:
    required = matrix(lunch).model_copy(update={"required": True})

    assert answers.problems(lunch, required, {"time": {"canteen": 0}}) == []


def test_page_problems_cover_only_visible_questions(lunch: Questionnaire) -> None:
    required_budget = lunch.pages[0].questions[4].model_copy(update={"required": True})
    page = lunch.pages[0].model_copy(
        update={"questions": [*lunch.pages[0].questions[:4], required_budget]}
    )

    assert answers.page_problems(lunch, page, {"day": "monday"}) == {}
    assert answers.page_problems(lunch, page, {"day": "friday"}) == {
        "budget": ["Please answer this question."]
    }


# --- clean -------------------------------------------------------------------------------


def test_clean_keeps_visible_answers_in_questionnaire_order(lunch: Questionnaire) -> None:
    given = {"name": "Ada", "day": "friday", "budget": 20, "notes": "Quiet place, please"}

    assert list(answers.clean(lunch, given).items()) == [
        ("day", "friday"),
        ("budget", 20),
        ("name", "Ada"),
        ("notes", "Quiet place, please"),
    ]


def test_clean_drops_answers_to_hidden_and_unknown_questions(lunch: Questionnaire) -> None:
    given = {"day": "monday", "budget": 20, "retired_question": "x"}

    assert answers.clean(lunch, given) == {"day": "monday"}


def test_a_hidden_answer_does_not_make_a_later_question_visible(lunch: Questionnaire) -> None:
    given = {"name": "  ", "notes": "kept in storage, not in results"}

    assert answers.clean(lunch, given) == {"name": "  "}


# --- display -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question_id", "value", "text"),
    [
        ("day", "friday", "Friday"),
        ("diet", ["vegetarian", "vegan"], "Vegetarian; Vegan"),
        ("hunger", 3, "Very"),
        ("hunger", "na", "I skip lunch"),
        ("people", 12.0, "12 people"),
        ("budget", 17.5, "17.5 euros"),
        ("why", {"food": 6, "talk": 4}, "Eat well: 6; Talk to colleagues: 4"),
        ("time", {"canteen": 90, "video": 0}, "The canteen: 90 minutes"),
        ("order", ["curry", "pasta", "salad"], "1. Curry; 2. Pasta; 3. Salad"),
        (
            "feeling",
            {"canteen": "want", "video": "should"},
            "The canteen: Want; A video call lunch: Should",
        ),
        ("vote", "meh", "Meh"),
        ("name", "Ada", "Ada"),
        ("notes", None, "Not answered"),
        ("diet", [], "Not answered"),
    ],
)
def test_display(lunch: Questionnaire, question_id: str, value: Any, text: str) -> None:
    assert answers.display(lunch, lunch.question(question_id), value) == text


@pytest.mark.parametrize(
    ("question_id", "value", "text"),
    [
        ("hunger", 9, "Not answered"),
        ("hunger", "very", "Not answered"),
        ("time", "90", "Not answered"),
        ("order", "curry", "Not answered"),
        ("order", ["curry", "kebab"], "1. Curry"),
        ("people", "twelve", "Not answered"),
        ("day", {"old": "shape"}, "Not answered"),
        ("diet", [{"old": 1}, "vegan"], "Vegan"),
    ],
)
def test_values_saved_under_an_older_version_show_as_this_version_holds_them(
    lunch: Questionnaire, question_id: str, value: Any, text: str
) -> None:
    """As on the question's page, where the widget shows the same fitted answer."""
    fitted = answers.fitted(lunch, {question_id: value})

    assert answers.display(lunch, lunch.question(question_id), fitted.get(question_id)) == text


def test_a_ranking_left_as_shown_accepts_the_order_offered(lunch: Questionnaire) -> None:
    page = next(p for p in lunch.pages if any(q.id == "order" for q in p.questions))

    assert answers.accepted_as_shown(lunch, page, {}) == {"order": ["pasta", "curry", "salad"]}


def test_a_ranking_put_in_order_is_kept(lunch: Questionnaire) -> None:
    page = next(p for p in lunch.pages if any(q.id == "order" for q in p.questions))

    assert answers.accepted_as_shown(lunch, page, {"order": ["salad", "pasta", "curry"]}) == {}
