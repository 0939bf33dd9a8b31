"""Reference problems: ids that repeat, or name goals, channels and questions that don't exist."""

from __future__ import annotations

from tests.support.every_type import problems_after


def test_a_repeated_goal_id_names_the_line_of_the_first() -> None:
    assert problems_after("{id: talk, label: Talk", "{id: food, label: Talk") == [
        "every_type.yaml:10: goal 'food'.id: duplicate goal id 'food' (first used on line 9)",
        "every_type.yaml:15: fit.canteen.talk: unknown goal 'talk' (known: food)",
        "every_type.yaml:16: fit.video.talk: unknown goal 'talk' (known: food)",
        "every_type.yaml:108: insight 'talkers'.when: goal_weight(): unknown goal 'talk'",
    ]


def test_a_repeated_channel_id() -> None:
    assert problems_after("{id: video, label: A video", "{id: canteen, label: A video") == [
        "every_type.yaml:13: channel 'canteen'.id: duplicate channel id 'canteen' "
        "(first used on line 12)",
        "every_type.yaml:16: fit.video: unknown channel 'video' (known: canteen)",
        "every_type.yaml:108: insight 'talkers'.when: mix_share(): unknown channel 'video'",
        "every_type.yaml:109: insight 'talkers'.say: mix_share(): unknown channel 'video'",
    ]


def test_a_repeated_page_id() -> None:
    assert problems_after("  - id: words\n", "  - id: basics\n") == [
        "every_type.yaml:95: page 'basics'.id: duplicate page id 'basics' (first used on line 18)"
    ]


def test_a_repeated_question_id_across_pages() -> None:
    assert problems_after("      - id: vote\n", "      - id: day\n") == [
        "every_type.yaml:89: question 'day'.id: duplicate question id 'day' (first used on line 22)"
    ]


def test_a_repeated_option_id_names_its_question() -> None:
    assert problems_after("{id: friday, label: Friday}", "{id: monday, label: Friday}") == [
        "every_type.yaml:28: question 'day', option 'monday'.id: duplicate option id 'monday' "
        "(first used on line 27)",
        "every_type.yaml:56: question 'budget'.show_if: 'friday' is not an option of 'day' "
        "(options: monday)",
    ]


def test_a_repeated_insight_id() -> None:
    old = "insights:\n"
    new = "insights:\n  - {id: talkers, when: total_hours() > 10, say: Busy.}\n"
    assert problems_after(old, new) == [
        "every_type.yaml:108: insight 'talkers'.id: duplicate insight id 'talkers' "
        "(first used on line 107)"
    ]


def test_options_of_goals_when_no_goals_are_defined() -> None:
    goals = "goals:\n  - {id: food, label: Eat well}\n  - {id: talk, label: Talk to colleagues}\n"
    assert problems_after(goals, "") == [
        "every_type.yaml:12: fit.canteen.food: unknown goal 'food' (none are defined)",
        "every_type.yaml:12: fit.canteen.talk: unknown goal 'talk' (none are defined)",
        "every_type.yaml:13: fit.video.talk: unknown goal 'talk' (none are defined)",
        "every_type.yaml:60: question 'why'.of: of: goals, but the questionnaire defines no goals",
        "every_type.yaml:105: insight 'talkers'.when: goal_weight(): unknown goal 'talk'",
    ]


def test_an_unknown_source_for_options() -> None:
    assert problems_after("        of: goals\n", "        of: goalz\n") == [
        "every_type.yaml:63: question 'why'.of: 'goalz' is not allowed; "
        "expected 'goals' or 'channels'"
    ]


def test_an_unknown_channel_in_the_fit_matrix() -> None:
    assert problems_after("  video: {talk: 1}", "  vidoe: {talk: 1}") == [
        "every_type.yaml:16: fit.vidoe: unknown channel 'vidoe' (known: canteen, video)"
    ]


def test_an_unknown_goal_in_the_fit_matrix() -> None:
    assert problems_after("  video: {talk: 1}", "  video: {tlak: 1}") == [
        "every_type.yaml:16: fit.video.tlak: unknown goal 'tlak' (known: food, talk)"
    ]


def test_a_fit_above_three() -> None:
    assert problems_after("  video: {talk: 1}", "  video: {talk: 4}") == [
        "every_type.yaml:16: fit.video.talk: should be less than or equal to 3 (got 4)"
    ]


def test_a_negative_fit() -> None:
    assert problems_after("  video: {talk: 1}", "  video: {talk: -1}") == [
        "every_type.yaml:16: fit.video.talk: should be greater than or equal to 0 (got -1)"
    ]


def test_a_ranking_without_options() -> None:
    options = "          - {id: pasta, label: Pasta}\n"
    options += "          - {id: curry, label: Curry}\n          - {id: salad, label: Salad}\n"
    assert problems_after("        options:\n" + options, "") == [
        "every_type.yaml:73: question 'order': give either 'options' (a list) or 'of' "
        "(goals or channels)"
    ]


def test_a_poll_with_an_empty_option_list() -> None:
    old = "        options:\n          - {id: great, label: Great}\n"
    old += "          - {id: meh, label: Meh}\n"
    assert problems_after(old, "        options: []\n") == [
        "every_type.yaml:89: question 'vote': 'options' is empty; list at least one option"
    ]


