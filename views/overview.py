"""Overview: where does the campaign stand?"""

import streamlit as st

from data_model.safe_text import md
from monitor import cached, figure_texts, figures, texts

st.title("Where does the campaign stand?")
st.caption(
    "Cambodia's anti-drug campaign, launched on 1 January 2017, as reported in the news. "
    "Every figure keeps the hedge the article put on it and links to the words it rests on."
)
words = cached.overview_texts()
st.markdown(words.evidence_base)

st.header("Headline figures")
columns = st.columns(2)
for n, row in enumerate(cached.headlines()):
    with columns[n % 2]:
        st.metric(md(row.metric_label), row.words, help=md(figure_texts.headline_evidence(row)))
        st.caption(
            f"{md(row.period)} · [{md(row.source_label)}]({texts.source_href(row.source_id)})"
        )
        st.caption(md(row.how_sure))

checks = words.checks
st.info(
    f"Figures checked against each other: {checks['fail']} conflicts, "
    f"{checks['warn']} open questions, {checks['pass']} in agreement.",
    icon=":material/fact_check:",
)
st.page_link("views/checks.py", label="See the data checks", icon=":material/arrow_forward:")

st.header("The campaign's phases")
timeline = figures.chart_or_notice("campaign-timeline")
if timeline:
    figures.chart_block(timeline, key="overview-timeline", show_title=False)

left, right = st.columns(2)
with left:
    st.header("Latest reports")
    for report in cached.sources().head(5).itertuples():
        st.markdown(texts.latest_report_markdown(report))
        st.page_link(
            "views/sources.py",
            label="Read it, and what was drawn from it",
            query_params={"source": report.source_id},
            icon=":material/article:",
        )
with right:
    st.header("Proposals on the table")
    st.markdown(words.proposals)
    st.page_link(
        "views/policies.py", label="All proposals and who stands where", icon=":material/gavel:"
    )
