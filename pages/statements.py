"""Statements: who said what?"""

import streamlit as st

from data_model.records import ActorType, Stance, Topic
from monitor import data, ui

st.title("Who said what?")
st.caption(
    "Every attributed quote and reported position, from officials and critics alike, "
    "in the speaker's words, with the role the article gave them. Stance is toward the "
    "campaign as it is carried out. Filters are kept in the address: share the link."
)

actors = data.actors()
actor_names = dict(zip(actors["actor_id"], actors["name"], strict=True))
sources = data.sources()
source_names = dict(zip(sources["source_id"], sources["short_label"], strict=True))

FILTERS = ("q", "actor", "org_type", "stance", "topic", "source", "year")
with st.expander(
    "Filter statements",
    expanded=any(key in st.query_params for key in FILTERS),
    icon=":material/filter_list:",
):
    text = st.text_input(
        "Search the words", key="q", bind="query-params", placeholder="e.g. rehabilitation"
    )
    left, right = st.columns(2)
    actor_ids = left.multiselect(
        "Speaker", list(actor_names), format_func=actor_names.get, key="actor", bind="query-params"
    )
    actor_types = right.multiselect(
        "Organisation type",
        [t.value for t in ActorType],
        format_func=lambda v: v.replace("_", " "),
        key="org_type",
        bind="query-params",
    )
    stances = left.multiselect(
        "Stance", [s.value for s in Stance], key="stance", bind="query-params"
    )
    topics = right.multiselect("Topic", [t.value for t in Topic], key="topic", bind="query-params")
    source_ids = left.multiselect(
        "Article",
        list(source_names),
        format_func=source_names.get,
        key="source",
        bind="query-params",
    )
    years = right.multiselect("Year said", data.statement_years(), key="year", bind="query-params")

rows = data.statements(
    actor_ids=actor_ids,
    actor_types=actor_types,
    stances=stances,
    topics=topics,
    source_ids=source_ids,
    years=years,
    text=text or "",
)

if len(actor_ids) == 1:
    profile = actors.set_index("actor_id").loc[actor_ids[0]]
    with st.container(border=True):
        st.subheader(profile["name"])
        st.markdown(
            f"{profile['role']} · {profile['organisation']} · "
            f"{profile['actor_type'].replace('_', ' ')}"
            + (f"  \nAlso written: {profile['aliases']}" if profile["aliases"] else "")
        )
        st.caption(
            f"{profile['n_statements']} statements, {profile['n_positions']} positions on proposals"
        )
        for pos in data.policy_positions(actor_ids=actor_ids).itertuples():
            st.markdown(f"**{pos.position}** · {pos.policy_name}")
            ui.quote(pos.quote)

st.markdown(f"**{len(rows)} statement{'s' if len(rows) != 1 else ''}**")
ui.statements(rows)
