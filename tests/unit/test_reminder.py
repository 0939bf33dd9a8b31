"""The calendar reminders are valid iCalendar (RFC 5545) as the library's parser reads them
back: one all-day event on the right day, the private link in its description."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

from netclarity import reminder
from netclarity.loading import loader
from netclarity.questionnaire import Questionnaire
from netclarity.response import PlanGoal
from tests.support.english import english_in, english_phrases, german

ROOT = Path(__file__).parents[2]
LINK = "https://clarity.example.org/?resume=abc123&checkin=1"
NOW = datetime(2026, 11, 30, 7, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def networking() -> Questionnaire:
    return loader.load_file(ROOT / "questions" / "networking_clarity.yaml").questionnaire


def the_event(data: bytes) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == ("2.0", reminder.PRODUCT)
    event: icalendar.Event = events[0]
    return event


def test_the_check_in_is_90_days_from_the_persons_today() -> None:
    assert reminder.check_in_day(date(2026, 11, 30)) == date(2027, 2, 28)


def test_the_check_in_is_one_all_day_event_with_the_link(networking: Questionnaire) -> None:
    event = the_event(reminder.check_in_event(networking, date(2027, 2, 28), LINK, now=NOW))

    assert event.decoded("DTSTART") == date(2027, 2, 28)
    assert event.decoded("DTEND") == date(2027, 3, 1)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["SUMMARY"]) == f"Networking check-in: {networking.title}"
    assert LINK in str(event["DESCRIPTION"])
    assert str(event["URL"]) == LINK
    assert event.decoded("DTSTAMP") == NOW
    assert "abc123" not in str(event["UID"])


def test_downloading_again_updates_the_same_event(networking: Questionnaire) -> None:
    first = the_event(reminder.check_in_event(networking, date(2027, 2, 28), LINK, now=NOW))
    moved = the_event(reminder.check_in_event(networking, date(2027, 3, 15), LINK, now=NOW))

    assert str(first["UID"]) == str(moved["UID"])


def test_a_plan_goal_with_a_date_is_its_own_event(networking: Questionnaire) -> None:
    goal = PlanGoal(what="Two new clients; from one-to-ones", measure="Signed", by="2027-03-31")

    event = the_event(reminder.goal_event(networking, goal, 1, LINK, now=NOW) or b"")

    assert event.decoded("DTSTART") == date(2027, 3, 31)
    assert str(event["SUMMARY"]) == "Networking goal: Two new clients; from one-to-ones"
    assert str(event["DESCRIPTION"]) == f"How I will know: Signed. My plan: {LINK}"


@pytest.mark.parametrize(
    "goal", [PlanGoal(what="Clients", by="end of June"), PlanGoal(by="2027-03-31")]
)
def test_a_goal_without_a_date_or_without_words_has_no_event(
    networking: Questionnaire, goal: PlanGoal
) -> None:
    assert reminder.goal_event(networking, goal, 1, LINK) is None


def test_the_reminders_of_a_german_questionnaire_contain_no_english() -> None:
    deutsch = german()
    goal = PlanGoal(what="Zwei neue Kunden", measure="Verträge", by="2025-05-30")
    files = [
        reminder.check_in_event(deutsch, date(2025, 5, 11), LINK),
        reminder.goal_event(deutsch, goal, 1, LINK) or b"",
    ]
    shown = [
        str(event[field])
        for data in files
        for event in [the_event(data)]
        for field in ("SUMMARY", "DESCRIPTION")
    ]

    assert english_in(shown, english_phrases(deutsch.texts)) == {}
    assert shown[0].startswith("Netzwerk-Rückblick: ")
    assert the_event(files[0])["SUMMARY"].params["LANGUAGE"] == "de"
