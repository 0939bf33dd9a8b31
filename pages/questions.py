"""The questionnaire, one screen per page."""

import streamlit as st

from netclarity.ui import context, flow, shell

shell.through_app()

session = context.current()
if session is None:
    st.switch_page(flow.WELCOME_PAGE)
else:
    flow.questions_screen(session)
