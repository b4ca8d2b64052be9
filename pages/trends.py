"""Trends: what did the campaign do over time?"""

import streamlit as st

from charts.catalogue import TRENDS_SECTIONS, build_chart
from monitor import data, ui

st.title("What did the campaign do over time?")
st.caption(
    "Each marker is one figure as an article reported it, on the date it stands for. "
    "Figures are never joined by lines: a line would show values no article gave. "
    "Shaded bands are the campaign's phases."
)

interactive = st.toggle(
    "Interactive charts (hover for details; slower to load)",
    key="interactive",
    bind="query-params",
)
# One section at a time: each is a few charts, and the page stays quick to open.
section = (
    st.segmented_control(
        "Section", list(TRENDS_SECTIONS), default="Arrests", key="section", bind="query-params"
    )
    or "Arrests"
)
for chart_id in TRENDS_SECTIONS[section]:
    chart = build_chart(chart_id, data)
    if chart:
        ui.chart_block(chart, key=f"trends-{chart_id}", interactive=interactive)
