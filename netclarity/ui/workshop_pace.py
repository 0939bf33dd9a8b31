"""A participant in a facilitator-paced workshop: only the open pages, and a waiting screen.

The questions page shows a participant's page only while it is open
(``netclarity.workshop.pace``); a person who has answered every open page (Next moved them
on to a page not yet open) sees the waiting screen instead, and a paced room's results
wait on the review page until the facilitator ends the sections. Pages already answered
stay open to change (Back, or the review's Edit).

The waiting screen moves on by itself: a fragment looks at the workshop's pace (and whether
it is still open) every
``WATCH_SECONDS`` (read from the database, at most once per ``STATE_SECONDS`` per server)
and reruns the whole page once it differs from what the page was drawn with, so a section
opened on any server reaches every phone within a few seconds, with no reload. A phone
whose screen slept carries on the same way when it wakes: its browser runs the fragment
again, or, if the server forgot the session meanwhile, the page opens afresh from its
resume link, and the saved page decides what it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from netclarity.ui import context, saving
from netclarity.ui.workshop_access import workshop_of, workshops
from netclarity.workshop import pace

if TYPE_CHECKING:
    from netclarity.workshop.store import Workshop  # SQLAlchemy: see netclarity.workshop.pace

WATCH_SECONDS = 3
STATE_SECONDS = 2
_WAITED = "waited_for_results"


State = tuple[str, int, bool]
"""What a waiting screen watches: the pace, the open section, and whether the workshop is
open (closing it shows the closed notice instead)."""


def _of(workshop: Workshop) -> State:
    return (workshop.pace.value, workshop.open_section, workshop.is_open())


@st.cache_data(ttl=STATE_SECONDS, show_spinner=False)
def _state(workshop_id: int) -> State | None:
    """The workshop's state now, shared by every waiting phone on this server."""
    workshop = workshops().get(workshop_id)
    return None if workshop is None else _of(workshop)


def _paced(session: context.Session) -> Workshop | None:
    """The participant's workshop when it is paced, else None."""
    workshop = workshop_of(session)
    return workshop if workshop is not None and pace.paced(workshop) else None


def open_pages(session: context.Session) -> int:
    """How many pages, from the first, this person may see now."""
    workshop = _paced(session)
    questionnaire = session.questionnaire
    return (
        len(questionnaire.pages) if workshop is None else pace.open_pages(questionnaire, workshop)
    )


def results_held(session: context.Session) -> bool:
    """This person's results wait for the facilitator to end the sections."""
    workshop = _paced(session)
    return workshop is not None and pace.results_held(session.questionnaire, workshop)


def released(session: context.Session) -> bool:
    """The person waited for their results, and the facilitator has just ended the sections
    (said once: a later round of theirs is not finished for them)."""
    if not st.session_state.get(_WAITED) or results_held(session):
        return False
    del st.session_state[_WAITED]
    return True


def waiting_screen(session: context.Session, *, results: bool) -> None:
    """ "Waiting for the room": what happens next, a way back, and the watch that moves on."""
    words = session.questionnaire.texts.pace
    workshop = workshop_of(session)
    with st.container(key="pace-waiting"):
        st.title(words.waiting_title)
        st.info(
            words.waiting_results if results else words.waiting_text,
            icon=":material/hourglass_top:",
        )
        if not results:
            last_open = session.questionnaire.pages[open_pages(session) - 1]
            if st.button(words.back_to_answers, icon=":material/arrow_back:", width="stretch"):
                saving.set_page(last_open.id)
                st.rerun()
    if results:
        st.session_state[_WAITED] = True
    if workshop is not None:
        watch(workshop.id, _of(workshop))


@st.fragment(run_every=WATCH_SECONDS)
def watch(workshop_id: int, seen: State) -> None:
    """Rerun the page once the room has moved on from what it was drawn with."""
    if _state(workshop_id) not in (seen, None):
        st.rerun()
