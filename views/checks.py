"""Data checks: do the reported figures agree with each other?"""

import streamlit as st

from data_model.check_rules import RULES
from data_model.methodology import say
from monitor import cached, check_texts, filters, language, paging, texts

t = language.current()
st.title(t.gettext("Do the figures agree with each other?"))
st.caption(
    t.gettext(
        "Computed on every build: reports of the same figure by different articles, parts "
        "against totals and shares against counts, and the gaps where no article reports a "
        "figure. An open question means the hedges leave it undecided; a conflict means the "
        "figures cannot all be right."
    )
)

checks = cached.readable_checks(lang=t.lang)
summary = check_texts.check_summary(checks)
st.markdown(check_texts.check_summary_markdown(summary, t.lang))

statuses, kinds = [], []
panel = filters.filter_panel(t.gettext("Filter checks"), ("status", "kind"), key="check-filters")
if panel:
    with panel:
        statuses = filters.pick_many(
            t.gettext("Show"),
            list(check_texts.CHECK_LABELS),
            key="status",
            format_func=lambda status: t.gettext(check_texts.CHECK_LABELS[status]),
        )
        kinds = filters.pick_many(
            t.gettext("Kind of check"),
            check_texts.CHECK_KINDS,
            key="kind",
            format_func=texts.word_picker(t.lang),
        )
shown = check_texts.filter_checks(checks, statuses, kinds)
st.markdown(texts.count_text(len(shown), "check", t.lang))
details = st.toggle(
    t.gettext("Show how each check was computed"),
    key="details",
    help=t.gettext(
        "Every number, hedge and period compared, in full. The same words are in the data: "
        "the consistency_checks table on the Data page and in the API."
    ),
)
if details and t.lang != "en":
    st.caption(t.gettext("The computations are in English for now."))
part = check_texts.by_severity(shown)

# Conflicts lead: the figures that cannot all be right.
conflicts = part["conflict"]
st.subheader(
    t.gettext("Conflicts: {n}").format(n=t.digits(str(len(conflicts)))), anchor="conflicts"
)
if conflicts.empty:
    st.markdown(t.gettext("No two figures contradict each other."))
else:
    paging.paged_checks(conflicts, key="conflict-page", lang=t.lang, details=details)

# Then what is undecided; a figure reported once only is noted, set aside.
questions, notes = part["question"], part["note"]
st.subheader(
    t.gettext("Open questions: {n}").format(n=t.digits(str(len(questions) + len(notes)))),
    anchor="open-questions",
)
paging.paged_checks(questions, key="page", lang=t.lang, details=details)
if not notes.empty:
    label = t.ngettext(
        "Reported once only ({n} figure)", "Reported once only ({n} figures)", len(notes)
    ).format(n=t.digits(str(len(notes))))
    with st.expander(label, key="once-only"):
        st.caption(
            t.gettext("Nothing contradicts these figures, and nothing confirms them either.")
        )
        paging.paged_checks(notes, key="once-page", lang=t.lang, details=details)

# The arithmetic that holds, folded: worth checking, rarely worth reading.
agreements = part["agreement"]
if not agreements.empty:
    label = t.ngettext("Agree ({n} check)", "Agree ({n} checks)", len(agreements)).format(
        n=t.digits(str(len(agreements)))
    )
    with st.expander(label, key="agreements"):
        st.caption(t.gettext("The figures agree as far as their hedges allow."))
        paging.paged_checks(agreements, key="agree-page", lang=t.lang, details=details)

with st.expander(t.gettext("How the checks work")):
    st.markdown(say(t, RULES))
