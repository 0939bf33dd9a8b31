"""Check-in: how the previous round's plan went, before answering again."""

import streamlit as st

from netclarity.ui import checkin, context, flow, shell

shell.through_app()

session = context.current()
if session is None:
    st.switch_page(flow.WELCOME_PAGE)
else:
    checkin.review_screen(session)
