"""Networking Clarity — entry point: page settings, the person's session, and navigation.

Run with ``scripts/start`` (or ``streamlit run app.py``).
"""

import streamlit as st

from netclarity.ui import (
    checkin,
    flow,
    reconnecting,
    shell,
    workshop_access,
    workshop_participant,
)

shell.prepare()
# A workshop's join link is the app's root with ?join=CODE (short, for a QR code): it opens
# the join page instead of the welcome page.
joining = workshop_access.JOIN_PARAM in st.query_params
pages = [
    st.Page(flow.WELCOME_PAGE, title="Welcome", icon=":material/home:", default=not joining),
    st.Page(flow.QUESTIONS_PAGE, title="Questions", url_path="questions"),
    st.Page(flow.REVIEW_PAGE, title="Review", url_path="review"),
    st.Page(flow.RESULTS_PAGE, title="Results", url_path="results"),
    st.Page(checkin.CHECKIN_PAGE, title="Check-in", url_path="checkin"),
    st.Page(workshop_access.JOIN_PAGE, title="Join", url_path="join", default=joining),
    st.Page(workshop_access.FACILITATE_PAGE, title="Create a workshop", url_path="facilitate"),
    st.Page(workshop_access.DASHBOARD_PAGE, title="Dashboard", url_path="dashboard"),
    st.Page(workshop_access.PRESENT_PAGE, title="Projector", url_path="present"),
]
page = st.navigation(pages, position="hidden")
if not workshop_participant.answers_closed(page.url_path):
    page.run()
reconnecting.notice()
