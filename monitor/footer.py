"""The footer every page shows: data version and build date, licences, how to cite the data
set (copyable), and links to the feed, the changes, the corrections log and the methodology."""

from __future__ import annotations

import streamlit as st

from data_model.citation import data_citation
from data_model.licence import CODE_LICENCE, DATA_LICENCE_NAME, DATA_LICENCE_URL
from monitor import addresses, cached


def footer_lines(info: dict[str, str], url: str | None) -> tuple[str, str, str]:
    """The footer's facts line, links line and the citation to copy."""
    version = info.get("data_version")
    built = info.get("built_at", "")[:10] or None
    facts = (
        f"Data version **{version or 'not recorded'}** · built {built or 'at an unknown date'}"
        f" · data under [{DATA_LICENCE_NAME}]({DATA_LICENCE_URL}) (the quoted words remain "
        f"their publishers') · code under {CODE_LICENCE}"
    )
    links = (
        "[Feed of changes](/feed.atom) · "
        "[What changed since the previous version](/api/v1/changes.json) · "
        "[Corrections log](corrections) · [Methodology](methodology)"
    )
    return facts, links, data_citation(version, built, url)


def draw() -> None:
    """The footer, below whichever page ran."""
    facts, links, citation = footer_lines(cached.build_info(), addresses.base_url() or None)
    st.divider()
    st.caption(facts)
    st.caption("How to cite the data set (copy with the button at the right):")
    st.code(citation, language=None, wrap_lines=True)
    st.caption(links)
