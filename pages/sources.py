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
        f"**Published:** {ui.date_text(row['published_on'], row['date_precision'])} "
        f"({row['date_basis']})",
        f"**Address:** {row['url']}" if row["url"] else "**Address:** not known",
        f"**Drawn from it:** {row['n_figures']} figures, {row['n_statements']} statements, "
        f"{row['n_quotes']} quoted passages in all",
    ]
    st.markdown("  \n".join(facts))
    text_tab, records_tab = st.tabs(["Article text", "What the data set takes from it"])
    with text_tab:
        body = data.source_body(source_id=source_id) or ""
        st.html(
            f"<div class='article'>{views.marked_body(body, data.citations(source_id=source_id))}</div>"
        )
    with records_tab:
        st.subheader("Figures")
        st.dataframe(
            data.indicators(source_ids=[source_id]),
            column_order=[
                "metric_label",
                "label",
                "qualifier",
                "period_start",
                "period_end",
                "as_of",
                "attribution",
                "quote",
            ],
            hide_index=True,
            key="sources-figures",
        )
        st.subheader("Statements")
        st.dataframe(
            data.statements(source_ids=[source_id]),
            column_order=["actor_name", "actor_role", "quote", "stance", "topic", "kind"],
            hide_index=True,
            key="sources-statements",
        )
        st.subheader("Positions on proposals")
        st.dataframe(
            data.policy_positions(source_ids=[source_id]),
            column_order=["policy_name", "actor_name", "position", "quote"],
            hide_index=True,
            key="sources-positions",
        )
