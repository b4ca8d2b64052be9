"""Sources: where does this come from?"""

import streamlit as st

from data_model.safe_text import md
from monitor import cached, figure_texts, filters, language, policy_texts, statements, texts

t = language.current()
st.title(t.gettext("Where does this come from?"))
st.caption(
    t.gettext(
        "Each article's clean text, with every passage the data set quotes highlighted "
        "(hover a highlight to see which records rest on it); a sentence left uncoded on "
        "purpose is grey, and hovering it gives the reason."
    )
)

sources = cached.sources()
source_id = filters.choose_by_id(
    t.gettext("Article"),
    cached.picker_labels("sources", t.lang),
    param="source",
    key="sources-article",
    t=t,
)

if source_id:
    src = next(sources[sources["source_id"] == source_id].itertuples())
    st.header(md(src.display_title))
    # unsafe_allow_html: the English date basis is marked lang="en" on Khmer pages.
    st.markdown(texts.source_facts_markdown(src, t.lang), unsafe_allow_html=True)
    text_tab, records_tab = st.tabs(
        [t.gettext("Article text"), t.gettext("What the data set takes from it")]
    )
    with text_tab:
        body = cached.source_body(source_id=source_id) or ""
        marked = texts.marked_body(
            body,
            cached.citations(source_id=source_id),
            cached.not_coded(source_id=source_id),
            t.lang,
        )
        # The article in the words it was written in, never translated; its language is not
        # stored, so its script tells fonts and screen readers which it is.
        lang = language.script_language(body)
        st.html(f"<div class='article' lang='{lang}' dir='auto'>{marked}</div>")
    with records_tab:
        st.subheader(t.gettext("Figures"))
        st.markdown(
            figure_texts.figures_markdown(cached.indicators(source_ids=[source_id]), t.lang)
        )
        st.subheader(t.gettext("Statements"))
        statements.statements(cached.statements(source_ids=[source_id]), t)
        st.subheader(t.gettext("Positions on proposals"))
        st.markdown(
            policy_texts.positions_markdown(cached.policy_positions(source_ids=[source_id]), t.lang)
        )
