"""Shape problems: each key, type and value the models expect, named at its line."""

from __future__ import annotations

import pytest

from netclarity.loading.loader import parse
from netclarity.questionnaire import Texts
from tests.support.every_type import NAME, every_type_with, problems_after

QUESTION_KEYS = "id, label, help, required, show_if, options, of, type, horizontal"
TYPES = (
    "single_choice, multiple_choice, likert, number, slider, allocation, ranking, "
    "choice_matrix, short_text, long_text, poll"
)


def test_an_unknown_key_suggests_the_closest_allowed_one() -> None:
    assert problems_after("    intro: A few", "    intor: A few") == [
        "every_type.yaml:20: page 'basics': unknown key 'intor' — did you mean 'intro'? "
        "(allowed: id, title, intro, questions)"
    ]


def test_an_unknown_key_in_a_question_lists_the_keys_of_its_type() -> None:
    assert problems_after(
        "suits you?\n        required: true", "suits you?\n        requried: true"
    ) == [
        "every_type.yaml:25: question 'day': unknown key 'requried' — did you mean "
        f"'required'? (allowed: {QUESTION_KEYS})"
    ]


def test_an_unknown_key_with_nothing_close_lists_the_allowed_keys_only() -> None:
    assert problems_after(
        "{id: food, label: Eat well}", "{id: food, label: Eat well, colour: red}"
    ) == ["every_type.yaml:9: goal 'food': unknown key 'colour' (allowed: id, label, help, short)"]


def test_a_condition_lists_its_keys_as_written_in_yaml() -> None:
    assert problems_after("{answered: name}", "{answered: name, when: now}") == [
        "every_type.yaml:105: question 'notes'.show_if: unknown key 'when' (allowed: "
        "question, answered, equals, not_equals, in, includes, greater_than, less_than)"
    ]


def test_a_misspelt_required_key_is_both_unknown_and_missing() -> None:
    assert (
        problems_after("pages:\n", "pagez:\n")
        == [
            "every_type.yaml:17: top level: unknown key 'pagez' — did you mean 'pages'? (allowed: "
            "id, version, title, description, language, minutes, goals, channels, fit, pages, "
            "sections, insights, texts)",
            "every_type.yaml:3: top level: missing required key 'pages'",
        ][::-1]
    )


def test_text_where_a_whole_number_is_expected() -> None:
    assert problems_after("version: 2", "version: two") == [
        "every_type.yaml:4: version: should be a whole number (got 'two')"
    ]


def test_a_fraction_where_a_whole_number_is_expected() -> None:
    assert problems_after("minutes: 3", "minutes: 2.5") == [
        "every_type.yaml:7: minutes: should be a whole number (got 2.5)"
    ]


def test_text_where_true_or_false_is_expected() -> None:
    assert problems_after(
        "suits you?\n        required: true", "suits you?\n        required: maybe"
    ) == ["every_type.yaml:25: question 'day'.required: should be true or false (got 'maybe')"]


def test_a_number_below_its_minimum() -> None:
    assert problems_after("version: 2", "version: 0") == [
        "every_type.yaml:4: version: should be greater than or equal to 1 (got 0)"
    ]


def test_a_missing_label_is_reported_at_the_question() -> None:
    assert problems_after("        label: Which day suits you?\n", "") == [
        "every_type.yaml:22: question 'day': missing required key 'label'"
    ]


def test_a_missing_goal_label_is_reported_at_the_goal() -> None:
    assert problems_after("{id: food, label: Eat well}", "{id: food}") == [
        "every_type.yaml:9: goal 'food': missing required key 'label'"
    ]


def test_an_empty_label() -> None:
    assert problems_after("label: Which day suits you?", "label: ''") == [
        "every_type.yaml:24: question 'day'.label: should not be empty"
    ]


def test_a_label_left_blank_is_nothing_rather_than_text() -> None:
    assert problems_after("label: Which day suits you?", "label:") == [
        "every_type.yaml:24: question 'day'.label: should be text (got nothing)"
    ]


def test_a_text_over_the_length_limit() -> None:
    assert problems_after("label: Which day suits you?", "label: " + "x" * 5001) == [
        "every_type.yaml:24: question 'day'.label: is too long: at most 5,000 characters "
        "(got a text of 5,001 characters)"
    ]


@pytest.mark.parametrize(
    ("placeholder", "inside", "above"),
    [
        ("First name", "First name", None),
        (
            "e.g. whoever invites me, or what's in the diary",
            None,
            "e.g. whoever invites me, or what's in the diary",
        ),
        ("例えば、朝食会や地元の交流会など", None, "例えば、朝食会や地元の交流会など"),
        ("مثلاً من يدعوني", "مثلاً من يدعوني", None),
    ],
)
def test_a_placeholder_too_wide_for_a_phones_box_is_shown_above_it(
    placeholder: str, inside: str | None, above: str | None
) -> None:
    """About 30 columns fit a phone's box (a wide character takes two): a longer placeholder
    is not cut by the browser but shown whole above the box, as an example is."""
    data = every_type_with(
        "label: Your name", f"label: Your name\n        placeholder: {placeholder}"
    )
    name = parse(data, NAME).question("name")
    assert (name.inside_box, name.above_box) == (inside, above)  # type: ignore[union-attr]


def test_an_example_answer_may_be_long_beside_a_short_placeholder() -> None:
    data = every_type_with(
        "label: Your name",
        "label: Your name\n        placeholder: First name\n"
        '        example: "For example: Priya, or Dr Okonkwo if you\'d like it formal."',
    )
    name = parse(data, NAME).question("name")
    assert name.placeholder == "First name"  # type: ignore[union-attr]
    assert name.example == (  # type: ignore[union-attr]
        "For example: Priya, or Dr Okonkwo if you'd like it formal."
    )


