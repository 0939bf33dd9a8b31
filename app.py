"""Networking Clarity — entry point: page config, the person's session, and navigation.

Run with ``scripts/start`` (or ``streamlit run app.py``).
"""

import streamlit as st

from netclarity.ui import context, flow

st.set_page_config(page_title="Networking Clarity", page_icon=":material/hub:", layout="centered")
context.restore()

pages = [
    st.Page(flow.WELCOME_PAGE, title="Welcome", icon=":material/home:", default=True),
    st.Page(flow.QUESTIONS_PAGE, title="Questions", url_path="questions"),
    st.Page(flow.REVIEW_PAGE, title="Review", url_path="review"),
]
st.navigation(pages, position="hidden").run()
