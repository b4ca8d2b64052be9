"""Data checks: do the reported figures agree with each other?"""

import streamlit as st

from data_model.check_rules import RULES
from monitor import cached, check_texts, filters, paging, texts

st.title("Do the figures agree with each other?")
st.caption(
    "Computed on every build: reports of the same figure by different articles, parts against "
    "totals and shares against counts, and the gaps where no article reports a figure. "
    "An open question means the hedges leave it undecided; a conflict means the figures "
    "cannot all be right."
)

checks = cached.readable_checks()
st.markdown(check_texts.check_summary_markdown(check_texts.check_summary(checks)))

statuses, kinds = [], []
panel = filters.filter_panel("Filter checks", ("status", "kind"), key="check-filters")
if panel:
    with panel:
        statuses = filters.pick_many(
            "Show",
            list(check_texts.CHECK_LABELS),
            key="status",
            format_func=check_texts.CHECK_LABELS.__getitem__,
        )
        kinds = filters.pick_many("Kind of check", check_texts.CHECK_KINDS, key="kind")
shown = check_texts.filter_checks(checks, statuses, kinds)
st.markdown(texts.count_text(len(shown), "check"))
# Conflicts and real tensions first; a figure reported once only is noted, set aside.
aside = check_texts.once_only(shown)
paging.paged_checks(shown[~aside], key="page")
if aside.any():
    n_aside = int(aside.sum())
    label = f"Reported once only ({n_aside} figure{'s' if n_aside != 1 else ''})"
    with st.expander(label, key="once-only"):
        st.caption("Nothing contradicts these figures, and nothing confirms them either.")
        paging.paged_checks(shown[aside], key="once-page")

with st.expander("How the checks work"):
    st.markdown(RULES)
