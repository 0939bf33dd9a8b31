"""Pictures for the PDF, drawn offline: Altair charts as high-resolution PNG, and QR codes.

Charts are the same Altair objects the results page shows (``netclarity.charts``), rendered
by vl-convert's embedded JavaScript engine: no browser and no network (data is inline and
``allowed_base_urls=[]`` forbids fetching anything). PNG rather than SVG because fpdf2 draws
only part of SVG; at ``SCALE`` 2 the charts stay sharp when printed.
"""

from __future__ import annotations

import io
from typing import Any

import segno
import vl_convert

SCALE = 2


def chart_png(chart: Any) -> bytes:
    """An Altair chart (or a Vega-Lite spec as a dict) as PNG at ``SCALE`` times its size.

    The spec is not validated again here (``netclarity.charts`` is tested for that): schema
    validation would add a tenth of a second to every PDF.
    """
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    png: bytes = vl_convert.vegalite_to_png(spec, scale=SCALE, allowed_base_urls=[])
    return png


def qr_png(url: str) -> bytes:
    """A QR code for ``url``; the page around it is its quiet zone."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=0)
    return buffer.getvalue()
