"""Networking Clarity — entry point: page settings, the person's session, and navigation.

Run with ``scripts/start`` (or ``streamlit run app.py``).
"""

import streamlit as st

from netclarity.ui import flow, shell

shell.prepare()
pages = [
    st.Page(flow.WELCOME_PAGE, title="Welcome", icon=":material/home:", default=True),
    st.Page(flow.QUESTIONS_PAGE, title="Questions", url_path="questions"),
    st.Page(flow.REVIEW_PAGE, title="Review", url_path="review"),
    st.Page(flow.RESULTS_PAGE, title="Results", url_path="results"),
]
st.navigation(pages, position="hidden").run()
