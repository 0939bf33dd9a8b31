"""What every run needs before drawing (page settings, the person's session), once per run.

``app.py`` calls ``prepare()`` and then ``st.navigation``; each page script starts with
``through_app()``, which does nothing when ``app.py`` is running the page. It may not be:
Streamlit finds the ``pages/`` folder beside ``app.py`` and, until some run in the
process has called ``st.navigation``, routes every request the old way: a request for a
page's URL (a resume link to ``/questions`` as the first visit after a restart) runs that
page's script alone, and so does every later request until somebody opens the app's root.
Such a run prepares the page itself. ``prepare`` also starts the warm-up, so such a server
warms up too: without its ``gc.freeze``, Streamlit's full garbage collection after each run
took 100–300 ms, two runs per Next. (Turning the old routing off from a page, as
``st.navigation`` does, was tried: a page switch asked for in an old-style run then landed
on the welcome page in the next one.) What such a server still lacks until someone opens
the root is the rest of ``app.py``: the reconnecting notice.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from netclarity.questionnaire import Questionnaire
from netclarity.ui import context, direction, style, warmup

ICON = str(Path(__file__).parent / "assets" / "icon.png")
"""The tab icon, shipped with the app (``icon.svg`` is its source): a Material icon name here
would make every page load fetch the icon font from the internet, which venue Wi-Fi and
privacy-minded clients should not have to allow."""


def through_app() -> None:
    """Called first by every page script: a page run without ``app.py`` (the old routing,
    see above) prepares itself."""
    if PagesManager.uses_pages_directory:
        prepare()


def prepare() -> None:
    """Once per run (by ``app.py`` before ``st.navigation``, or by a page run without it):
    settings, stylesheet, session, and the warm-up after the process's first run."""
    st.set_page_config(page_title="Networking Clarity", page_icon=ICON, layout="centered")
    style.apply()
    context.restore()
    session = context.current()
    if session is not None:
        dress(session.questionnaire)
    warmup.start()  # once per process; it waits until this run is over


def dress(questionnaire: Questionnaire, title: str | None = None) -> None:
    """The tab's title (the questionnaire's own, in its language) and the page's direction.

    Called for the person's questionnaire on every page, and by the welcome and join pages
    for the questionnaire they show before anyone has started.
    """
    st.set_page_config(page_title=title or questionnaire.title)
    direction.apply(questionnaire)
