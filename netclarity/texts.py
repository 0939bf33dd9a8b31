"""The words around the questions — charts, PDF, numbers and dates — as translatable models.

Everything a respondent reads comes from the questionnaire file, so a questionnaire written in
German or Japanese shows no English. The interface strings (``questionnaire.Texts``) nest the
models below under ``texts:`` in the YAML (``texts: {charts: ..., report: ..., numbers: ...}``);
each field has an English default, so a file overrides only what it translates.

The models live here, free of Altair and fpdf2, so the questionnaire can hold them while the
chart and PDF modules import them. ``Wording`` checks every text when a file is loaded: a
``{placeholder}`` the code does not fill, or a stray brace, would otherwise only fail when the
text is shown; now it is a ``FILE:LINE`` problem naming the placeholders that text may use.
"""

from __future__ import annotations

import string
from datetime import date
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator

from netclarity import bidi

Text = Annotated[str, Field(min_length=1, max_length=5000)]


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in ``text`` as ``str.format`` reads them; raises ValueError if broken."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise ValueError(
            "has a '{' or '}' without its pair; placeholders are written {name}"
        ) from None
    return {name for _, name, _, _ in parsed if name is not None}


SAMPLE_TEXT = "text"
SAMPLE_WHOLE_NUMBER = 12


def format_problem(text: str, samples: dict[str, Any]) -> str | None:
    """Why ``text`` cannot be filled with values like ``samples``, or None if it can.

    ``str.format`` accepts ``{hours:.1f}`` or ``{page!z}`` until the moment it meets the value,
    so a translation with such a placeholder would fail only when a person reaches it; trying
    it on a value of the kind the code fills in finds that when the file is loaded.
    """
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None or name not in samples:
            continue
        written = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
        if conversion not in (None, "r", "s", "a"):
            return f"'{written}': '!{conversion}' is not a conversion; write {{{name}}}"
        value = samples[name]
        kind = "a whole number" if isinstance(value, int) else "text"
        try:
            format(value, spec or "")
        except (ValueError, TypeError):
            return (
                f"'{written}': the format ':{spec}' does not fit {{{name}}}, which the app fills "
                f"with {kind}; write {{{name}}}"
            )
    return None


