"""Trends: what did the campaign do over time?"""

import streamlit as st

from charts.catalogue import build_chart
from monitor import data, ui

SECTIONS = {
    "Arrests": ["arrests-over-time", "arrests-by-phase"],
    "Users and traffickers": ["users-share", "users-vs-traffickers"],
    "Rehabilitation and treatment": [
        "treatment-capacity",
        "treatment-people",
        "methadone-dropouts",
    ],
    "Seizures and destruction": ["drug-seizures"],
}

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
tabs = st.tabs(list(SECTIONS))
for tab, chart_ids in zip(tabs, SECTIONS.values(), strict=True):
    with tab:
        for chart_id in chart_ids:
            chart = build_chart(chart_id, data)
            if chart:
                ui.chart_block(chart, key=f"trends-{chart_id}", interactive=interactive)
