"""Calendar reminders (``.ics``, RFC 5545): the check-in date, and each plan goal's "by when".

A date printed in a PDF is forgotten; an event in the person's own calendar comes back. Each
file holds one all-day event (a ``DATE``, which every common calendar app shows on that day
in whatever timezone it is in), whose description carries the private check-in link. The
UID is derived from the link and the kind of event, never the token itself, so downloading
the reminder again updates the same event instead of adding a second one. The words come
from the questionnaire (``texts.checkin``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import icalendar

from netclarity.questionnaire import Questionnaire
from netclarity.response import PlanGoal

CHECK_IN_DAYS = 90
"""Coaches ask people to come back after about three months."""
PRODUCT = "-//Networking Clarity//netclarity//"
_NAMESPACE = uuid.UUID("5f1d3c1e-7c1a-4e1b-9a57-0d4f3f0e6c21")


def check_in_day(today: date) -> date:
    """The default check-in date: ``CHECK_IN_DAYS`` after ``today`` (the person's today)."""
    return today + timedelta(days=CHECK_IN_DAYS)


def check_in_event(
    questionnaire: Questionnaire, day: date, link: str, *, now: datetime | None = None
) -> bytes:
    """A calendar holding the check-in on ``day``, the link in its description."""
    texts = questionnaire.texts.checkin
    return _calendar(
        questionnaire,
        summary=texts.event_title.format(title=questionnaire.title),
        description=texts.event_description.format(link=link),
        day=day,
        uid=_uid(link, "check-in"),
        link=link,
        now=now,
    )


def goal_day(goal: PlanGoal) -> date | None:
    """A plan goal's "by when" as a date, when it is one (it may be free text)."""
    try:
        return date.fromisoformat(goal.by.strip())
    except ValueError:
        return None


def goal_event(
    questionnaire: Questionnaire,
    goal: PlanGoal,
    number: int,
    link: str,
    *,
    now: datetime | None = None,
) -> bytes | None:
    """A calendar holding plan goal ``number``'s deadline; None without a goal or a date."""
    day = goal_day(goal)
    if day is None or not goal.what.strip():
        return None
    texts = questionnaire.texts.checkin
    return _calendar(
        questionnaire,
        summary=texts.goal_event_title.format(what=goal.what.strip()),
        description=texts.goal_event_description.format(
            measure=goal.measure.strip() or "–", link=link
        ),
        day=day,
        uid=_uid(link, f"goal-{number}"),
        link=link,
        now=now,
    )


def _calendar(
    questionnaire: Questionnaire,
    *,
    summary: str,
    description: str,
    day: date,
    uid: str,
    link: str,
    now: datetime | None,
) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary, parameters={"LANGUAGE": questionnaire.language})
    event.add("description", description, parameters={"LANGUAGE": questionnaire.language})
    event.add("url", link)
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def _uid(link: str, kind: str) -> str:
    return f"{uuid.uuid5(_NAMESPACE, f'{link}#{kind}')}@netclarity"
