"""Texts a questionnaire translates: nested under ``texts:``, checked when the file is loaded,
and used for the words, numbers and dates of the charts and the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netclarity import charts, scoring
from netclarity.loading import loader
from netclarity.texts import ChartTexts, NumberTexts, ReportTexts, placeholders
from tests.support.every_type import problems_after

SCORING = Path(__file__).parents[1] / "questionnaires" / "scoring.yaml"


def test_a_questionnaire_translates_some_chart_texts_and_keeps_the_other_defaults() -> None:
    text = SCORING.read_text(encoding="utf-8") + "texts:\n  charts:\n    now: Jetzt\n"
    questionnaire = loader.parse(text.encode(), "scoring.yaml")

    assert questionnaire.texts.charts.now == "Jetzt"
    assert questionnaire.texts.charts.suggested == "Suggested"
    assert questionnaire.texts.report == ReportTexts()


def test_a_misspelt_chart_text_is_reported_with_its_line_and_the_closest_name() -> None:
    problems = problems_after("  next: Onward", "  charts:\n    goals_titel: Ziele")

    assert problems[0].startswith(
        "every_type.yaml:112: texts.charts: unknown key 'goals_titel' — did you mean "
        "'goals_title'? (allowed: goals_title, goals_subtitle, "
    )


def test_a_misspelt_report_text_is_reported_with_its_line_and_the_closest_name() -> None:
    problems = problems_after("  next: Onward", "  report:\n    kicker: Hallo\n    pgae: Seite")

    assert problems[0].startswith(
        "every_type.yaml:113: texts.report: unknown key 'pgae' — did you mean 'page'?"
    )


def test_a_placeholder_the_code_does_not_fill_is_a_problem_naming_the_usable_ones() -> None:
    problems = problems_after("  next: Onward", "  report:\n    page: Seite {seite} von {pages}")

    assert problems == [
        "every_type.yaml:112: texts.report.page: unknown placeholder {seite}: "
        "this text can use {page}, {pages}"
    ]


def test_an_interface_text_without_placeholders_refuses_braces() -> None:
    problems = problems_after("  next: Onward", "  next: Weiter {n}")

    assert problems == [
        "every_type.yaml:111: texts.next: unknown placeholder {n}: this text takes no placeholders"
    ]


def test_an_unpaired_brace_is_a_problem_rather_than_a_crash_when_shown() -> None:
    problems = problems_after("  next: Onward", "  progress: Seite {page von {pages}")

    assert problems == [
        "every_type.yaml:111: texts.progress: has a '{' or '}' without its pair; "
        "placeholders are written {name}"
    ]


def test_a_translation_may_leave_a_placeholder_out() -> None:
    texts = ReportTexts(prepared_for="Für Sie")

    assert texts.prepared_for.format(name="Robin") == "Für Sie"


def test_the_months_are_exactly_twelve() -> None:
    problems = problems_after("  next: Onward", "  report:\n    months: [Jan, Feb]")

    assert problems == [
        "every_type.yaml:112: texts.report.months: should list at least 12 item(s), not 2"
    ]


def test_placeholders_are_read_as_str_format_reads_them() -> None:
    assert placeholders("{left} {unit} left, {total:.0f} in all") == {"left", "unit", "total"}
    assert placeholders("no placeholders") == set()


GERMAN_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August")
GERMAN_MONTHS += ("September", "Oktober", "November", "Dezember")


def test_dates_are_written_with_the_translated_month_names_and_order() -> None:
    texts = ReportTexts(date_format="{day}. {month} {year}", months=GERMAN_MONTHS)

    assert texts.format_date(date(2025, 3, 4)) == "4. März 2025"
    assert ReportTexts().format_date(date(2025, 3, 4)) == "4 March 2025"


@pytest.mark.parametrize(
    ("value", "spec", "english", "german"),
    [
        (2.5, "g", "2.5", "2,5"),
        (1234.5, ",.1f", "1,234.5", "1.234,5"),
        (1200, ",.0f", "1,200", "1.200"),
    ],
)
def test_numbers_are_written_with_the_questionnaires_decimal_mark_and_separator(
    value: float, spec: str, english: str, german: str
) -> None:
    assert NumberTexts().format_number(value, spec) == english
    assert NumberTexts(decimal_mark=",", thousands_separator=".").format_number(value, spec) == (
        german
    )


def test_the_thousands_separator_may_be_a_space() -> None:
    swiss = NumberTexts(decimal_mark=".", thousands_separator="\u2009")

    assert swiss.format_number(12345.5, ",.1f") == "12\u2009345.5"


def test_chart_labels_and_vega_formatting_follow_the_questionnaires_numbers() -> None:
    text = SCORING.read_text(encoding="utf-8") + (
        "texts:\n  numbers: {decimal_mark: ',', thousands_separator: '.'}\n"
        "  charts: {hours_label: '{hours} Std.'}\n"
    )
    questionnaire = loader.parse(text.encode(), "scoring.yaml")
    answers = {"weights": {"a": 100}, "active": "yes", "hours": {"x": 2.5, "y": 1}}

    spec = charts.hours_chart(questionnaire, scoring.score(questionnaire, answers)).to_dict()

    assert [row["label"] for row in spec["datasets"][spec["data"]["name"]]] == [
        "2,5 Std.",
        "1 Std.",
    ]
    assert spec["config"]["locale"] == {
        "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", ""]}
    }


def test_english_stays_the_default_everywhere() -> None:
    questionnaire = loader.parse(SCORING.read_bytes(), "scoring.yaml")

    assert questionnaire.texts.charts == ChartTexts()
    assert questionnaire.texts.report == ReportTexts()
    assert questionnaire.texts.numbers == NumberTexts()
