"""Entry point: builds the database if it is missing or outdated, then shows the pages (or one embedded chart)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from data_model.wording import PROJECT
from database.connection import database_path
from monitor import footer, language, page_styles
from monitor.bootstrap import ensure_database, needs_build

FAVICON = Path(__file__).parent / "monitor" / "favicon.png"

t = language.keep_in_address()
st.set_page_config(
    page_title=t.gettext(PROJECT),
    # A file of our own, not a ":material/…:" name: Streamlit fetches those from
    # fonts.gstatic.com, a third party seeing every reader (tests/test_browser.py).
    page_icon=str(FAVICON),
    layout="wide",
)

path = database_path()
if needs_build(path):  # missing, or built by older code than this
    # Readers need no news of the build: a spinner while it runs, nothing left after it.
    with st.spinner(t.gettext("Preparing the dashboard…")):
        problem = ensure_database(path)
    if problem:
        st.error(t.gettext("The curated data has problems, so the dashboard cannot start:"))
        st.code(problem, language=None)
        st.stop()

PAGES = [
    st.Page(
        "views/overview.py",
        title=t.pgettext("page", "Overview"),
        icon=":material/dashboard:",
        default=True,
    ),
    st.Page("views/trends.py", title=t.pgettext("page", "Trends"), icon=":material/show_chart:"),
    st.Page(
        "views/statements.py",
        title=t.pgettext("page", "Statements"),
        icon=":material/format_quote:",
    ),
    st.Page("views/policies.py", title=t.pgettext("page", "Policies"), icon=":material/gavel:"),
    st.Page("views/sources.py", title=t.pgettext("page", "Sources"), icon=":material/article:"),
    st.Page("views/data.py", title=t.pgettext("page", "Data"), icon=":material/table:"),
    st.Page(
        "views/checks.py", title=t.pgettext("page", "Data checks"), icon=":material/fact_check:"
    ),
    st.Page(
        "views/methodology.py", title=t.pgettext("page", "Methodology"), icon=":material/rule:"
    ),
    st.Page(
        "views/corrections.py", title=t.pgettext("page", "Corrections"), icon=":material/history:"
    ),
    st.Page("views/share.py", title=t.pgettext("page", "Embed & share"), icon=":material/share:"),
    st.Page(
        "views/embed.py", title=t.pgettext("page", "Chart"), url_path="embed", visibility="hidden"
    ),
]

page_styles.draw()
language.styles(t)
embedded = st.context.is_embedded
if not embedded:
    language.switch(t)
if embedded:
    # Donors' frames show one chart: no navigation, sidebar or toolbar.
    st.html(
        "<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],"
        "[data-testid='stToolbar'],header{display:none !important}"
        ".block-container{padding-top:0.5rem}</style>"
    )
page = st.navigation(PAGES, position="hidden" if embedded else "sidebar")
page.run()
if not embedded:
    footer.draw()
