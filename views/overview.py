"""Overview: where does the campaign stand?"""

import streamlit as st

from data_model.safe_text import md
from monitor import cached, copying, figure_texts, figures, language, texts

t = language.current()
st.title(t.gettext("Where does the campaign stand?"))
st.caption(
    t.gettext(
        "Cambodia's anti-drug campaign, launched on {day}, as reported in the news. "
        "Every figure keeps the hedge the article put on it and links to the words it rests on."
    ).format(day=t.date("2017-01-01"))
)
words = cached.overview_texts(t.lang)
st.markdown(words.evidence_base)

st.header(t.gettext("Headline figures"))
columns = st.columns(2)
for n, row in enumerate(cached.headlines(t.lang)):
    with columns[n % 2]:
        st.metric(
            md(row.metric_label), row.words, help=md(figure_texts.headline_evidence(row, t.lang))
        )
        st.caption(
            f"{md(row.period)} · [{md(row.source_label)}]({texts.source_href(row.source_id, t.lang)})"
        )
        st.caption(md(row.how_sure))
        copying.copy_button(figures.headline_citation(row, t), t, with_script=n == 0)

checks = words.checks
st.info(
    t.gettext(
        "Figures checked against each other: {conflicts} conflicts, "
        "{questions} open questions, {agree} in agreement."
    ).format(
        conflicts=t.digits(str(checks["fail"])),
        questions=t.digits(str(checks["warn"])),
        agree=t.digits(str(checks["pass"])),
    ),
    icon=":material/fact_check:",
)
st.page_link(
    "views/checks.py",
    label=t.gettext("See the data checks"),
    query_params=language.params(t),
    icon=":material/arrow_forward:",
)

st.header(t.gettext("The campaign's phases"))
timeline = figures.chart_or_notice("campaign-timeline", t)
if timeline:
    figures.chart_block(timeline, key="overview-timeline", t=t, show_title=False)

left, right = st.columns(2)
with left:
    st.header(t.gettext("Latest reports"))
    for report in cached.sources().head(5).itertuples():
        st.markdown(texts.latest_report_markdown(report, t.lang))
        st.page_link(
            "views/sources.py",
            label=t.gettext("Read it, and what was drawn from it"),
            query_params=language.params(t, {"source": report.source_id}),
            icon=":material/article:",
        )
with right:
    st.header(t.gettext("Proposals on the table"))
    st.markdown(words.proposals)
    st.page_link(
        "views/policies.py",
        label=t.gettext("All proposals and who stands where"),
        query_params=language.params(t),
        icon=":material/gavel:",
    )
