"""The PDF summary a person keeps: cover, charts, findings, plan, answers, 90-day check-in.

It is what someone takes to a coaching session, so it reads as a document rather than a
screen dump: a cover with the one number that matters said in a plain sentence, the charts
from the results page, what stands out, the plan in the person's own words, every answer
page by page, and how to come back in 90 days.

Every word around the person's answers comes from the questionnaire (``texts.report``, and
the interface's keep/grow/reduce/stop for the plan), dates included, so the summary of a
German questionnaire is German throughout.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

from netclarity import answers as answers_module
from netclarity import bidi, change_charts, charts, checkin, first_step_words, reminder
from netclarity.insights import Finding, findings
from netclarity.questionnaire import (
    Allocation,
    ChoiceMatrix,
    MultipleChoice,
    Question,
    Questionnaire,
    Ranking,
)
from netclarity.report.document import (
    ACCENT,
    BODY,
    EMPHASIS,
    LEAD,
    LINK,
    NOTE,
    QUIET,
    STRONG,
    SUBHEADING,
    TITLE,
    Document,
    Paper,
    Style,
    text_width,
)
from netclarity.report.images import chart_png, chart_width, plot_width, qr_png
from netclarity.response import Plan, PlanReview, Response
from netclarity.scoring import Scores, score
from netclarity.texts import ReportTexts

CHECK_IN_DAYS = reminder.CHECK_IN_DAYS
DECISION_ORDER = ("grow", "keep", "reduce", "stop")
QR_WIDTH = 32.0
KICKER = Style(10, bold=True, color=ACCENT)
LISTED = (Allocation, ChoiceMatrix, MultipleChoice, Ranking)
"""Answers ``answers.display`` joins with "; ": printed one item per line instead."""


def build_pdf(
    questionnaire: Questionnaire,
    response: Response,
    *,
    name: str | None = None,
    paper: Literal["a4", "letter"] = "a4",
    resume_url: str | None = None,
    today: date | None = None,
    previous: Response | None = None,
) -> bytes:
    """The summary of ``response`` as PDF bytes; ``name`` defaults to the response's.

    A check-in round passes the ``previous`` round: the summary then adds "Since last time"
    (how the previous plan went, what changed, the change charts) before the new results.
    With a ``resume_url`` the check-in's calendar file is attached to the PDF.
    """
    if response.questionnaire != questionnaire.id:
        raise ValueError(
            f"these answers are for the questionnaire '{response.questionnaire}', "
            f"not '{questionnaire.id}'"
        )
    texts = questionnaire.texts.report
    name = name if name is not None else response.name
    if name and questionnaire.right_to_left:
        # A name keeps its own direction inside the right-to-left sentence around it:
        # otherwise "**Jo**" loses its leading "**" to the far end, and words parted by
        # zero-width characters come out in reverse order.
        name = bidi.isolate(name)
    day = today or date.today()
    written = texts.format_date(day)
    doc = Document(
        paper=paper,
        title=questionnaire.title,
        header_left=f"{questionnaire.title} · {name}" if name else questionnaire.title,
        header_right=written,
        page_label=texts.page,
        language=questionnaire.language,
    )
    scores = score(questionnaire, response.answers)
    _cover(doc, questionnaire, scores, texts, name=name, written=written)
    doc.add_page()
    _first_step(doc, questionnaire, scores)
    if previous is not None:
        _since_last_time(doc, questionnaire, response, previous, scores)
    _charts(doc, questionnaire, scores, texts)
    _findings(doc, findings(questionnaire, scores, response.answers), texts)
    _plan(doc, questionnaire, response.plan, texts)
    _answers(doc, questionnaire, response, texts)
    _check_in(doc, questionnaire, day=day, resume_url=resume_url)
    return doc.finish()


def _cover(
    doc: Document,
    questionnaire: Questionnaire,
    scores: Scores,
    texts: ReportTexts,
    *,
    name: str | None,
    written: str,
) -> None:
    doc.add_page()
    doc.set_y(doc.h * 0.22)
    doc.paragraph(texts.kicker, KICKER, after=3)
    doc.paragraph(questionnaire.title, TITLE, after=5)
    if name:
        doc.paragraph(texts.prepared_for.format(name=name), LEAD)
    doc.paragraph(written, QUIET, after=8)
    doc.rule(color=ACCENT, width=24)
    doc.gap(8)
    alignment = scores.alignment
    if alignment is not None:
        score_text = questionnaire.texts.numbers.format_number(alignment, ".0f")
        doc.paragraph(texts.alignment.format(alignment=score_text), LEAD, after=2)
        meaning = questionnaire.texts.alignment_meaning(alignment)
        doc.paragraph(meaning, BODY, after=6)
    elif scores.first_step is not None:  # goals and zero hours: a starter plan
        doc.paragraph(questionnaire.texts.alignment_none, LEAD, after=6)
    else:
        doc.paragraph(texts.alignment_unknown, LEAD, after=6)
    if questionnaire.description:
        doc.paragraph(questionnaire.description, EMPHASIS)


def _charts(
    doc: Document, questionnaire: Questionnaire, scores: Scores, texts: ReportTexts
) -> None:
    """The results page's charts (``charts.result_charts``), each whole on one page."""
    pictures = _pictures(questionnaire, scores, doc.epw)
    if not pictures:
        return
    doc.heading(texts.results)
    for png in pictures:
        doc.picture(png, width=min(doc.epw, chart_width(png)), align="L")
        doc.gap(8)