def test_an_allocation_without_options_also_breaks_what_depends_on_it() -> None:
    assert problems_after("        of: channels\n        unit", "        unit") == [
        "every_type.yaml:67: question 'time': give either 'options' (a list) or 'of' "
        "(goals or channels)",
        "every_type.yaml:71: question 'time'.role: a question with role 'mix' must use "
        "'of: channels'",
        "every_type.yaml:83: question 'feeling'.only_rows_used_in: 'time' must be an "
        "allocation with 'of: channels', like these rows",
    ]


def test_show_if_naming_an_unknown_question() -> None:
    assert problems_after("{question: day, equals: friday}", "{question: dya, equals: friday}") == [
        "every_type.yaml:56: question 'budget'.show_if.question: unknown question 'dya'"
    ]


def test_show_if_naming_a_later_question() -> None:
    assert problems_after("show_if: {question: day,", "show_if: {question: vote,") == [
        "every_type.yaml:56: question 'budget'.show_if.question: 'vote' is asked later; "
        "a condition can only look at earlier questions",
    ]


def test_show_if_naming_the_question_itself() -> None:
    assert problems_after("show_if: {answered: name}", "show_if: {answered: notes}") == [
        "every_type.yaml:105: question 'notes'.show_if.answered: 'notes' is asked later; "
        "a condition can only look at earlier questions"
    ]


def test_show_if_comparing_with_a_value_that_is_not_an_option() -> None:
    assert problems_after("equals: friday}", "equals: sunday}") == [
        "every_type.yaml:56: question 'budget'.show_if: 'sunday' is not an option of 'day' "
        "(options: friday, monday)"
    ]


def test_show_if_in_a_list_with_a_value_that_is_not_an_option() -> None:
    assert problems_after("equals: friday}", "in: [friday, sunday]}") == [
        "every_type.yaml:56: question 'budget'.show_if: 'sunday' is not an option of 'day' "
        "(options: friday, monday)"
    ]


def test_show_if_on_a_question_of_goals_checks_the_goal_ids() -> None:
    options = "        options:\n          - {id: monday, label: Monday}\n"
    options += "          - {id: friday, label: Friday}\n"
    assert problems_after(options, "        of: goals\n") == [
        "every_type.yaml:54: question 'budget'.show_if: 'friday' is not an option of 'day' "
        "(options: food, talk)"
    ]


def test_includes_on_a_single_choice_suggests_equals() -> None:
    assert problems_after("equals: friday}", "includes: friday}") == [
        "every_type.yaml:56: question 'budget'.show_if: 'includes' tests a multiple_choice "
        "answer; 'day' is single_choice: use 'equals'"
    ]


def test_equals_on_a_multiple_choice_suggests_includes() -> None:
    assert problems_after("{question: day, equals: friday}", "{question: diet, equals: vegan}") == [
        "every_type.yaml:56: question 'budget'.show_if: 'diet' is multiple_choice, so its "
        "answer is a list: use 'includes'"
    ]


def test_greater_than_on_a_choice_says_it_compares_numbers() -> None:
    assert problems_after("equals: friday}", "greater_than: 2}") == [
        "every_type.yaml:56: question 'budget'.show_if: 'greater_than' compares numbers, "
        "but 'day' is a single_choice question"
    ]


def test_a_goals_role_on_an_allocation_of_channels() -> None:
    old = "        of: goals\n        total: 10\n"
    assert problems_after(old, "        of: channels\n        total: 10\n") == [
        "every_type.yaml:65: question 'why'.role: a question with role 'goals' must use 'of: goals'"
    ]


def test_a_role_given_twice() -> None:
    assert problems_after("        role: mix\n", "        role: goals\n") == [
        "every_type.yaml:72: question 'time'.role: a question with role 'goals' must use "
        "'of: goals'",
        "every_type.yaml:72: question 'time'.role: role 'goals' is already given to question 'why'",
    ]


def test_a_motive_matrix_needs_want_and_should_columns() -> None:
    assert problems_after("{id: should, label: Should}", "{id: must, label: Must}") == [
        "every_type.yaml:85: question 'feeling'.role: role 'motive' needs columns with ids "
        "'want' and 'should'"
    ]


def test_a_role_on_a_type_without_roles_is_an_unknown_key() -> None:
    old = "        label: Rank the dishes\n"
    assert problems_after(old, old + "        role: goals\n") == [
        "every_type.yaml:76: question 'order': unknown key 'role' (allowed: id, label, help, "
        "required, show_if, options, of, type)"
    ]


def test_only_rows_used_in_an_unknown_question() -> None:
    assert problems_after("only_rows_used_in: time", "only_rows_used_in: tiem") == [
        "every_type.yaml:84: question 'feeling'.only_rows_used_in: unknown question 'tiem'"
    ]


def test_only_rows_used_in_an_allocation_over_other_options() -> None:
    assert problems_after("only_rows_used_in: time", "only_rows_used_in: why") == [
        "every_type.yaml:84: question 'feeling'.only_rows_used_in: 'why' must be an "
        "allocation with 'of: channels', like these rows"
    ]


def test_the_plans_own_key_is_not_a_question_id() -> None:
    """The plan is stored beside the answers under ``plan``: a question of that id would
    overwrite it, so the file is refused with the reason and the fix."""
    assert problems_after("      - id: vote\n", "      - id: plan\n") == [
        "every_type.yaml:89: question 'plan'.id: 'plan' is kept for the person's plan: give "
        "the question another id"
    ]
