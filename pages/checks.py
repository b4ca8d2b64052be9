"""Data checks: do the reported figures agree with each other?"""

import streamlit as st

from etl.consistency import RULES
from monitor import cached, texts, ui

st.title("Do the figures agree with each other?")
st.caption(
    "Computed on every build: reports of the same figure by different articles, parts against "
    "totals and shares against counts, and the gaps where no article reports a figure. "
    "An open question means the hedges leave it undecided; a conflict means the figures "
    "cannot all be right."
)

checks = texts.readable_checks(cached.consistency_checks(), cached.sources(), cached.metrics())
st.markdown(texts.check_summary_markdown(texts.check_summary(checks)))

statuses = ui.pick_many(
    "Show", list(texts.CHECK_LABELS), key="status", format_func=texts.CHECK_LABELS.__getitem__
)
kinds = ui.pick_many("Kind of check", texts.CHECK_KINDS, key="kind")
shown = texts.filter_checks(checks, statuses, kinds)
st.markdown(texts.count_text(len(shown), "check"))
st.markdown(texts.checks_markdown(shown))

with st.expander("How the checks work"):
    st.markdown(RULES)
