"""Policies: what is proposed, and who stands where?"""

import streamlit as st

from data_model.records import PolicyCategory, PolicyStatus
from monitor import data, views

st.title("What is proposed, and who stands where?")
st.caption(
    "Each proposal or measure the articles discuss, who put it forward and when, its status "
    "as far as the articles say, and the named actors for and against it, in their words."
)

with st.expander("Filter proposals", expanded=False, icon=":material/filter_list:"):
    categories = st.multiselect(
        "Area", [c.value for c in PolicyCategory], key="category", bind="query-params"
    )
    statuses = st.multiselect(
        "Status",
        [s.value for s in PolicyStatus],
        format_func=lambda v: v.replace("_", " "),
        key="status",
        bind="query-params",
    )

proposals = data.policies(categories=categories, statuses=statuses)
positions = data.policy_positions(policy_ids=list(proposals["policy_id"]))
grouped = views.positions_by_policy(positions)

st.header("Who stands where")
st.caption("Named actors for, against or mixed on each proposal, as the articles report them.")
st.markdown(views.markdown_table(views.positions_summary(proposals, positions)))
with st.expander("The same as a matrix: actors against proposals"):
    st.markdown(views.markdown_table(views.stance_matrix(positions).reset_index()))

st.header(views.count_text(len(proposals), "proposal"))
st.markdown(views.policies_markdown(proposals, grouped))
