"""Long lists a page at a time, the page kept in the address, and the way back from one record."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_model.i18n import translator
from monitor import check_texts, texts


def page_number(n_rows: int, size: int, key: str, chosen: object, scope: str) -> int:
    """The page to show, kept in the address under `key`; back to page 1 whenever `chosen`
    (what the filters select on the page named `scope`) changes. Draws the page picker."""
    pages = texts.pages_needed(n_rows, size)
    seen = f"{key}-chosen-{scope}"
    if st.session_state.get(seen, chosen) != chosen:
        # Forgetting the page (rather than setting it to 1) keeps Streamlit from warning on
        # every filter change that a widget with a default was also set through the API.
        st.session_state.pop(key, None)
        st.query_params.pop(key, None)
    st.session_state[seen] = chosen
    return st.pagination(pages, key=key, bind="query-params") if pages > 1 else 1


_TO_TOP = """<script>/* {n} */
(document.querySelector('[data-testid="stMain"]') || window).scrollTo({{ top: 0 }});
</script>"""


def foot_pager(n_rows: int, size: int, key: str) -> None:
    """The page picker of `key` again at the foot of a long page: choosing there turns the
    page (the one at the top follows, and the address) and brings the reader back up to
    the top of the new page."""
    pages = texts.pages_needed(n_rows, size)
    if pages <= 1:
        return
    foot, moved = f"{key}-foot", f"{key}-foot-moved"

    def follow() -> None:
        st.session_state[key] = st.session_state[foot]
        st.session_state[moved] = st.session_state.get(moved, 0) + 1

    st.session_state[foot] = st.session_state.get(key, 1)
    st.pagination(pages, key=foot, on_change=follow)
    if n := st.session_state.pop(moved, 0):
        # The count makes each turn a new element, so its script runs again.
        st.html(_TO_TOP.format(n=n), unsafe_allow_javascript=True)


def page_range(page: int, size: int, n_rows: int, noun: str, lang: str = "en") -> str:
    """'Statements 21–40 of 86, newest first'."""
    t = translator(lang)
    first, last = (page - 1) * size + 1, min(page * size, n_rows)
    template = {
        "Statements": t.gettext("Statements {first}–{last} of {total}, newest first"),
        "Proposals": t.gettext("Proposals {first}–{last} of {total}, newest first"),
    }[noun]
    return template.format(
        first=t.number_text(f"{first:,}"),
        last=t.number_text(f"{last:,}"),
        total=t.number_text(f"{n_rows:,}"),
    )


def back_to_all(label: str, param: str) -> None:
    """A button from one record back to the list: drops ?param= from the address, so a
    reload shows the list too (a link to the page kept the record's address)."""
    st.button(
        label,
        key="back-to-all",
        icon=":material/arrow_back:",
        type="tertiary",
        on_click=lambda: st.query_params.pop(param, None),
    )


def paged_checks(checks: pd.DataFrame, key: str, lang: str = "en", details: bool = False) -> None:
    """Checks in pages of check_texts.CHECKS_PER_PAGE, the page kept in the address."""
    pages = texts.pages_needed(len(checks), check_texts.CHECKS_PER_PAGE)
    page = st.pagination(pages, key=key, bind="query-params") if pages > 1 else 1
    shown = texts.page_of(checks, page, check_texts.CHECKS_PER_PAGE)
    # unsafe_allow_html: only the tags marking English in a Khmer page (check_texts); every
    # value of the data is escaped by md().
    st.markdown(check_texts.checks_markdown(shown, lang, details), unsafe_allow_html=True)
