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
text, said = texts.methodology_markdown(cached.build_info(), t.lang)
if said != t.lang:
    # A database built before the build stored the rules in this language: the reader is
    # told rather than shown a guess.
    st.info(t.gettext("The rules below are in English for now."), icon=":material/translate:")
# The build's Markdown escapes every value of the data (data_model.safe_text); its only HTML
# is the lang of the data's words, which Streamlit keeps only with unsafe_allow_html.
st.markdown(text, unsafe_allow_html=True)
