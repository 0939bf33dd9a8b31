"""Where keyboard focus goes after Next or Back: the first problem, else the new page's top.

Streamlit has no way to move focus, and after a press the focus stays on the button (or falls
to the page's top), so a keyboard or screen-reader user would have to hunt for what went wrong
or for where the new page starts. After Next with a problem, focus moves to the first control
of the first question that shows a message; after any other move (Next, Back, Edit from the
review) to the new page's heading, which a screen reader reads with the page's intro after it
and from which Tab reaches the first question. The heading rather than the first control:
focusing a text box would skip the title and intro and, on a phone, open the keyboard over
the page.

The script that does it is a constant written here (nothing from a file or an answer is in
it), run in the page through ``st.html``. It is drawn last on every questions page inside a
container whose key names the move: what it moves to, this session's mark and the move's
number (``focus-problem-1f0c9a2e-3``, ``focus-heading-1f0c9a2e-4``). Streamlit keeps an
element whose key has not changed, so the script runs again only when a new move has been
made, never while the person types or picks an option; drawn last, it runs once everything
above it is on the page. If the person has already put focus somewhere else by the time it
runs, it leaves it there (focus this script put somewhere does not count: a person quick
enough to press Next before the previous move's script ran would otherwise keep focus on
that page's heading), and it scrolls only to bring what it focuses into view. Questions
and their messages carry the keyed classes it looks for (``question-…`` and ``problem-…``, see
``widgets.render``).

Nothing in Streamlit promises that these scripts run once each, in the order of the moves:
a container drawn where another was shows the other's contents, scripts included and run
again, until its own arrive; and a person who presses Next the moment a page arrives has
the heading's move and the problem's move on the way at once. So the page remembers the
newest move it has carried out (in ``window``: a reload forgets it with the page) and a
script whose move is not newer does nothing: the heading never takes focus back from the
first problem. Moves are numbered per server session, and a restarted server starts again
from 0, so numbers are compared only under the same session mark (random, one per session).
"""

from __future__ import annotations

import secrets

import streamlit as st

MOVE = "focus_move"
MARK = "focus_mark"

MOVE_FOCUS = """<script>
(() => {
  const marker = document.currentScript?.closest('[class*="st-key-focus-"]');
  if (!marker) return;
  const key = /st-key-focus-[a-z]+-([0-9a-f]+)-([0-9]+)/.exec(marker.className);
  if (!key) return;
  const [, mark, number] = key;
  const newest = window.netclarityFocusMove;
  if (newest?.mark === mark && newest.number >= Number(number)) return;
  window.netclarityFocusMove = { mark, number: Number(number) };
  const held = document.activeElement;
  const free = !held || held === document.body || !held.isConnected ||
    held.closest('[class*="st-key-nav_"]') || held.hasAttribute("data-moved-focus");
  if (!free) return;
  const above = (element) =>
    marker.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING;
  const first = (selector) => [...document.querySelectorAll(selector)].find(above);
  const show = (element, start) => {
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) start.scrollIntoView({ block: "start" });
  };
  const problem = /st-key-focus-problem-/.test(marker.className) &&
    first('[class*="st-key-problem-"]');
  if (problem) {
    const question = problem.closest('[class*="st-key-question-"]') || problem;
    const control = question.querySelector(
      'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), [role="slider"]'
    ) || question.querySelector('button:not([disabled]), [tabindex="0"]');
    const target = control || problem;
    if (!control) target.setAttribute("tabindex", "-1");
    target.setAttribute("data-moved-focus", "");
    target.focus({ preventScroll: true });
    show(target, question);
    return;
  }
  const heading = first('[data-testid="stMain"] h1');
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.setAttribute("data-moved-focus", "");
  heading.focus({ preventScroll: true });
  show(heading, heading);
})();
</script>"""


def moved(*, to_problem: bool = False) -> None:
    """Note a move (Next, Back, Edit): the next questions page draws a new focus marker."""
    count = st.session_state.get(MOVE, (0, False))[0]
    st.session_state[MOVE] = (count + 1, to_problem)


def place() -> None:
    """Draw the focus marker; call once per run, after everything on the questions page."""
    count, to_problem = st.session_state.get(MOVE, (0, False))
    mark = st.session_state.setdefault(MARK, secrets.token_hex(4))
    with st.container(key=f"focus-{'problem' if to_problem else 'heading'}-{mark}-{count}"):
        st.html(MOVE_FOCUS, unsafe_allow_javascript=True)
