"""Methodology: how is each figure, quote and stance coded?"""

import streamlit as st

from monitor import cached, texts

st.title("How the data is coded")
st.caption(
    "The rules every record follows, each with an example from the articles this database "
    "was built from. The same text is in the data package's README."
)
st.markdown(texts.methodology_markdown(cached.build_info()))
