"""Data checks: do the reported figures agree with each other?"""

import streamlit as st

from etl.consistency import RULES
from monitor import data, ui, views

st.title("Do the figures agree with each other?")
st.caption(
    "Computed on every build: reports of the same figure by different articles, parts against "
    "totals and shares against counts, and the gaps where no article reports a figure. "
    "An open question means the hedges leave it undecided; a conflict means the figures "
    "cannot all be right."
)

checks = views.readable_checks(data.consistency_checks(), data.sources(), data.metrics())
st.markdown(views.check_summary_markdown(views.check_summary(checks)))

statuses = ui.pick_many(
    "Show", list(views.CHECK_LABELS), key="status", format_func=views.CHECK_LABELS.__getitem__
)
kinds = ui.pick_many("Kind of check", views.CHECK_KINDS, key="kind")
shown = views.filter_checks(checks, statuses, kinds)
st.markdown(views.count_text(len(shown), "check"))
st.markdown(views.checks_markdown(shown))

with st.expander("How the checks work"):
    st.markdown(RULES)
