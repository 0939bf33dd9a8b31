"""A questionnaire written in German shows no English: not in its texts, its charts or its PDF.

``tests/questionnaires/deutsch.yaml`` translates every text. The first test fails when a text
is added to the models and the German file does not translate it, so no new text can stay
English unnoticed; the others look for every English default in what the German respondent
is shown (see ``tests.support.english``).
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from netclarity import answers, charts, scoring
from netclarity.questionnaire import Questionnaire, Texts
from netclarity.report import build_pdf
from netclarity.response import ChannelPlan, Plan, PlanGoal, Response
from tests.support.english import english_in, english_phrases, german, leaves

TODAY = date(2025, 2, 10)
"""February, and 90 days later May: month names that German and English do not share."""

ANSWERS = {
    "gewichtung": {"gemeinschaft": 50, "lernen": 30, "kunden": 20},
    "stunden": {"fruehstueck": 6, "gruppen": 2.5, "anrufe": 1.5},
    "motiv": {"fruehstueck": "should", "gruppen": "want", "anrufe": "both"},
}
"""Breakfast clubs take 60% of the hours and are an obligation, so the one insight fires."""

PLAN = Plan(
    goals=[
        PlanGoal(
            what="Einmal im Monat ein Treffen der Gemeinschaft",
            measure="Zehn Leute kommen",
            by="2025-05-30",
        )
    ],
    channels={
        "fruehstueck": ChannelPlan(decision="reduce", hope="Nur noch, wenn ich Lust habe"),
        "gruppen": ChannelPlan(decision="grow"),
        "anrufe": ChannelPlan(decision="keep"),
    },
    give="Ich teile, was ich lerne.",
)


@pytest.fixture(scope="module")
def deutsch() -> Questionnaire:
    return german()


def test_the_german_file_translates_every_text(deutsch: Questionnaire) -> None:
    english = dict(leaves(Texts()))
    untranslated = [name for name, value in leaves(deutsch.texts) if value == english[name]]

    assert untranslated == []


def strings(value: Any) -> list[str]:
    """Every string value in a chart spec: its words, and Vega's own lower-case names (mark
    "rule", anchor "start") that are never shown; keys are field names, also never shown."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def chart_specs(deutsch: Questionnaire) -> list[dict[str, Any]]:
    """Every chart, with complete answers and with hours only (the chart then says less)."""
    scores = scoring.score(deutsch, ANSWERS)
    hours_only = scoring.score(deutsch, {"stunden": ANSWERS["stunden"]})
    built = [
        charts.goals_chart(deutsch, scores),
        charts.hours_chart(deutsch, scores),
        charts.hours_chart(deutsch, hours_only),
        charts.mix_chart(deutsch, scores),
        charts.alignment_over_time(deutsch, [("Runde 1", 40.0), ("Runde 2", 62.5)]),
    ]
    return [chart.to_dict() for chart in built]


def test_the_charts_of_a_german_questionnaire_contain_no_english(deutsch: Questionnaire) -> None:
    shown = [s for spec in chart_specs(deutsch) for s in strings(spec)]

    assert english_in(shown, english_phrases(deutsch.texts, within="charts.")) == {}


def test_the_charts_of_a_german_questionnaire_speak_german(deutsch: Questionnaire) -> None:
    hours = chart_specs(deutsch)[1]
    rows = hours["datasets"][hours["data"]["name"]]

    assert [(r["channel"], r["label"], r["obligation"]) for r in rows] == [
        ("Frühstücksclubs", "6 Std., aus Pflicht", "ja"),
        ("Fachgruppen", "2,5 Std.", "nein"),
        ("Anrufe", "1,5 Std.", "nein"),
    ]
    assert hours["title"]["text"] == ["Wohin Ihre Stunden gehen"]
    assert hours["config"]["locale"]["number"]["decimal"] == ","


@pytest.fixture(scope="module")
def summary_text(deutsch: Questionnaire) -> str:
    response = Response(
        questionnaire=deutsch.id, version=1, answers=ANSWERS, plan=PLAN, name="Jana"
    )
    pdf = build_pdf(
        deutsch, response, resume_url="https://klarheit.example.org/?resume=abc", today=TODAY
    )
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pdf_of_a_german_questionnaire_contains_no_english(
    deutsch: Questionnaire, summary_text: str
) -> None:
    assert english_in([summary_text], english_phrases(deutsch.texts)) == {}


@pytest.mark.parametrize(
    "german_words",
    [
        "Ihre Zusammenfassung",
        "Erstellt für Jana",
        "Seite 2 von",
        "10. Februar 2025",
        "Kommen Sie um den 11. Mai 2025 wieder",
        "Bis: 30. Mai 2025",
        "Ausbauen: Fachgruppen im Internet",
        "Verringern: Frühstücksclubs und bezahlte Netzwerkgruppen",
        "Beibehalten: Interessenten anrufen",
        "Fachgruppen im Internet: 2,5 Stunden",
        "60% Ihrer Stunden gehen in Frühstücksclubs",
        "Ihr erster Schritt",
    ],
)
def test_the_pdf_of_a_german_questionnaire_speaks_german(
    summary_text: str, german_words: str
) -> None:
    assert german_words in summary_text


def test_answers_are_shown_with_the_questionnaires_decimal_mark(deutsch: Questionnaire) -> None:
    hours = deutsch.question("stunden")

    assert answers.display_lines(deutsch, hours, ANSWERS["stunden"]) == [
        "Frühstücksclubs und bezahlte Netzwerkgruppen: 6 Stunden",
        "Fachgruppen im Internet: 2,5 Stunden",
        "Interessenten anrufen: 1,5 Stunden",
    ]


def test_what_is_left_to_share_out_is_said_with_the_questionnaires_decimal_mark(
    deutsch: Questionnaire,
) -> None:
    given = {"gewichtung": {"gemeinschaft": 50, "lernen": 47.5}}

    assert answers.problems(deutsch, deutsch.question("gewichtung"), given) == [
        "Noch 2,5 Punkte zu verteilen"
    ]


def test_the_pdf_names_the_questionnaire_as_its_creator(deutsch: Questionnaire) -> None:
    response = Response(questionnaire=deutsch.id, version=1, answers=ANSWERS)
    reader = PdfReader(io.BytesIO(build_pdf(deutsch, response, today=TODAY)))

    assert reader.metadata is not None
    assert reader.metadata.creator == "Klarheit beim Netzwerken"


def test_an_import_problem_is_given_in_german_not_in_the_checks_english(
    deutsch: Questionnaire,
) -> None:
    from netclarity.ui.mydata import import_failure

    problem = ValueError("it holds no answers")

    assert import_failure(deutsch.texts, problem) == (
        "Diese Datei ließ sich nicht als Antworten lesen: Es ist keine hier heruntergeladene "
        "Antwortdatei, oder sie wurde seitdem verändert"
    )
    assert import_failure(Texts(), problem) == (
        "That file could not be read as answers: it holds no answers"
    )
