"""The resume link: shown from the first page on, copyable, the key to a person's answers."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from netclarity.ui import context


def resume_url(token: str) -> str:
    """This app's address with ``?resume=TOKEN`` (the app's root page, whatever page we are on)."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((parts.scheme, parts.netloc, "/", urlencode({"resume": token}), ""))


def resume_box(session: context.Session, *, expanded: bool = False) -> None:
    texts = session.questionnaire.texts
    with st.expander(texts.resume_link_title, icon=":material/link:", expanded=expanded):
        st.caption(texts.resume_link_help)
        st.code(resume_url(session.token), language=None, wrap_lines=True)
