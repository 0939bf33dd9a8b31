"""The facilitator's live dashboard: who has joined and finished, and what the room says.

The live part is a fragment that reruns itself every ``REFRESH_SECONDS``, reading the room
afresh from the database, so answers given on any app server show up within seconds.
The room's figures come from the published snapshot (``netclarity.workshop.snapshot``), so
they change in steps of at least the privacy threshold, and nothing from the room is shown
until the threshold is met (``Room.visible``); free text is shown as plain text, shuffled,
without names.

In a facilitator-paced workshop the dashboard adds the pace controls and the open section's
discussion view (``workshop_sections``), and the projector shows that view instead of the
whole room until the facilitator ends the sections.

The projector has its own page, ``/present`` (``present_screen``), opened with the
view-only link the dashboard shows, so the facilitator link never has to be on a screen: the
room's views only — the same figures, under the same threshold — with no controls and no
exports; the join code and QR code stay while the workshop is open, and numbers, prompts
and texts are set in large type.
"""

from __future__ import annotations

import altair as alt
import streamlit as st

from netclarity.questionnaire import Poll, Questionnaire, TextQuestion
from netclarity.ui import context, warmup
from netclarity.ui.chart_view import show_chart
from netclarity.ui.qr_view import show_qr
from netclarity.ui.workshop_access import (
    facilitator,
    granted_view_key,
    join_page_url,
    join_url,
    present_url,
    questionnaire_of,
    viewer,
    workshops,
)
from netclarity.ui.workshop_sections import (
    DASHBOARD_TEXTS,
    PRESENT_TEXTS,
    pace_setting,
    section_view,
    show_prompts,
    show_texts,
)
from netclarity.workshop import charts as room_charts
from netclarity.workshop import pace
from netclarity.workshop.functions import prompts
from netclarity.workshop.room import Room, read_room
from netclarity.workshop.store import Workshop

REFRESH_SECONDS = 5

PRESENT_STYLE = """
<style>
[data-testid="stHeader"], [data-testid="stToolbar"] { display: none; }
.stMainBlockContainer { padding-top: 1rem; max-width: 100%; }
.stMainBlockContainer p, .stMainBlockContainer li { font-size: 1.6rem; line-height: 1.4; }
.stMainBlockContainer h1 { font-size: 3.4rem; }
.stMainBlockContainer h2 { font-size: 2.4rem; }
.stMainBlockContainer h3 { font-size: 1.9rem; }
[data-testid="stMetricLabel"] p { font-size: 1.6rem; }
[data-testid="stMetricValue"] p { font-size: 4.5rem; font-weight: 600; line-height: 1.15; }
[data-testid="stText"] { font-size: 1.5rem; }
.st-key-join-code-big p { font-size: 4.5rem; font-weight: 700; letter-spacing: 0.3rem;
  font-family: "DejaVu Sans Mono", monospace; line-height: 1.1; margin: 0; }
</style>
"""


def dashboard_screen() -> None:
    workshop = facilitator()
    if workshop is None:
        return
    questionnaire = _questionnaire(workshop)
    if questionnaire is None:
        return
    st.set_page_config(page_title=f"{workshop.title} · Dashboard", layout="wide")
    _header(workshop, questionnaire)
    live(workshop.id, questionnaire.id, False)


def present_screen() -> None:
    """The projector's view: the room as the dashboard shows it, nothing to press."""
    workshop = viewer()
    if workshop is None:
        return
    questionnaire = _questionnaire(workshop)
    if questionnaire is None:
        return
    st.set_page_config(page_title=workshop.title, layout="wide")
    st.html(PRESENT_STYLE)
    live(workshop.id, questionnaire.id, True)


def _questionnaire(workshop: Workshop) -> Questionnaire | None:
    questionnaire = questionnaire_of(workshop)
    if questionnaire is None:
        st.error(
            f"The questionnaire '{workshop.questionnaire_id}' of this workshop cannot be "
            "loaded; check the questions folder.",
            icon=":material/error:",
        )
    return questionnaire