def test_an_unknown_question_type_suggests_the_closest() -> None:
    assert problems_after("type: ranking", "type: rankin") == [
        "every_type.yaml:73: question 'order': unknown question type 'rankin' — "
        f"did you mean 'ranking'? (types: {TYPES})"
    ]


def test_a_question_without_a_type_lists_the_types() -> None:
    assert problems_after("        type: ranking\n", "") == [
        f"every_type.yaml:73: question 'order': missing required key 'type' (types: {TYPES})"
    ]


def test_a_value_outside_a_fixed_set_lists_the_allowed_values() -> None:
    assert problems_after("mode: online", "mode: onlin") == [
        "every_type.yaml:13: channel 'video'.mode: 'onlin' is not allowed; "
        "expected 'face_to_face', 'online' or 'phone'"
    ]


def test_an_id_with_capitals_and_dashes_explains_what_an_id_is() -> None:
    assert problems_after("id: every_type", "id: Every-Type") == [
        "every_type.yaml:3: id: 'Every-Type' is not a valid id: use lower-case letters, "
        "digits and underscores, starting with a letter"
    ]


def test_rows_that_are_neither_a_source_nor_a_list_say_both_are_possible() -> None:
    assert problems_after("rows: channels", "rows: chanels") == [
        "every_type.yaml:83: question 'feeling'.rows: should be 'goals', 'channels' or a list "
        "(got 'chanels')",
        "every_type.yaml:85: question 'feeling'.role: a question with role 'motive' must use "
        "'rows: channels'",
    ]


def test_a_row_list_reports_only_what_is_wrong_inside_the_list() -> None:
    assert problems_after("rows: channels", "rows: [{id: canteen}]") == [
        "every_type.yaml:83: question 'feeling', row 'canteen': missing required key 'label'",
        "every_type.yaml:84: question 'feeling'.only_rows_used_in: only_rows_used_in needs "
        "'rows: goals' or 'rows: channels', not a list",
        "every_type.yaml:85: question 'feeling'.role: a question with role 'motive' must use "
        "'rows: channels'",
    ]


def test_show_if_that_is_neither_a_condition_nor_a_list() -> None:
    assert problems_after("show_if: {answered: name}", "show_if: name") == [
        "every_type.yaml:105: question 'notes'.show_if: should be a mapping of keys and values "
        "or a list (got 'name')"
    ]


def test_a_condition_with_two_tests() -> None:
    assert problems_after("equals: friday}", "equals: friday, not_equals: monday}") == [
        "every_type.yaml:56: question 'budget'.show_if: give exactly one test with 'question': "
        "equals, not_equals, in, includes, greater_than or less_than"
    ]


def test_a_condition_in_a_list_is_reported_at_its_own_line() -> None:
    assert problems_after(
        "show_if: {answered: name}", "show_if:\n          - {answered: name}\n          - {}"
    ) == [
        "every_type.yaml:107: question 'notes'.show_if.1: a condition needs 'question' "
        "(with a test) or 'answered'"
    ]


def test_a_condition_compares_with_plain_values_only() -> None:
    assert problems_after("equals: friday}", "equals: {day: friday}}") == [
        "every_type.yaml:56: question 'budget'.show_if.equals: should be text, a number "
        "or true or false (got a mapping)"
    ]


def test_a_number_question_whose_maximum_is_below_its_minimum() -> None:
    assert problems_after(
        "        min: 2\n        max: 40\n", "        min: 50\n        max: 40\n"
    ) == ["every_type.yaml:43: question 'people': max must be greater than min"]


def test_a_multiple_choice_whose_maximum_is_below_its_minimum() -> None:
    assert problems_after("max_selections: 2", "max_selections: 0") == [
        "every_type.yaml:33: question 'diet'.max_selections: should be greater than or equal "
        "to 1 (got 0)"
    ]


def test_a_likert_scale_needs_at_least_two_points() -> None:
    assert problems_after(
        "points: [Not at all, A little, Quite, Very, Starving]", "points: [Yes]"
    ) == ["every_type.yaml:41: question 'hunger'.points: should list at least 2 item(s), not 1"]


def test_yes_and_no_are_text_not_true_and_false() -> None:
    data = every_type_with("[Not at all, A little, Quite, Very, Starving]", "[No, Yes]")

    assert parse(data, NAME).question("hunger").points == ["No", "Yes"]  # type: ignore[union-attr]


def test_a_page_that_is_not_a_mapping_is_named_by_its_position() -> None:
    assert problems_after("  - id: words\n", "  - words\n  - id: words\n") == [
        "every_type.yaml:95: page 3: should be a mapping of keys and values (got 'words')"
    ]


def test_a_page_without_questions() -> None:
    old = "    questions:\n      - id: name"
    assert problems_after(old, "    questions: []\n    more:\n      - id: name") == [
        "every_type.yaml:97: page 'words'.questions: should list at least 1 item(s), not 0",
        "every_type.yaml:98: page 'words': unknown key 'more' (allowed: id, title, intro, "
        "questions)",
    ]


def test_a_number_as_a_key_is_not_a_name() -> None:
    assert problems_after("minutes: 3\n", "minutes: 3\n5: 4\n") == [
        "every_type.yaml:8: top level: 5 is not a valid key: keys are names such as 'title'"
    ]


def test_an_unknown_interface_text_names_only_the_closest_of_its_many_keys() -> None:
    problems = problems_after("  next: Onward", "  nxt: Onward")

    assert problems == [
        "every_type.yaml:111: texts: unknown key 'nxt' — did you mean 'next'? (closest: next; "
        f"all {len(Texts.model_fields)} keys are in questions/schema.json)"
    ]
