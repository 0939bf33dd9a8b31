"""Showing a workshop's QR code with a text alternative.

Without one a screen reader announces an unnamed image where the join link should be; the
``alt`` text says what the code is for and where it leads.
"""

from __future__ import annotations

import streamlit as st

from netclarity.report.images import qr_png


def show_qr(url: str, *, width: int) -> None:
    """The QR code of ``url``, ``width`` pixels wide, described for people who cannot see it."""
    st.image(qr_png(url), width=width, alt=f"QR code that opens the join link {url}")
