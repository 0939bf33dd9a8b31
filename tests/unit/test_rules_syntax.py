"""Insight rules are checked when a questionnaire loads: unknown names and any syntax beyond
the small rule language are reported at the insight's line, never run."""

from __future__ import annotations

import pytest

from netclarity import rules
from tests.support.every_type import problems_after

WHEN = "when: goal_weight(talk) > 0.5 and mix_share(video) > 0.5"
PERSON_FUNCTIONS = (
    "alignment, answer, brought, delivered, gap, goal_weight, hours, hours_moved, is_obligation, "
    "is_top_goal, label, least_served_top_goal, mix_share, mode_share, money, nothing_share, "
    "obligation_share, outcome_share, places_used, served_share, top_channel, top_goal, "
    "total_hours, total_money, unserved_share"
)


def when_problems(expression: str) -> list[str]:
    """The problems of every_type.yaml with its insight's condition replaced."""
    return problems_after(WHEN, f"when: {expression}")


def test_an_unknown_function_suggests_the_closest_and_lists_the_functions() -> None:
    assert when_problems("goal_wieght(talk) > 0.5") == [
        f"every_type.yaml:108: insight 'talkers'.when: unknown function 'goal_wieght' "
        f"— did you mean 'goal_weight'? (functions: {PERSON_FUNCTIONS})",
    ]


def test_an_unknown_goal() -> None:
    assert when_problems("goal_weight(tlak) > 0.5") == [
        "every_type.yaml:108: insight 'talkers'.when: goal_weight(): unknown goal 'tlak'"
    ]


def test_a_goal_where_a_channel_is_expected() -> None:
    assert when_problems("mix_share(talk) > 0.5") == [
        "every_type.yaml:108: insight 'talkers'.when: mix_share(): unknown channel 'talk'"
    ]


def test_an_unknown_question_in_answer() -> None:
    assert when_problems("answer(dya) == 'friday'") == [
        "every_type.yaml:108: insight 'talkers'.when: answer(): unknown question 'dya'"
    ]


def test_the_wrong_number_of_arguments() -> None:
    assert when_problems("goal_weight() > 0.5") == [
        "every_type.yaml:108: insight 'talkers'.when: goal_weight() takes 1 argument(s), got 0"
    ]


def test_a_room_function_in_a_personal_insight() -> None:
    assert when_problems("room_size() > 3")[0].startswith(
        "every_type.yaml:108: insight 'talkers'.when: unknown function 'room_size' "
        "(functions: alignment, "
    )


def test_import_is_refused() -> None:
    assert when_problems("\"__import__('os').system('ls')\"") == [
        "every_type.yaml:108: insight 'talkers'.when: '__import__('os').system('ls')': "
        "call a function by name, e.g. hours(blog)"
    ]


def test_attribute_access_is_refused() -> None:
    assert when_problems("goal_weight(talk).real > 0.5") == [
        "every_type.yaml:108: insight 'talkers'.when: 'goal_weight(talk).real' is not allowed "
        "in a rule"
    ]


def test_lambda_is_refused() -> None:
    assert when_problems("'(lambda: 1)() > 0'") == [
        "every_type.yaml:108: insight 'talkers'.when: '(lambda: 1)()': call a function by "
        "name, e.g. hours(blog)"
    ]


def test_a_syntax_error_quotes_the_expression() -> None:
    assert when_problems("goal_weight(talk) >") == [
        "every_type.yaml:108: insight 'talkers'.when: cannot read 'goal_weight(talk) >': "
        "invalid syntax"
    ]


def test_a_placeholder_in_the_text_is_checked_like_a_condition() -> None:
    assert problems_after("{mix_share(video):.0%}", "{mix_shar(video):.0%}") == [
        f"every_type.yaml:109: insight 'talkers'.say: unknown function 'mix_shar' "
        f"— did you mean 'mix_share'? (functions: {PERSON_FUNCTIONS})",
    ]


@pytest.mark.parametrize(
    ("expression", "message"),
    [
        ("x[0] > 1", "'x[0]' is not allowed in a rule"),
        ("[g for g in goals]", "'[g for g in goals]' is not allowed in a rule"),
        ("1 if hours(blog) else 2", "'1 if hours(blog) else 2' is not allowed in a rule"),
        (
            "hours(channel=blog) > 1",
            "'hours(channel=blog)': call a function by name, e.g. hours(blog)",
        ),
        ("(x := 1)", "'(x := 1)' is not allowed in a rule"),
        ("None", "'None' is not a number, text or true/false"),
        ("b'bytes'", "'b'bytes'' is not a number, text or true/false"),
        ("1" * 501, "the expression is longer than 500 characters"),
    ],
)
def test_syntax_outside_the_rule_language_is_refused(expression: str, message: str) -> None:
    with pytest.raises(rules.RuleError) as caught:
        rules.parse(expression)

    assert str(caught.value) == message