def draw_charts_ahead(questionnaire: Questionnaire, answers: dict[str, Any], paper: Paper) -> None:
    """Draw the charts a summary on ``paper`` will print, before anyone asks for it.

    Drawing them is most of a summary's time (``images.chart_png`` keeps each picture), so
    the results page has them drawn in the background while the person reads it, and the
    download then takes a third of the time.
    """
    _pictures(questionnaire, score(questionnaire, answers), text_width(paper))


def _pictures(questionnaire: Questionnaire, scores: Scores, width: float) -> list[bytes]:
    """The results' charts as pictures for a text ``width`` mm wide."""
    shown = charts.result_charts(questionnaire, scores, width=plot_width(width))
    return [chart_png(chart) for chart in shown]


def _since_last_time(
    doc: Document,
    questionnaire: Questionnaire,
    response: Response,
    previous: Response,
    scores: Scores,
) -> None:
    """The check-in's look back: the previous plan's review, the change in words and charts."""
    texts = questionnaire.texts.checkin
    before = score(questionnaire, previous.answers)
    doc.heading(texts.report_title)
    doc.paragraph(
        texts.report_intro.format(now=response.round, before=previous.round), QUIET, after=3
    )
    review = response.review
    if review is not None:
        listed = checkin.commitments(questionnaire, review)
        done = checkin.completion(questionnaire, review)
        numbers = questionnaire.texts.numbers
        if listed:
            doc.paragraph(
                texts.completion.format(
                    done=numbers.count(done.done), total=numbers.count(done.total)
                ),
                LEAD,
                after=3,
            )
            doc.heading(texts.report_review.format(round=review.of_round), SUBHEADING)
        for item in listed:
            outcome = getattr(texts, item.review.outcome) if item.review.outcome else "–"
            note = item.review.note.strip()
            doc.labelled(
                _commitment_title(questionnaire, review, item),
                f"{outcome}. {note}" if note else outcome,
            )
            doc.gap(2)
    for sentence in checkin.change_sentences(questionnaire, before, scores, review):
        doc.paragraph(f"• {sentence}", BODY, indent=4, after=1.5)
    doc.gap(4)
    history = [(previous.round, before), (response.round, scores)]
    for chart in change_charts.change_charts(questionnaire, history, width=plot_width(doc.epw)):
        png = chart_png(chart)
        doc.picture(png, width=min(doc.epw, chart_width(png)), align="L")
        doc.gap(8)


def _commitment_title(
    questionnaire: Questionnaire, review: PlanReview, item: checkin.Commitment
) -> str:
    """A goal as "1. what", a decision as "Stop: place", as the plan section writes them."""
    if item.kind == "goal":
        return f"{int(item.key) + 1}. {review.plan.goals[int(item.key)].what}"
    words = questionnaire.texts
    place = next(c.label for c in questionnaire.channels if c.id == item.key)
    return f"{getattr(words, review.plan.channels[item.key].decision)}: {place}"


def _first_step(doc: Document, questionnaire: Questionnaire, scores: Scores) -> None:
    """The suggested first step, in the words the results page uses."""
    words = first_step_words.describe(questionnaire, scores)
    if words is None:
        return
    doc.heading(questionnaire.texts.first_step_title)
    doc.paragraph(words.intro, BODY, after=2)
    for item in words.items:
        doc.paragraph(f"• {item}", BODY, indent=4, after=1.5)
    doc.gap(6)