def _header(workshop: Workshop, questionnaire: Questionnaire) -> None:
    st.title(workshop.title)
    status = "open" if workshop.is_open() else "closed"
    closes = (
        f" · closes {workshop.closes_at:%d %b %Y %H:%M} UTC"
        if workshop.closes_at and workshop.is_open()
        else ""
    )
    st.caption(
        f"Code {workshop.code} · {questionnaire.title} · room results from "
        f"{workshop.threshold} finished · {status}{closes}"
    )
    database = context.store().database
    control, csv_col, pdf_col = st.columns(3)
    if workshop.is_open():
        if control.button("Close the workshop", icon=":material/lock:", width="stretch"):
            workshops().close(workshop.id)
            st.rerun()
    elif control.button("Reopen the workshop", icon=":material/lock_open:", width="stretch"):
        workshops().reopen(workshop.id)
        st.rerun()

    def answers_csv() -> bytes:
        from netclarity.workshop.export import export_csv

        return export_csv(database, questionnaire, workshop)

    def group_pdf() -> bytes:
        from netclarity.report.group import build_group_pdf

        return build_group_pdf(
            questionnaire, workshop, read_room(database, questionnaire, workshop)
        )

    csv_col.download_button(
        "Download answers (CSV)",
        data=answers_csv,
        file_name=f"workshop-{workshop.code}-answers.csv",
        mime="text/csv",
        on_click="ignore",
        icon=":material/table_view:",
        width="stretch",
        key="download-csv",
    )
    pdf_col.download_button(
        "Download group summary (PDF)",
        data=group_pdf,
        file_name=f"workshop-{workshop.code}-summary.pdf",
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        width="stretch",
        key="download-pdf",
    )
    pace_setting(workshop, questionnaire)
    _projector_link(workshop)
    if workshop.is_open():
        with st.expander("Join code, link and QR code", icon=":material/qr_code_2:"):
            _join_card(workshop, qr_width=220)


def _projector_link(workshop: Workshop) -> None:
    """The view-only link for the projector, so this page (and its key) stays off the screen."""
    view = granted_view_key(workshop.code)
    with st.expander("Projector view", icon=":material/co_present:"):
        if view is None:  # signed in by a grant: the projector key derives from the key
            st.markdown(
                "Sign in again with the facilitator key (or open the facilitator link) to "
                "see the projector link."
            )
            return
        link = present_url(workshop.code, view)
        st.markdown(
            "Open this link on the computer that drives the projector: it shows the room in "
            "large type, with no controls and no downloads, and anyone who sees it can open "
            "nothing more than the room's results."
        )
        st.code(link, language=None, wrap_lines=True)
        st.link_button("Open the projector view", link, icon=":material/open_in_new:")


def _join_card(workshop: Workshop, *, qr_width: int) -> None:
    code_col, qr_col = st.columns([3, 2], vertical_alignment="center")
    with code_col:
        st.markdown("Scan the QR code, or go to")
        st.markdown(f"**{join_page_url().removeprefix('http://').removeprefix('https://')}**")
        st.markdown("and enter the code")
        with st.container(key="join-code-big"):
            st.markdown(f"`{workshop.code}`")
    with qr_col:
        link = join_url(workshop.code)
        show_qr(link, width=qr_width)


@st.fragment(run_every=REFRESH_SECONDS)
def live(workshop_id: int, questionnaire_id: str, present: bool) -> None:
    """Everything that changes as people answer, read afresh on every refresh."""
    warmup.settled()  # the charts below must not meet a half-imported pandas
    workshop = workshops().get(workshop_id)
    loaded = context.catalogue().loaded.get(questionnaire_id)
    if workshop is None or loaded is None:
        return
    questionnaire = loaded.questionnaire
    room = read_room(context.store().database, questionnaire, workshop)
    if present:
        _present(workshop, questionnaire, room)
        return
    if pace.paced(workshop):
        section_view(workshop, questionnaire, present=False, with_controls=True)
    _overview(questionnaire, room)


