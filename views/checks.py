"""Data checks: do the reported figures agree with each other?"""

import streamlit as st

from data_model.check_rules import RULES
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

checks = cached.readable_checks()
st.markdown(check_texts.check_summary_markdown(check_texts.check_summary(checks), t.lang))

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
if t.lang != "en":
    # Each check's detail is worded by the build (etl.readable), in English for now.
    st.caption(t.gettext("Each check's details are in English for now."))
# Conflicts and real tensions first; a figure reported once only is noted, set aside.
aside = check_texts.once_only(shown)
paging.paged_checks(shown[~aside], key="page", lang=t.lang)
if aside.any():
    n_aside = int(aside.sum())
    label = t.ngettext(
        "Reported once only ({n} figure)", "Reported once only ({n} figures)", n_aside
    ).format(n=t.digits(str(n_aside)))
    with st.expander(label, key="once-only"):
        st.caption(
            t.gettext("Nothing contradicts these figures, and nothing confirms them either.")
        )
        paging.paged_checks(shown[aside], key="once-page", lang=t.lang)

with st.expander(t.gettext("How the checks work")):
    if t.lang != "en":
        st.caption(t.gettext("The rules below are in English for now."))
    st.markdown(RULES)
