"""Policies: what is proposed, and who stands where?"""

import streamlit as st

from data_model.records import PolicyCategory, PolicyStatus
from monitor import cached, filters, finding, language, paging, policies, texts

t = language.current()
st.title(t.gettext("What is proposed, and who stands where?"))
st.caption(
    t.gettext(
        "Each proposal or measure the articles discuss, who put it forward and when, its "
        "status as far as the articles say, and the named actors for and against it, in their "
        "words. Filters are kept in the address: share the link."
    )
)

if "policy" in st.query_params:  # a permalink: this proposal alone
    policies.proposal_alone(st.query_params["policy"], t)
    st.stop()

categories, statuses = [], []
panel = filters.filter_panel(
    t.gettext("Filter proposals"), ("category", "status"), key="policy-filters"
)
if panel:
    with panel:
        categories = filters.pick_many(
            t.gettext("Area"),
            [c.value for c in PolicyCategory],
            key="category",
            format_func=texts.word_picker(t.lang),
        )
        statuses = filters.pick_many(
            t.gettext("Status"),
            [s.value for s in PolicyStatus],
            key="status",
            format_func=texts.word_picker(t.lang),
        )
overview = cached.policy_overview(categories=categories, statuses=statuses)

st.header(texts.count_text(int(overview["n"]), "proposal", t.lang))
st.markdown(finding.policy_overview_markdown(overview, t.lang))
shown = policies.proposal_page(categories, statuses, int(overview["n"]), t)

st.subheader(t.gettext("Who stands where"))
st.caption(
    t.gettext("Named actors for, against or mixed on each proposal, as the articles report them.")
)
st.markdown(finding.stand_table(shown, t.lang))
policies.stance_matrix(shown, t)

st.subheader(t.gettext("The proposals, in the articles' words"))
policies.proposals(shown, t)
paging.foot_pager(int(overview["n"]), finding.PROPOSALS_PER_PAGE, "page")
