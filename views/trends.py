"""Trends: what did the campaign do over time?"""

import streamlit as st

from monitor import cached, figures, language

t = language.current()
st.title(t.gettext("What did the campaign do over time?"))
st.caption(
    t.gettext(
        "Each marker is one figure as an article reported it, on the date it stands for. "
        "Figures are never joined by lines: a line would show values no article gave. "
        "Shaded bands are the campaign's phases."
    )
)

# Sections and the interactive switch are links (?section=…&interactive=true) that a reader
# can share. One section per category of metrics with figures (categories.yaml), from the data.
section = figures.trends_section_in_address()
interactive = st.query_params.get("interactive") == "true"
if section is None:
    st.info(t.gettext("No article reports a figure yet."), icon=":material/info:")
else:
    figures.trends_menu(cached.trends_sections(t.lang), section, interactive, t)
    figures.scroll_to_chart(st.query_params.get("chart"))
    for chart_id in section.chart_ids:
        chart = figures.chart_or_notice(chart_id, t)
        if chart:
            figures.chart_block(chart, key=f"trends-{chart_id}", t=t, interactive=interactive)
