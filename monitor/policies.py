"""The Policies page's pieces: a page of proposals, one alone, who stands where, its citation."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from data_model.i18n import Translator
from data_model.safe_text import md
from monitor import cached, copying, finding, policy_texts, texts
from monitor.addresses import page_permalink
from monitor.paging import back_to_all, page_number, page_range


def cite_proposal(p: Any, t: Translator) -> None:
    """'Copy with citation' (one click copies) and the proposal's citation as plain text."""
    permalink = page_permalink(finding.policy_href(p.policy_id, t.lang))
    version = cached.build_info().get("data_version")
    text = finding.proposal_citation_text(p, permalink, t.lang, version)
    copying.copy_text(text, t, compact=False)


def _relayed(t: Translator) -> str:
    """How a position passed on by someone reads in the names for and against."""
    return t.gettext("according to {name}")


def proposal_page(
    categories: list[str], statuses: list[str], n_rows: int, t: Translator
) -> pd.DataFrame:
    """The page picker and the proposals of the page it shows (newest first)."""
    size = finding.PROPOSALS_PER_PAGE
    page = page_number(n_rows, size, "page", (tuple(categories), tuple(statuses)), "policies")
    st.caption(page_range(page, size, n_rows, "Proposals", t.lang))
    return cached.policy_summaries(
        page, size, categories=categories, statuses=statuses, relayed=_relayed(t)
    )


def stance_matrix(proposals: pd.DataFrame, t: Translator) -> None:
    """Actors against the page's proposals, read only once the reader opens it."""
    box = st.expander(
        t.gettext("The same as a matrix: actors against these proposals"),
        key="matrix",
        on_change="rerun",
    )
    if box.open:
        positions = cached.policy_positions(policy_ids=list(proposals["policy_id"]))
        matrix = policy_texts.stance_matrix(positions, t.lang).reset_index()
        box.markdown(texts.markdown_table(matrix, t.lang))


def proposals(rows: pd.DataFrame, t: Translator) -> None:
    """Each proposal in its words (one block, with the rule parting it from the one before),
    then one panel holding its citation to copy and who stands where, drawn only when
    opened. A closed "Copy with citation" popover and a divider per proposal cost the page's
    first load about 100 ms in a fresh browser (bench notes in the README)."""
    for i, p in enumerate(rows.itertuples()):
        st.markdown(
            ("---\n\n" if i else "") + finding.proposal_markdown(p, lang=t.lang),
            unsafe_allow_html=True,  # English the curator wrote, marked lang="en" on Khmer pages
        )
        positions(p, t, expanded=False, with_citation=True)


def positions(p: Any, t: Translator, *, expanded: bool, with_citation: bool = False) -> None:
    """The named positions on one proposal, in their words (after its citation to copy when
    `with_citation`), queried and drawn only when shown."""
    box = st.expander(
        finding.positions_label(p, with_citation=with_citation, lang=t.lang),
        expanded=expanded,
        key=f"positions-{p.policy_id}",
        on_change="rerun",
    )
    if box.open:
        with box:
            if with_citation:
                cite_proposal(p, t)
            st.markdown(
                finding.positions_words(cached.policy_positions(policy_ids=[p.policy_id]), t.lang)
            )


def proposal_alone(policy_id: str, t: Translator) -> None:
    """One proposal (its permalink) with everyone's position on it, and the way back."""
    back_to_all(t.gettext("All proposals"), "policy")
    rows = cached.policy_summaries(policy_ids=[policy_id], relayed=_relayed(t))
    if rows.empty:
        st.info(
            t.gettext("No proposal has the id “{id}”: it may have been renamed.").format(
                id=md(policy_id)
            )
        )
        return
    p = next(rows.itertuples())
    st.header(md(t.pick(p.name, getattr(p, "label_km", None))))
    st.markdown(
        finding.proposal_markdown(p, heading=False, lang=t.lang),
        unsafe_allow_html=True,  # English the curator wrote, marked lang="en" on Khmer pages
    )
    cite_proposal(p, t)
    positions(p, t, expanded=True)
