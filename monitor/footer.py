"""The footer every page shows: data version and build date, licences, how to cite the data
set (copyable), and links to the feed, the changes, the corrections log and the methodology."""

from __future__ import annotations

import streamlit as st

from data_model.citation import data_citation
from data_model.i18n import Translator, translator
from data_model.licence import CODE_LICENCE, DATA_LICENCE_NAME, DATA_LICENCE_URL
from monitor import addresses, cached, copying, language


def footer_lines(
    info: dict[str, str], url: str | None, t: Translator | None = None
) -> tuple[str, str, str]:
    """The footer's facts line, links line and the citation to copy, in the reader's
    language (the data set's citation in it too, its title as published)."""
    t = t or translator()
    version = info.get("data_version")
    built = info.get("built_at", "")[:10] or None
    facts = t.gettext(
        "Data version **{version}** · built {built} · data under [{licence}]({licence_url}) "
        "(the quoted words remain their publishers') · code under {code_licence}"
    ).format(
        version=version or t.gettext("not recorded"),
        built=t.date(built) if built else t.gettext("at an unknown date"),
        licence=DATA_LICENCE_NAME,
        licence_url=DATA_LICENCE_URL,
        code_licence=CODE_LICENCE,
    )
    # The dashboard's own pages keep the reader's language; the feed and the JSON do not
    # speak one.
    here = language.suffix(t, "?")
    # Each label outside its f-string: the catalogue's extractor does not read inside one.
    feed, changes = (
        t.gettext("Feed of changes"),
        t.gettext("What changed since the previous version"),
    )
    corrections, methodology = t.gettext("Corrections log"), t.gettext("Methodology")
    links = " · ".join(
        [
            f"[{feed}](/feed.atom)",
            f"[{changes}](/api/v1/changes.json)",
            f"[{corrections}](corrections{here})",
            f"[{methodology}](methodology{here})",
        ]
    )
    return facts, links, data_citation(version, built, url, t.lang)


def draw() -> None:
    """The footer, below whichever page ran."""
    t = language.current()
    facts, links, citation = footer_lines(cached.build_info(), addresses.base_url() or None, t)
    st.divider()
    st.caption(facts)
    st.caption(t.gettext("How to cite the data set (copy with the button at the right):"))
    copying.copy_text(citation, t, t.gettext("Copy citation"))
    st.caption(links)
