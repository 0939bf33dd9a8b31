"""Creating a workshop: the facilitator's form, then the code, links and QR to share.

The facilitator key is shown once, right after creating, in the facilitator link; only its
hash is stored, so it cannot be shown again. The screen says so and offers the link to copy.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from netclarity.store import InvalidValue
from netclarity.texts import PaceTexts
from netclarity.ui import context
from netclarity.ui.qr_view import show_qr
from netclarity.ui.workshop_access import (
    CODE_PARAM,
    DASHBOARD_PAGE,
    GRANT_PARAM,
    facilitator_url,
    grant,
    join_url,
    workshops,
)
from netclarity.workshop.store import DEFAULT_THRESHOLD, MAX_THRESHOLD, Pace, Workshop

_CREATED = "created_workshop"


def create_screen() -> None:
    created: tuple[Workshop, str] | None = st.session_state.get(_CREATED)
    if created is not None:
        created_screen(*created)
        return
    st.title("Create a workshop")
    st.markdown(
        "Participants join on their phones with a code or QR code, answer the questionnaire, "
        "and see their own results beside the room's. You watch the room's answers come in "
        "on a live dashboard."
    )
    catalogue = context.catalogue()
    titles = {q_id: loaded.questionnaire.title for q_id, loaded in catalogue.loaded.items()}
    if not titles:
        st.error("No questionnaire could be loaded, so no workshop can be created.")
        return
    with st.form("create-workshop"):
        title = st.text_input("Workshop title", max_chars=200, placeholder="Friday breakfast club")
        questionnaire_id = st.selectbox(
            "Questionnaire", list(titles), format_func=titles.__getitem__
        )
        threshold = st.number_input(
            "Privacy threshold",
            min_value=1,
            max_value=MAX_THRESHOLD,
            value=DEFAULT_THRESHOLD,
            step=1,
            help="No room results are shown, to you or the participants, until this many "
            "people have finished: with fewer, an average can give one person away.",
        )
        # The form is the facilitator's (English, like the rest of this page): the pace's
        # words are the defaults of the texts the chosen questionnaire translates.
        words = PaceTexts()
        labels = {Pace.SELF: words.self_paced, Pace.FACILITATOR: words.facilitator_paced}
        chosen_pace = st.radio(words.pace, list(labels), format_func=labels.__getitem__)
        closes = st.checkbox("Close automatically at a set time")
        day_col, time_col = st.columns(2)
        day = day_col.date_input("Closing date", value=datetime.now(UTC).date())
        hour = time_col.time_input("Closing time", value=time(17, 0), step=timedelta(minutes=15))
        submitted = st.form_submit_button("Create the workshop", type="primary")
    if not submitted:
        return
    if not title.strip():
        st.error("Give the workshop a title.", icon=":material/error:")
        return
    closes_at = datetime.combine(day, hour, tzinfo=_zone()).astimezone(UTC) if closes else None
    if closes_at is not None and closes_at <= datetime.now(UTC):
        st.error("The closing time has already passed.", icon=":material/error:")
        return
    try:
        workshop, key = workshops().create(
            title,
            str(questionnaire_id),
            threshold=int(threshold),
            closes_at=closes_at,
            pace=chosen_pace,
        )
    except InvalidValue as error:
        st.error(str(error), icon=":material/error:")
        return
    st.session_state[_CREATED] = (workshop, key)
    st.rerun()


def created_screen(workshop: Workshop, key: str) -> None:
    """The code, join link, QR code and the one-time facilitator link of a new workshop."""
    st.title(workshop.title)
    st.success("The workshop is open. Participants can join now.", icon=":material/check_circle:")
    code_col, qr_col = st.columns([3, 2], vertical_alignment="center")
    with code_col:
        st.markdown("**Join code**")
        st.markdown(f"# `{workshop.code}`")
        st.markdown("**Join link**")
        st.code(join_url(workshop.code), language=None, wrap_lines=True)
    with qr_col:
        link = join_url(workshop.code)
        show_qr(link, width=240)
        st.caption("Scan to join")
    st.header("Your facilitator link")
    st.warning(
        "Copy this link now and keep it private: it is shown only this once, and it is the "
        "only way to open the dashboard, close the workshop and download the results.",
        icon=":material/key:",
    )
    st.code(facilitator_url(workshop.code, key), language=None, wrap_lines=True)
    if st.button("Open the dashboard", type="primary", icon=":material/monitoring:"):
        del st.session_state[_CREATED]
        grant(workshop, key)  # so the key never has to travel in the dashboard's address
        st.switch_page(
            DASHBOARD_PAGE,
            query_params={CODE_PARAM: workshop.code, GRANT_PARAM: st.query_params[GRANT_PARAM]},
        )
    if st.button("Create another workshop"):
        del st.session_state[_CREATED]
        st.rerun()


def _zone() -> ZoneInfo:
    """The facilitator's time zone as the browser reports it (UTC if unknown)."""
    try:
        return ZoneInfo(st.context.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
