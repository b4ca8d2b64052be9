"""Corrections: what was wrong, and what was done about it?"""

import streamlit as st

from monitor import cached, corrections

st.title("Corrections")
st.caption(
    "Every change to a published record, newest first, with what it said before and after "
    "and why. A withdrawn record stays listed here as withdrawn. The same log is "
    "corrections.csv in the data package and /api/v1/tables/corrections.csv."
)
log = cached.corrections()
st.markdown(corrections.summary_line(log))
st.markdown(corrections.corrections_markdown(log))
