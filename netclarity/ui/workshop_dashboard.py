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

The room's charts change only with its published snapshot, so their views are kept per
snapshot (``_room_views``), and the progress chart's per count (``_progress_view``): a
refresh in which nothing moved builds no chart.

The projector has its own page, ``/present`` (``present_screen``), opened with the
view-only link the dashboard shows, so the facilitator link never has to be on a screen: the
room's views only — the same figures, under the same threshold — with no controls and no
exports; the join code and QR code stay while the workshop is open, and numbers, prompts
and texts are set in large type.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import streamlit as st

from netclarity.questionnaire import Poll, Questionnaire, TextQuestion
from netclarity.ui import context, warmup
from netclarity.ui.chart_view import ChartView, show_view, view_of
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
KEPT_ROOM_CHARTS = 8
"""Chart sets kept (a few tens of kB each): the current snapshot of a few rooms, each on the
dashboard and on the projector."""
KEPT_PROGRESS_CHARTS = 32
"""Progress charts kept (a few kB each): the counts move on as people answer."""

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
        f"{questionnaire.texts.numbers.count(workshop.threshold)} finished · {status}{closes}"
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
            _join_card(workshop, questionnaire, qr_width=220)


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


def _join_card(workshop: Workshop, questionnaire: Questionnaire, *, qr_width: int) -> None:
    words = questionnaire.texts.workshop
    code_col, qr_col = st.columns([3, 2], vertical_alignment="center")
    with code_col:
        st.markdown(words.scan_to_join)
        st.markdown(f"**{join_page_url().removeprefix('http://').removeprefix('https://')}**")
        st.markdown(words.enter_code)
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
    views = _room_views(loaded.digest, workshop.id, room.snapshot, present, questionnaire, room)
    if present:
        _present(workshop, questionnaire, room, views)
        return
    if pace.paced(workshop):
        section_view(workshop, questionnaire, present=False, with_controls=True)
    progress = _progress_view(loaded.digest, room.reached, room.joined, questionnaire, room)
    _overview(questionnaire, room, views, progress)


@st.cache_data(max_entries=KEPT_PROGRESS_CHARTS, show_spinner=False)
def _progress_view(
    questionnaire_digest: str,
    reached: tuple[tuple[str, int], ...],
    joined: int,
    _questionnaire: Questionnaire,
    _room: Room,
) -> ChartView:
    """The progress chart, built once per count: it shows ``reached`` out of ``joined``."""
    del questionnaire_digest, reached, joined  # the cache key only
    return view_of(room_charts.progress_chart(_questionnaire, _room))


@dataclass(frozen=True)
class RoomViews:
    """The room's charts as shown: two columns of them, and each poll shown by now."""

    left: list[ChartView]
    right: list[ChartView]
    polls: dict[str, ChartView]


@st.cache_data(max_entries=KEPT_ROOM_CHARTS, show_spinner=False)
def _room_views(
    questionnaire_digest: str,
    workshop_id: int,
    snapshot: str,
    present: bool,
    _questionnaire: Questionnaire,
    _room: Room,
) -> RoomViews:
    """The charts of a room's figures, built once per published snapshot.

    The key is the questionnaire as loaded (its digest changes with any edit to its file),
    the workshop and the snapshot the figures are of (``Room.snapshot``), and the screen.
    """
    del questionnaire_digest, workshop_id, snapshot  # the cache key only

    def view(chart: alt.LayerChart) -> ChartView:
        return view_of(room_charts.for_projector(chart) if present else chart)

    questionnaire, room = _questionnaire, _room
    left, right = [], []
    if room.visible and room.scored:
        left.append(view(room_charts.room_goals_chart(questionnaire, room)))
        left.append(view(room_charts.alignment_chart(questionnaire, room)))
    if room.visible and room.total_hours:
        right.append(view(room_charts.room_hours_chart(questionnaire, room)))
    if room.visible and room.motive_count:
        right.append(view(room_charts.obligations_chart(questionnaire, room)))
    if room.visible and room.scored and any(room.unserved.values()):
        right.append(view(room_charts.unserved_chart(questionnaire, room)))
    polls = {
        question.id: view(room_charts.poll_chart(questionnaire, room, question))
        for question in questionnaire.questions
        if isinstance(question, Poll) and room.poll_visible(question.id)
    }
    return RoomViews(left, right, polls)


