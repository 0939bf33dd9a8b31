"""A notice for the seconds a page has lost its server: reconnecting, and nothing is lost.

When the connection to the server drops (a server restarted, or killed behind a load
balancer that moves the tab to another one), Streamlit disables every widget until it has
reconnected, but says nothing a participant would notice on a phone. The server cannot
draw anything while it is gone, so the notice is drawn beforehand, on every run, and hidden
by a stylesheet. Streamlit marks nothing else in the page while disconnected, so the notice
has a probe beside it: a hidden toggle the app never disables, so it is disabled exactly
while the page is disconnected, and the stylesheet shows the notice then. No script runs:
it is CSS written in the code, and the text is plain Markdown from the questionnaire.
"""

from __future__ import annotations

import streamlit as st

from netclarity.questionnaire import Texts
from netclarity.ui import context

KEY = "reconnecting"
PROBE = "reconnect-probe"
TICK_SECONDS = 3

RECONNECTING_STYLE = """
<style>
.st-key-reconnecting, .st-key-reconnect-probe { display: none; }
body:has(.st-key-reconnect-probe input:disabled) .st-key-reconnecting {
  display: block; position: fixed; top: 0.75rem; left: 50%; transform: translateX(-50%);
  z-index: 1000100; width: min(92vw, 38rem); padding: 0.75rem 1rem;
  background: #FFF4D6; color: #3D2E00; border: 1px solid #C9A227; border-radius: 0.5rem;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
}
body:has(.st-key-reconnect-probe input:disabled) .st-key-reconnecting * { opacity: 1 !important; }
</style>
"""


def notice() -> None:
    """Draw the (hidden) notice; call once per run, after the page."""
    texts = _texts()
    st.html(RECONNECTING_STYLE)
    with st.container(key=KEY):
        st.markdown(f":material/sync: {texts.reconnecting}")
    st.toggle("Connected", key=PROBE, label_visibility="collapsed")
    _tick()


@st.fragment(run_every=TICK_SECONDS)
def _tick() -> None:
    """Nothing to draw: the browser's timer for it is what makes a new server run the page.

    After reconnecting to a server that does not know this tab (its own restarted, or
    another behind a load balancer), Streamlit waits for the next interaction to run the
    page, and that first run meets widgets it has never registered: the answer given with
    that tap was dropped (``widgets._seed`` put the stored value back). The tick's rerun
    request, which the new server cannot match to a fragment, runs the whole page within
    ``TICK_SECONDS``, so the person's next tap finds everything in place. It costs one
    empty fragment run per tab every few seconds.
    """


def _texts() -> Texts:
    """The person's questionnaire's words, else those the welcome page speaks."""
    session = context.current()
    if session is not None:
        return session.questionnaire.texts
    loaded = list(context.catalogue().loaded.values())
    return loaded[0].questionnaire.texts if loaded else Texts()
