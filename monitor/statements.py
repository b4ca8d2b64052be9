"""The Statements page's pieces: a page of statements, one alone, its citation, a speaker's profile."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from data_model.i18n import Translator
from data_model.safe_text import md
from database.downloads import DOWNLOAD_TABLES
from exports.csvsafe import to_csv_bytes
from monitor import cached, copying, finding, policy_texts, texts
from monitor.addresses import page_permalink
from monitor.paging import back_to_all, page_number, page_range

#: Positions on proposals a speaker's profile quotes; the Data page has them all.
PROFILE_POSITIONS = 10


def speaker_profile(actor_id: str, t: Translator) -> None:
    """One speaker's name, role, organisation and positions on proposals, in a box."""
    actors = cached.actors()
    profile = next(actors[actors["actor_id"] == actor_id].itertuples())
    with st.container(border=True):
        st.subheader(md(texts.shown_name(profile, "name", t.lang)))
        st.markdown(texts.actor_profile_markdown(profile, t.lang))
        positions = cached.policy_positions(actor_ids=[actor_id])
        # Bounded like the lists: a much-quoted speaker's profile must not grow the page.
        st.markdown(
            policy_texts.positions_markdown(
                positions.head(PROFILE_POSITIONS),
                t.lang,
                empty=t.gettext("No positions on proposals are reported for this speaker."),
            )
        )
        if len(positions) > PROFILE_POSITIONS:
            st.caption(
                t.gettext(
                    "The first {shown} of {total} positions; every one is on the Data page "
                    "(table 'Positions on proposals')."
                ).format(
                    shown=t.digits(str(PROFILE_POSITIONS)),
                    total=t.number_text(f"{len(positions):,}"),
                )
            )


def statements(rows: pd.DataFrame, t: Translator) -> None:
    """Many statements as one block of text: one element, however many there are."""
    if rows.empty:
        st.markdown("_" + t.gettext("No statements are drawn from this article.") + "_")
        return
    st.markdown(texts.statements_markdown(rows, t.lang))


def statement_page(choice: finding.StatementChoice, n_rows: int, t: Translator) -> None:
    """One page of the chosen statements, each with a link to it alone and its citation to
    copy; the page picker under them. A fixed number of elements whatever the corpus."""
    size = finding.STATEMENTS_PER_PAGE
    listed = st.container()
    page = page_number(n_rows, size, "page", choice.signature(), "statements")
    rows = cached.statements_page(page, size, **choice.query())
    with listed:
        st.caption(page_range(page, size, n_rows, "Statements", t.lang))
        for n, row in enumerate(rows.itertuples()):
            with st.container(border=True):
                st.markdown(finding.statement_item_markdown(row, t.lang))
                # One click copies (the popover it was opened a box and copied nothing).
                copying.copy_button(citation(row, t), t, with_script=n == 0)


def citation(row: Any, t: Translator) -> str:
    """The statement's citation as plain text, with its permalink and the data version."""
    permalink = page_permalink(finding.statement_href(row.statement_id, t.lang))
    version = cached.build_info().get("data_version")
    return finding.citation_text(row, permalink, t.lang, version)


def cite(row: Any, t: Translator) -> None:
    """The statement's citation as plain text, and the button that copies it."""
    copying.copy_text(citation(row, t), t, compact=False)


def statement_alone(statement_id: str, t: Translator) -> None:
    """One statement (its permalink), with its citation and the way back to all."""
    back_to_all(t.gettext("All statements"), "statement")
    rows = cached.statements(statement_ids=[statement_id])
    if rows.empty:
        st.info(
            t.gettext("No statement has the id “{id}”: it may have been renamed.").format(
                id=md(statement_id)
            )
        )
        return
    row = next(rows.itertuples())
    st.markdown(texts.statement_markdown(row, lang=t.lang))
    cite(row, t)


def download_statements(choice: finding.StatementChoice, n_rows: int, t: Translator) -> None:
    """Every chosen statement as CSV (all of them, not one page), fetched on the click."""
    columns = list(DOWNLOAD_TABLES["statements"].columns)
    st.download_button(
        t.ngettext(
            "Download this {n} statement as CSV", "Download these {n} statements as CSV", n_rows
        ).format(n=t.number_text(f"{n_rows:,}")),
        data=lambda: to_csv_bytes(cached.statements(**choice.query()).loc[:, columns]),
        file_name=finding.statements_file_name(choice, t.lang),
        mime="text/csv",
        icon=":material/download:",
        key="statements-download",
    )
