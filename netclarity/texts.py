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
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

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


class Wording(BaseModel):
    """A set of texts: unknown keys are errors, and each text may use only its placeholders.

    The placeholders a text may use are those of its English default, which is what the code
    fills in; a text whose default has none may not contain braces at all.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

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
        return value


class NumberTexts(Wording):
    """How numbers are written: ``2.5`` and ``1,200`` in English, ``2,5`` and ``1.200`` in
    German. Used for amounts in answers and allocation counters, and for the numbers in
    chart labels, tooltips and axes."""

    decimal_mark: str = Field(".", min_length=1, max_length=3)
    thousands_separator: str = Field(",", max_length=3, description="may be empty or a space")

    def format_number(self, value: float, spec: str) -> str:
        """``value`` formatted with a Python format ``spec`` (``"g"``, ``",.1f"``), in these
        conventions."""
        written = format(value, spec)
        return written.translate({ord(","): self.thousands_separator, ord("."): self.decimal_mark})

    def amount(self, value: float) -> str:
        """An amount as a person would type it: ``30``, ``2.5`` (``2,5``), no trailing zeros."""
        return self.format_number(value, "g")


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
    obligation_label: Text = "{hours} h, because you feel you should"
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
