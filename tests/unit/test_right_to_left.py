"""A right-to-left questionnaire (``tests/questionnaires/arabic.yaml``) reads right to left.

Its language decides its direction; every number put into a sentence is a bidi-isolated
piece written with the Arabic decimal mark, separator and currency; chart words are laid out
right to left inside Vega; the page gets a right-to-left stylesheet; and no English default
text remains anywhere it is shown.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from netclarity import answers, bidi, charts, first_step_words, insights, scoring
from netclarity.questionnaire import Questionnaire, Texts
from netclarity.report import build_pdf
from netclarity.response import Response
from netclarity.ui import direction
from tests.support.english import arabic, english_in, english_phrases, german, leaves

FSI, PDI, RLI = "\u2068", "\u2069", "\u2067"

ANSWERS: dict[str, Any] = {
    "awzan": {"zabain": 50, "maarifa": 20, "mujtama": 20, "shuraka": 10},
    "saat": {"multaqayat": 12.5, "diwaniyat": 6, "linkedin": 4, "ittisalat": 2},
    "mal": {"multaqayat": 1500, "diwaniyat": 40},
    "dafi": {"multaqayat": "should", "diwaniyat": "want", "linkedin": "both", "ittisalat": "want"},
    "hasil": {"multaqayat": "nothing_much", "ittisalat": "zabain_judud"},
    "ashkhas": 3,
    "tartib": ["zabain", "shuraka", "maarifa", "mujtama"],
}


@pytest.fixture(scope="module")
def questionnaire() -> Questionnaire:
    return arabic()


@pytest.mark.parametrize(
    ("language", "rtl"),
    [
        ("ar", True), ("he", True), ("fa-IR", True), ("ur", True), ("yi", True),
        ("ku-Arab", True), ("pa-Arab", True), ("az_Arab_IR", True),
        ("en", False), ("de-CH", False), ("ku-Latn", False), ("pa", False), ("zh-Hant", False),
        ("", False),
    ],
)  # fmt: skip
def test_the_language_tag_decides_the_direction(language: str, rtl: bool) -> None:
    assert bidi.is_right_to_left(language) is rtl


def test_the_arabic_file_translates_every_text(questionnaire: Questionnaire) -> None:
    english = dict(leaves(Texts()))

    assert [name for name, value in leaves(questionnaire.texts) if value == english[name]] == []


def test_only_a_right_to_left_questionnaire_isolates_its_numbers(
    questionnaire: Questionnaire,
) -> None:
    assert questionnaire.right_to_left
    assert questionnaire.texts.numbers.amount(2.5) == f"{FSI}2٫5{PDI}"
    assert not german().right_to_left
    assert german().texts.numbers.amount(2.5) == "2,5"


def finding_texts(questionnaire: Questionnaire) -> dict[str, str]:
    scores = scoring.score(questionnaire, ANSWERS)
    found = insights.findings(questionnaire, scores, ANSWERS)
    return {f.rule_id: f.text for f in found}


def test_findings_write_numbers_and_money_the_arabic_way(questionnaire: Questionnaire) -> None:
    found = finding_texts(questionnaire)

    assert found["majmu"] == (
        f"تقضي {FSI}24٫5{PDI} ساعة في الشهر في التواصل، وتنفق عليه {FSI}1٬540\u00a0ر.س{PDI}."
    )
    assert found["multaqayat_mukalifa"] == (
        f"تنفق {FSI}1٬500\u00a0ر.س{PDI} شهريًا على الملتقيات والمعارض المهنية وحدها."
    )
    assert found["wajib"].startswith(f"{FSI}51%{PDI} من ساعاتك")


def test_the_review_writes_amounts_and_ranks_as_isolated_pieces(
    questionnaire: Questionnaire,
) -> None:
    def lines(question_id: str) -> list[str]:
        question = questionnaire.question(question_id)
        return answers.display_lines(questionnaire, question, ANSWERS[question_id])

    assert lines("ashkhas") == [f"{FSI}3{PDI} أشخاص"]
    assert lines("saat")[0] == f"الملتقيات والمعارض المهنية: {FSI}12٫5{PDI} ساعة"
    assert lines("mal") == [
        f"الملتقيات والمعارض المهنية: {FSI}1٬500\u00a0ر.س{PDI} في الشهر",
        f"الديوانيات والمجالس: {FSI}40\u00a0ر.س{PDI} في الشهر",
    ]
    assert lines("tartib")[0] == "1. العثور على زبائن جدد"


def test_the_first_step_is_said_with_isolated_numbers(questionnaire: Questionnaire) -> None:
    words = first_step_words.describe(questionnaire, scoring.score(questionnaire, ANSWERS))

    assert words is not None
    assert words.intro.startswith(f"انقل {FSI}")
    assert words.intro.count(FSI) == words.intro.count(PDI) == 4  # moved, total, before, after
    assert all(FSI in item and PDI in item for item in words.items)


def test_the_alignment_score_is_said_as_an_isolated_number(questionnaire: Questionnaire) -> None:
    meaning = questionnaire.texts.alignment_meaning(71.6)

    assert f"{FSI}72{PDI}" in meaning
    assert "{score}" not in meaning


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.fixture(scope="module")
def specs(questionnaire: Questionnaire) -> list[dict[str, Any]]:
    scores = scoring.score(questionnaire, ANSWERS)
    return [chart.to_dict() for chart in charts.result_charts(questionnaire, scores)]


def test_every_arabic_word_in_a_chart_is_laid_out_right_to_left(
    specs: list[dict[str, Any]],
) -> None:
    words = [{k: v for k, v in spec.items() if k != "config"} for spec in specs]
    arabic_strings = [s for w in words for s in strings(w) if bidi.has_right_to_left_letters(s)]

    assert len(arabic_strings) > 30
    assert [s for s in arabic_strings if not (s.startswith(RLI) and s.endswith(PDI))] == []


def test_a_chart_label_keeps_its_number_beside_its_unit(specs: list[dict[str, Any]]) -> None:
    hours = specs[1]
    rows = hours["datasets"][hours["data"]["name"]]

    assert rows[0]["label"] == f"{RLI}{FSI}12٫5{PDI} ساعة، بدافع الواجب{PDI}"
    assert rows[0]["channel"] == f"{RLI}الملتقيات{PDI}"
    assert hours["config"]["locale"]["number"]["currency"] == ["", "\u00a0ر.س"]


def test_the_charts_show_no_english(
    questionnaire: Questionnaire, specs: list[dict[str, Any]]
) -> None:
    shown = [s for spec in specs for s in strings(spec)]

    assert english_in(shown, english_phrases(questionnaire.texts, within="charts.")) == {}


def test_the_page_gets_a_right_to_left_stylesheet_only_when_the_language_needs_it(
    questionnaire: Questionnaire,
) -> None:
    english = questionnaire.model_copy(update={"language": "en"})

    assert direction.stylesheets(questionnaire) == [direction.RIGHT_TO_LEFT, direction.NOT_ENGLISH]
    assert direction.stylesheets(german()) == [direction.NOT_ENGLISH]
    assert direction.stylesheets(english) == []
    assert "direction: rtl" in direction.RIGHT_TO_LEFT
    assert "InputInstructions" in direction.NOT_ENGLISH


@pytest.fixture(scope="module")
def summary_text(questionnaire: Questionnaire) -> str:
    response = Response(questionnaire=questionnaire.id, version=1, answers=ANSWERS, name="سارة")
    pdf = build_pdf(
        questionnaire,
        response,
        resume_url="https://wuduh.example.org/?resume=abc",
        today=date(2025, 2, 10),
    )
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pdf_of_the_arabic_questionnaire_contains_no_english(
    questionnaire: Questionnaire, summary_text: str
) -> None:
    assert english_in([summary_text], english_phrases(questionnaire.texts)) == {}