class Wording(BaseModel):
    """A set of texts: unknown keys are errors, and each text may use only its placeholders.

    The placeholders a text may use are those of its English default, which is what the code
    fills in; a text whose default has none may not contain braces at all. The code fills
    placeholders with text it has already written in the questionnaire's number conventions,
    except those named in ``whole_numbers`` (a page number, a count); a ``:format`` after a
    placeholder must suit that kind of value.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    whole_numbers: ClassVar[dict[str, frozenset[str]]] = {}
    """Per text, the placeholders the code fills with a whole number (``int``)."""

    @field_validator("*")
    @classmethod
    def _only_known_placeholders(cls, value: Any, info: ValidationInfo) -> Any:
        if not isinstance(value, str) or info.field_name is None:
            return value
        default = cls.model_fields[info.field_name].default
        allowed = placeholders(default) if isinstance(default, str) else set()
        unknown = sorted(placeholders(value) - allowed)
        if unknown:
            names = ", ".join(f"{{{name}}}" for name in unknown)
            usable = (
                f"this text can use {', '.join(f'{{{n}}}' for n in sorted(allowed))}"
                if allowed
                else "this text takes no placeholders"
            )
            raise ValueError(f"unknown placeholder {names}: {usable}")
        numbers = cls.whole_numbers.get(info.field_name, frozenset())
        samples = {n: SAMPLE_WHOLE_NUMBER if n in numbers else SAMPLE_TEXT for n in allowed}
        problem = format_problem(value, samples)
        if problem:
            raise ValueError(problem)
        return value


class NumberTexts(Wording):
    """How numbers are written: ``2.5`` and ``1,200`` in English, ``2,5`` and ``1.200`` in
    German, and where the currency goes (``£1,500``, ``1.500 €``).

    Every number a person reads goes through ``format_value``: answers and allocation
    counters, findings and workshop prompts, the first step's sentences, chart labels and
    (through ``charts._locale``) Vega's axes and tooltips, so no text shows ``25.5`` beside a
    chart's ``25,5``. What a number is decides how it is written: ``count`` for people and
    answers, ``amount`` for what a person typed, ``percent`` for shares, ``money`` for money;
    all of them group thousands, so a room of ``10,000`` is never also ``10000`` on a bar.
    """

    decimal_mark: str = Field(".", min_length=1, max_length=3)
    thousands_separator: str = Field(",", max_length=3, description="may be empty or a space")
    currency: str = Field(
        "", max_length=10, description="the currency symbol money is shown with, e.g. £ or €"
    )
    currency_position: Literal["before", "after"] = Field(
        "before", description="whether the symbol goes before the amount (£5) or after (5 €)"
    )
    currency_space: bool | None = Field(
        None,
        description="a space between amount and symbol; by default only when it goes after",
    )

    _isolated: bool = PrivateAttr(default=False)
    """Set for a right-to-left questionnaire (``Questionnaire.right_to_left``): every number
    is then wrapped in bidi isolates (``netclarity.bidi``), so it keeps its place and order
    in whatever sentence it is put into."""

    def isolated(self) -> NumberTexts:
        """These conventions, writing every number as an isolated piece of text."""
        copy = self.model_copy()
        copy._isolated = True
        return copy

    def _placed(self, written: str) -> str:
        return bidi.isolate(written) if self._isolated else written

    def _plain(self, value: float, spec: str) -> str:
        written = format(value, spec)
        return written.translate({ord(","): self.thousands_separator, ord("."): self.decimal_mark})

    def format_number(self, value: float, spec: str) -> str:
        """``value`` formatted with a Python format ``spec`` (``"g"``, ``",.1f"``), in these
        conventions."""
        return self._placed(self._plain(value, spec))

    def amount(self, value: float) -> str:
        """An amount as a person would type it: ``30``, ``2.5`` (``2,5``), no trailing zeros.

        Thousands are grouped (``12,500``, ``12.500``) as every other number on the pages is,
        counts and money included: a person who typed ``12500`` reads it back the way the
        rest of the page writes large numbers. Up to 15 significant digits, so no amount a
        person can type turns into ``1.23457e+06`` and a sum's float noise is not shown.
        """
        return self.format_number(value, ",.15g")

    def count(self, value: float) -> str:
        """How many of something (people, answers): a whole number, thousands grouped —
        ``12,345`` in English, ``12.345`` in German. Vega writes its own counts with
        ``charts.COUNT_FORMAT`` in the same locale (``charts._locale``)."""
        return self.format_number(round(value), ",d")

    def percent(self, share: float) -> str:
        """A share (0-1) as a whole percentage, ``60%``, as the charts' axes write it."""
        return self.format_number(share, ".0%")

    def currency_affixes(self) -> tuple[str, str]:
        """What goes before and after an amount of money: ``("£", "")``, ``("", "\u00a0€")``."""
        if not self.currency:
            return "", ""
        spaced = (
            self.currency_position == "after"
            if self.currency_space is None
            else self.currency_space
        )
        gap = "\u00a0" if spaced else ""
        if self.currency_position == "after":
            return "", f"{gap}{self.currency}"
        return f"{self.currency}{gap}", ""

    def money(self, value: float, spec: str = ",.0f") -> str:
        """An amount of money with the currency symbol where this language puts it."""
        written = self._plain(value, spec or ",.0f")
        before, after = self.currency_affixes()
        sign = "-" if written.startswith("-") else ""
        return self._placed(f"{sign}{before}{written.removeprefix('-')}{after}")

    def format_value(self, value: Any, spec: str = "", *, money: bool = False) -> str:
        """Any value a text is filled with: numbers in these conventions (money with its
        currency), anything else as it is.

        With no ``spec`` a number is written as an amount (``2,5``, not Python's ``2.5``); a
        ``spec`` that does not fit the value (``:.0f`` on a label) writes the value plainly
        rather than failing in front of the person.
        """
        if isinstance(value, bool) or not isinstance(value, int | float):
            try:
                return format(value, spec)
            except (TypeError, ValueError):
                return str(value)
        try:
            if money:
                return self.money(value, spec)
            return self.format_number(value, spec) if spec else self.amount(value)
        except ValueError:
            return self.amount(value)


