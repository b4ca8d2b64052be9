"""The Statements page's pieces: a page of statements, one alone, its citation, a speaker's profile."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from data_model.safe_text import md
from database.downloads import DOWNLOAD_TABLES
from exports.csvsafe import to_csv_bytes
from monitor import cached, finding, policy_texts, texts
from monitor.addresses import page_permalink
from monitor.paging import back_to_all, page_number, page_range

#: Positions on proposals a speaker's profile quotes; the Data page has them all.
PROFILE_POSITIONS = 10


def speaker_profile(actor_id: str) -> None:
    """One speaker's name, role, organisation and positions on proposals, in a box."""
    actors = cached.actors()
    profile = next(actors[actors["actor_id"] == actor_id].itertuples())
    with st.container(border=True):
        st.subheader(md(profile.name))
        st.markdown(texts.actor_profile_markdown(profile))
        positions = cached.policy_positions(actor_ids=[actor_id])
        # Bounded like the lists: a much-quoted speaker's profile must not grow the page.
        st.markdown(policy_texts.positions_markdown(positions.head(PROFILE_POSITIONS)))
        if len(positions) > PROFILE_POSITIONS:
            st.caption(
                f"The first {PROFILE_POSITIONS} of {len(positions):,} positions; every one "
                "is on the Data page (table 'Positions on proposals')."
            )


def statements(rows: pd.DataFrame) -> None:
    """Many statements as one block of text: one element, however many there are."""
    st.markdown(texts.statements_markdown(rows))


def statement_page(choice: finding.StatementChoice, n_rows: int) -> None:
    """One page of the chosen statements, each with a link to it alone and its citation to
    copy; the page picker under them. A fixed number of elements whatever the corpus."""
    size = finding.STATEMENTS_PER_PAGE
    listed = st.container()
    page = page_number(n_rows, size, "page", choice.signature(), "statements")
    rows = cached.statements_page(page, size, **choice.query())
    with listed:
        st.caption(page_range(page, size, n_rows, "Statements"))
        for row in rows.itertuples():
            with st.container(border=True):
                st.markdown(finding.statement_item_markdown(row))
                with st.popover("Copy with citation", icon=":material/content_copy:"):
                    cite(row)


def cite(row: Any) -> None:
    """The statement's citation as plain text with a copy button."""
    permalink = page_permalink(finding.statement_href(row.statement_id))
    st.code(finding.citation_text(row, permalink), language=None, wrap_lines=True)


def statement_alone(statement_id: str) -> None:
    """One statement (its permalink), with its citation and the way back to all."""
    back_to_all("All statements", "statement")
    rows = cached.statements(statement_ids=[statement_id])
    if rows.empty:
        st.info(f"No statement has the id “{md(statement_id)}”: it may have been renamed.")
        return
    row = next(rows.itertuples())
    st.markdown(texts.statement_markdown(row))
    st.markdown("**Copy with citation**")
    cite(row)


def download_statements(choice: finding.StatementChoice, n_rows: int) -> None:
    """Every chosen statement as CSV (all of them, not one page), fetched on the click."""
    columns = list(DOWNLOAD_TABLES["statements"].columns)
    st.download_button(
        f"Download these {n_rows:,} statements as CSV",
        data=lambda: to_csv_bytes(cached.statements(**choice.query()).loc[:, columns]),
        file_name=finding.statements_file_name(choice),
        mime="text/csv",
        icon=":material/download:",
        key="statements-download",
    )
