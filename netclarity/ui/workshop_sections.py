"""The facilitator's side of a paced workshop: the pace setting, the section controls, and
the discussion view of the open section (on the dashboard, and large on the projector).

The controls write the pace to the database (``Workshops.set_pace``, ``open_section``),
where every server's participants read it. Each button names the section it moves to, so
a double tap opens it once. The section view (``netclarity.workshop.section``) shows how
many have finished the open section, live, and the room's answers from the section's
published snapshot, under the privacy threshold, with no names. Its words are the
questionnaire's (``texts.pace``): the room reads them on the projector.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from netclarity.insights import Finding
from netclarity.question_types.base import RoomSummary
from netclarity.questionnaire import Questionnaire
from netclarity.texts import NumberTexts
from netclarity.ui import context, safe_text
from netclarity.ui.chart_view import show_chart
from netclarity.ui.workshop_access import workshops
from netclarity.workshop import charts as room_charts
from netclarity.workshop import pace
from netclarity.workshop.section import SectionView, read_section
from netclarity.workshop.store import Pace, Workshop

PRESENT_TEXTS = 12
"""Free-text answers per question shown on the projector."""
DASHBOARD_TEXTS = 200
"""Free-text answers per question shown on the facilitator's dashboard, a shuffled sample of
them when there are more (the CSV has every one): ten thousand boxes of text made the
dashboard take seconds to draw, and more than anyone reads on a screen."""
"""Free-text answers per question on the projector (all of them on the dashboard)."""


def pace_setting(workshop: Workshop, questionnaire: Questionnaire) -> None:
    """Self-paced or facilitator-paced, switchable at any time."""
    words = questionnaire.texts.pace
    labels = {Pace.SELF: words.self_paced, Pace.FACILITATOR: words.facilitator_paced}
    chosen = st.radio(
        words.pace,
        list(labels),
        index=list(labels).index(workshop.pace),
        format_func=labels.__getitem__,
        horizontal=True,
        key=f"pace-{workshop.id}-{workshop.pace.value}",
    )
    if chosen != workshop.pace:
        workshops().set_pace(workshop.id, chosen)
        st.rerun()


def _open(workshop_id: int, index: int) -> None:
    workshops().open_section(workshop_id, index)


def controls(workshop: Workshop, questionnaire: Questionnaire) -> None:
    """Go back a section, open the next one, or end and show everyone their results."""
    words = questionnaire.texts.pace
    count = len(questionnaire.paced_sections)
    index = min(workshop.open_section, count)
    back, forward, end = st.columns(3)
    back.button(
        words.go_back,
        icon=":material/undo:",
        width="stretch",
        disabled=index == 0,
        on_click=_open,
        args=(workshop.id, index - 1),
        key="pace-back",
    )
    if index < count - 1:
        forward.button(
            words.open_next,
            type="primary",
            icon=":material/skip_next:",
            width="stretch",
            on_click=_open,
            args=(workshop.id, index + 1),
            key="pace-next",
        )
    if index < count:
        end.button(
            words.end,
            icon=":material/flag:",
            width="stretch",
            type="primary" if index == count - 1 else "secondary",
            on_click=_open,
            args=(workshop.id, count),
            key="pace-end",
        )
    else:
        st.success(words.ended, icon=":material/flag:")


def section_view(
    workshop: Workshop, questionnaire: Questionnaire, *, present: bool, with_controls: bool
) -> None:
    """The open section: who has finished it, and what the room said, for discussion."""
    index = pace.open_section(questionnaire, workshop)
    if index is None:
        if with_controls:
            controls(workshop, questionnaire)
        return
    view = read_section(context.store().database, questionnaire, workshop, index)
    words, count = questionnaire.texts.pace, questionnaire.texts.numbers.count
    with st.container(key="section-view"):
        st.header(
            words.section_heading.format(
                number=index + 1, sections=view.sections, title=view.section.title
            )
        )
        if with_controls:
            controls(workshop, questionnaire)
        finished, joined, threshold = (
            count(view.finished),
            count(view.joined),
            count(view.threshold),
        )
        metric, bar = st.columns([1, 3], vertical_alignment="center")
        metric.metric(words.finished, f"{finished} / {joined}", border=True)
        bar.progress(
            view.finished / view.joined if view.joined else 0.0,
            text=words.finished_of.format(finished=finished, joined=joined),
        )
        if not view.visible:
            message = (
                words.section_waiting.format(threshold=threshold, finished=finished)
                if view.finished < view.threshold
                else words.section_held.format(threshold=threshold)
            )
            st.info(message, icon=":material/hourglass_top:")
            return
        st.caption(words.section_from.format(count=count(view.published), threshold=threshold))
        _answers(questionnaire, view, present=present)
        _prompts(questionnaire, view)


def _answers(questionnaire: Questionnaire, view: SectionView, *, present: bool) -> None:
    charted = [s for s in view.summaries if s.counts]
    columns = st.columns(2) if len(charted) > 1 else [st.container()]
    for n, summary in enumerate(charted):
        with columns[n % len(columns)]:
            chart = room_charts.section_chart(questionnaire, summary)
            show_chart(room_charts.for_projector(chart) if present else chart)
    for summary in view.summaries:
        if summary.median is not None:
            _median(questionnaire, summary)
    texts = [s for s in view.summaries if s.texts]
    if texts:
        st.header(questionnaire.texts.pace.own_words)
    for summary in texts:
        _texts(questionnaire, summary, present=present)


def _median(questionnaire: Questionnaire, summary: RoomSummary) -> None:
    words, numbers = questionnaire.texts.pace, questionnaire.texts.numbers
    assert summary.median is not None
    median = words.median.format(median=numbers.amount(summary.median))
    answered = words.answered.format(count=numbers.count(summary.answered))
    with st.container(border=True):
        st.markdown(f"**{summary.question.label}**")
        safe_text.show(f"{median} {answered}")


def _texts(questionnaire: Questionnaire, summary: RoomSummary, *, present: bool) -> None:
    more = questionnaire.texts.pace.more_texts
    limit = PRESENT_TEXTS if present else DASHBOARD_TEXTS
    show_texts(
        summary.question.label,
        summary.texts,
        limit=limit,
        folded=not present,
        more=more,
        numbers=questionnaire.texts.numbers,
        key=f"section-texts-{summary.question.id}",
    )


def show_texts(
    label: str,
    texts: Sequence[str],
    *,
    limit: int,
    folded: bool,
    more: str,
    numbers: NumberTexts,
    key: str,
) -> None:
    """Free-text answers as plain text, at most ``limit`` of them (already shuffled), with
    how many more there are (``more``: ``{count}``): in large cards on the projector; on the
    facilitator's dashboard behind a switch per question (``key``), drawn only once it is
    on — hundreds of answers drawn on every refresh, even folded away in an expander, were
    most of the browser's work in reloading a large room's dashboard."""
    extra = len(texts) - limit
    if folded:
        if st.toggle(f"{label} ({numbers.count(len(texts))})", key=key):
            with st.container(border=True):
                for text in texts[:limit]:
                    st.text(text)
                if extra > 0:
                    st.caption(more.format(count=numbers.count(extra)))
        return
    st.subheader(label)
    columns = st.columns(2)
    for n, text in enumerate(texts[:limit]):
        with columns[n % 2].container(border=True):
            st.text(text)
    if extra > 0:
        st.caption(more.format(count=numbers.count(extra)))


def _prompts(questionnaire: Questionnaire, view: SectionView) -> None:
    show_prompts(questionnaire.texts.pace.prompts, view.prompts)


def show_prompts(title: str, found: Sequence[Finding]) -> None:
    """Discussion prompts, each in a box, as plain text (they can quote what people typed)."""
    if not found:
        return
    st.header(title)
    for finding in found:
        with st.container(border=True):
            st.text(finding.text)
