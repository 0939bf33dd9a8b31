"""Every number a person reads follows the questionnaire's conventions: findings, workshop
prompts, the first step's sentences, answers and charts all write ``25,5`` in German, and
money carries the questionnaire's currency where its language puts it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netclarity import answers, insights
from netclarity.loading.loader import load_file
from netclarity.questionnaire import Insight, Questionnaire
from netclarity.rules import Rule, is_money, parse
from netclarity.texts import NumberTexts
from tests.support.english import german

NETWORKING = Path(__file__).resolve().parents[2] / "questions" / "networking_clarity.yaml"

SCORES: dict[str, Callable[..., Any]] = {
    "total_hours": lambda: 25.5,
    "total_money": lambda: 1500.0,
    "money": lambda channel: {"a": 1200.0, "b": 300.0}.get(channel, 0.0),
    "hours": lambda channel: 2.25,
    "obligation_share": lambda: 0.125,
    "places_used": lambda: 3,
    "alignment": lambda: 71.4,
    "label": lambda value: f"the {value}",
}


def finding(questionnaire: Questionnaire, say: str) -> str:
    """The text of a finding whose rule always holds, as the results page would show it."""
    rule = Insight(id="shown", when="true", say=say)
    found = insights.evaluate_rules(
        questionnaire.model_copy(update={"insights": [rule]}), "person", SCORES
    )
    return found[0].text


@pytest.fixture(scope="module")
def deutsch() -> Questionnaire:
    return german()


@pytest.fixture(scope="module")
def networking() -> Questionnaire:
    return load_file(NETWORKING).questionnaire


@pytest.mark.parametrize(
    ("say", "written"),
    [
        ("{total_hours():.1f} Stunden", "25,5 Stunden"),
        ("{total_hours()} Stunden", "25,5 Stunden"),
        ("{money(a) + money(b):,.0f} im Monat", "1.500\u00a0€ im Monat"),
        ("{total_money():,.2f}", "1.500,00\u00a0€"),
        ("{money(a) * 12:,.0f} im Jahr", "14.400\u00a0€ im Jahr"),
        ("{hours(a) * 1000:,.1f}", "2.250,0"),
        ("{obligation_share():.1%}", "12,5%"),
        ("{places_used():.0f} Orte", "3 Orte"),
        ("{alignment():.0f} von 100", "71 von 100"),
        ("{label(top_goal())}", "the top_goal"),
    ],
)
def test_findings_write_numbers_and_money_the_german_way(
    deutsch: Questionnaire, say: str, written: str
) -> None:
    functions = {**SCORES, "top_goal": lambda: "top_goal"}
    rule = Rule.compile("shown", "true", say)

    assert rule.text(functions, deutsch.texts.numbers) == written
    if "top_goal" not in say:
        assert finding(deutsch, say) == written


@pytest.mark.parametrize(
    ("say", "written"),
    [
        ("You spend about {money(a) + money(b):,.0f} a month", "You spend about £1,500 a month"),
        ("{total_hours():.1f} hours", "25.5 hours"),
        ("{money(a) - money(b) - money(a) * 2:,.0f}", "-£1,500"),
    ],
)
def test_the_networking_questionnaire_writes_pounds_before_the_amount(
    networking: Questionnaire, say: str, written: str
) -> None:
    assert finding(networking, say) == written


def test_the_networking_findings_take_their_currency_from_the_texts_not_from_the_wording(
    networking: Questionnaire,
) -> None:
    spend = next(i for i in networking.insights if i.id == "spend_without_return")

    assert "£" not in spend.say
    assert networking.texts.numbers.currency == "£"


@pytest.mark.parametrize(
    ("expression", "money"),
    [
        ("money(a)", True),
        ("total_money()", True),
        ("money(a) + money(b)", True),
        ("money(a) / 4", True),
        ("12 * money(a)", True),
        ("-money(a)", True),
        ("money(a) / money(b)", False),
        ("money(a) + hours(a)", False),
        ("hours(a)", False),
        ("mix_share(a)", False),
    ],
)
def test_an_expression_is_money_when_it_adds_or_scales_amounts_of_money(
    expression: str, money: bool
) -> None:
    assert is_money(parse(expression)) is money


@pytest.mark.parametrize(
    ("numbers", "written"),
    [
        (NumberTexts(), "1,500"),
        (NumberTexts(currency="$"), "$1,500"),
        (NumberTexts(currency="€", currency_position="after"), "1,500\u00a0€"),
        (NumberTexts(currency="€", currency_position="after", currency_space=False), "1,500€"),
        (
            NumberTexts(currency="CHF", currency_space=True, thousands_separator="’"),
            "CHF\u00a01’500",
        ),
    ],
)
def test_money_puts_the_currency_where_the_questionnaire_says(
    numbers: NumberTexts, written: str
) -> None:
    assert numbers.money(1500) == written


def test_a_format_that_does_not_fit_the_value_writes_the_value_rather_than_failing() -> None:
    german_numbers = NumberTexts(decimal_mark=",", thousands_separator=".")

    assert german_numbers.format_value("Frühstück", ".0f") == "Frühstück"
    assert german_numbers.format_value(2.5, "d") == "2,5"
    assert german_numbers.format_value(True, "") == "True"


def test_money_answers_are_shown_with_the_currency(networking: Questionnaire) -> None:
    money = networking.question("money")

    assert answers.display_lines(
        networking, money, {"breakfast_clubs": 40, "paid_events": 12.5}
    ) == [
        "Breakfast clubs and regular paid networking groups: £40 a month",
        "Paid dinners, galas and sports hospitality: £12.50 a month",
    ]
