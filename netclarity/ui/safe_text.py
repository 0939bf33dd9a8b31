"""Showing text a person typed: always as text, never as Markdown or HTML.

Streamlit renders Markdown in ``st.markdown`` and in widget labels. Anything a respondent
or participant wrote (answers, display names) goes through here, so ``<script>``, a
Markdown image or a link is shown literally, exactly as typed.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown (and Streamlit's directives) would interpret."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
