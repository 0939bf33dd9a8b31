"""The app's own stylesheet: what the theme in ``.streamlit/config.toml`` cannot say.

Injected once per run by ``shell.prepare`` (from ``app.py``) through ``st.html`` (a stylesheet
only, no script). Each rule targets the ``st-key-…`` class Streamlit gives a keyed container,
so it reaches only the widgets the app marks for it:

* focus: every control shows a 3 px outline in the theme's primary colour (#0B5A73, 7.1:1
  on white) when reached by keyboard
  (Streamlit's own is a 1 px border change, or a faint grey for radios);
* scales (``scale-…``): the options of a Likert question or of each row of a choice matrix
  share one row in equal cells whose words wrap inside the cell, so the row reads as a scale
  at any desktop width; on a narrow screen they become a clean vertical list;
* moving focus (``focus-…``, ``question-…``; ``ui/focus.py``): the marker takes no space, and
  a question or heading focus moves to is scrolled to below Streamlit's header;
* opening the results after a paced workshop (``open-results``, ``ui/workshop_pace.py``):
  the link the page follows by itself is not shown;
* running totals (``total-…``): the counter under an allocation stays in view at the bottom
  of the screen while the person types amounts further up.
"""

from __future__ import annotations

import streamlit as st

STYLESHEET = """
<style>
:is(input, textarea, button, [role="radio"], [role="checkbox"], [role="switch"],
    [role="slider"], [role="tab"], a, summary):focus-visible {
  outline: 3px solid #0B5A73 !important;
  outline-offset: 2px;
}
[data-testid="stRadioOption"]:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 3px solid #0B5A73;
  outline-offset: 2px;
  border-radius: 4px;
}
[data-testid="stMain"] h1[tabindex="-1"]:focus-visible {
  outline: 3px solid #0B5A73;
  outline-offset: 2px;
}
/* where ui/focus.py moves focus: the question with its label, or the heading with the
   progress bar above it, below Streamlit's header */
[class*="st-key-question-"] { scroll-margin-top: 4.5rem; }
[data-testid="stMain"] h1 { scroll-margin-top: 7rem; }
[class*="st-key-focus-"] { display: none; }
.st-key-open-results { display: none; }
[class*="st-key-scale-"] [role="radiogroup"] {
  display: flex;
  flex-direction: row;
  flex-wrap: nowrap;
  align-items: stretch;
  gap: 0.75rem;
}
[class*="st-key-scale-"] [role="radiogroup"] > div {
  flex: 1 1 0;
  min-width: 0;
  margin: 0;
}
[class*="st-key-scale-"] [data-testid="stRadioOption"] {
  min-height: 24px;
  margin: 0;
}
@media (max-width: 640px) {
  [class*="st-key-scale-"] [role="radiogroup"] {
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25rem;
  }
  [class*="st-key-scale-"] [role="radiogroup"] > div {
    flex: none;
    width: 100%;
  }
}
@media (max-width: 640px) {
  /* a chart's toolbar would cover the caption above it when the chart is touched */
  [data-testid="stVegaLiteChart"] ~ [data-testid="stElementToolbar"],
  [data-testid="stElementToolbar"]:has(+ [data-testid="stVegaLiteChart"]) {
    display: none;
  }
}
/* Streamlit wraps the keyed container in a layout wrapper of the same height, so it is the
   wrapper that sticks (within the question's block, which is tall enough to let it). */
[data-testid="stLayoutWrapper"]:has(> [class*="st-key-total-"]) {
  position: sticky;
  bottom: 0;
  z-index: 2;
  background: var(--st-background-color, #ffffff);
}
[class*="st-key-total-"] {
  background: var(--st-background-color, #ffffff);
  padding: 0.25rem 0;
}
/* A box scrolled into view (by Tab, or the browser when it takes focus) stops above the
   stuck total instead of behind it. */
[data-testid="stMain"] {
  scroll-padding-bottom: 5rem;
}
</style>
"""


def apply() -> None:
    st.html(STYLESHEET)
