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

Once the facilitator has ended, the results page is opened by the browser, not by the
server: the review page draws a hidden link to it and a constant script that follows it
(``open_results``). Switched by the server (``st.switch_page``), the page's timers (this
watch, and ``reconnecting``'s tick) fire on until the browser hears of the switch, and a
rerun request they send meanwhile names the waiting page: Streamlit keeps it until the
results have been drawn, then runs it as a fragment run of the waiting page, and the browser,
told it is on another page, clears the results (the fragment no longer exists, so nothing is
drawn again and no error is logged). Following a link, the browser stops its timers first.
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
OPENER = "open-results"

FOLLOW_THE_LINK = """<script>
(() => {
  const opener = document.currentScript?.closest(".st-key-open-results");
  let tries = 0;
  const follow = () => {
    const link = opener?.isConnected &&
      opener.querySelector('a[data-testid="stPageLink-NavLink"]');
    if (link) link.click();
    else if (opener?.isConnected && ++tries < 100) setTimeout(follow, 100);
  };
  follow();
})();
</script>"""
"""Follow the results link beside it, once it is drawn (Streamlit draws a link a moment
after the script if its code is still loading). Only that link: until it is drawn, the
container can still hold what was drawn in its place before, such as the waiting screen's
title with its own link to itself."""


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


def open_results(page: str, label: str) -> None:
    """Open the results ``page`` from the browser: a hidden link to it, followed at once."""
    with st.container(key=OPENER):
        st.page_link(page, label=label)
        st.html(FOLLOW_THE_LINK, unsafe_allow_javascript=True)
