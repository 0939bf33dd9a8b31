"""Goal setting: up to three goals, a decision per channel, what I will give — and the PDF.

Barbara's advice, as a form: once you know what matters, decide where you will and will not
go and what you hope to achieve there. Like the questionnaire, the plan is saved from what
the widgets show on every run, so nothing typed is lost.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import streamlit as st

from netclarity import scoring
from netclarity.questionnaire import Texts
from netclarity.response import MAX_PLAN_TEXT, ChannelPlan, Decision, Plan, PlanGoal, Response
from netclarity.store import StoreUnavailable
from netclarity.ui import checkin, context, saving

DECISIONS: tuple[Decision, ...] = ("keep", "grow", "reduce", "stop")
GOAL_SLOTS = 3
LIMIT = MAX_PLAN_TEXT
MAX_NAME = Response.model_fields["name"].metadata[0].max_length


def _seed(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def current_plan() -> Plan:
    stored = st.session_state.get("plan")
    if isinstance(stored, Plan):
        return stored
    return Plan.model_validate(stored or {})


def too_long(texts: Texts, value: str, limit: int) -> str | None:
    """The ``too_long`` message for ``value`` over ``limit`` characters, else None."""
    if len(value) <= limit:
        return None
    numbers = texts.numbers
    return texts.too_long.format(length=numbers.count(len(value)), max=numbers.count(limit))


def _limited(
    texts: Texts, widget: Callable[..., str], label: str, key: str, kept: str, limit: int
) -> str:
    """A text box without Streamlit's ``max_chars``, which drops a longer paste without a
    word: the whole text stays in the box with the ``too_long`` message, as a question's
    does, and until it is shortened the plan keeps ``kept``, its last text within the limit.
    """
    value = widget(label, key=key)
    problem = too_long(texts, value, limit)
    if problem is None:
        return value
    st.error(problem, icon=":material/error:")
    return kept


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _goal_inputs(session: context.Session, stored: Plan) -> list[PlanGoal]:
    texts = session.questionnaire.texts
    goals: list[PlanGoal] = []
    for n in range(1, GOAL_SLOTS + 1):
        saved = stored.goals[n - 1] if n <= len(stored.goals) else PlanGoal()
        with st.container(border=True):
            st.markdown(f"**{texts.plan_goal.format(n=n)}**")
            _seed(f"plan-goal-{n}-what", saved.what)
            _seed(f"plan-goal-{n}-measure", saved.measure)
            _seed(f"plan-goal-{n}-by", _date(saved.by))
            what = _limited(
                texts, st.text_input, texts.plan_what, f"plan-goal-{n}-what", saved.what, LIMIT
            )
            measure_col, by_col = st.columns([2, 1])
            with measure_col:
                measure = _limited(
                    texts,
                    st.text_input,
                    texts.plan_measure,
                    f"plan-goal-{n}-measure",
                    saved.measure,
                    LIMIT,
                )
            by = by_col.date_input(texts.plan_by, key=f"plan-goal-{n}-by", format="YYYY-MM-DD")
        goals.append(PlanGoal(what=what, measure=measure, by=by.isoformat() if by else ""))
    while goals and goals[-1] == PlanGoal():
        goals.pop()
    return goals


def _channel_inputs(
    session: context.Session, scores: scoring.Scores, stored: Plan
) -> dict[str, ChannelPlan]:
    """A decision for every channel the person spends time in (or already planned)."""
    texts = session.questionnaire.texts
    labels = {c.id: c.label for c in session.questionnaire.channels}
    used = [c.id for c in scores.channels if c.hours > 0 or c.id in stored.channels]
    names = {d: getattr(texts, d) for d in DECISIONS}
    decided: dict[str, ChannelPlan] = {}
    for channel_id in used:
        saved = stored.channels.get(channel_id)
        with st.container(border=True):
            _seed(f"plan-ch-{channel_id}", saved.decision if saved else None)
            _seed(f"plan-ch-{channel_id}-hope", saved.hope if saved else "")
            decision = st.segmented_control(
                f"**{labels[channel_id]}**",
                list(DECISIONS),
                key=f"plan-ch-{channel_id}",
                format_func=names.__getitem__,
            )
            hope = _limited(
                texts,
                st.text_input,
                texts.plan_hope,
                f"plan-ch-{channel_id}-hope",
                saved.hope if saved else "",
                LIMIT,
            )
        if decision is not None:
            decided[channel_id] = ChannelPlan(decision=decision, hope=hope)
    return decided


def plan_editor(session: context.Session, scores: scoring.Scores) -> None:
    texts = session.questionnaire.texts
    stored = current_plan()
    st.header(texts.plan_title)
    st.markdown(texts.plan_intro)
    goals = _goal_inputs(session, stored)
    st.subheader(texts.plan_channels)
    channels = _channel_inputs(session, scores, stored)
    _seed("plan-give", stored.give)
    give = _limited(texts, st.text_area, texts.plan_give, "plan-give", stored.give, LIMIT)
    shown = Plan(goals=goals, channels=channels, give=give)
    if shown != stored:
        saving.save("plan", shown)
    st.caption(texts.plan_saved)


def _keep_name(session: context.Session, name: str | None) -> None:
    """Store the name for the summary when it changes, so a reload or a resume link keeps it."""
    if name == st.session_state.get("pdf-name-saved", session.round.name):
        return
    try:
        context.store().set_name(session.token, name)
    except StoreUnavailable:
        return  # the name is still used for this download; it is saved on a later change
    st.session_state["pdf-name-saved"] = name


def summary_download(session: context.Session) -> None:
    """The PDF summary, built only when the button is clicked (no rerun, no wasted work).

    A person types a name and clicks the button straight away: leaving the box commits the
    name and starts a rerun, but the click runs the build registered by the *previous* run.
    So the build reads name and paper from ``options``, which the widgets' ``on_change``
    callbacks update at the very start of that rerun, not from values captured when the
    button was drawn (a click that lands later still, once the rerun has replaced the
    button, is refused by Streamlit and works when clicked again).
    """
    texts = session.questionnaire.texts
    options: dict[str, Any] = st.session_state.setdefault("pdf-options", {})

    def remember() -> None:
        name = st.session_state.get("pdf-name") or ""
        options["name"] = name if name and too_long(texts, name, MAX_NAME) is None else None
        options["paper"] = st.session_state.get("pdf-paper") or "a4"

    name_col, paper_col = st.columns([3, 1])
    if "pdf-name" not in st.session_state:  # the name given last time, kept with the answers
        st.session_state["pdf-name"] = session.round.name or ""
    name = name_col.text_input(texts.pdf_name, key="pdf-name", on_change=remember)
    name_problem = too_long(texts, name, MAX_NAME)
    if name_problem:  # the summary is printed without a name until it is shortened
        name_col.error(name_problem, icon=":material/error:")
    else:
        _keep_name(session, name or None)
    paper_col.segmented_control(
        texts.paper,
        ["a4", "letter"],
        key="pdf-paper",
        default="a4",
        format_func={"a4": texts.paper_a4, "letter": texts.paper_letter}.__getitem__,
        on_change=remember,
    )
    remember()
    questionnaire = session.questionnaire
    # What the page shows (the session mirrors the database, plus answers waiting to be
    # saved), so the summary can be downloaded even while the database is out of reach.
    response = dataclasses.replace(
        session.round, answers=dict(session.answers), plan=current_plan()
    ).response()
    link = checkin.checkin_url(session.token)  # the resume link that opens the check-in
    previous = checkin.previous_response(session)

    def build() -> bytes:
        from netclarity.report import build_pdf  # heavy (fonts, chart rendering): only on click

        return build_pdf(
            questionnaire,
            response,
            name=options["name"],
            paper=options["paper"],
            resume_url=link,
            previous=previous,
        )

    _draw_charts_ahead(session, options["paper"])
    st.download_button(
        texts.download_pdf,
        data=build,
        file_name=texts.pdf_file.format(id=questionnaire.id),
        mime="application/pdf",
        on_click="ignore",
        type="primary",
        icon=":material/picture_as_pdf:",
        width="stretch",
    )


DRAW_AHEAD_AFTER_S = 1.0
"""Wait this long after the results run before drawing the summary's charts: the page and
its own charts go out first, and the download button is a long scroll further down."""


def _draw_charts_ahead(session: context.Session, paper: str) -> None:
    """Have the summary's charts drawn in the background, once per answers and paper.

    Drawing them is most of a summary's build; done while the person reads their results,
    the download itself is quick. A plan being typed changes no chart, so it draws nothing.
    """
    ahead = (session.digest, session.answers_digest, paper)
    if st.session_state.get("pdf-charts-ahead") == ahead:
        return
    st.session_state["pdf-charts-ahead"] = ahead
    questionnaire, answers = session.questionnaire, dict(session.answers)

    def draw() -> None:
        from netclarity.report.summary import draw_charts_ahead

        draw_charts_ahead(questionnaire, answers, "letter" if paper == "letter" else "a4")

    later = threading.Timer(DRAW_AHEAD_AFTER_S, draw)
    later.name, later.daemon = "netclarity-pdf-charts", True
    later.start()
