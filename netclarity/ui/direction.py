"""The page's direction and language-specific touches, as a stylesheet (no scripts).

Streamlit has no right-to-left switch. For a questionnaire whose language is written right to
left (``Questionnaire.right_to_left``) a stylesheet sent with ``st.html`` sets
``direction: rtl`` on the app's content: text aligns right, a sentence's final "." sits at
its end, columns (Back and Next, label and arrows) run right to left, and lists put their
numbers on the right. Charts keep Vega's own left-to-right layout box; their words are laid
out right to left by ``netclarity.charts`` itself, as the PDF needs that too.

A slider stays left to right: Streamlit's slider positions its thumb from the left and would
otherwise move opposite to the pointer.

For a questionnaire in any language but English, Streamlit's own English hint under text
inputs ("Press Enter to apply") is hidden: the app says how inputs save in its own words.
"""

from __future__ import annotations

import streamlit as st

from netclarity.questionnaire import Questionnaire

RIGHT_TO_LEFT = """<style>
[data-testid="stMain"], [data-testid="stSidebar"], [data-testid="stDialog"] {
  direction: rtl;
}
[data-testid="stMain"] :is(h1, h2, h3, h4, h5, h6, p, li, label, summary),
[data-testid="stMain"] :is([data-testid="stElementContainer"], [data-testid="stText"]) {
  text-align: start;
}
[data-testid="stProgress"] [role="progressbar"] {
  transform: scaleX(-1);
}
[data-testid="stMain"] :is(ol, ul) {
  padding-left: 0;
  padding-right: 1.5em;
}
[data-testid="stMain"] input {
  text-align: right;
}
[data-testid="stSlider"], [data-testid="stVegaLiteChart"] {
  direction: ltr;
}
</style>"""

NOT_ENGLISH = """<style>
[data-testid="InputInstructions"] {
  display: none;
}
</style>"""


def stylesheets(questionnaire: Questionnaire) -> list[str]:
    """The style blocks this questionnaire's pages need; none for an English, left-to-right
    one. Each is a constant written here: no text from a file ever becomes HTML."""
    blocks = []
    if questionnaire.right_to_left:
        blocks.append(RIGHT_TO_LEFT)
    if not questionnaire.language.lower().startswith("en"):
        blocks.append(NOT_ENGLISH)
    return blocks


def apply(questionnaire: Questionnaire | None) -> None:
    """Send this questionnaire's stylesheets (style only: they take no space on the page)."""
    blocks = stylesheets(questionnaire) if questionnaire is not None else []
    if RIGHT_TO_LEFT in blocks:
        st.html(RIGHT_TO_LEFT)
    if NOT_ENGLISH in blocks:
        st.html(NOT_ENGLISH)
