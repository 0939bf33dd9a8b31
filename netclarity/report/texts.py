"""The words of the PDF summary that do not come from the questionnaire, in one place.

Headings, the cover sentence and the labels of the plan are kept together here, with English
defaults, so that translating the PDF means changing one object rather than hunting through
layout code.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from netclarity.response import Decision


class ReportTexts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kicker: str = "Your summary"
    prepared_for: str = "Prepared for {name}"
    alignment: str = "Your networking time and your goals line up at {alignment} out of 100."
    alignment_unknown: str = (
        "Say what you network for and where your hours go, and this summary will show how "
        "well the two line up."
    )
    page: str = "Page {page} of {pages}"
    results: str = "Your results"
    findings: str = "What stands out"
    no_findings: str = "Nothing in particular stands out from your answers."
    rule: str = "rule {id}"
    plan: str = "Your plan"
    plan_goals: str = "My goals"
    plan_measure: str = "How I will measure it: {measure}"
    plan_by: str = "By: {by}"
    plan_channels: str = "Where I will spend my time"
    decisions: dict[Decision, str] = {
        "keep": "Keep",
        "grow": "Grow",
        "reduce": "Reduce",
        "stop": "Stop",
    }
    plan_give: str = "What I will give"
    plan_empty: str = "No plan written yet. The results page is where you make one."
    answers: str = "Your answers"
    check_in: str = "Your 90-day check-in"
    check_in_text: str = (
        "Come back around {date}, answer the questions again, and see what has changed."
    )
    resume_link: str = "Your link back to your answers:"
    resume_private: str = "Keep this link to yourself: anyone who has it can see your answers."
    date_format: str = "{day} {month} {year}"
    months: tuple[str, ...] = (
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
    )

    def format_date(self, day: date) -> str:
        return self.date_format.format(day=day.day, month=self.months[day.month - 1], year=day.year)
