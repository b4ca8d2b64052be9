"""Screen pieces the pages share: a chart with its provenance, quotes, and links to sources.

Long because every screen piece the pages share is here (charts, quotes, filters, links);
each is short.
"""

from __future__ import annotations

import base64
import html
import logging
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote_plus

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from api.filters import api_path
from charts.catalogue import chart_page
from charts.model import Chart
from charts.style import PLOTLY_CONFIG
from data_model.safe_text import html_text, md
from monitor import cached, texts


def filter_panel(label: str, keys: tuple[str, ...], key: str) -> DeltaGenerator | None:
    """A 'Filter ...' expander to draw filter widgets in, or None while nobody needs them.

    Each kind of widget loads its own script in a fresh browser, so a reader who never
    filters should not wait for them: the widgets are drawn once the panel is opened, or
    whenever a filter is set (a shared link, or a filter set before the panel was closed),
    so closing the panel keeps the filters.
    """
    active = any(k in st.query_params for k in keys) or any(st.session_state.get(k) for k in keys)
    panel = st.expander(
        label, expanded=active, icon=":material/filter_list:", key=key, on_change="rerun"
    )
    return panel if (panel.open or active) else None


def pick_many(
    label: str,
    options: Sequence[Any],
    key: str,
    format_func: Callable[[Any], str] = str,
) -> list[Any]:
    """Pills for a short fixed list (stance, status, year), any number chosen, kept in the
    URL under `key`. Pills load no script of their own; a multiselect does."""
    chosen = st.pills(
        label,
        list(options),
        selection_mode="multi",
        format_func=format_func,
        key=key,
        bind="query-params",
    )
    return list(chosen or [])


def pick_named(label: str, names: dict[str, str], key: str) -> list[str]:
    """A searchable multiselect for a list that grows with the data (speakers, articles,
    metrics): shows names, returns ids, kept in the URL under `key`."""
    return st.multiselect(label, list(names), format_func=names.get, key=key, bind="query-params")


def speaker_profile(actor_id: str) -> None:
    """One speaker's name, role, organisation and positions on proposals, in a box."""
    actors = cached.actors()
    profile = next(actors[actors["actor_id"] == actor_id].itertuples())
    with st.container(border=True):
        st.subheader(md(profile.name))
        st.markdown(texts.actor_profile_markdown(profile))
        st.markdown(texts.positions_markdown(cached.policy_positions(actor_ids=[actor_id])))


def statements(rows: pd.DataFrame) -> None:
    """Many statements as one block of text: one element, however many there are."""
    st.markdown(texts.statements_markdown(rows))


def how_we_know(evidence: pd.DataFrame) -> None:
    """The words behind each figure of a chart, each with a link to its article."""
    with st.expander("How we know", expanded=False):
        st.markdown(texts.evidence_markdown(evidence))


# SVG inside st.html is stripped by its sanitiser; as an <img> data URI it is kept.
_STATIC_CHART = """<div class="static-chart">
<img class="wide" alt="{label}" src="data:image/svg+xml;base64,{wide}">
<img class="narrow" alt="{label}" src="data:image/svg+xml;base64,{narrow}"></div>
<style>
.static-chart img {{ width: 100%; height: auto; display: block; }}
.static-chart .narrow {{ display: none; }}
@media (max-width: 640px) {{
  .static-chart .wide {{ display: none; }}
  .static-chart .narrow {{ display: block; }}
}}
</style>"""


def chart_or_notice(chart_id: str) -> Chart | None:
    """The chart, or None with a note in its place when the data cannot be drawn: a
    reader sees what is missing, never a traceback (the details go to the server log)."""
    try:
        return cached.chart(chart_id)
    except Exception:  # any fault in one chart must not take the page down with it
        logging.getLogger(__name__).exception("chart %s cannot be drawn", chart_id)
        st.warning(
            "This chart cannot be drawn from the current data; its figures are on the Data page.",
            icon=":material/warning:",
        )
        return None


