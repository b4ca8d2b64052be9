"""Statements: who said what?"""

import streamlit as st

from data_model.records import ActorType, Stance, Topic
from monitor import addresses, cached, filters, finding, language, statements, texts

t = language.current()
st.title(t.gettext("Who said what?"))
st.caption(
    t.gettext(
        "Every attributed quote and reported position, from officials and critics alike, "
        "in the speaker's words, with the role the article gave them. Stance is toward the "
        "campaign as it is carried out. Filters are kept in the address: share the link."
    )
)
if t.lang != "en":
    st.caption(
        t.gettext(
            "Quotes stay in the words they were said in; a translation, where there is one, "
            "is shown beside the quote as unofficial."
        )
    )

if "statement" in st.query_params:  # a permalink: this statement alone
    statements.statement_alone(st.query_params["statement"], t)
    st.stop()

speakers = cached.picker_labels("actors", t.lang)
articles = cached.picker_labels("sources", t.lang)
text, organisations, actor_ids, source_ids = "", [], [], []
stances, topics, actor_types, years = [], [], [], []
counts = {}  # facet -> the place under its picker where its counts go
FILTERS = ("q", "org", "actor", "source", "stance", "topic", "actor_type", "year")
filters.rename_in_address("org_type", "actor_type")  # the name links made before the API's
panel = filters.filter_panel(
    t.gettext("Search and filter statements"), FILTERS, key="statement-filters"
)
if panel:
    with panel:
        text = st.text_input(
            t.gettext("Search words, speakers, organisations and roles"),
            key="q",
            bind="query-params",
            placeholder=t.gettext("e.g. Human Rights Watch, rehabilitation, Sar Kheng"),
        )
        organisation, speaker = st.columns(2)
        with organisation:
            organisations = filters.pick_named(
                t.gettext("Organisation"),
                finding.organisation_names(cached.actors(), t.lang),
                key="org",
                noun="organisation",
                t=t,
            )
            counts["org"] = st.empty()
        with speaker:
            actor_ids = filters.pick_named(
                t.gettext("Speaker"), speakers, key="actor", noun="speaker", t=t
            )
            counts["actor"] = st.empty()
        words = texts.word_picker(t.lang)
        stances = filters.pick_many(
            t.gettext("Stance"), [s.value for s in Stance], key="stance", format_func=words
        )
        counts["stance"] = st.empty()
        topics = filters.pick_many(
            t.gettext("Topic"), [c.value for c in Topic], key="topic", format_func=words
        )
        counts["topic"] = st.empty()
        years = filters.pick_many(
            t.gettext("Year said"),
            cached.statement_years(),
            key="year",
            format_func=lambda year: t.digits(str(year)),
        )
        counts["year"] = st.empty()
        actor_types = filters.pick_many(
            t.gettext("Organisation type"),
            [a.value for a in ActorType],
            key="actor_type",
            format_func=words,
        )
        source_ids = filters.pick_named(
            t.gettext("Article"), articles, key="source", noun="article", t=t
        )

choice = finding.StatementChoice(
    text=text or "",
    organisations=tuple(organisations),
    actor_ids=tuple(actor_ids),
    source_ids=tuple(source_ids),
    stances=tuple(stances),
    topics=tuple(topics),
    actor_types=tuple(actor_types),
    years=tuple(years),
    names={**speakers, **articles},
)
summary = cached.statement_summary(**choice.query())
facets = cached.statement_facets(**choice.query())
filters.facet_counts(counts, facets, t, speakers)

if len(actor_ids) == 1:
    statements.speaker_profile(actor_ids[0], t)

n = int(summary["n"])
st.markdown(texts.count_text(n, "statement", t.lang))
st.caption(
    addresses.api_addresses(
        "statements",
        t.lang,
        org=organisations,
        actor=actor_ids,
        source=source_ids,
        stance=stances,
        topic=topics,
        actor_type=actor_types,
        year=years,
        q=(text or "").strip(),
    )
)
if n:
    st.markdown(finding.statement_summary_markdown(summary, t.lang))
    statements.download_statements(choice, n, t)
    statements.statement_page(choice, n, t)
else:
    filters.nothing_matched(finding.no_match_text(facets, choice, t.lang), FILTERS, t)
