"""What every run needs before drawing: page settings and the person's session.

``app.py`` calls ``prepare()`` and then ``st.navigation``. Every page calls it too, because
Streamlit runs a page script *without* ``app.py`` when the very first request to a freshly
started server asks for a page's URL (e.g. a resume link to ``/questions`` after a restart):
the legacy ``pages/`` folder routing applies until ``st.navigation`` has run once. Calling it
twice in one run is harmless: both steps are idempotent.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from netclarity.questionnaire import Questionnaire
from netclarity.ui import context, direction, style

ICON = str(Path(__file__).parent / "assets" / "icon.png")
"""The tab icon, shipped with the app (``icon.svg`` is its source): a Material icon name here
would make every page load fetch the icon font from the internet, which venue Wi-Fi and
privacy-minded clients should not have to allow."""


def prepare() -> None:
    st.set_page_config(page_title="Networking Clarity", page_icon=ICON, layout="centered")
    style.apply()
    context.restore()
    session = context.current()
    if session is not None:
        dress(session.questionnaire)


def dress(questionnaire: Questionnaire, title: str | None = None) -> None:
    """The tab's title (the questionnaire's own, in its language) and the page's direction.

    Called for the person's questionnaire on every page, and by the welcome and join pages
    for the questionnaire they show before anyone has started.
    """
    st.set_page_config(page_title=title or questionnaire.title)
    direction.apply(questionnaire)
