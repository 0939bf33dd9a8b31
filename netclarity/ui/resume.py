"""The resume link: shown from the first page on, copyable, the key to a person's answers."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from netclarity.questionnaire import Texts
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
        kept = kept_for(texts, workshop=session.round.workshop_id is not None)
        if kept:
            st.caption(kept)


def kept_for(texts: Texts, *, workshop: bool = False) -> str | None:
    """How long answers are kept, when the operator set a retention period (else None)."""
    days = context.retention_days()
    if days is None:
        return None
    return (texts.kept_for_workshop if workshop else texts.kept_for).format(days=days)
