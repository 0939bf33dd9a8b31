"""The resume link: shown from the first page on, copyable, the key to a person's answers.

The link is drawn only while its box is open. Streamlit shows code (the copyable box) with
its syntax highlighter, a 1.5 MB script that registers some 200 languages when it is first
used on a page: on the results page that was about 0.15 s of the browser's main thread, in
front of the charts, for one line of plain text in a box that starts closed. Opening the
box reruns the page, which then draws the link.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from netclarity.questionnaire import Texts
from netclarity.ui import context

BOX = "resume-box"
"""The key of the box, whose open state the page reads to draw the link."""


def resume_url(token: str) -> str:
    """This app's address with ``?resume=TOKEN`` (the app's root page, whatever page we are on)."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((parts.scheme, parts.netloc, "/", urlencode({"resume": token}), ""))


def resume_box(session: context.Session, *, expanded: bool = False) -> None:
    texts = session.questionnaire.texts
    box = st.expander(
        texts.resume_link_title,
        icon=":material/link:",
        expanded=expanded,
        key=BOX,
        on_change="rerun",
    )
    with box:
        st.caption(texts.resume_link_help)
        if box.open:
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
