"""Workshop pages' shared parts: their paths, their links, and the facilitator's key check.

Every facilitator view (dashboard, exports, controls) starts with ``facilitator()``, which
returns the workshop only for the right key. The key comes from the facilitator link
(``/dashboard?workshop=CODE&key=KEY``) or the sign-in form, is checked against its stored
hash by ``Workshops.check_key`` (constant-time; a wrong key slows this browser session
only, never the workshop: ``keys.Attempts``), and is then remembered in this session by
its hash, so the dashboard's refreshes do not check it again. The key stays in the URL,
so a reload (which forgets the session) checks it anew.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from netclarity.questionnaire import Questionnaire
from netclarity.ui import context
from netclarity.workshop import codes
from netclarity.workshop.data import WORKSHOP_ROUND
from netclarity.workshop.keys import Attempts, key_hash
from netclarity.workshop.store import Access, Workshop, Workshops

FACILITATE_PAGE = "pages/facilitate.py"
JOIN_PAGE = "pages/join.py"
DASHBOARD_PAGE = "pages/dashboard.py"
JOIN_PARAM = "join"
CODE_PARAM, KEY_PARAM = "workshop", "key"
_GRANTED = "facilitator_key_hash"
_ATTEMPTS = "facilitator_attempts"


def workshops() -> Workshops:
    return Workshops(context.store().database)


def workshop_of(session: context.Session) -> Workshop | None:
    """The workshop this person answers in now (their workshop round), if any."""
    if session.round.workshop_id is None or session.round.number != WORKSHOP_ROUND:
        return None
    return workshops().get(session.round.workshop_id)


def accepts_answers(session: context.Session) -> bool:
    """False for a participant whose workshop is closed: their answers are refused."""
    workshop = workshop_of(session)
    return workshop is None or workshop.is_open()


def _address(path: str, query: dict[str, str]) -> str:
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query), ""))


def join_url(code: str) -> str:
    """The link participants open (and the QR code holds): the app's root with ``?join=``."""
    return _address("/", {JOIN_PARAM: code})


def join_page_url() -> str:
    """Where people type the code: short enough to read off a screen and type on a phone."""
    return _address("/join", {})


def facilitator_url(code: str, key: str) -> str:
    return _address("/dashboard", {CODE_PARAM: code, KEY_PARAM: key})


def questionnaire_of(workshop: Workshop) -> Questionnaire | None:
    loaded = context.catalogue().loaded.get(workshop.questionnaire_id)
    return None if loaded is None else loaded.questionnaire


def facilitator() -> Workshop | None:
    """The workshop whose facilitator is in this tab, or None after saying why not."""
    code = codes.normalise(st.query_params.get(CODE_PARAM, "")) or ""
    key = st.query_params.get(KEY_PARAM, "")
    granted = st.session_state.get(_GRANTED, {})
    if code and key and granted.get(code) == key_hash(key):
        workshop = workshops().find(code)
        if workshop is not None:
            return workshop
    if code and key:
        attempts: Attempts = st.session_state.get(_ATTEMPTS, Attempts())
        now = datetime.now(UTC)
        if attempts.waiting(now):
            st.query_params.pop(KEY_PARAM, None)
            _wait(attempts)
        else:
            check = workshops().check_key(code, key)
            if check.access is Access.GRANTED and check.workshop is not None:
                st.session_state[_GRANTED] = {**granted, code: key_hash(key)}
                st.session_state[_ATTEMPTS] = Attempts()
                return check.workshop
            st.query_params.pop(KEY_PARAM, None)  # counted once, not again on the next rerun
            if check.access is Access.REFUSED:
                st.session_state[_ATTEMPTS] = attempts.after_failure(now)
            _refusal(check.access)
    _sign_in(code)
    return None


def _wait(attempts: Attempts) -> None:
    """This browser tried too many wrong keys: it (and only it) waits a little."""
    until = attempts.waiting_until
    assert until is not None
    st.error(
        f"Too many wrong keys from this browser: try again after {until:%H:%M:%S} UTC.",
        icon=":material/lock_clock:",
    )


def _refusal(access: Access) -> None:
    if access is Access.UNKNOWN:
        st.error("No workshop has that code.", icon=":material/error:")
    else:
        st.error("That key does not open this workshop.", icon=":material/key_off:")


def _sign_in(code: str) -> None:
    """Open a workshop with its code and facilitator key (from the facilitator link)."""
    st.title("Facilitator sign-in")
    st.markdown(
        "Open the facilitator link you were given when the workshop was created, or enter "
        "its code and facilitator key here. Participants join at the join link instead."
    )
    with st.form("sign-in"):
        typed_code = st.text_input("Workshop code", value=code, max_chars=12)
        typed_key = st.text_input("Facilitator key", type="password", max_chars=100)
        if st.form_submit_button("Open the dashboard", type="primary"):
            st.query_params[CODE_PARAM] = typed_code.strip()
            st.query_params[KEY_PARAM] = typed_key.strip()
            st.rerun()
    st.page_link(FACILITATE_PAGE, label="Create a new workshop", icon=":material/add:")
