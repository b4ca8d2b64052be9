"""Methodology: how is each figure, quote and stance coded?"""

import streamlit as st

from monitor import cached, language, texts

t = language.current()
st.title(t.gettext("How the data is coded"))
st.caption(
    t.gettext(
        "The rules every record follows, each with an example from the articles this database "
        "was built from. The same text is in the data package's README."
    )
)
if t.lang != "en":
    # The rules are generated in English by the build (data_model.methodology): a Khmer
    # version is a translation still to make, so the reader is told rather than shown a guess.
    st.info(t.gettext("The rules below are in English for now."), icon=":material/translate:")
st.markdown(texts.methodology_markdown(cached.build_info(), t.lang))
