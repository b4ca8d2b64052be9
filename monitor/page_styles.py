"""The styles every page needs, drawn with st.html on every run (app.py)."""

from __future__ import annotations

import streamlit as st

# A 4,000-character word from the data must wrap, not stretch the page sideways. In a table,
# breaking "anywhere" would let the browser squeeze a column until "proposed" splits in two:
# cells break only words too long for any line, and a table too wide scrolls on its own.
WRAP_CSS = (
    "[data-testid='stMarkdownContainer'],[data-testid='stCaptionContainer'],"
    "[data-testid='stHtml'],[data-testid='stAlertContentInfo']{overflow-wrap:anywhere !important}"
    "[data-testid='stMarkdownContainer'] :is(td,th){overflow-wrap:break-word !important}"
    "[data-testid='stMarkdownContainer'] table{display:block !important;overflow-x:auto !important}"
)

# Streamlit draws blockquotes and captions at 60% opacity: quoted words, the evidence behind
# every figure, and the captions (sources, "how sure", links in them) came out at 3.0-3.9:1
# against white, below WCAG AA's 4.5:1. Quotes take the theme's text colour (13.7:1); the
# left rule still marks a quote. Captions stay a lighter grey than the text, at 6.6:1, and
# their links and code keep their own colours at full strength.
READING_CSS = (
    "[data-testid='stMarkdownContainer'] blockquote { opacity: 1 !important; }"
    "[data-testid='stCaptionContainer'] { opacity: 1 !important; color: #5a5854 !important; }"
)

# A word in code inside running text (the API's CSV address under the Data and Statements
# lists, `datapackage.json`) set in the theme's code font made the page fetch that font,
# 90 KB, only once the text had arrived, after the script: the system's monospace reads the
# same. Code blocks (st.code, the embed snippets) keep the theme's font.
INLINE_CODE_CSS = (
    "[data-testid='stMarkdownContainer'] :not(pre) > code"
    "{ font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace !important; }"
)

# A chosen pill or segment (the language switch on every page, the filters) draws its label
# in the theme's blue on a pale tint of it: 4.26:1, below WCAG AA's 4.5:1. The label takes a
# darker shade of the same blue (7.0:1 on that tint); the tint and border still mark the choice.
CHOSEN_CSS = "button[data-selected='true'] [data-testid='stMarkdownContainer'] p{ color: #004f7c !important; }"

# A page link keeps its label on one line and cuts it with an ellipsis: on a Khmer phone page
# "Interactive charts (…)" lost its end. Links wrap instead. The Trends menu's links sit
# in rows that overlap, and Khmer's subscripts ran into the row below: the rows keep apart.
LINK_CSS = (
    "[data-testid='stPageLink-NavLink'] *{ white-space: normal !important;"
    " overflow: visible !important; text-overflow: clip !important; }"
    "[data-testid='stPageLink-NavLink']{ height: auto !important; }"
    # Streamlit sets each link 6 px into its neighbours above and below.
    ".st-key-trends-menu{ row-gap: .25rem !important; }"
    ".st-key-trends-menu > *{ margin-top: 0 !important; margin-bottom: 0 !important; }"
)

# Streamlit inserts its own rules as it draws, which win a tie of specificity: every
# declaration is !important so the order does not matter.
STYLE_TAG = f"<style>{WRAP_CSS}{READING_CSS}{INLINE_CODE_CSS}{CHOSEN_CSS}{LINK_CSS}</style>"


def draw() -> None:
    """The page styles for this run."""
    st.html(STYLE_TAG)
