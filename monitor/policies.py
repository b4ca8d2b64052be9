"""The Policies page's pieces: a page of proposals, one alone, who stands where, its citation."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from data_model.safe_text import md
from monitor import cached, finding, policy_texts, texts
from monitor.addresses import page_permalink
from monitor.paging import back_to_all, page_number, page_range


def cite_proposal(p: Any) -> None:
    """'Copy with citation' and the proposal's citation as plain text with a copy button."""
    st.markdown("**Copy with citation**")
    permalink = page_permalink(finding.policy_href(p.policy_id))
    st.code(finding.proposal_citation_text(p, permalink), language=None, wrap_lines=True)


def proposal_page(categories: list[str], statuses: list[str], n_rows: int) -> pd.DataFrame:
    """The page picker and the proposals of the page it shows (newest first)."""
    size = finding.PROPOSALS_PER_PAGE
    page = page_number(n_rows, size, "page", (tuple(categories), tuple(statuses)), "policies")
    st.caption(page_range(page, size, n_rows, "Proposals"))
    return cached.policy_summaries(page, size, categories=categories, statuses=statuses)


def stance_matrix(proposals: pd.DataFrame) -> None:
    """Actors against the page's proposals, read only once the reader opens it."""
    box = st.expander(
        "The same as a matrix: actors against these proposals",
        key="matrix",
        on_change="rerun",
    )
    if box.open:
        positions = cached.policy_positions(policy_ids=list(proposals["policy_id"]))
        box.markdown(texts.markdown_table(policy_texts.stance_matrix(positions).reset_index()))


def proposals(rows: pd.DataFrame) -> None:
    """Each proposal in its words (one block, with the rule parting it from the one before),
    then one panel holding its citation to copy and who stands where, drawn only when
    opened. A closed "Copy with citation" popover and a divider per proposal cost the page's
    first load about 100 ms in a fresh browser (bench notes in the README)."""
    for i, p in enumerate(rows.itertuples()):
        st.markdown(("---\n\n" if i else "") + finding.proposal_markdown(p))
        positions(p, expanded=False, with_citation=True)


def positions(p: Any, *, expanded: bool, with_citation: bool = False) -> None:
    """The named positions on one proposal, in their words (after its citation to copy when
    `with_citation`), queried and drawn only when shown."""
    box = st.expander(
        finding.positions_label(p, with_citation=with_citation),
        expanded=expanded,
        key=f"positions-{p.policy_id}",
        on_change="rerun",
    )
    if box.open:
        with box:
            if with_citation:
                cite_proposal(p)
            st.markdown(finding.positions_words(cached.policy_positions(policy_ids=[p.policy_id])))


def proposal_alone(policy_id: str) -> None:
    """One proposal (its permalink) with everyone's position on it, and the way back."""
    back_to_all("All proposals", "policy")
    rows = cached.policy_summaries(policy_ids=[policy_id])
    if rows.empty:
        st.info(f"No proposal has the id “{md(policy_id)}”: it may have been renamed.")
        return
    p = next(rows.itertuples())
    st.header(md(p.name))
    st.markdown(finding.proposal_markdown(p, heading=False))
    cite_proposal(p)
    positions(p, expanded=True)