class ChartTexts(Wording):
    """Every word the charts show; ``{placeholders}`` are filled in by the builders."""

    goals_title: Text = "What you want from networking, and how well your hours serve it"
    goals_subtitle: Text = (
        "For each goal you gave points: how much you want it (your first goal = 100%) and how "
        "well your hours serve it (100% = every hour in the best place for that goal)."
    )
    stated: Text = "How much you want it"
    delivered: Text = "How well your hours serve it"
    share: Text = "Share"
    goal: Text = "Goal"
    hours_title: Text = "Where your hours go"
    hours_subtitle: Text = (
        "{unserved} of your hours go to places that serve none of your top goals."
    )
    hours_subtitle_all: Text = (
        "Every hour goes to a place that serves at least one of your top goals."
    )
    hours_axis: Text = "Hours per month"
    channel: Text = "Where"
    serves: Text = "Serves a top goal"
    serves_none: Text = "Serves none of your top goals"
    hours_all: Text = "Hours"
    hours_label: Text = "{hours} h"
    obligation_label: Text = Field(
        "{hours} h, out of duty",
        description="a bar's label when the person goes because they feel they should; keep "
        "it short: it must fit beside the longest bar on a phone",
    )
    obligation: Text = "You feel you should go"
    yes: Text = "yes"
    no: Text = "no"
    money: Text = "Money per month"
    mix_title: Text = "Your hours now, and a first step toward your goals"
    mix_subtitle: Text = (
        "Same {hours} hours a month, {moved} of them moved. "
        "Alignment would go from {alignment} to {suggested}."
    )
    mix_subtitle_starter: Text = (
        "A starter plan: a few hours a month in the places that fit your goals best."
    )
    now: Text = "Now"
    suggested: Text = "Suggested"
    over_time_title: Text = "Your alignment, round by round"
    over_time_subtitle: Text = "100 means every hour goes to the best place for your goals."
    round: Text = "Round"
    alignment: Text = "Alignment (0–100)"


class ReportTexts(Wording):
    """The words of the PDF summary that are not the questionnaire's own (titles, questions,
    answers) nor the interface's (the plan's keep/grow/reduce/stop come from ``Texts``)."""

    whole_numbers: ClassVar[dict[str, frozenset[str]]] = {
        "page": frozenset({"page"}),
        "date_format": frozenset({"day", "year"}),
    }

    kicker: Text = "Your summary"
    prepared_for: Text = "Prepared for {name}"
    alignment: Text = "Your networking time and your goals line up at {alignment} out of 100."
    alignment_unknown: Text = (
        "Say what you network for and where your hours go, and this summary will show how "
        "well the two line up."
    )
    page: Text = "Page {page} of {pages}"
    results: Text = "Your results"
    findings: Text = "What stands out"
    no_findings: Text = "Nothing in particular stands out from your answers."
    plan: Text = "Your plan"
    plan_goals: Text = "My goals"
    plan_measure: Text = "How I will measure it: {measure}"
    plan_by: Text = "By: {by}"
    plan_channels: Text = "Where I will spend my time"
    plan_give: Text = "What I will give"
    plan_empty: Text = "No plan written yet. The results page is where you make one."
    answers: Text = "Your answers"
    check_in: Text = "Your 90-day check-in"
    check_in_text: Text = (
        "Come back around {date}, answer the questions again, and see what has changed."
    )
    resume_link: Text = "Your link back to your answers:"
    resume_private: Text = "Keep this link to yourself: anyone who has it can see your answers."
    date_format: Text = Field(
        "{day} {month} {year}",
        description="how a date is written; {month} is the name from 'months'",
    )
    months: tuple[Text, ...] = Field(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        min_length=12,
        max_length=12,
        description="the twelve month names, January first",
    )

    def format_date(self, day: date) -> str:
        return self.date_format.format(day=day.day, month=self.months[day.month - 1], year=day.year)


