"""Entry point: builds the database if it is missing or outdated, then shows the pages (or one embedded chart)."""

from __future__ import annotations

import streamlit as st

from database.connection import database_path
from monitor import page_styles
from monitor.bootstrap import ensure_database, needs_build

st.set_page_config(
    page_title="Cambodia drug campaign monitor",
    page_icon=":material/monitoring:",
    layout="wide",
)

path = database_path()
if needs_build(path):  # missing, or built by older code than this
    # Readers need no news of the build: a spinner while it runs, nothing left after it.
    with st.spinner("Preparing the dashboard…"):
        problem = ensure_database(path)
    if problem:
        st.error("The curated data has problems, so the dashboard cannot start:")
        st.code(problem, language=None)
        st.stop()

PAGES = [
    st.Page("views/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("views/trends.py", title="Trends", icon=":material/show_chart:"),
    st.Page("views/statements.py", title="Statements", icon=":material/format_quote:"),
    st.Page("views/policies.py", title="Policies", icon=":material/gavel:"),
    st.Page("views/sources.py", title="Sources", icon=":material/article:"),
    st.Page("views/data.py", title="Data", icon=":material/table:"),
    st.Page("views/checks.py", title="Data checks", icon=":material/fact_check:"),
    st.Page("views/methodology.py", title="Methodology", icon=":material/rule:"),
    st.Page("views/share.py", title="Embed & share", icon=":material/share:"),
    st.Page("views/embed.py", title="Chart", url_path="embed", visibility="hidden"),
]

page_styles.draw()
embedded = st.context.is_embedded
if embedded:
    # Donors' frames show one chart: no navigation, sidebar or toolbar.
    st.html(
        "<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],"
        "[data-testid='stToolbar'],header{display:none !important}"
        ".block-container{padding-top:0.5rem}</style>"
    )
page = st.navigation(PAGES, position="hidden" if embedded else "sidebar")
page.run()
