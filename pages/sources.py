"""Sources: where does this come from?"""

import streamlit as st

from monitor import data, ui, views
from monitor.safe_text import md

st.title("Where does this come from?")
st.caption(
    "Each article's clean text, with every passage the data set quotes highlighted "
    "(hover a highlight to see which records rest on it)."
)

sources = data.sources()
source_id = ui.choose_by_id(
    "Article",
    views.labels(sources, "source_id", "short_label"),
    param="source",
    key="sources-article",
)

if source_id:
    src = next(sources[sources["source_id"] == source_id].itertuples())
    st.header(md(src.display_title))
    st.markdown(views.source_facts_markdown(src))
    text_tab, records_tab = st.tabs(["Article text", "What the data set takes from it"])
    with text_tab:
        body = data.source_body(source_id=source_id) or ""
        marked = views.marked_body(body, data.citations(source_id=source_id))
        st.html(f"<div class='article'>{marked}</div>")
    with records_tab:
        st.subheader("Figures")
        st.markdown(views.figures_markdown(data.indicators(source_ids=[source_id])))
        st.subheader("Statements")
        ui.statements(data.statements(source_ids=[source_id]))
        st.subheader("Positions on proposals")
        st.markdown(views.positions_markdown(data.policy_positions(source_ids=[source_id])))
