"""Showing a workshop's QR code with a text alternative.

``st.image`` gives its picture no ``alt`` text, so a screen reader announces an unnamed
image where the join link should be; the QR code is drawn here as a plain ``<img>`` whose
``alt`` says what it is for and where it leads.
"""

from __future__ import annotations

import base64
import html

import streamlit as st

from netclarity.report.images import qr_png


def show_qr(url: str, *, alt: str, width: int) -> None:
    """The QR code of ``url``, ``width`` pixels wide, described by ``alt``."""
    data = base64.b64encode(qr_png(url)).decode("ascii")
    st.html(
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" '
        f'width="{width}" height="{width}" style="display:block">'
    )
