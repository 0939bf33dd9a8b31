"""The walk finds questions no respondent can ever see, by trying every branch that matters."""

from __future__ import annotations

import textwrap

from netclarity.loading import walk
from netclarity.loading.loader import load_file, parse
from netclarity.questionnaire import Questionnaire
from tests.support.every_type import EVERY_TYPE

HEADER = """\
id: offsite
version: 1
title: Team offsite
channels:
  - {id: workshop, label: Workshops, mode: face_to_face}
  - {id: dinner, label: Team dinner, mode: face_to_face}
pages:
  - id: plan
    title: Planning
    questions:
"""
NIGHTS = """\
- id: nights
  type: slider
  label: How many nights?
  min: 1
  max: 3
"""
DAY = """\
- id: day
  type: single_choice
  label: Which day?
  options: [{id: monday, label: Monday}, {id: friday, label: Friday}]
"""


def offsite(*questions: str) -> Questionnaire:
    """A one-page questionnaire of the given questions (YAML list items, as in a file)."""
    items = "".join(textwrap.dedent(q) for q in questions)
    return parse((HEADER + textwrap.indent(items, " " * 6)).encode(), "offsite.yaml")


def findings(questionnaire: Questionnaire) -> list[tuple[tuple[str | int, ...], str]]:
    return [(f.path, f.message) for f in walk.walk(questionnaire).findings]


def messages(questionnaire: Questionnaire) -> list[str]:
    return [f.message for f in walk.walk(questionnaire).findings]


def test_every_question_of_the_every_type_questionnaire_can_be_shown() -> None:
    result = walk.walk(load_file(EVERY_TYPE).questionnaire)

    assert (result.findings, result.capped) == ([], False)


def test_a_threshold_beyond_the_range_is_never_reached() -> None:
    survey = offsite(
        NIGHTS,
        """\
        - id: hotel
          type: short_text
          label: Which hotel?
          show_if: {question: nights, greater_than: 3}
        """,
    )

    assert findings(survey) == [
        (
            ("pages", 0, "questions", 1, "show_if"),
            "question 'hotel' can never be shown: no answer to 'nights' makes "
            "{question: nights, greater_than: 3} hold; its answers go from 1 to 3",
        )
    ]


def test_values_either_side_of_a_threshold_are_tried() -> None:
    survey = offsite(
        NIGHTS,
        """\
        - id: short
          type: short_text
          label: Why so short?
          show_if: {question: nights, less_than: 2}
        - id: long
          type: short_text
          label: Why so long?
          show_if: {question: nights, greater_than: 2.5}
        """,
    )

    assert findings(survey) == []


def test_a_slider_cannot_land_between_its_steps_but_a_typed_number_can() -> None:
    survey = offsite(
        """\
        - {id: budget, type: slider, label: Budget, min: 5, max: 50, step: 5}
        - {id: spend, type: number, label: Spend, min: 5, max: 50, step: 5}
        - {id: odd_budget, type: short_text, label: Why, show_if: {question: budget, equals: 7}}
        - {id: odd_spend, type: short_text, label: Why, show_if: {question: spend, equals: 7}}
        """
    )

    assert findings(survey) == [
        (
            ("pages", 0, "questions", 2, "show_if"),
            "question 'odd_budget' can never be shown: no answer to 'budget' makes "
            "{question: budget, equals: 7} hold; its answers go from 5 to 50",
        )
    ]


def test_conditions_that_each_hold_but_never_together() -> None:
    survey = offsite(
        DAY,
        """\
        - id: snacks
          type: short_text
          label: Which snacks?
          show_if: [{question: day, equals: monday}, {question: day, equals: friday}]
        """,
    )

    assert findings(survey) == [
        (
            ("pages", 0, "questions", 1, "show_if"),
            "question 'snacks' can never be shown: its conditions never hold together",
        )
    ]


def test_a_question_depending_on_a_never_shown_one_is_reported_too() -> None:
    survey = offsite(
        NIGHTS,
        """\
        - {id: hotel, type: short_text, label: Hotel, show_if: {question: nights, less_than: 1}}
        - {id: room, type: short_text, label: Room, show_if: {answered: hotel}}
        """,
    )

    assert messages(survey) == [
        "question 'hotel' can never be shown: no answer to 'nights' makes "
        "{question: nights, less_than: 1} hold; its answers go from 1 to 3",
        "question 'room' can never be shown: it looks at 'hotel', which is never shown",
    ]


