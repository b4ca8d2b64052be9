"""Embed: one chart, alone, for a frame on someone else's site (?embed=true&chart=ID)."""

import streamlit as st

from corpus.problems import clipped
from data_model.safe_text import md
from monitor import addresses, cached, figures

chart_id = st.query_params.get("chart", "")
charts = cached.chart_titles()
chart = figures.chart_or_notice(chart_id) if chart_id in charts else None

if chart_id not in charts:
    st.info(
        f"There is no chart called “{md(clipped(chart_id, 60))}”."
        if chart_id
        else "No chart was named.",
        icon=":material/info:",
    )
    st.markdown(
        "Charts that can be embedded:\n\n"
        + "\n".join(f"- {title} (`chart={known}`)" for known, title in charts.items())
    )
elif chart is not None:  # else chart_or_notice has said it cannot be drawn
    st.markdown(f"#### {md(chart.title)}")
    figures.chart_block(chart, key=f"embed-{chart_id}", show_title=False, with_evidence=False)
    st.caption(
        f"[See the words behind each figure on the full dashboard]({addresses.permalink(chart_id, embed=False)})"
    )