def _counts(questionnaire: Questionnaire, room: Room) -> None:
    words, numbers = questionnaire.texts.workshop, questionnaire.texts.numbers
    joined, going, done = st.columns(3)
    for column, label, count in (
        (joined, words.joined_count, room.joined),
        (going, words.in_progress_count, room.in_progress),
        (done, words.completed_count, room.completed),
    ):
        column.metric(label, numbers.count(count), border=True)


def _waiting(questionnaire: Questionnaire, room: Room) -> None:
    words, count = questionnaire.texts.workshop, questionnaire.texts.numbers.count
    if room.completed < room.threshold:
        message = words.room_waiting.format(
            threshold=count(room.threshold), completed=count(room.completed)
        )
    else:
        message = words.held_back.format(threshold=count(room.threshold))
    st.info(message, icon=":material/hourglass_top:")


def _published(questionnaire: Questionnaire, room: Room) -> None:
    """Why the room's numbers lag behind the count of finished people."""
    words, count = questionnaire.texts.workshop, questionnaire.texts.numbers.count
    st.caption(
        words.published_from.format(
            published=count(room.published), threshold=count(room.threshold)
        )
    )


def _overview(
    questionnaire: Questionnaire, room: Room, views: RoomViews, progress: ChartView
) -> None:
    _counts(questionnaire, room)
    show_view(progress)
    if not room.visible:
        _waiting(questionnaire, room)
    _polls(questionnaire, room, views)
    if not room.visible:
        return
    st.header(questionnaire.texts.workshop.the_room)
    _published(questionnaire, room)
    _charts(views)
    _prompts(questionnaire, room)
    _texts(questionnaire, room, limit=DASHBOARD_TEXTS, folded=True)


def _present(
    workshop: Workshop, questionnaire: Questionnaire, room: Room, views: RoomViews
) -> None:
    if workshop.is_open():
        title_col, join_col = st.columns([3, 2], vertical_alignment="center")
        title_col.title(workshop.title)
        with join_col:
            _join_card(workshop, questionnaire, qr_width=260)
    else:
        st.title(workshop.title)
    if pace.open_section(questionnaire, workshop) is not None:
        section_view(workshop, questionnaire, present=True, with_controls=False)
        return
    _counts(questionnaire, room)
    if not room.visible:
        _waiting(questionnaire, room)
    _polls(questionnaire, room, views)
    if room.visible:
        _charts(views)
        _prompts(questionnaire, room)
        _texts(questionnaire, room, limit=PRESENT_TEXTS, folded=False)


def _charts(views: RoomViews) -> None:
    left, right = st.columns(2)
    with left:
        for view in views.left:
            show_view(view)
    with right:
        for view in views.right:
            show_view(view)


def _polls(questionnaire: Questionnaire, room: Room, views: RoomViews) -> None:
    for question in questionnaire.questions:
        if not isinstance(question, Poll):
            continue
        if question.id in views.polls:
            show_view(views.polls[question.id])
        else:
            st.caption(
                questionnaire.texts.workshop.poll_so_far.format(
                    label=question.label,
                    answered=questionnaire.texts.numbers.count(room.polls[question.id].total),
                    threshold=questionnaire.texts.numbers.count(room.threshold),
                )
            )


def _prompts(questionnaire: Questionnaire, room: Room) -> None:
    show_prompts(questionnaire.texts.pace.prompts, prompts(questionnaire, room))


def _texts(questionnaire: Questionnaire, room: Room, *, limit: int, folded: bool) -> None:
    """Each text question's answers, at most ``limit`` of them (already shuffled): behind a
    switch each on the facilitator's dashboard, side by side in large type on the
    projector."""
    questions = [
        q for q in questionnaire.questions if isinstance(q, TextQuestion) and room.texts.get(q.id)
    ]
    if not questions:
        return
    words = questionnaire.texts
    st.header(words.pace.own_words)
    for question in questions:
        more = words.workshop.more_in_csv if folded else words.pace.more_texts
        show_texts(
            question.label,
            room.texts[question.id],
            limit=limit,
            folded=folded,
            more=more,
            numbers=words.numbers,
            key=f"room-texts-{question.id}",
        )