def _counts(room: Room) -> None:
    joined, going, done = st.columns(3)
    joined.metric("Joined", room.joined, border=True)
    going.metric("In progress", room.in_progress, border=True)
    done.metric("Completed", room.completed, border=True)


def _waiting(room: Room) -> None:
    if room.completed < room.threshold:
        message = (
            f"The room's results appear once {room.threshold} people have completed "
            f"({room.completed} so far)."
        )
    else:
        message = (
            "Someone in the room's results changed or deleted their answers, so the results "
            f"are held back until {room.threshold} more people have finished."
        )
    st.info(message, icon=":material/hourglass_top:")


def _published(room: Room) -> None:
    """Why the room's numbers lag behind the count of finished people."""
    st.caption(
        f"Room results are from {room.published} people who finished; they change only "
        f"when {room.threshold} more have finished, so no one person's answers show."
    )


def _overview(questionnaire: Questionnaire, room: Room) -> None:
    _counts(room)
    show_chart(room_charts.progress_chart(questionnaire, room))
    if not room.visible:
        _waiting(room)
    _polls(questionnaire, room, present=False)
    if not room.visible:
        return
    st.header("The room")
    _published(room)
    _charts(questionnaire, room, present=False)
    _prompts(questionnaire, room)
    _texts(questionnaire, room, limit=DASHBOARD_TEXTS, folded=True)


def _present(workshop: Workshop, questionnaire: Questionnaire, room: Room) -> None:
    if workshop.is_open():
        title_col, join_col = st.columns([3, 2], vertical_alignment="center")
        title_col.title(workshop.title)
        with join_col:
            _join_card(workshop, qr_width=260)
    else:
        st.title(workshop.title)
    if pace.open_section(questionnaire, workshop) is not None:
        section_view(workshop, questionnaire, present=True, with_controls=False)
        return
    _counts(room)
    if not room.visible:
        _waiting(room)
    _polls(questionnaire, room, present=True)
    if room.visible:
        _charts(questionnaire, room, present=True)
        _prompts(questionnaire, room)
        _texts(questionnaire, room, limit=PRESENT_TEXTS, folded=False)


def _show(chart: alt.LayerChart, present: bool) -> None:
    show_chart(room_charts.for_projector(chart) if present else chart)


def _charts(questionnaire: Questionnaire, room: Room, *, present: bool) -> None:
    left, right = st.columns(2)
    with left:
        if room.scored:
            _show(room_charts.room_goals_chart(questionnaire, room), present)
            _show(room_charts.alignment_chart(questionnaire, room), present)
    with right:
        if room.total_hours:
            _show(room_charts.room_hours_chart(questionnaire, room), present)
        if room.motive_count:
            _show(room_charts.obligations_chart(questionnaire, room), present)
        if room.scored and any(room.unserved.values()):
            _show(room_charts.unserved_chart(questionnaire, room), present)


def _polls(questionnaire: Questionnaire, room: Room, *, present: bool) -> None:
    for question in questionnaire.questions:
        if not isinstance(question, Poll):
            continue
        if room.poll_visible(question.id):
            _show(room_charts.poll_chart(questionnaire, room, question), present)
        else:
            answered = room.polls[question.id].total
            st.caption(
                f"Poll “{question.label}”: {answered} answers so far; shown from {room.threshold}."
            )


def _prompts(questionnaire: Questionnaire, room: Room) -> None:
    show_prompts("To discuss", prompts(questionnaire, room))


def _texts(questionnaire: Questionnaire, room: Room, *, limit: int, folded: bool) -> None:
    """Each text question's answers, at most ``limit`` of them (already shuffled): in an
    expander each on the facilitator's dashboard, side by side in large type on the
    projector."""
    questions = [
        q for q in questionnaire.questions if isinstance(q, TextQuestion) and room.texts.get(q.id)
    ]
    if not questions:
        return
    st.header("In their own words")
    for question in questions:
        more = "and {count} more: the answers CSV has every one" if folded else "and {count} more"
        show_texts(question.label, room.texts[question.id], limit=limit, folded=folded, more=more)