def chart_block(
    chart: Chart,
    key: str,
    *,
    show_title: bool = True,
    with_evidence: bool = True,
    interactive: bool = False,
) -> None:
    """Title, takeaway, the figure, its source line and 'How we know'.

    The figure is static SVG unless interactive is asked for (or SVG cannot be drawn
    here): plotly.js is a 4.7 MB script, and most readers need the labels, not hovering.
    """
    if show_title:
        st.subheader(chart.title, anchor=chart.chart_id)
    st.markdown(f"**{md(chart.takeaway)}**")
    svgs = None if interactive else cached.chart_svgs(chart.chart_id)
    if svgs:
        label = html_text(f"{chart.title}. {chart.takeaway}", isolate=False)
        wide, narrow = (base64.b64encode(svg.encode()).decode() for svg in svgs)
        st.html(_STATIC_CHART.format(label=label, wide=wide, narrow=narrow))
    else:
        st.plotly_chart(chart.figure, key=f"{key}-plot", config=PLOTLY_CONFIG)
    st.caption(md(chart.source_line))
    if with_evidence:
        how_we_know(chart.evidence)


def base_url() -> str:
    """Where this dashboard is served, as the reader's browser sees it (for permalinks)."""
    url = st.context.url or ""
    parts = url.split("/", 3)
    return "/".join(parts[:3]) if len(parts) >= 3 and parts[0].startswith("http") else ""


def permalink(chart_id: str, *, embed: bool) -> str:
    """The chart alone (embed=True, for iframes) or on its page in the full dashboard."""
    if embed:
        return f"{base_url()}/embed?embed=true&chart={chart_id}"
    return f"{base_url()}/{chart_page(chart_id)}#{chart_id}"


def choose_by_id(label: str, options: dict[str, str], param: str, key: str) -> str | None:
    """A selectbox whose choice lives in the URL as a stable id (?param=id), not as its label,
    so links from elsewhere in the app can name an item. An unknown id falls back to the first."""
    ids = list(options)
    if not ids:
        return None
    requested = st.query_params.get(param)
    choice = st.selectbox(
        label,
        ids,
        index=ids.index(requested) if requested in ids else 0,
        format_func=options.get,
        key=key,
    )
    st.query_params[param] = choice
    return choice


#: Used in files made outside a browser session (no request URL to go by).
FALLBACK_URL = "http://localhost:8501"


def iframe_snippet(url: str, title: str, height: int = 560) -> str:
    """HTML a donor pastes into their site."""
    safe_title = html.escape(title, quote=True)
    safe_url = html.escape(url, quote=True)
    return (
        f'<iframe src="{safe_url}" title="{safe_title}" width="100%" height="{height}" '
        'style="border:0" loading="lazy"></iframe>'
    )


_GALLERY = """<div class="chart-gallery">{items}</div>
<style>
.chart-gallery {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
                  gap: .75rem; margin-bottom: 1rem; }}
.chart-gallery a {{ text-decoration: none; color: inherit; border: 1px solid #ddd;
                    border-radius: .5rem; padding: .4rem; display: block; }}
.chart-gallery img {{ width: 100%; height: auto; display: block; }}
.chart-gallery span {{ font-size: .85rem; }}
</style>"""


def chart_gallery(titles: dict[str, str]) -> str:
    """Small previews of every chart, each linking to its sharing panel (one element)."""
    items = []
    for chart_id, title in titles.items():
        svgs = cached.chart_svgs(chart_id)
        preview = (
            f'<img alt="" src="data:image/svg+xml;base64,{base64.b64encode(svgs[1].encode()).decode()}">'
            if svgs
            else ""
        )
        items.append(
            f'<a href="share?chart={quote_plus(chart_id)}">{preview}'
            f"<span>{html.escape(title)}</span></a>"
        )
    return _GALLERY.format(items="".join(items))


def url_choice(param: str, choices: list[str]) -> str:
    """The choice named by ?param= in the address, else the first (unknown values too)."""
    requested = st.query_params.get(param)
    return requested if requested in choices else choices[0]


