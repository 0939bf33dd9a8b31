"""What every run needs before drawing (page settings, the person's session), once per run.

``app.py`` calls ``prepare()`` and then ``st.navigation``; each page script starts with
``through_app()``, which does nothing when ``app.py`` is running the page. It is not,
because Streamlit finds the ``pages/`` folder beside ``app.py`` and, until some run in the
process has called ``st.navigation``, routes every request the old way: a request for a
page's URL (a resume link to ``/questions`` as the first visit after a restart) runs that
page's script alone. Left alone, that routing lasted until somebody opened the app's root,
and every run until then missed what ``app.py`` does around the page: the reconnecting
notice, and the warm-up whose ``gc.freeze`` keeps Streamlit's full garbage collection after
each run short (without it, 100–300 ms per run, two runs per Next). So such a run prepares
the page itself and turns the old routing off, as ``st.navigation`` does: from the next run
on, every page runs inside ``app.py``. (It does not start again through ``app.py`` at once:
a rerun would drop the click that caused this run, e.g. Next pressed in a tab that has just
reconnected to a restarted server.)
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
    see above) prepares itself and makes later runs go through ``app.py``."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        prepare()


def prepare() -> None:
    """Once per run, by ``app.py`` before ``st.navigation``: settings, stylesheet, session,
    and the warm-up's start after the process's first run (``warmup.py``)."""
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
