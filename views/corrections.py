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
    # The values and record kinds are the records' words, logged as written; a reason is
    # translated in corrections.yaml (reason_km) or shown in English, marked as English.
    st.caption(
        t.gettext(
            "Each correction's values are as the curators wrote them; a reason not yet "
            "translated is shown in English."
        )
    )
log = cached.corrections()
st.markdown(corrections.summary_line(log, t.lang))
# unsafe_allow_html: only the spans marking English (monitor.texts.in_language); every
# value of the data is escaped by md().
st.markdown(corrections.corrections_markdown(log, t.lang), unsafe_allow_html=True)
