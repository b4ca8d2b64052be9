"""Screen pieces the pages share: a chart with its provenance, quotes, and links to sources.

Long because every screen piece the pages share is here (charts, quotes, filters, links);
each is short.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import quote_plus

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from api.filters import api_path
from charts.catalogue import TrendsSection, chart_page, pick_section
from charts.model import ShownChart
from charts.style import INTERACTIVE_NARROW, PLOTLY_CONFIG, WIDE
from data_model.safe_text import html_text, md
from database.downloads import DOWNLOAD_TABLES
from exports.csvsafe import to_csv_bytes
from monitor import cached, finding, texts


def filter_panel(label: str, keys: tuple[str, ...], key: str) -> DeltaGenerator | None:
    """A 'Filter ...' expander to draw filter widgets in, or None while nobody needs them.

    Each kind of widget loads its own script in a fresh browser, so a reader who never
    filters should not wait for them: the widgets are drawn once the panel is opened, or
    whenever a filter is set (a shared link, or a filter set before the panel was closed),
    so closing the panel keeps the filters.
    """
    active = any(k in st.query_params for k in keys) or any(st.session_state.get(k) for k in keys)
    # The expander's identity includes `expanded`: were it `active`, clearing the last filter
    # would make a new expander, closed. The reader's own open/closed state leads instead.
    expanded = bool(st.session_state.get(key, active))
    panel = st.expander(
        label, expanded=expanded, icon=":material/filter_list:", key=key, on_change="rerun"
    )
    return panel if (panel.open or active) else None


def _seed_from_url(key: str, options: Sequence[Any], format_func: Callable[[Any], str]) -> None:
    """Set the widget `key` from the address when the address changed since this page last
    wrote it (a shared link followed, a first visit): ids as the API takes them, or the
    labels older links carry (?actor=Sar+Kheng), one per parameter or comma-separated;
    values naming nothing are left out, never an error."""
    raw = st.query_params.get_all(key)
    if raw == st.session_state.get(_url_shadow(key)):
        return
    by_text = {format_func(o): o for o in options} | {str(o): o for o in options}
    chosen = [
        by_text[part]
        for value in raw
        for part in ([value] if value in by_text else value.split(","))
        if part in by_text
    ]
    st.session_state[key] = list(dict.fromkeys(chosen))


def _write_url(key: str, values: Sequence[Any]) -> None:
    """Keep the chosen ids in the address (`?key=id&key=id`), the same ids as the API."""
    ids = [str(v) for v in values]
    if ids:
        st.query_params[key] = ids
    elif key in st.query_params:
        del st.query_params[key]
    st.session_state[_url_shadow(key)] = ids


def rename_in_address(old: str, new: str) -> None:
    """Follow a link that names a filter by its former parameter: its values move to `new`
    (the API's name), so the widget, the shared address and the API address agree."""
    if old in st.query_params:
        values = [*st.query_params.get_all(new), *st.query_params.get_all(old)]
        del st.query_params[old]
        st.query_params[new] = values


def _url_shadow(key: str) -> str:
    # What this page last wrote to ?key=: an address that differs was changed from outside.
    return f"_url_{key}"


def pick_many(
    label: str,
    options: Sequence[Any],
    key: str,
    format_func: Callable[[Any], str] = str,
) -> list[Any]:
    """Pills for a short fixed list (stance, status, year), any number chosen, kept in the
    URL under `key` as ids (words on screen). Pills load no script of their own; a
    multiselect does."""
    _seed_from_url(key, options, format_func)
    chosen = list(
        st.pills(label, list(options), selection_mode="multi", format_func=format_func, key=key)
        or []
    )
    _write_url(key, chosen)
    return chosen


def pick_named(label: str, names: dict[str, str], key: str, noun: str = "") -> list[str]:
    """A searchable multiselect for a list that grows with the data (speakers, articles,
    metrics): shows names, returns ids, kept in the URL under `key` as ids. A list longer
    than finding.PICKER_LISTED gets a box above it whose words narrow what it offers (those
    chosen always among them), so a run sends tens of options, not thousands.

    Not Streamlit's `bind="query-params"`: that writes the shown labels to the address,
    which the API does not take and which change when a name is corrected."""
    _seed_from_url(key, list(names), names.__getitem__)
    options = list(names)
    if len(names) > finding.PICKER_LISTED:
        noun = noun or label.lower()
        words = st.text_input(
            f"Find {'an' if noun[:1] in 'aeiou' else 'a'} {noun}",
            key=f"{key}-find",
            placeholder=f"Words of its name · {len(names):,} to choose from",
        )
        chosen = st.session_state.get(key) or []
        listed = finding.PICKER_LISTED
        options, matching = finding.listed_options(names, words, chosen, listed)
        note = finding.listed_text(len(options) - len(chosen), matching, len(names), noun, words)
        if note:
            st.caption(note)
    chosen = st.multiselect(label, options, format_func=names.get, key=key)
    _write_url(key, chosen)
    return chosen


def pick_one(label: str, names: dict[str, str], key: str) -> str:
    """Pills choosing exactly one of a few (the Data page's table), the first by default;
    kept in the URL under `key` as its id."""
    _seed_from_url(key, list(names), names.__getitem__)
    chosen = st.session_state.get(key)
    # The seed is a list (the shape many-choice widgets take); one choice is its first.
    chosen = (chosen or [None])[0] if isinstance(chosen, list) else chosen
    st.session_state[key] = chosen if chosen in names else next(iter(names))
    choice = st.pills(label, list(names), format_func=names.get, key=key, required=True)
    choice = choice if choice in names else next(iter(names))
    _write_url(key, [choice])
    return choice


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
        st.markdown(texts.positions_markdown(positions.head(PROFILE_POSITIONS)))
        if len(positions) > PROFILE_POSITIONS:
            st.caption(
                f"The first {PROFILE_POSITIONS} of {len(positions):,} positions; every one "
                "is on the Data page (table 'Positions on proposals')."
            )


def statements(rows: pd.DataFrame) -> None:
    """Many statements as one block of text: one element, however many there are."""
    st.markdown(texts.statements_markdown(rows))


def how_we_know(evidence: pd.DataFrame | str) -> None:
    """The words behind each figure of a chart, each with a link to its article (the rows,
    or their text made ahead by cached.evidence_text)."""
    text = evidence if isinstance(evidence, str) else texts.evidence_markdown(evidence)
    with st.expander("How we know", expanded=False):
        st.markdown(text)


# SVG inside st.html is stripped by its sanitiser; as an <img> it is kept. The images are
# the API's chart files (api.routes), named with the build's version: the browser fetches
# each once per build and keeps it, where a data URI was sent again on every page run.
_STATIC_CHART = """<div class="static-chart">
<img class="wide" alt="{label}" src="{wide}">
<img class="narrow" alt="{label}" src="{narrow}" loading="lazy"></div>
<style>
.static-chart img {{ width: 100%; height: auto; display: block; }}
.static-chart .narrow {{ display: none; }}
@media (max-width: 640px) {{
  .static-chart .wide {{ display: none; }}
  .static-chart .narrow {{ display: block; }}
}}
</style>"""


def chart_or_notice(chart_id: str) -> ShownChart | None:
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
    chart: ShownChart,
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
    if not interactive and chart.chart_id in cached.charts_drawn():
        label = html_text(f"{chart.title}. {chart.takeaway}", isolate=False)
        wide, narrow = (chart_image_url(chart.chart_id, s) for s in (".svg", ".narrow.svg"))
        st.html(_STATIC_CHART.format(label=label, wide=wide, narrow=narrow))
    else:
        interactive_figures(chart, key)
    st.caption(md(chart.source_line))
    if with_evidence:
        how_we_know(cached.evidence_text(chart.chart_id))


_INTERACTIVE_CSS = """<style>
.st-key-{key}-narrow {{ display: none; }}
@media (max-width: 640px) {{
  .st-key-{key}-wide {{ display: none; }}
  .st-key-{key}-narrow {{ display: block; }}
}}
</style>"""


def interactive_figures(chart: ShownChart, key: str) -> None:
    """The interactive chart twice, fitted for a laptop and for a phone, one shown by width:
    plotly draws its labels at a fixed size and never moves them, so a figure laid out for
    a laptop prints labels over each other on a phone. Only the script is shared."""
    for variant, size in (("wide", WIDE), ("narrow", INTERACTIVE_NARROW)):
        figure = cached.fitted_figure(chart.chart_id, size) or chart.figure
        with st.container(key=f"{key}-{variant}"):
            st.plotly_chart(figure, key=f"{key}-plot-{variant}", config=PLOTLY_CONFIG)
    st.html(_INTERACTIVE_CSS.format(key=key))


def chart_image_url(chart_id: str, suffix: str) -> str:
    """The chart file's address (api.routes) for this build: /charts/{id}.svg?v=<build>."""
    return html.escape(
        f"{base_url()}/charts/{quote_plus(chart_id)}{suffix}?v={cached.build_version()}"
    )


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
    so links from elsewhere in the app can name an item. An unknown id falls back to the first.
    A list longer than finding.PICKER_LISTED gets a box above it whose words narrow what it
    offers (the current choice always among them), as pick_named's lists do: at 5,000
    articles the Sources page sent every title in every run (462 KB)."""
    ids = list(options)
    if not ids:
        return None
    requested = st.query_params.get(param)
    if len(options) > finding.PICKER_LISTED:
        noun = label.lower()
        words = st.text_input(
            f"Find {'an' if noun[:1] in 'aeiou' else 'a'} {noun}",
            key=f"{key}-find",
            placeholder=f"Words of its title · {len(options):,} to choose from",
        )
        current = st.session_state.get(key, requested)
        chosen = [current] if current in options else [ids[0]]
        ids, matching = finding.listed_options(options, words, chosen, finding.PICKER_LISTED)
        note = finding.listed_text(len(ids) - 1, matching, len(options), noun, words)
        if note:
            st.caption(note)
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
    drawn = cached.charts_drawn()
    for chart_id, title in titles.items():
        preview = (
            f'<img alt="" loading="lazy" src="{chart_image_url(chart_id, ".narrow.svg")}">'
            if chart_id in drawn
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


def trends_section_in_address() -> TrendsSection | None:
    """The Trends section ?section= names, or the one holding ?chart= (chart_page's links);
    a link by the section's name or an earlier section's id is followed and the address
    rewritten to the id, so what readers copy from now on is stable. None: no section."""
    requested = st.query_params.get("section")
    section = pick_section(cached.trends_sections(), requested, st.query_params.get("chart"))
    if section is not None and requested is not None and requested != section.section_id:
        st.query_params["section"] = section.section_id
    return section


def trends_menu(sections: list[TrendsSection], current: TrendsSection, interactive: bool) -> str:
    """HTML links to each Trends section by its id (the current one marked) and to the other
    chart mode; plain links open in the same tab, where markdown links would open a new one."""

    def href(section: TrendsSection, live: bool) -> str:
        query = f"section={quote_plus(section.section_id)}"
        return "trends?" + query + ("&amp;interactive=true" if live else "")

    items = [
        f'<strong aria-current="page">{html.escape(s.label)}</strong>'
        if s == current
        else f'<a href="{href(s, interactive)}">{html.escape(s.label)}</a>'
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


def api_addresses(table: str, **filters: Sequence[Any] | str) -> str:
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


def paged_checks(checks: pd.DataFrame, key: str) -> None:
    """Checks in pages of texts.CHECKS_PER_PAGE, the page kept in the address."""
    pages = texts.pages_needed(len(checks), texts.CHECKS_PER_PAGE)
    page = st.pagination(pages, key=key, bind="query-params") if pages > 1 else 1
    st.markdown(texts.checks_markdown(texts.page_of(checks, page, texts.CHECKS_PER_PAGE)))


# --- reading at scale: a page of statements or proposals, one record alone -----------------


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


def page_range(page: int, size: int, n_rows: int, noun: str) -> str:
    """'Statements 21–40 of 86, newest first'."""
    first, last = (page - 1) * size + 1, min(page * size, n_rows)
    return f"{noun} {first:,}–{last:,} of {n_rows:,}, newest first"


def _permalink(href: str) -> str:
    return f"{base_url() or FALLBACK_URL}/{href}"


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
    permalink = _permalink(finding.statement_href(row.statement_id))
    st.code(finding.citation_text(row, permalink), language=None, wrap_lines=True)


def cite_proposal(p: Any) -> None:
    """'Copy with citation' and the proposal's citation as plain text with a copy button."""
    st.markdown("**Copy with citation**")
    permalink = _permalink(finding.policy_href(p.policy_id))
    st.code(finding.proposal_citation_text(p, permalink), language=None, wrap_lines=True)


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


def facet_counts(slots: dict[str, DeltaGenerator], facets: pd.DataFrame) -> None:
    """Under each picker, how many statements each value has under the other filters."""
    for facet, slot in slots.items():
        counts = finding.facet_counts(facets, facet)
        slot.caption(counts or "No statement under the other filters.")


def clear_filters(keys: Sequence[str]) -> None:
    """Empty the search and every filter (a button's callback; the panel stays as it is)."""
    for k in keys:
        if k in st.session_state:  # a drawn widget: its binding clears the address too
            st.session_state[k] = "" if isinstance(st.session_state[k], str) else []
        else:
            st.query_params.pop(k, None)


def nothing_matched(reason: str, keys: Sequence[str]) -> None:
    """Why nothing matched, and a button that clears the search and filters."""
    st.warning(reason, icon=":material/search_off:")
    st.button(
        "Clear the search and every filter",
        key="clear-filters",
        on_click=clear_filters,
        args=(tuple(keys),),
        icon=":material/filter_alt_off:",
    )


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
        box.markdown(texts.markdown_table(texts.stance_matrix(positions).reset_index()))


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
