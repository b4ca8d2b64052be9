"""Statements: who said what?"""

import streamlit as st

from data_model.records import ActorType, Stance, Topic
from monitor import cached, texts, ui

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
    with panel:
        text = st.text_input(
            "Search the words", key="q", bind="query-params", placeholder="e.g. rehabilitation"
        )
        speaker, article = st.columns(2)
        with speaker:
            actor_ids = ui.pick_named(
                "Speaker", texts.labels(cached.actors(), "actor_id", "name"), key="actor"
            )
        with article:
            source_ids = ui.pick_named(
                "Article", texts.labels(cached.sources(), "source_id", "short_label"), key="source"
            )
        stances = ui.pick_many("Stance", [s.value for s in Stance], key="stance")
        topics = ui.pick_many("Topic", [t.value for t in Topic], key="topic")
        actor_types = ui.pick_many(
            "Organisation type",
            [t.value for t in ActorType],
            key="org_type",
            format_func=texts.words,
        )
        years = ui.pick_many("Year said", cached.statement_years(), key="year")

rows = cached.statements(
    actor_ids=actor_ids,
    actor_types=actor_types,
    stances=stances,
    topics=topics,
    source_ids=source_ids,
    years=years,
    text=text or "",
)

if len(actor_ids) == 1:
    ui.speaker_profile(actor_ids[0])

st.markdown(texts.count_text(len(rows), "statement"))
st.caption(
    ui.api_addresses(
        "statements",
        actor=actor_ids,
        source=source_ids,
        stance=stances,
        topic=topics,
        actor_type=actor_types,
        year=years,
        q=(text or "").strip(),
    )
)
ui.statements(rows)
