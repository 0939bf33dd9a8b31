"""The room's charts: what each one plots, and that participants' charts speak their language."""

from __future__ import annotations

from typing import Any

from netclarity import scoring
from netclarity.questionnaire import Poll
from netclarity.workshop import charts
from netclarity.workshop.data import Participant
from netclarity.workshop.room import summarise
from tests.support.english import german
from tests.support.workshop import ANSWERS, participants, workshop_questionnaire

QUESTIONNAIRE = workshop_questionnaire()
ROOM = summarise(QUESTIONNAIRE, participants(), threshold=3, seed="s")


def values(chart: Any) -> list[dict[str, Any]]:
    """The data rows of a layered chart (inline; every layer shares them)."""
    spec = chart.to_dict()
    rows: list[dict[str, Any]] = spec["datasets"][spec["data"]["name"]]
    return rows


def test_the_room_goals_chart_pairs_what_the_room_wants_with_how_well_it_is_served() -> None:
    """Want averages (1 + 0 + 1) / 3, 1/3, 1/3; served 0.5, 0.58, 0.33 (see the room tests)."""
    rows = values(charts.room_goals_chart(QUESTIONNAIRE, ROOM))

    assert [(r["row"], r["series"], r["label"]) for r in rows] == [
        ("A", "How much the room wants it", "67%"),
        ("A", "How well its hours serve it", "50%"),
        ("Goal B", "How much the room wants it", "33%"),
        ("Goal B", "How well its hours serve it", "58%"),
        ("Goal C", "How much the room wants it", "33%"),
        ("Goal C", "How well its hours serve it", "33%"),
    ]


def test_alignment_is_counted_in_bands_of_ten_with_100_in_the_top_band() -> None:
    rows = values(charts.alignment_chart(QUESTIONNAIRE, ROOM))

    assert {r["band"]: r["people"] for r in rows if r["people"]} == {"50+": 1, "70+": 1, "90+": 1}
    assert len(rows) == 10


def test_the_poll_chart_lists_every_option_and_picks_out_the_persons_own() -> None:
    poll = QUESTIONNAIRE.question("vote")
    assert isinstance(poll, Poll)

    rows = values(charts.poll_chart(QUESTIONNAIRE, ROOM, poll, mine="no"))

    assert [(r["row"], r["label"], r["kind"]) for r in rows] == [
        ("Yes", "2 (50%)", "other"),
        ("No", "1 (25%)", "highlight"),
        ("Maybe", "1 (25%)", "other"),
    ]


def test_the_progress_chart_counts_people_on_or_past_each_page() -> None:
    rows = values(charts.progress_chart(QUESTIONNAIRE, ROOM))

    assert [(r["row"], r["label"]) for r in rows] == [
        ("1. Goals", "5 (100%)"),
        ("2. Time", "4 (80%)"),
        ("3. Poll", "4 (80%)"),
    ]


def test_obligations_and_unserved_goals_list_the_most_common_first() -> None:
    obligations = values(charts.obligations_chart(QUESTIONNAIRE, ROOM))
    unserved = values(charts.unserved_chart(QUESTIONNAIRE, ROOM))

    assert [(r["row"], r["count"]) for r in obligations] == [
        ("Channel X", 1),
        ("Channel Y", 1),
        ("Channel Z", 1),
    ]
    assert [(r["row"], r["count"]) for r in unserved] == [("A", 1), ("Goal C", 1)]


def test_a_participant_sees_their_goals_and_hours_beside_the_rooms() -> None:
    mine = scoring.score(QUESTIONNAIRE, ANSWERS[0])

    goals = values(charts.me_goals_chart(QUESTIONNAIRE, ROOM, mine))
    hours = values(charts.me_hours_chart(QUESTIONNAIRE, ROOM, mine))

    assert [(r["row"], r["series"], r["label"]) for r in goals[:4]] == [
        ("A", "You", "50%"),
        ("A", "The room", "50%"),
        ("Goal B", "You", "50%"),
        ("Goal B", "The room", "17%"),
    ]
    assert [(r["row"], r["series"], r["label"]) for r in hours] == [
        ("Channel X", "You", "50%"),
        ("Channel X", "The room", "41%"),
        ("Channel Y", "You", "50%"),
        ("Channel Y", "The room", "35%"),
        ("Channel Z", "You", "0%"),
        ("Channel Z", "The room", "24%"),
    ]


def test_the_participants_charts_use_the_questionnaires_words() -> None:
    deutsch = german()
    answers = {"gewichtung": {"gemeinschaft": 100}, "stunden": {"fruehstueck": 2}}
    room = summarise(deutsch, [Participant(1, None, True, answers)], threshold=1, seed="s")
    mine = scoring.score(deutsch, answers)

    chart = charts.me_goals_chart(deutsch, room, mine)

    assert chart.to_dict()["title"]["text"] == [deutsch.texts.workshop.goals_title]
    assert {r["series"] for r in values(chart)} == {"Sie", "Die Gruppe"}
