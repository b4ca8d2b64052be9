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
    st.markdown(check_texts.checks_markdown(shown, lang, details))
