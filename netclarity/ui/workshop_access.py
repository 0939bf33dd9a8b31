"""Workshop pages' shared parts: their paths, their links, and the key checks.

Every facilitator view (dashboard, exports, controls) starts with ``facilitator()``, which
returns the workshop only for the right key. The key comes from the facilitator link
(``/dashboard?workshop=CODE&key=KEY``) or the sign-in form, is checked against its stored
hash by ``Workshops.check_key`` (constant-time; a wrong key slows this browser session
only, never the workshop: ``keys.Attempts``), and the session then remembers the grant.

The key is kept out of sight: a link's key is taken out of the address bar as soon as it
has been checked, and a key typed into the form is checked from the form and never put
into the URL, so neither lingers on a screen, in later history entries or in a request
log. In its place the address gets a sign-in grant (``Workshops.grant``): random, stored
hashed, for this workshop only, expiring within a day, so a reload or a tab moved to
another server (a new session) stays signed in without the key. The projector
gets its own link, ``/present?workshop=CODE&view=VIEW`` (``viewer()``), whose view-only
key opens the room's views and nothing else.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from netclarity.questionnaire import Questionnaire
from netclarity.ui import context
from netclarity.workshop import codes
from netclarity.workshop.keys import Attempts, view_key

# app.py imports this module on every start: the workshop store (SQLAlchemy) is imported
# where a workshop is first read, so a new visitor's first page does without it
# (benchmarks/bench_cold_start.py); the warm-up imports it after that page.
if TYPE_CHECKING:
    from netclarity.workshop.store import Access, Workshop, Workshops

FACILITATE_PAGE = "pages/facilitate.py"
JOIN_PAGE = "pages/join.py"
DASHBOARD_PAGE = "pages/dashboard.py"
PRESENT_PAGE = "pages/present.py"
JOIN_PARAM = "join"
CODE_PARAM, KEY_PARAM, VIEW_PARAM, GRANT_PARAM = "workshop", "key", "view", "grant"
_GRANTED = "facilitator_granted"
_ATTEMPTS = "facilitator_attempts"


def workshops() -> Workshops:
    from netclarity.workshop.store import Workshops

    return Workshops(context.store().database)


def workshop_of(session: context.Session) -> Workshop | None:
    """The workshop this person answers in now (their workshop round), if any."""
    from netclarity.workshop.data import WORKSHOP_ROUND

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


def present_url(code: str, view: str) -> str:
    """The projector's link: the room's views only, never the facilitator key."""
    return _address("/present", {CODE_PARAM: code, VIEW_PARAM: view})


def granted_view_key(code: str) -> str | None:
    """The projector key of a workshop this session's facilitator has signed in to."""
    view: str | None = st.session_state.get(_GRANTED, {}).get(code)
    return view


def questionnaire_of(workshop: Workshop) -> Questionnaire | None:
    loaded = context.catalogue().loaded.get(workshop.questionnaire_id)
    return None if loaded is None else loaded.questionnaire


def facilitator() -> Workshop | None:
    """The workshop whose facilitator is in this tab, or None after saying why not."""
    code = codes.normalise(st.query_params.get(CODE_PARAM, "")) or ""
    key = st.query_params.pop(KEY_PARAM, "")  # out of the address bar at once
    if key:
        workshop = _check(code, key)
        if workshop is not None:
            return workshop
    elif code in st.session_state.get(_GRANTED, {}):
        workshop = workshops().find(code)
        if workshop is not None:
            return workshop
    elif grant_token := st.query_params.get(GRANT_PARAM, ""):
        # A new session of a facilitator signed in before: a reload, or another server.
        workshop = workshops().check_grant(code, grant_token)
        if workshop is not None:
            st.session_state[_GRANTED] = {**st.session_state.get(_GRANTED, {}), code: None}
            return workshop
        st.query_params.pop(GRANT_PARAM, None)
    _sign_in(code)
    return None


def _check(code: str, key: str) -> Workshop | None:
    """The workshop if ``key`` opens it (remembered in this session), else None, said why."""
    from netclarity.workshop.store import Access

    attempts: Attempts = st.session_state.get(_ATTEMPTS, Attempts())
    now = datetime.now(UTC)
    if attempts.waiting(now):
        _wait(attempts)
        return None
    check = workshops().check_key(code, key)
    if check.access is Access.GRANTED and check.workshop is not None:
        grant(check.workshop, key)
        st.session_state[_ATTEMPTS] = Attempts()
        return check.workshop
    if check.access is Access.REFUSED:
        st.session_state[_ATTEMPTS] = attempts.after_failure(now)
    _refusal(check.access)
    return None


def grant(workshop: Workshop, key: str) -> None:
    """Sign this tab in with ``key`` (checked by the caller): the session remembers it, and
    the address gets a sign-in grant in place of the key, which outlives the session."""
    granted = st.session_state.get(_GRANTED, {})
    st.session_state[_GRANTED] = {**granted, workshop.code: view_key(key)}
    st.query_params[GRANT_PARAM] = workshops().grant(workshop.id)


def viewer() -> Workshop | None:
    """The workshop whose projector link this is (room views only), or None after saying so."""
    code = st.query_params.get(CODE_PARAM, "")
    workshop = workshops().check_view(code, st.query_params.get(VIEW_PARAM, ""))
    if workshop is None:
        st.error(
            "This projector link does not open a workshop. The facilitator's dashboard "
            "shows the right one.",
            icon=":material/link_off:",
        )
    return workshop


def _wait(attempts: Attempts) -> None:
    """This browser tried too many wrong keys: it (and only it) waits a little."""
    until = attempts.waiting_until
    assert until is not None
    st.error(
        f"Too many wrong keys from this browser: try again after {until:%H:%M:%S} UTC.",
        icon=":material/lock_clock:",
    )


def _refusal(access: Access) -> None:
    from netclarity.workshop.store import Access

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
        submitted = st.form_submit_button("Open the dashboard", type="primary")
    if submitted:
        # Checked from the form, never through the URL: only the code goes into the address.
        workshop = _check(codes.normalise(typed_code) or "", typed_key.strip())
        if workshop is not None:
            st.query_params[CODE_PARAM] = workshop.code  # the grant is already there
            st.rerun()
    st.page_link(FACILITATE_PAGE, label="Create a new workshop", icon=":material/add:")
