"""Statements: who said what?"""

import streamlit as st

from data_model.records import ActorType, Stance, Topic
from monitor import data, ui, views

st.title("Who said what?")
st.caption(
    "Every attributed quote and reported position, from officials and critics alike, "
    "in the speaker's words, with the role the article gave them. Stance is toward the "
    "campaign as it is carried out. Filters are kept in the address: share the link."
)

actors = data.actors()
actor_names = views.labels(actors, "actor_id", "name")
source_names = views.labels(data.sources(), "source_id", "short_label")

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
    profile = next(actors[actors["actor_id"] == actor_ids[0]].itertuples())
    with st.container(border=True):
        st.subheader(profile.name)
        st.markdown(views.actor_profile_markdown(profile))
        st.markdown(views.positions_markdown(data.policy_positions(actor_ids=actor_ids)))

st.markdown(views.count_text(len(rows), "statement"))
ui.statements(rows)
