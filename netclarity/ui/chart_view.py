"""Showing an Altair chart on a page (results, comparison, workshop dashboard).

A chart reaches the page as a ``ChartView``: its title and subtitle as page text, and its
Vega-Lite spec. Building the Altair objects and turning them into a validated spec is most
of what a chart costs a rerun (about a tenth of a second for the results' three), so a page
whose charts only change with the answers keeps their views (``netclarity.ui.results``)
instead of building them again for every keystroke in a text box further down.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import altair as alt
import streamlit as st

_THEME = threading.Lock()
"""Altair's theme is global to the process: one conversion at a time switches it."""


@dataclass(frozen=True)
class ChartView:
    """A chart as the page shows it: title and subtitle as text, the rest as a spec."""

    title: str | None
    subtitle: str | None
    spec: dict[str, Any]


def view_of(chart: alt.LayerChart | alt.Chart) -> ChartView:
    """The chart's title and subtitle taken out as text, so they wrap on a phone.

    Inside the chart they are broken into lines for a fixed width (right for the PDF); on a
    390 px screen Vega-Lite would cut them off instead. The spec is made as
    ``st.altair_chart`` makes it: validated, under Altair's "none" theme (Streamlit drops
    the default theme's fixed sizes and applies its own).
    """
    title = subtitle = None
    if isinstance(chart.title, alt.TitleParams):
        text = chart.title.text
        title = " ".join(text) if isinstance(text, list) else str(text)
        lines = chart.title.subtitle
        if isinstance(lines, list | str):
            subtitle = " ".join(lines) if isinstance(lines, list) else lines
        chart = chart.copy(deep=False)
        chart.title = alt.Undefined
    with _THEME, alt.theme.enable("none"):
        spec = chart.to_dict()
    return ChartView(title, subtitle, spec)


def show_view(view: ChartView) -> None:
    if view.title is not None:
        st.markdown(f"**{view.title}**")
    if view.subtitle is not None:
        st.caption(view.subtitle)
    # Streamlit moves the data out of the spec it is given, so a view is shown once: a kept
    # one comes from st.cache_data, which hands out a fresh copy each time.
    st.vega_lite_chart(view.spec, width="stretch")


def show_chart(chart: alt.LayerChart | alt.Chart) -> None:
    show_view(view_of(chart))