def test_the_answer_to_a_hidden_question_does_not_count() -> None:
    survey = offsite(
        DAY,
        """\
        - {id: agenda, type: short_text, label: Agenda, show_if: {question: day, equals: monday}}
        - id: printed
          type: short_text
          label: Printed agenda?
          show_if: [{answered: agenda}, {question: day, equals: friday}]
        """,
    )

    assert findings(survey) == [
        (
            ("pages", 0, "questions", 2, "show_if"),
            "question 'printed' can never be shown: its conditions never hold together",
        )
    ]


def diet_with_menu(max_selections: int) -> Questionnaire:
    return offsite(
        f"""\
        - id: diet
          type: multiple_choice
          label: Dietary needs?
          max_selections: {max_selections}
          options:
            - {{id: vegan, label: Vegan}}
            - {{id: halal, label: Halal}}
            - {{id: none, label: None}}
        - id: menu
          type: short_text
          label: Which menu?
          show_if: [{{question: diet, includes: vegan}}, {{question: diet, includes: halal}}]
        """
    )


def test_combinations_of_named_options_are_tried() -> None:
    assert findings(diet_with_menu(max_selections=2)) == []


def test_combinations_over_the_selection_limit_are_not() -> None:
    assert messages(diet_with_menu(max_selections=1)) == [
        "question 'menu' can never be shown: its conditions never hold together"
    ]


def test_a_constant_sum_allocation_always_has_its_total() -> None:
    survey = offsite(
        """\
        - {id: hours, type: allocation, label: Hours, of: channels, total: 10}
        - {id: busy, type: short_text, label: Busy, show_if: {question: hours, greater_than: 10}}
        """
    )

    assert messages(survey) == [
        "question 'busy' can never be shown: no answer to 'hours' makes "
        "{question: hours, greater_than: 10} hold; its answers always add up to 10"
    ]


def test_a_free_allocation_can_reach_a_threshold_over_several_options() -> None:
    survey = offsite(
        """\
        - {id: hours, type: allocation, label: Hours, of: channels, max_each: 30}
        - {id: busy, type: short_text, label: Busy, show_if: {question: hours, greater_than: 50}}
        """
    )

    assert findings(survey) == []


def test_a_matrix_shown_only_when_its_allocation_is_hidden_never_has_rows() -> None:
    survey = offsite(
        NIGHTS,
        """\
        - id: hours
          type: allocation
          label: Hours on each?
          of: channels
          show_if: {question: nights, equals: 1}
        - id: motive
          type: choice_matrix
          label: Why would you go?
          rows: channels
          only_rows_used_in: hours
          show_if: {question: nights, greater_than: 1}
          columns: [{id: want, label: Want}, {id: should, label: Should}]
        """,
    )

    assert findings(survey) == [
        (
            ("pages", 0, "questions", 2, "only_rows_used_in"),
            "question 'motive' can never show a row: whenever it is shown, no amount above "
            "zero can have been given in 'hours'",
        )
    ]


def yes_no(question_id: str, show_if: str = "") -> str:
    extra = f", show_if: {show_if}" if show_if else ""
    return (
        f"- {{id: {question_id}, type: single_choice, label: Question {question_id}, "
        f"options: [{{id: a, label: A}}, {{id: b, label: B}}]{extra}}}\n"
    )


def test_answers_no_longer_looked_at_are_forgotten_so_long_chains_stay_small() -> None:
    chain = [yes_no("q0")] + [
        yes_no(f"q{i}", f"{{question: q{i - 1}, equals: a}}") for i in range(1, 40)
    ]

    result = walk.walk(offsite(*chain))

    assert (result.findings, result.capped, result.most_situations) == ([], False, 3)


def test_the_walk_stops_at_its_cap_and_says_its_findings_are_not_certain() -> None:
    independent = [yes_no(f"q{i}") for i in range(12)]
    conditions = ", ".join(f"{{question: q{i}, equals: a}}" for i in range(12))
    last = f"- {{id: last, type: short_text, label: Last, show_if: [{conditions}]}}\n"
    too_long = (
        "- {id: why, type: short_text, label: Why, show_if: {question: nights, less_than: 1}}\n"
    )

    result = walk.walk(offsite(NIGHTS, *independent, last, too_long), max_situations=100)

    assert result.capped is True
    assert result.most_situations > 100
    assert [f.message for f in result.findings] == [
        "question 'why' can never be shown: no answer to 'nights' makes "
        "{question: nights, less_than: 1} hold; its answers go from 1 to 3 (not certain: "
        "there were too many combinations of answers to try them all)"
    ]
