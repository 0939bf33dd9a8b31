"""Results: goals against time, findings, the plan and the summary PDF."""

import streamlit as st

from netclarity.ui import context, flow, shell
from netclarity.ui.results import results_screen

shell.through_app()

session = context.current()
if session is None:
    st.switch_page(flow.WELCOME_PAGE)
else:
    results_screen(session)
