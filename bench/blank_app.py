"""The yardstick for bench/page_load.py: the least a Streamlit page can render."""

import streamlit as st

st.write("Blank page")
