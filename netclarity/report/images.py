"""Pictures for the PDF, drawn offline: Altair charts as high-resolution PNG, and QR codes.

Charts are the same Altair objects the results page shows (``netclarity.charts``), rendered
by vl-convert's embedded JavaScript engine: no browser and no network (data is inline and
``allowed_base_urls=[]`` forbids fetching anything). PNG rather than SVG because fpdf2 draws
only part of SVG; at ``SCALE`` 2 the charts stay sharp when printed.
"""

from __future__ import annotations

import functools
import io
import json
from typing import Any

import segno
import vl_convert

from netclarity.report.document import png_size

SCALE = 2
PX_TO_MM = 25.4 / 96
"""Size of a CSS pixel (what Vega-Lite lays charts out in) on paper."""
RENDERED = 48
"""Chart pictures kept for reuse (about 100 kB each): a few dozen people's current PDFs."""
PLOT_SHARE = 0.68
"""The share of the text width a chart's plot gets; its axis labels and legend take the rest."""


def plot_width(text_width: float) -> int:
    """The plot width in pixels to ask a chart builder for, for a text ``text_width`` mm wide."""
    return round(text_width / PX_TO_MM * PLOT_SHARE)


def chart_width(png: bytes) -> float:
    """The width in mm at which a chart from ``chart_png`` prints at its designed size."""
    pixels_wide, _ = png_size(png)
    return pixels_wide / SCALE * PX_TO_MM


def chart_png(chart: Any) -> bytes:
    """An Altair chart (or a Vega-Lite spec as a dict) as PNG at ``SCALE`` times its size.

    The spec is not validated again here (``netclarity.charts`` is tested for that): schema
    validation would add a tenth of a second to every PDF.
    """
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    return _rendered(json.dumps(spec, sort_keys=True, ensure_ascii=False))


@functools.lru_cache(maxsize=RENDERED)
def _rendered(spec: str) -> bytes:
    """Each chart is drawn once and reused: a check-in PDF holds twice the charts of a first
    round, and a person downloads the same round again with another name or paper size
    (which changes no chart, or only the widths)."""
    png: bytes = vl_convert.vegalite_to_png(json.loads(spec), scale=SCALE, allowed_base_urls=[])
    return png


def qr_png(url: str) -> bytes:
    """A QR code for ``url``; the page around it is its quiet zone."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=0)
    return buffer.getvalue()
