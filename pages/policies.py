"""Policies: what is proposed, and who stands where?"""

import streamlit as st

from data_model.records import PolicyCategory, PolicyStatus
from monitor import cached, texts, ui

st.title("What is proposed, and who stands where?")
st.caption(
    "Each proposal or measure the articles discuss, who put it forward and when, its status "
    "as far as the articles say, and the named actors for and against it, in their words. "
    "Filters are kept in the address: share the link."
)

categories = ui.pick_many("Area", [c.value for c in PolicyCategory], key="category")
statuses = ui.pick_many(
    "Status", [s.value for s in PolicyStatus], key="status", format_func=texts.words
)
shown = cached.policy_texts(categories, statuses)

st.header("Who stands where")
st.caption("Named actors for, against or mixed on each proposal, as the articles report them.")
st.markdown(shown.summary)
with st.expander("The same as a matrix: actors against proposals"):
    st.markdown(shown.matrix)

st.header(texts.count_text(shown.n_proposals, "proposal"))
st.markdown(shown.proposals)
