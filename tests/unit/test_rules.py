"""The rule language: what it accepts, what it rejects with a reason, and how it evaluates."""

from __future__ import annotations

from typing import Any

import pytest

from netclarity import rules

NAMES = rules.Names(
    goals=frozenset({"clients", "learning"}),
    channels=frozenset({"blog", "events"}),
    questions=frozenset({"age"}),
)
FUNCTIONS: dict[str, Any] = {
    "mix_share": {"blog": 0.25, "events": 0.75}.get,
    "goal_weight": {"clients": 0.6, "learning": 0.4}.get,
    "answer": {"age": None}.get,
    "label": {"blog": "My blog"}.get,
    "top_channel": lambda: "events",
}


def problems(when: str, say: str = "text", audience: str = "person") -> list[tuple[str, str]]:
    return rules.problems(when, say, NAMES, audience)


def test_a_valid_rule_has_no_problems() -> None:
    assert problems("mix_share(events) > 0.3 and goal_weight(clients) < 0.1") == []


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("__import__('os')", "unknown function '__import__'"),
        ("os.system('ls')", "call a function by name"),
        ("mix_share(events).real", "is not allowed in a rule"),
        ("[x for x in y]", "is not allowed in a rule"),
        ("lambda: 1", "is not allowed in a rule"),
        ("mix_share(", "cannot read"),
        ("hours_of(blog) > 1", "unknown function 'hours_of'"),
        ("mix_share(radio) > 1", "mix_share(): unknown channel 'radio'"),
        ("goal_weight(blog) > 1", "goal_weight(): unknown goal 'blog'"),
        ("mix_share() > 1", "mix_share() takes 1 argument(s), got 0"),
        ("blog > 1", "'blog' on its own means nothing here"),
        ("room_size() > 3", "unknown function 'room_size'"),
    ],
)
def test_problems_say_what_is_wrong(when: str, message: str) -> None:
    found = problems(when)
    assert found, when
    assert message in found[0][1]


def test_placeholders_in_the_text_are_checked_too() -> None:
    assert problems("true", "{mix_share(radio):.0%}") == [
        ("say", "mix_share(): unknown channel 'radio'")
    ]


def test_room_functions_are_for_room_rules() -> None:
    assert problems("room_size() > 3", audience="room") == []


def test_a_very_long_expression_is_refused() -> None:
    with pytest.raises(rules.RuleError, match="longer than 500"):
        rules.parse("1 + " * 200 + "1")


@pytest.mark.parametrize(
    ("when", "holds"),
    [
        ("mix_share(events) > 0.5 and goal_weight(clients) >= 0.6", True),
        ("mix_share(blog) + mix_share(events) == 1", True),
        ("not mix_share(blog) > 0.5", True),
        ("top_channel() in ['events', 'blog']", True),
        ("0.1 < mix_share(blog) < 0.2", False),
        ("answer(age) > 30", False),  # an unanswered question compared with a number
        ("mix_share(blog) / 0 == 0", True),  # division by zero is 0, not an error
    ],
)
def test_conditions_evaluate(when: str, holds: bool) -> None:
    assert rules.Rule.compile("r", when, "").holds(FUNCTIONS) is holds


def test_text_fills_placeholders_with_their_format() -> None:
    rule = rules.Rule.compile(
        "r", "true", "{label(top_channel())}: {mix_share(events):.0%}, {label(blog)}"
    )
    assert rule.text(FUNCTIONS) == "None: 75%, My blog"


def test_a_function_that_is_not_available_stops_the_rule() -> None:
    def hours(channel: str) -> float:
        raise rules.NotAvailable("no hours given")

    with pytest.raises(rules.NotAvailable):
        rules.Rule.compile("r", "hours(blog) > 1", "").holds({"hours": hours})
