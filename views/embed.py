"""Embed: one chart, alone, for a frame on someone else's site (?embed=true&chart=ID)."""

import streamlit as st

from corpus.problems import clipped
from data_model.safe_text import md
from monitor import addresses, cached, figures, language

t = language.current()
chart_id = st.query_params.get("chart", "")
charts = cached.chart_titles(t.lang)
chart = figures.chart_or_notice(chart_id, t) if chart_id in charts else None

if chart_id not in charts:
    st.info(
        t.gettext("There is no chart called “{chart}”.").format(chart=md(clipped(chart_id, 60)))
        if chart_id
        else t.gettext("No chart was named."),
        icon=":material/info:",
    )
    st.markdown(
        t.gettext("Charts that can be embedded:")
        + "\n\n"
        + "\n".join(f"- {title} (`chart={known}`)" for known, title in charts.items())
    )
elif chart is not None:  # else chart_or_notice has said it cannot be drawn
    st.markdown(f"#### {md(chart.title)}")
    figures.chart_block(chart, key=f"embed-{chart_id}", t=t, show_title=False, with_evidence=False)
    full = addresses.permalink(chart_id, embed=False, lang=t.lang)
    words = t.gettext("See the words behind each figure on the full dashboard")
    st.caption(f"[{words}]({full})")
