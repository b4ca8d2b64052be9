"""Sources: where does this come from?"""

import streamlit as st

from monitor import data, ui, views

st.title("Where does this come from?")
st.caption(
    "Each article's clean text, with every passage the data set quotes highlighted "
    "(hover a highlight to see which records rest on it)."
)

sources = data.sources()
labels = dict(zip(sources["source_id"], sources["short_label"], strict=True))
source_id = ui.choose_by_id("Article", labels, param="source", key="sources-article")

if source_id:
    row = sources.set_index("source_id").loc[source_id]
    st.header(row["display_title"])
    facts = [
        f"**Outlet:** {row['outlet']}"
        + (f" · **Reporter:** {row['reporter']}" if row["reporter"] else ""),
        f"**Published:** {ui.date_text(row['published_on'], row['date_precision'])}",
        f"**How the date is known:** {row['date_basis']}",
        f"**Address:** {row['url']}" if row["url"] else "**Address:** not known",
        f"**Drawn from it:** {row['n_figures']} figures, {row['n_statements']} statements, "
        f"{row['n_quotes']} quoted passages in all",
    ]
    st.markdown("  \n".join(facts))
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
