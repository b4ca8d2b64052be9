"""Sources: where does this come from?"""

import streamlit as st

from data_model.safe_text import md
from monitor import cached, figure_texts, filters, policy_texts, statements, texts

st.title("Where does this come from?")
st.caption(
    "Each article's clean text, with every passage the data set quotes highlighted "
    "(hover a highlight to see which records rest on it); a sentence left uncoded on "
    "purpose is grey, and hovering it gives the reason."
)

sources = cached.sources()
source_id = filters.choose_by_id(
    "Article",
    cached.picker_labels("sources"),
    param="source",
    key="sources-article",
)

if source_id:
    src = next(sources[sources["source_id"] == source_id].itertuples())
    st.header(md(src.display_title))
    st.markdown(texts.source_facts_markdown(src))
    text_tab, records_tab = st.tabs(["Article text", "What the data set takes from it"])
    with text_tab:
        body = cached.source_body(source_id=source_id) or ""
        marked = texts.marked_body(
            body, cached.citations(source_id=source_id), cached.not_coded(source_id=source_id)
        )
        st.html(f"<div class='article'>{marked}</div>")
    with records_tab:
        st.subheader("Figures")
        st.markdown(figure_texts.figures_markdown(cached.indicators(source_ids=[source_id])))
        st.subheader("Statements")
        statements.statements(cached.statements(source_ids=[source_id]))
        st.subheader("Positions on proposals")
        st.markdown(
            policy_texts.positions_markdown(cached.policy_positions(source_ids=[source_id]))
        )