class CheckinTexts(Wording):
    """The follow-through: the check-in's review of the previous plan, what changed since the
    last round (on the page and in the PDF), and the calendar reminders."""

    review_title: Text = "How did your plan go?"
    review_intro: Text = (
        "Before you answer again, look back at the plan you made in round {round}. For each "
        "commitment, say how it went. Your plan for this round starts from it."
    )
    goal: Text = "Goal {n}"
    measure: Text = "How I said I would know: {measure}"
    by: Text = "By: {by}"
    outcome: Text = "How did it go?"
    done: Text = "Done"
    partly: Text = "Partly"
    not_yet: Text = "Not yet"
    changed: Text = "Changed my mind"
    note: Text = "A note (optional)"
    previous_answers: Text = "Start from my answers of round {round}"
    previous_answers_help: Text = (
        "Your earlier answers are filled in for you to confirm or change, so you only retype "
        "what has changed."
    )
    continue_to_questions: Text = "Answer the questions again"
    prefilled: Text = (
        "Filled in from your answers of round {round} as a starting point: change what has changed."
    )
    due: Text = (
        "Welcome back. It is time for your check-in: look back at your plan and answer again."
    )
    start: Text = "Start my check-in"
    back_to_review: Text = "Look back at my plan"
    completion: Text = "{done} of {total} commitments done"
    completion_label: Text = "Your last plan"
    completion_detail: Text = "Partly: {partly} · Not yet: {not_yet} · Changed my mind: {changed}"
    alignment_change: Text = "Alignment went from {before} to {now}."
    moved_out: Text = "You moved {hours} h a month out of {place}."
    moved_out_planned: Text = "You moved {hours} h a month out of {place}, as planned."
    moved_in: Text = "You put {hours} h a month more into {place}."
    moved_in_planned: Text = "You put {hours} h a month more into {place}, as planned."
    not_reduced: Text = (
        "You planned to spend less time in {place}, and it still takes {hours} h a month."
    )
    not_stopped: Text = (
        "You planned to stop going to {place}, and it still takes {hours} h a month."
    )
    hours_title: Text = "Hours per place, then and now"
    hours_subtitle: Text = "Round {before} beside round {now}, in hours a month."
    goals_title: Text = "Each goal, then and now"
    goals_subtitle: Text = (
        "Bars: how well your hours serve the goal (100% = every hour in the best place for "
        "it). Marks: how much you want it (your first goal = 100%)."
    )
    reminder: Text = "Your next check-in"
    reminder_help: Text = (
        "Put the check-in in your calendar: an all-day event on the day you choose, with your "
        "private link in it."
    )
    reminder_date: Text = "Check-in date"
    reminder_download: Text = "Add the check-in to my calendar (.ics)"
    reminder_goal_download: Text = "Add goal {n} to my calendar (.ics)"
    reminder_file: Text = Field("{id}-check-in.ics", description="name of the calendar file")
    reminder_goal_file: Text = Field(
        "{id}-goal-{n}.ics", description="name of a plan goal's calendar file"
    )
    event_title: Text = "Networking check-in: {title}"
    event_description: Text = (
        "Time to look back at your networking plan and answer the questions again. "
        "Your private check-in link: {link}"
    )
    goal_event_title: Text = "Networking goal: {what}"
    goal_event_description: Text = "How I will know: {measure}. My plan: {link}"
    report_title: Text = "Since last time"
    report_intro: Text = "Round {now} compared with round {before}."
    report_review: Text = "How my plan of round {round} went"
    report_reminder: Text = (
        "Your calendar reminder for that day is attached to this PDF as {file}: open it from "
        "your PDF reader's attachments to add it to your calendar."
    )


# --- workshops ------------------------------------------------------------------------------
# The words a workshop participant reads sit under ``texts: {workshop: ...}`` in the
# questionnaire file. The facilitator's screens (dashboard, exports, group PDF) are for the
# person running the room and use English, except what a paced workshop adds (``PaceTexts``,
# under ``texts: {pace: ...}``): its section view is on the projector for the whole room, and
# its controls sit beside it.


class WorkshopTexts(Wording):
    """Joining a workshop, the closed notice, "you and the room" on the results page, and
    the room as the projector shows it."""

    whole_numbers: ClassVar[dict[str, frozenset[str]]] = {
        "bad_code": frozenset({"length"}),
        "room_intro": frozenset({"count"}),
        "room_waiting": frozenset({"threshold", "completed"}),
        "poll_waiting": frozenset({"threshold"}),
        "poll_subtitle": frozenset({"count"}),
        "held_back": frozenset({"threshold"}),
        "published_from": frozenset({"published", "threshold"}),
        "poll_so_far": frozenset({"answered", "threshold"}),
        "more_in_csv": frozenset({"count"}),
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
    # the room on the projector (and the facilitator's dashboard)
    scan_to_join: Text = "Scan the QR code, or go to"
    enter_code: Text = "and enter the code"
    joined_count: Text = "Joined"
    in_progress_count: Text = "In progress"
    completed_count: Text = "Completed"
    held_back: Text = (
        "Someone in the room changed or deleted their answers, so the room's results are held "
        "back until {threshold} more people have finished."
    )
    published_from: Text = (
        "Room results are from {published} people who finished; they change only when "
        "{threshold} more have finished, so no one person's answers show."
    )
    poll_so_far: Text = "Poll “{label}”: {answered} answers so far; shown from {threshold}."
    more_in_csv: Text = "and {count} more: the answers CSV has every one"


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
