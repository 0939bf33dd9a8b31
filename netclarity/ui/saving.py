"""Every answer is written to the database the moment it is given.

If the database is briefly unreachable, the answer waits in the session (``pending``) and a
friendly notice says saving is paused; every later run tries again, so nothing typed is lost
while the server process lives.
"""

from __future__ import annotations

import contextlib
from typing import Any

import streamlit as st

from netclarity.store import StoreUnavailable
from netclarity.ui import context


def _pending() -> dict[str, Any]:
    pending: dict[str, Any] = st.session_state.setdefault("pending", {})
    return pending


def save(key: str, value: Any) -> None:
    """Record an answer (or the plan, under ``plan``) in the session and the database."""
    session = context.current()
    if session is None:
        return
    if key == "plan":
        st.session_state["plan"] = value
    else:
        session.answers[key] = value
    _pending()[key] = value
    flush()


def flush() -> bool:
    """Write whatever is waiting; True when everything is saved."""
    session = context.current()
    pending = _pending()
    if session is None or not pending:
        return True
    try:
        context.store().save_answers(session.token, dict(pending))
    except StoreUnavailable:
        return False
    pending.clear()
    return True


def notice() -> None:
    """Tell the person when answers are waiting to be saved (call once per page)."""
    session = context.current()
    if session is not None and not flush():
        st.warning(session.questionnaire.texts.saving_paused, icon=":material/cloud_off:")


def set_page(page_id: str) -> None:
    session = context.current()
    st.session_state["page"] = page_id
    if session is None:
        return
    with contextlib.suppress(StoreUnavailable):  # the page is a convenience; answers matter
        context.store().set_page(session.token, page_id)
