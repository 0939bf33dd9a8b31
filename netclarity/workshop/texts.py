"""The words a workshop participant reads, with English defaults a questionnaire overrides.

They sit under ``texts: {workshop: ...}`` in the questionnaire file, like the chart and PDF
texts (``netclarity.texts``), and are checked the same way when the file loads. The
facilitator's screens (dashboard, exports, group PDF) are for the person running the room
and use English, except what a paced workshop adds (``PaceTexts``): its section view is
on the projector for the whole room, and its controls sit beside it.
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


class PaceTexts(Wording):
    """A facilitator-paced workshop: the participants' waiting screen, and the facilitator's
    pace setting, section controls and section view (on the dashboard and the projector),
    which the room sees on the projector and so reads in the questionnaire's language."""

    whole_numbers: ClassVar[dict[str, frozenset[str]]] = {
        "section_heading": frozenset({"number", "sections"}),
        "finished_of": frozenset({"finished", "joined"}),
        "section_waiting": frozenset({"threshold", "finished"}),
        "section_held": frozenset({"threshold"}),
        "section_from": frozenset({"count", "threshold"}),
        "answered": frozenset({"count"}),
        "averaged": frozenset({"count"}),
        "more_texts": frozenset({"count"}),
    }

    waiting_title: Text = "Waiting for the room"
    waiting_text: Text = (
        "You have answered everything that is open so far. The facilitator opens the next "
        "part when the room is ready, and this page moves on by itself: keep it open."
    )
    waiting_results: Text = (
        "You have answered every question. Your results open when the facilitator ends the "
        "questions, and this page moves on by itself: keep it open."
    )
    back_to_answers: Text = "Back to my answers"
    pace: Text = "Pace"
    self_paced: Text = "Self-paced: everyone moves at their own speed"
    facilitator_paced: Text = "Facilitator-paced: you open one section at a time"
    section_heading: Text = "Section {number} of {sections}: {title}"
    finished: Text = "Finished this section"
    finished_of: Text = "{finished} of {joined} have finished this section."
    open_next: Text = "Open the next section"
    go_back: Text = "Go back a section"
    end: Text = "End and show full results"
    ended: Text = "All sections are done: everyone sees their full results."
    section_waiting: Text = (
        "The room's answers to this section appear once {threshold} people have finished it "
        "({finished} so far)."
    )
    section_held: Text = (
        "Someone changed an answer in this section, so its results are held back until "
        "{threshold} more people have finished it."
    )
    section_from: Text = (
        "From {count} people who finished this section; it changes only when {threshold} "
        "more have, so no one person's answers show."
    )
    people: Text = "People"
    average: Text = "Average"
    put_first: Text = "Put it first"
    answered: Text = "{count} answered"
    averaged: Text = "The average per person of the {count} who answered."
    median: Text = "Half the room said {median} or less."
    prompts: Text = "To discuss"
    own_words: Text = "In their own words"
    more_texts: Text = "and {count} more"