def trends_menu(sections: list[str], current: str, interactive: bool) -> str:
    """HTML links to each Trends section (the current one marked) and to the other chart
    mode; plain links open in the same tab, where markdown links would open a new one."""

    def href(section: str, live: bool) -> str:
        query = f"section={quote_plus(section)}" + ("&amp;interactive=true" if live else "")
        return f"trends?{query}"

    items = [
        f'<strong aria-current="page">{html.escape(s)}</strong>'
        if s == current
        else f'<a href="{href(s, interactive)}">{html.escape(s)}</a>'
        for s in sections
    ]
    switch = (
        f'<a href="{href(current, False)}">Static charts (quicker)</a>'
        if interactive
        else f'<a href="{href(current, True)}">Interactive charts (hover for details; '
        "slower to load)</a>"
    )
    return (
        f'<nav class="trends-menu">{" · ".join(items)}<br><small>{switch}</small></nav>'
        "<style>.trends-menu { line-height: 1.9; } .trends-menu a { white-space: nowrap; }"
        ".trends-menu strong { white-space: nowrap; }</style>"
    )


def api_addresses(table: str, **filters: Sequence[str]) -> str:
    """Markdown: the CSV and JSON addresses of the rows shown, for pandas, R or a spreadsheet."""
    csv, json_ = (f"{base_url()}{api_path(table, s, filters)}" for s in (".csv", ".json"))
    return f"The same rows at a stable address: [CSV]({csv}) · [JSON]({json_}) — `{csv}`"


def light_embed_url(chart_id: str) -> str:
    """The chart's light embed (api.embed): a small page with the static image, no script."""
    return f"{base_url()}/charts/{quote_plus(chart_id)}.html"


_COPY_BLOCKS = """<div class="copy-blocks">
<p><strong>Permalink</strong> (chart id <code>{chart_id}</code>)</p>
<pre>{url}</pre>
<p><strong>Embed snippet</strong>: paste it into your page</p>
<pre>{snippet}</pre>{interactive}</div>
<style>.copy-blocks pre {{ white-space: pre-wrap; word-break: break-all; user-select: all;
  background: #f6f6f6; padding: .6rem .8rem; border-radius: .4rem; font-size: .85rem; }}</style>"""


_INTERACTIVE_BLOCK = """
<p><strong>Interactive embed</strong>: the live dashboard chart (hover for details; opens a
dashboard session for every reader, so it is slower and needs this server up)</p>
<pre>{snippet}</pre>"""


def copy_blocks(chart_id: str, url: str, snippet: str, interactive_snippet: str = "") -> str:
    """Permalink and iframe snippet (and the interactive one, if given) as plain preformatted
    text: a click selects all of it (no syntax-highlighting script to load for a few lines)."""
    interactive = (
        _INTERACTIVE_BLOCK.format(snippet=html.escape(interactive_snippet))
        if interactive_snippet
        else ""
    )
    return _COPY_BLOCKS.format(
        chart_id=html.escape(chart_id),
        url=html.escape(url),
        snippet=html.escape(snippet),
        interactive=interactive,
    )


# Streamlit draws blockquotes and captions at 60% opacity: quoted words, the evidence behind
# every figure, and the captions (sources, "how sure", links in them) came out at 3.0-3.9:1
# against white, below WCAG AA's 4.5:1. Quotes take the theme's text colour (13.7:1); the
# left rule still marks a quote. Captions stay a lighter grey than the text, at 6.6:1, and
# their links and code keep their own colours at full strength.
_READING_CSS = (
    "<style>[data-testid='stMarkdownContainer'] blockquote { opacity: 1; }"
    "[data-testid='stCaptionContainer'] { opacity: 1; color: #5a5854; }</style>"
)


def reading_style() -> None:
    """Styles every page needs for legibility (quotes at full contrast)."""
    st.html(_READING_CSS)


def paged_checks(checks: pd.DataFrame, key: str) -> None:
    """Checks in pages of texts.CHECKS_PER_PAGE, the page kept in the address."""
    pages = texts.pages_needed(len(checks), texts.CHECKS_PER_PAGE)
    page = st.pagination(pages, key=key, bind="query-params") if pages > 1 else 1
    st.markdown(texts.checks_markdown(texts.page_of(checks, page, texts.CHECKS_PER_PAGE)))
