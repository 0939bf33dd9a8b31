"""Showing an Altair chart on a page (results, comparison, workshop dashboard)."""

from __future__ import annotations

import altair as alt
import streamlit as st


def show_chart(chart: alt.LayerChart) -> None:
    """A chart with its title and subtitle as page text, so they wrap on a phone.

    Inside the chart they are broken into lines for a fixed width (right for the PDF); on a
    390 px screen Vega-Lite would cut them off instead.
    """
    title = chart.title
    if isinstance(title, alt.TitleParams):
        text = title.text if isinstance(title.text, list) else [title.text]
        st.markdown(f"**{' '.join(text)}**")
        subtitle = title.subtitle
        if isinstance(subtitle, list | str):
            st.caption(" ".join(subtitle) if isinstance(subtitle, list) else subtitle)
        chart = chart.copy(deep=False)
        chart.title = alt.Undefined
    st.altair_chart(chart, width="stretch")
