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

text, actor_ids, source_ids, stances, topics, actor_types, years = "", [], [], [], [], [], []
FILTERS = ("q", "actor", "source", "stance", "topic", "org_type", "year")
panel = ui.filter_panel("Filter statements", FILTERS, key="statement-filters")
if panel:
    actor_names = views.labels(data.actors(), "actor_id", "name")
    source_names = views.labels(data.sources(), "source_id", "short_label")
    with panel:
        text = st.text_input(
            "Search the words", key="q", bind="query-params", placeholder="e.g. rehabilitation"
        )
        left, right = st.columns(2)
        actor_ids = left.multiselect(
            "Speaker",
            list(actor_names),
            format_func=actor_names.get,
            key="actor",
            bind="query-params",
        )
        source_ids = right.multiselect(
            "Article",
            list(source_names),
            format_func=source_names.get,
            key="source",
            bind="query-params",
        )
        stances = st.pills(
            "Stance",
            [s.value for s in Stance],
            selection_mode="multi",
            key="stance",
            bind="query-params",
        )
        topics = st.pills(
            "Topic",
            [t.value for t in Topic],
            selection_mode="multi",
            key="topic",
            bind="query-params",
        )
        actor_types = st.pills(
            "Organisation type",
            [t.value for t in ActorType],
            selection_mode="multi",
            format_func=lambda v: v.replace("_", " "),
            key="org_type",
            bind="query-params",
        )
        years = st.pills(
            "Year said",
            data.statement_years(),
            selection_mode="multi",
            key="year",
            bind="query-params",
        )

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
    actors = data.actors()
    profile = next(actors[actors["actor_id"] == actor_ids[0]].itertuples())
    with st.container(border=True):
        st.subheader(profile.name)
        st.markdown(views.actor_profile_markdown(profile))
        st.markdown(views.positions_markdown(data.policy_positions(actor_ids=actor_ids)))

st.markdown(views.count_text(len(rows), "statement"))
ui.statements(rows)
