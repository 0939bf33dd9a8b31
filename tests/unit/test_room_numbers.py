"""A large room's counts, written the way the questionnaire writes numbers.

A 12,345-person workshop reads "12,345" (German "12.345", Arabic "12٬345" kept whole in its
right-to-left sentences) on every bar, subtitle, axis and tooltip, as in the counts above the
charts; never Python's bare "12345".

The English room is worked out by hand from ``tests/support/workshop.py``: 5,971 people answer
like its person 1 (obligation at x, votes yes), 4,000 like person 2 (obligation at y and z,
votes no) and 2,374 like person 3 (no obligation, votes yes); all have finished. The German
and Arabic rooms are 12,345 made-up finished people (``benchmarks.synthetic``): every page
counts all of them.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

import pytest
from pypdf import PdfReader

from benchmarks import synthetic
from netclarity.questionnaire import Poll, Questionnaire
from netclarity.report.group import build_group_pdf
from netclarity.texts import NumberTexts
from netclarity.workshop import charts
from netclarity.workshop.data import Participant
from netclarity.workshop.room import Room, summarise
from netclarity.workshop.store import Workshop
from tests.support.english import arabic, german
from tests.support.workshop import ANSWERS, workshop_questionnaire

PEOPLE = 12_345
ENGLISH = workshop_questionnaire()


def room_of(questionnaire: Questionnaire, answers: list[dict[str, Any]]) -> Room:
    people = [
        Participant(round_id=n, page=None, completed=True, answers=dict(given))
        for n, given in enumerate(answers)
    ]
    return summarise(questionnaire, people, threshold=5, seed="s")


def synthetic_room(questionnaire: Questionnaire) -> Room:
    """12,345 finished people, answering in five made-up ways."""
    ways = synthetic.responses(questionnaire, 5, seed=1)
    return room_of(questionnaire, [ways[n % 5] for n in range(PEOPLE)])


@pytest.fixture(scope="module")
def english_room() -> Room:
    return room_of(ENGLISH, [ANSWERS[0]] * 5_971 + [ANSWERS[1]] * 4_000 + [ANSWERS[2]] * 2_374)


def spec_of(chart: Any) -> dict[str, Any]:
    spec: dict[str, Any] = chart.to_dict()
    return spec


def rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = spec["datasets"][spec["data"]["name"]]
    return found


def subtitle(spec: dict[str, Any]) -> str:
    return " ".join(spec["title"]["subtitle"])


def test_a_count_groups_its_thousands_in_each_language() -> None:
    assert NumberTexts().count(12_345) == "12,345"
    assert german().texts.numbers.count(12_345) == "12.345"
    assert arabic().texts.numbers.count(12_345) == "\u206812٬345\u2069"


def test_an_amount_a_person_typed_keeps_its_form_and_groups_its_thousands() -> None:
    numbers = german().texts.numbers

    assert [numbers.amount(v) for v in (2.5, 30.0, 12_500.0, 1_234_567.5)] == [
        "2,5",
        "30",
        "12.500",
        "1.234.567,5",
    ]


def test_the_poll_chart_of_a_large_room_writes_counts_grouped(english_room: Room) -> None:
    poll = ENGLISH.question("vote")
    assert isinstance(poll, Poll)

    spec = spec_of(charts.poll_chart(ENGLISH, english_room, poll))

    assert [(r["row"], r["label"]) for r in rows(spec)] == [
        ("Yes", "8,345 (68%)"),
        ("No", "4,000 (32%)"),
        ("Maybe", "0 (0%)"),
    ]
    assert subtitle(spec) == "12,345 answers."


def test_the_obligations_chart_of_a_large_room_writes_counts_grouped(english_room: Room) -> None:
    spec = spec_of(charts.obligations_chart(ENGLISH, english_room))

    assert [(r["row"], r["label"]) for r in rows(spec)] == [
        ("Channel X", "5,971 (48%)"),
        ("Channel Y", "4,000 (32%)"),
        ("Channel Z", "4,000 (32%)"),
    ]
    assert subtitle(spec) == "9,971 of 12,345 people go somewhere out of obligation."


def test_vega_writes_a_rooms_counts_grouped_on_the_axis_and_in_the_tooltip(
    english_room: Room,
) -> None:
    spec = spec_of(charts.progress_chart(ENGLISH, english_room))
    bars = spec["layer"][0]["encoding"]

    assert bars["x"]["axis"]["format"] == ",d"
    assert bars["tooltip"][1]["format"] == ",d"
    assert spec["config"]["locale"]["number"]["thousands"] == ","


def test_a_german_room_writes_its_counts_the_german_way() -> None:
    questionnaire = german()
    room = synthetic_room(questionnaire)

    progress = spec_of(charts.progress_chart(questionnaire, room))
    goals = spec_of(charts.room_goals_chart(questionnaire, room))

    assert {r["label"] for r in rows(progress)} == {"12.345 (100%)"}
    assert subtitle(goals).startswith("Averages over the 12.345 people who finished")
    assert progress["config"]["locale"]["number"]["thousands"] == "."


def test_an_arabic_room_writes_its_counts_as_isolated_arabic_numbers() -> None:
    questionnaire = arabic()
    room = synthetic_room(questionnaire)
    poll = next(q for q in questionnaire.questions if isinstance(q, Poll))

    progress = spec_of(charts.progress_chart(questionnaire, room))
    polled = spec_of(charts.poll_chart(questionnaire, room, poll))

    assert {r["label"] for r in rows(progress)} == {"\u206812٬345\u2069 (\u2068100%\u2069)"}
    assert subtitle(polled) == "\u206812٬345\u2069 answers."
    assert progress["config"]["locale"]["number"]["thousands"] == "٬"


def test_the_group_pdf_of_a_large_german_room_writes_its_counts_the_german_way() -> None:
    questionnaire = german()
    workshop = Workshop(
        id=1,
        code="K7QX2M",
        title="Jahrestagung",
        questionnaire_id=questionnaire.id,
        threshold=5,
        created_at=datetime(2026, 3, 6, 8, 0, tzinfo=UTC),
        closes_at=None,
        closed_at=None,
    )

    pdf = build_group_pdf(
        questionnaire, workshop, synthetic_room(questionnaire), today=date(2026, 3, 6)
    )
    cover = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())

    assert "12.345 joined and 12.345 finished the questionnaire." in cover
