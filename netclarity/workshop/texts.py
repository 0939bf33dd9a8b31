"""The words a workshop participant reads, with English defaults a questionnaire overrides.

They sit under ``texts: {workshop: ...}`` in the questionnaire file, like the chart and PDF
texts (``netclarity.texts``), and are checked the same way when the file loads. The
facilitator's screens (dashboard, exports, group PDF) are for the person running the room
and use English.
"""

from __future__ import annotations

from typing import ClassVar

from netclarity.texts import Text, Wording


class WorkshopTexts(Wording):
    """Joining a workshop, the closed notice, and "you and the room" on the results page."""

    whole_numbers: ClassVar[dict[str, frozenset[str]]] = {
        "bad_code": frozenset({"length"}),
        "room_intro": frozenset({"count"}),
        "room_waiting": frozenset({"threshold", "completed"}),
        "poll_waiting": frozenset({"threshold"}),
        "poll_subtitle": frozenset({"count"}),
    }

    join_title: Text = "Join the workshop"
    join_intro: Text = "Type the code on the screen, or open the link or QR code you were given."
    code_label: Text = "Workshop code"
    code_placeholder: Text = "e.g. K7QX2M"
    name_label: Text = "Your name (optional)"
    name_help: Text = (
        "It goes on your own summary only. The room's results never show names, and nobody "
        "else sees your answers."
    )
    join_button: Text = "Join"
    joining: Text = "You're joining “{title}”."
    bad_code: Text = "A workshop code has {length} letters and digits, like K7QX2M."
    unknown_code: Text = "No workshop has the code {code}. Check the code on the screen."
    closed: Text = "This workshop has closed: it takes no new participants or answers."
    closed_answers: Text = (
        "This workshop has closed, so answers can no longer be changed. Your results are "
        "still here."
    )
    to_results: Text = "See my results"
    room_title: Text = "You and the room"
    room_intro: Text = (
        "How your answers compare with the {count} people in “{title}” who have finished. "
        "Nobody sees anyone else's answers."
    )
    room_waiting: Text = (
        "The room's results appear here once {threshold} people have finished. So far: {completed}."
    )
    you: Text = "You"
    the_room: Text = "The room"
    goals_title: Text = "What you want from networking, and what the room wants"
    goals_subtitle: Text = "Share of points per goal: yours, and the room's average."
    hours_title: Text = "Where your hours go, and where the room's go"
    hours_subtitle: Text = "Share of hours per place: yours, and the whole room's."
    alignment: Text = "Your alignment is {you} out of 100; half the room is at {room} or below."
    people: Text = "People"
    poll_subtitle: Text = "{count} people answered. Your answer: {answer}."
    poll_waiting: Text = (
        "The room's answers to the poll appear once {threshold} people have answered."
    )
