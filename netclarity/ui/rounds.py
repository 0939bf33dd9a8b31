"""Retake: a new round of the same questionnaire.

Coaches ask people to come back after about 90 days. The resume link keeps every round; the
check-in (``netclarity.ui.checkin``) reviews the previous plan and shows what changed.
"""

from __future__ import annotations

import streamlit as st

from netclarity.ui import checkin
from netclarity.ui.context import Session


def retake(session: Session) -> None:
    """Start the next round; earlier rounds stay for the check-in's comparison."""
    texts = session.questionnaire.texts
    if not checkin.ready(session.round):
        return
    st.divider()
    st.caption(texts.retake_help)
    if st.button(texts.retake, icon=":material/replay:"):
        checkin.start_round(session)