def _findings(doc: Document, found: list[Finding], texts: ReportTexts) -> None:
    doc.heading(texts.findings)
    if not found:
        doc.paragraph(texts.no_findings, EMPHASIS)
    for finding in found:
        doc.marked(finding.text)
        doc.gap(3.5)


def _plan(doc: Document, questionnaire: Questionnaire, plan: Plan, texts: ReportTexts) -> None:
    doc.heading(texts.plan)
    words = questionnaire.texts
    decisions = {"keep": words.keep, "grow": words.grow, "reduce": words.reduce, "stop": words.stop}
    goals = [goal for goal in plan.goals if goal.what.strip()]
    channels = {o.id: o.label for o in questionnaire.channels}
    decided = sorted(
        (c for c in plan.channels.items() if c[0] in channels),
        key=lambda item: (
            DECISION_ORDER.index(item[1].decision),
            list(channels).index(item[0]),
        ),
    )
    if not goals and not decided and not plan.give.strip():
        doc.paragraph(texts.plan_empty, EMPHASIS)
        return
    if goals:
        doc.heading(texts.plan_goals, SUBHEADING)
        for number, goal in enumerate(goals, start=1):
            details = []
            if goal.measure.strip():
                details.append(texts.plan_measure.format(measure=goal.measure))
            if goal.by.strip():
                details.append(texts.plan_by.format(by=_written_date(goal.by, texts)))
            doc.labelled(f"{number}. {goal.what}", "\n".join(details))
            doc.gap(2)
    if decided:
        doc.heading(texts.plan_channels, SUBHEADING)
        for channel_id, choice in decided:
            label = f"{decisions[choice.decision]}: {channels[channel_id]}"
            if choice.hope.strip():
                doc.labelled(label, choice.hope)
            else:
                doc.paragraph(label, STRONG)
            doc.gap(2)
    if plan.give.strip():
        doc.heading(texts.plan_give, SUBHEADING)
        doc.paragraph(plan.give)


def _written_date(value: str, texts: ReportTexts) -> str:
    """An ISO date as words; anything else (``"end of June"``) as the person typed it."""
    try:
        return texts.format_date(date.fromisoformat(value.strip()))
    except ValueError:
        return value


def _answers(
    doc: Document, questionnaire: Questionnaire, response: Response, texts: ReportTexts
) -> None:
    given = answers_module.clean(questionnaire, response.answers)
    doc.heading(texts.answers)
    for page in questionnaire.pages:
        questions = answers_module.visible_questions(page, given)
        if not questions:
            continue
        doc.heading(page.title, SUBHEADING)
        for question in questions:
            doc.labelled(question.label, _shown(questionnaire, question, given.get(question.id)))
            doc.gap(3)


def _shown(questionnaire: Questionnaire, question: Question, value: object) -> str:
    """The answer as ``answers.display`` words it; one item per line for list answers."""
    shown = answers_module.display(questionnaire, question, value)
    if isinstance(question, LISTED) and answers_module.is_answered(value):
        return shown.replace("; ", "\n")
    return shown


def _check_in(
    doc: Document, questionnaire: Questionnaire, *, day: date, resume_url: str | None
) -> None:
    texts = questionnaire.texts.report
    doc.heading(texts.check_in)
    check_in_day = day + timedelta(days=CHECK_IN_DAYS)
    doc.paragraph(texts.check_in_text.format(date=texts.format_date(check_in_day)), after=3)
    if resume_url:
        # the calendar event, attached: a PDF reader offers it under its attachments
        name = questionnaire.texts.checkin.reminder_file.format(id=questionnaire.id)
        doc.embed_file(
            bytes=reminder.check_in_event(questionnaire, check_in_day, resume_url),
            basename=name,
            mime_type="text/calendar",
        )
        doc.paragraph(questionnaire.texts.checkin.report_reminder.format(file=name), after=3)
        qr = qr_png(resume_url)
        doc.paragraph(texts.resume_link)
        doc.paragraph(resume_url, LINK, link=resume_url, after=3)
        doc.picture(qr, width=QR_WIDTH, align="L")
        doc.gap(2)
        doc.paragraph(texts.resume_private, NOTE)
