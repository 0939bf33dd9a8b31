"""Goal setting: up to three goals, a decision per channel, what I will give — and the PDF.

Barbara's advice, as a form: once you know what matters, decide where you will and will not
go and what you hope to achieve there. Like the questionnaire, the plan is saved from what
the widgets show on every run, so nothing typed is lost.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import streamlit as st

from netclarity import scoring
from netclarity.response import ChannelPlan, Decision, Plan, PlanGoal
from netclarity.ui import checkin, context, saving

DECISIONS: tuple[Decision, ...] = ("keep", "grow", "reduce", "stop")
GOAL_SLOTS = 3


def _seed(key: str, value: Any) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def current_plan() -> Plan:
    stored = st.session_state.get("plan")
    if isinstance(stored, Plan):
        return stored
    return Plan.model_validate(stored or {})


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
            what = st.text_input(texts.plan_what, key=f"plan-goal-{n}-what", max_chars=2000)
            measure_col, by_col = st.columns([2, 1])
            measure = measure_col.text_input(
                texts.plan_measure, key=f"plan-goal-{n}-measure", max_chars=2000
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
            hope = st.text_input(texts.plan_hope, key=f"plan-ch-{channel_id}-hope", max_chars=2000)
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
    give = st.text_area(texts.plan_give, key="plan-give", max_chars=2000)
    shown = Plan(goals=goals, channels=channels, give=give)
    if shown != stored:
        saving.save("plan", shown)
    st.caption(texts.plan_saved)


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
        options["name"] = st.session_state.get("pdf-name") or None
        options["paper"] = st.session_state.get("pdf-paper") or "a4"

    name_col, paper_col = st.columns([3, 1])
    name_col.text_input(texts.pdf_name, key="pdf-name", max_chars=200, on_change=remember)
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
