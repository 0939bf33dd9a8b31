"""The workshop's group summary: the room's numbers, charts, prompts and poll as a PDF.

It is the facilitator's record of the session, to keep or to send round afterwards, so it
holds only what the dashboard shows the whole room: counts, the room's charts, the
discussion prompts and the poll; no names, no one person's answers, and no free text (a
sentence can give its writer away once it leaves the room). Below the privacy threshold it
says so instead of showing the room. The page template is the individual summary's
(``Document``), so both documents look alike; its words are the facilitator's English.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from netclarity.questionnaire import Poll, Questionnaire
from netclarity.report.document import (
    ACCENT,
    EMPHASIS,
    LEAD,
    QUIET,
    SUBHEADING,
    TITLE,
    Document,
    Style,
)
from netclarity.report.images import chart_png, chart_width, plot_width
from netclarity.workshop import charts as room_charts
from netclarity.workshop.functions import prompts
from netclarity.workshop.room import Room
from netclarity.workshop.store import Workshop

KICKER = Style(10, bold=True, color=ACCENT)
PAGE_LABEL = "Page {page} of {pages}"


def build_group_pdf(
    questionnaire: Questionnaire,
    workshop: Workshop,
    room: Room,
    *,
    paper: Literal["a4", "letter"] = "a4",
    today: date | None = None,
) -> bytes:
    """The group summary of ``room`` as PDF bytes."""
    written = f"{(today or date.today()):%d %B %Y}".lstrip("0")
    doc = Document(
        paper=paper,
        title=workshop.title,
        header_left=f"{workshop.title} · Workshop summary",
        header_right=written,
        page_label=PAGE_LABEL,
        language=questionnaire.language,
    )
    _cover(doc, questionnaire, workshop, room, written)
    doc.add_page()
    if room.visible:
        _charts(doc, questionnaire, room)
        _prompts(doc, questionnaire, room)
    _polls(doc, questionnaire, room)
    _progress(doc, questionnaire, room)
    return doc.finish()


def _cover(
    doc: Document, questionnaire: Questionnaire, workshop: Workshop, room: Room, written: str
) -> None:
    doc.add_page()
    doc.set_y(doc.h * 0.22)
    doc.paragraph("Workshop summary", KICKER, after=3)
    doc.paragraph(workshop.title, TITLE, after=5)
    doc.paragraph(questionnaire.title, LEAD)
    doc.paragraph(written, QUIET, after=8)
    doc.rule(color=ACCENT, width=24)
    doc.gap(8)
    numbers = questionnaire.texts.numbers
    doc.paragraph(
        f"{numbers.count(room.joined)} joined and {numbers.count(room.completed)} finished "
        "the questionnaire.",
        LEAD,
        after=4,
    )
    if not room.visible:
        doc.paragraph(
            f"The room's results are not shown: fewer than {numbers.count(room.threshold)} "
            "people finished, "
            "and with so few an average could give one person away.",
            EMPHASIS,
        )
    elif room.median_alignment is not None:
        doc.paragraph(
            "Half the room's time and goals line up at "
            f"{numbers.format_number(room.median_alignment, '.0f')} out of 100 "
            "or below.",
            LEAD,
        )


def _charts(doc: Document, questionnaire: Questionnaire, room: Room) -> None:
    """The dashboard's room charts, those the answers allow, each whole on a page."""
    plot = plot_width(doc.epw)
    charts = []
    if room.scored:
        charts += [
            room_charts.room_goals_chart(questionnaire, room, width=plot),
            room_charts.alignment_chart(questionnaire, room, width=plot),
        ]
    if room.total_hours:
        charts.append(room_charts.room_hours_chart(questionnaire, room, width=plot))
    if room.motive_count and room.with_obligation:
        charts.append(room_charts.obligations_chart(questionnaire, room, width=plot))
    if room.scored and any(room.unserved.values()):
        charts.append(room_charts.unserved_chart(questionnaire, room, width=plot))
    if not charts:
        return
    doc.heading("The room")
    for chart in charts:
        png = chart_png(chart)
        doc.picture(png, width=min(doc.epw, chart_width(png)), align="L")
        doc.gap(8)


def _prompts(doc: Document, questionnaire: Questionnaire, room: Room) -> None:
    found = prompts(questionnaire, room)
    if not found:
        return
    doc.heading("To discuss")
    for finding in found:
        doc.marked(finding.text)
        doc.gap(3.5)


def _polls(doc: Document, questionnaire: Questionnaire, room: Room) -> None:
    polls = [q for q in questionnaire.questions if isinstance(q, Poll)]
    if not polls:
        return
    doc.heading("The poll")
    plot, count = plot_width(doc.epw), questionnaire.texts.numbers.count
    for question in polls:
        if room.poll_visible(question.id):
            png = chart_png(room_charts.poll_chart(questionnaire, room, question, width=plot))
            doc.picture(png, width=min(doc.epw, chart_width(png)), align="L")
            doc.gap(6)
        else:
            doc.paragraph(question.label, SUBHEADING)
            doc.paragraph(
                f"{count(room.polls[question.id].total)} answers: fewer than the "
                f"{count(room.threshold)} "
                "needed to show them.",
                EMPHASIS,
                after=4,
            )


def _progress(doc: Document, questionnaire: Questionnaire, room: Room) -> None:
    doc.heading("How far everyone got")
    png = chart_png(room_charts.progress_chart(questionnaire, room, width=plot_width(doc.epw)))
    doc.picture(png, width=min(doc.epw, chart_width(png)), align="L")
