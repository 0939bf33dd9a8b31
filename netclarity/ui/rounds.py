"""Retake and compare: a new round of the same questionnaire, and what changed since the last.

Coaches ask people to come back after about 90 days. The resume link keeps every round, so
the results page can show alignment over time and how goals and hours moved.
"""

from __future__ import annotations

import streamlit as st

from netclarity import charts, scoring
from netclarity.store import Round
from netclarity.ui import context, flow, saving
from netclarity.ui.chart_view import show_chart
from netclarity.ui.context import Session


def comparison(session: Session) -> None:
    """Alignment over all rounds, and goal and hour changes since the previous round."""
    questionnaire, texts = session.questionnaire, session.questionnaire.texts
    history: list[Round] = []
    with saving.unless_unreachable(texts):
        history = context.store().rounds(session.token)
    history = [r for r in history if r.questionnaire_id == questionnaire.id]
    if len(history) < 2:
        return
    scored = [(r, scoring.score(questionnaire, r.answers)) for r in history]
    before_round, before = scored[-2]
    now_round, now = scored[-1]
    with st.container(border=True):
        st.header(texts.compare_title)
        st.caption(texts.compare_intro.format(now=now_round.number, before=before_round.number))
        st.markdown(
            texts.compare_alignment.format(
                before=round(before.alignment or 0), now=round(now.alignment or 0)
            )
        )
        show_chart(
            charts.alignment_over_time(
                questionnaire,
                [(texts.compare_before.format(n=r.number), s.alignment or 0) for r, s in scored],
            )
        )
        goal_labels = {g.id: g.label for g in questionnaire.goals}
        st.dataframe(
            {
                texts.compare_goal: [goal_labels[g.id] for g in now.goals],
                texts.compare_before.format(n=before_round.number): [
                    f"{before.goal(g.id).stated:.0%}" for g in now.goals
                ],
                texts.compare_before.format(n=now_round.number): [
                    f"{g.stated:.0%}" for g in now.goals
                ],
            },
            hide_index=True,
        )
        channel_labels = {c.id: c.label for c in questionnaire.channels}
        moved = [c for c in now.channels if c.hours or before.channel(c.id).hours]
        st.dataframe(
            {
                texts.compare_where: [channel_labels[c.id] for c in moved],
                texts.compare_before.format(n=before_round.number): [
                    before.channel(c.id).hours for c in moved
                ],
                texts.compare_before.format(n=now_round.number): [c.hours for c in moved],
                texts.compare_change: [c.hours - before.channel(c.id).hours for c in moved],
            },
            hide_index=True,
        )


def retake(session: Session) -> None:
    """Start the next round; earlier rounds stay for the comparison."""
    texts = session.questionnaire.texts
    if not session.round.completed:
        return
    st.divider()
    st.caption(texts.retake_help)
    if st.button(texts.retake, icon=":material/replay:"):
        loaded = context.catalogue().loaded[session.questionnaire.id]
        q = loaded.questionnaire
        with saving.unless_unreachable(texts):
            context.store().new_round(session.token, q.id, q.version, loaded.digest)
            context.adopt_token(session.token)
            flow.go_to(q.pages[0])
            st.switch_page(flow.QUESTIONS_PAGE)
