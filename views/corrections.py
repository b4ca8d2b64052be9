"""Corrections: what was wrong, and what was done about it?"""

import streamlit as st

from monitor import cached, corrections, language

t = language.current()
st.title(t.gettext("Corrections"))
st.caption(
    t.gettext(
        "Every change to a published record, newest first, with what it said before and after "
        "and why. A withdrawn record stays listed here as withdrawn. The same log is "
        "corrections.csv in the data package and /api/v1/tables/corrections.csv."
    )
)
if t.lang != "en":
    # The reasons, values and record kinds are the curators' words, logged as written.
    st.caption(t.gettext("Each correction's reason and values are as the curators wrote them."))
log = cached.corrections()
st.markdown(corrections.summary_line(log, t.lang))
st.markdown(corrections.corrections_markdown(log, t.lang))
