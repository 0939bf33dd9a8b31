"""Every answer is written to the database the moment it is given.

If the database is briefly unreachable, the answer waits in the session (``pending``) and a
friendly notice says saving is paused — right where the answer was given, and at the top of
every later page until it is saved; every later run tries again, so nothing typed is lost
while the server process lives. Anything else a page needs the database for (loading a
resume link, starting, finishing, the history, the download, deleting) runs inside
``unless_unreachable``, which says "try again in a moment" instead of failing the page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import streamlit as st

from netclarity.questionnaire import Texts
from netclarity.store import StoreUnavailable
from netclarity.ui import context, workshop_access

_WARNED = "saving_paused_shown"  # the notice is already on this run's page


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
    elif _refused(session):
        return
    else:
        session.answers[key] = value
    _pending()[key] = value
    if not flush() and not st.session_state.get(_WARNED):
        _paused(session)


def _refused(session: context.Session) -> bool:
    """A closed workshop refuses new answers (the plan stays the person's own to change).

    ``app.py`` already shows a notice instead of the questions; this is the rule itself, for
    every way a page can run (a fresh server runs a page script without ``app.py`` once).
    """
    try:
        return not workshop_access.accepts_answers(session)
    except StoreUnavailable:
        return False  # cannot tell now: keep the answer; it waits with the others


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
    """Tell the person when answers are waiting to be saved (call once, at the top of a page)."""
    session = context.current()
    paused = session is not None and not flush()
    st.session_state[_WARNED] = paused
    if session is not None and paused:
        _paused(session)


def _paused(session: context.Session) -> None:
    st.session_state[_WARNED] = True
    st.warning(session.questionnaire.texts.saving_paused, icon=":material/cloud_off:")


@contextlib.contextmanager
def unless_unreachable(texts: Texts) -> Iterator[None]:
    """Run a step that needs the database; when it is out of reach, say so and go on.

    The step stops where the database failed (nothing after it in the block runs) and the
    rest of the page is drawn as usual, so the person can simply try again.
    """
    try:
        yield
    except StoreUnavailable:
        st.warning(texts.database_unreachable, icon=":material/cloud_off:")


def set_page(page_id: str) -> None:
    session = context.current()
    st.session_state["page"] = page_id
    if session is None:
        return
    with contextlib.suppress(StoreUnavailable):  # the page is a convenience; answers matter
        context.store().set_page(session.token, page_id)


def move_on(page_id: str, pages_done: int) -> None:
    """Go on to ``page_id`` with Next, having finished the first ``pages_done`` pages."""
    session = context.current()
    st.session_state["page"] = page_id
    if session is None:
        return
    with contextlib.suppress(StoreUnavailable):
        context.store().move_on(session.token, page_id, pages_done)
