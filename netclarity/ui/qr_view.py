"""Showing a workshop's QR code with a text alternative.

Without one a screen reader announces an unnamed image where the join link should be; the
``alt`` text says what the code is for and where it leads.
"""

from __future__ import annotations

import functools

import streamlit as st

from netclarity.report.images import qr_png

KEPT_CODES = 16
"""QR codes kept (about a kilobyte each): a join link's code is drawn again on every reload
of the dashboard and the projector, and never changes."""


def show_qr(url: str, *, width: int) -> None:
    """The QR code of ``url``, ``width`` pixels wide, described for people who cannot see it."""
    st.image(_code(url), width=width, alt=f"QR code that opens the join link {url}")


@functools.lru_cache(maxsize=KEPT_CODES)
def _code(url: str) -> bytes:
    return qr_png(url)
