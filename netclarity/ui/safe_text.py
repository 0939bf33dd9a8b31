"""Showing text a person typed: always through ``st.text``, never through Markdown.

Streamlit renders Markdown in ``st.markdown``, ``st.caption``, alerts and widget labels.
Backslash-escaping is not enough to show typed text there as typed: the browser still turns
``http://…`` into a link, ``:material/home:`` into an icon (even inside a code span) and
``&lt;`` into ``<``, and folds line breaks and runs of spaces. ``st.text`` shows the string
as it is, with its line breaks, and creates no element from it. Anything a respondent or
participant wrote (answers, plans, findings that quote them, names) goes through ``show``.
"""

from __future__ import annotations

import streamlit as st


def show(text: str) -> None:
    """Show ``text`` exactly as typed: no Markdown, no HTML, no links, no icons."""
    st.text(text)


def show_item(text: str) -> None:
    """One point of a list, shown as ``show`` does, after a bullet."""
    st.text(f"• {text}")
